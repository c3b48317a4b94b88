//! What is kept of a play: enough to show it again, score it again and see what
//! changed. Records are RON, one file a play, written atomically by [`super::store`].

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::catalogues::Catalogues;
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
    /// For a group session: how many people were present.
    #[serde(default)]
    pub group: Option<u32>,
    /// For a group session: whether it was run on one screen (so it resumes on one).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub single_screen: bool,
    pub decisions: Vec<Decision>,
    /// The ending reached; none for an abandoned play.
    #[serde(default)]
    pub ending: Option<String>,
    /// The result as shown at the end; none for an abandoned play.
    #[serde(default)]
    pub result: Option<Assessment>,
    /// The player's debrief, written after the result or a replay.
    #[serde(default)]
    pub reflection: Option<Reflection>,
    /// Each time the play was left part-way and carried on later.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resumed: Vec<Resumption>,
}

/// A play carried on: when, and after how many decisions it had been left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resumption {
    pub at: Timestamp,
    pub after: usize,
}

/// A short structured debrief in the plus-delta form used in simulation training.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reflection {
    /// The question put to the player, drawn from the principles the play scored lowest on.
    pub prompt: String,
    pub went_well: String,
    pub do_differently: String,
    /// One thing to take into practice.
    pub into_practice: String,
    pub written: Option<Timestamp>,
}

impl Reflection {
    pub fn is_empty(&self) -> bool {
        [&self.went_well, &self.do_differently, &self.into_practice].iter().all(|s| s.trim().is_empty())
    }
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
    /// In a group session, the show of hands: a count per choice, in the order offered.
    #[serde(default)]
    pub votes: Option<Vec<u32>>,
    /// When the room voted from their phones: how many phones voted (the counts are
    /// in `votes`). Nothing about any phone is kept.
    #[serde(default)]
    pub phones: Option<u32>,
}

impl Record {
    pub const FORMAT: u32 = 1;

    pub fn is_finished(&self) -> bool {
        self.ending.is_some()
    }

    /// Who played: the player's name, "group of N", or none.
    pub fn who(&self) -> Option<String> {
        match (self.group, &self.player) {
            (Some(n), _) => Some(format!("group of {n}")),
            (None, Some(name)) => Some(name.clone()),
            (None, None) => None,
        }
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

    /// The reflection question for this play: from the principle it scored lowest on
    /// (the catalogue's `reflect`), or a general one.
    pub fn reflection_prompt(&self, catalogues: &Catalogues) -> String {
        let lowest = self.result.as_ref().and_then(|r| r.ratings.iter().min_by(|a, b| a.rating.total_cmp(&b.rating)));
        match lowest.and_then(|r| catalogues.principle(&r.principle)) {
            Some(principle) => match &principle.reflect {
                Some(question) => format!("{}: {question}", principle.name),
                None => format!("You scored lowest on {}. What would you do differently next time?", principle.name),
            },
            None => "Which moment in this play would you handle differently next time, and how?".to_owned(),
        }
    }

    /// Everything in the record that does not add up, each said by name: a format
    /// this version cannot read, a choice taken that was not offered, votes that do
    /// not match the choices, ratings that are not figures from 0 to 100. A record
    /// is only shown when there are none.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.format != Record::FORMAT {
            problems.push(match self.format {
                0 => "it says it is record format 0, which no version of Boundaries has written".to_owned(),
                n => format!(
                    "it is record format {n}, written by a newer version of Boundaries; this version reads format {}",
                    Record::FORMAT
                ),
            });
        }
        if self.scenario.trim().is_empty() {
            problems.push("it names no scenario".to_owned());
        }
        if self.ended.is_some_and(|ended| ended < self.started) {
            problems.push("it ends before it starts".to_owned());
        }
        if self.group == Some(0) {
            problems.push("it is a group session of no people".to_owned());
        }
        for (i, decision) in self.decisions.iter().enumerate() {
            let at = format!("decision {} (at \"{}\")", i + 1, decision.node);
            if !decision.offered.contains(&decision.chosen) {
                problems.push(format!("{at}: the choice taken, \"{}\", is not one of those offered", decision.chosen));
            }
            let mut seen = std::collections::HashSet::new();
            if let Some(twice) = decision.offered.iter().find(|c| !seen.insert(*c)) {
                problems.push(format!("{at}: choice \"{twice}\" is offered twice"));
            }
            if decision.confidence.is_some_and(|c| !(1..=5).contains(&c)) {
                problems
                    .push(format!("{at}: a confidence of {}, where 1 to 5 is asked", decision.confidence.unwrap_or(0)));
            }
            if let Some(votes) = &decision.votes
                && votes.len() != decision.offered.len()
            {
                let (n, m) = (votes.len(), decision.offered.len());
                problems.push(format!("{at}: {n} vote counts for {m} choices"));
            }
        }
        if let Some(result) = &self.result {
            let figure = |value: f64| value.is_finite() && (0.0..=100.0).contains(&value);
            if result.overall.is_some_and(|o| !figure(o)) {
                problems.push(format!(
                    "the overall figure, {}, is not from 0 to 100",
                    short(result.overall.unwrap_or(0.0))
                ));
            }
            for rating in result.ratings.iter().filter(|r| !figure(r.rating)) {
                problems.push(format!(
                    "the rating for \"{}\", {}, is not from 0 to 100",
                    rating.principle,
                    short(rating.rating)
                ));
            }
        }
        problems
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

/// A figure as a person would write it, however large or odd.
fn short(value: f64) -> String {
    if value.is_finite() && value.abs() < 1e6 { format!("{value:.1}") } else { format!("{value:.3e}") }
}
