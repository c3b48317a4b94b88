//! What is kept of a play: enough to show it again, score it again and see what
//! changed. Records are RON, one file a play, written atomically by [`super::store`].

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::scenario::Scenario;
use crate::scoring::Assessment;

/// One play, finished or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The version of this layout, so later versions can read older records.
    pub format: u32,
    pub scenario: String,
    pub scenario_title: String,
    /// The scenario file's content hash when the play started.
    pub scenario_hash: String,
    pub started: Timestamp,
    /// When the play reached its ending.
    pub ended: Option<Timestamp>,
    pub seed: u64,
    /// Whether choices were shown in file order rather than shuffled.
    #[serde(default)]
    pub in_order: bool,
    #[serde(default)]
    pub player: Option<String>,
    pub decisions: Vec<Decision>,
    /// The ending reached; none for an abandoned play.
    #[serde(default)]
    pub ending: Option<String>,
    /// The result as shown at the end; none for an abandoned play.
    #[serde(default)]
    pub result: Option<Assessment>,
}

/// One decision as it was taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub node: String,
    /// Choice ids in the order they were shown.
    pub offered: Vec<String>,
    pub chosen: String,
    /// How long the player took, from the scene appearing to the choice.
    pub millis: u64,
    /// How confident the player said they were, 1 (guessing) to 5 (sure), if asked.
    #[serde(default)]
    pub confidence: Option<u8>,
}

impl Record {
    pub const FORMAT: u32 = 1;

    pub fn is_finished(&self) -> bool {
        self.ending.is_some()
    }

    /// A warning if the scenario has changed since this play (or is another one).
    pub fn changed_since(&self, scenario: &Scenario) -> Option<String> {
        if scenario.id != self.scenario {
            return Some(format!("this record is of \"{}\", not \"{}\"", self.scenario, scenario.id));
        }
        (scenario.content_hash != self.scenario_hash).then(|| {
            format!(
                "scenario \"{}\" has changed since this play; what is shown now may differ from what was played",
                self.scenario
            )
        })
    }

    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        ron::ser::to_string_pretty(self, config).expect("records contain only serialisable data")
    }

    /// Reads a record. Records are plain RON, written by [`Record::to_ron`], without the
    /// extensions scenario files use for authors' convenience.
    pub fn from_ron(text: &str) -> Result<Record, ron::error::SpannedError> {
        ron::Options::default().from_str(text)
    }
}
