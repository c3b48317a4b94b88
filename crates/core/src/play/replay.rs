//! A finished or abandoned play, laid out again decision by decision with the roads
//! not taken: at each decision every choice that was offered, in the order it was
//! shown, with its scores, its feedback and where it would have led.

use serde::Serialize;

use super::record::Record;
use crate::scenario::{Node, Outcome, Scenario, StateGraph};
use crate::scoring::recommended_path;
use crate::text::shorten;

/// Where a choice leads.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum LeadsTo {
    /// Another decision: its node id and opening words.
    Scene {
        node: String,
        opening: String,
    },
    Ending {
        node: String,
        title: String,
        outcome: Outcome,
    },
    /// The scenario no longer has this node.
    Unknown {
        node: String,
    },
}

impl LeadsTo {
    /// Where a choice leads, taken or not, in the words every replay and report uses.
    pub fn sentence(&self) -> String {
        match self {
            LeadsTo::Scene { opening, .. } => format!("Leads on to: {opening}"),
            LeadsTo::Ending { title, outcome, .. } => {
                format!("Leads to the ending “{title}” ({}).", outcome_words(*outcome))
            }
            LeadsTo::Unknown { .. } => "Leads somewhere no longer in the scenario.".to_owned(),
        }
    }
}

/// An outcome in words: "a good outcome".
pub fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Good => "a good outcome",
        Outcome::Mixed => "a mixed outcome",
        Outcome::Poor => "a poor outcome",
    }
}

/// One choice as it was offered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplayOption {
    pub id: String,
    /// Empty if the scenario no longer has this choice.
    pub text: String,
    pub scores: Vec<(String, i64)>,
    pub feedback: Option<String>,
    pub guide: Vec<String>,
    pub red_flag: Option<String>,
    /// The red line the red flag crosses (an id from the catalogue).
    pub red_line: Option<String>,
    pub leads_to: LeadsTo,
    pub taken: bool,
    /// In a group session, the hands raised for it.
    pub votes: Option<u32>,
}

impl ReplayOption {
    /// The choice's words, or, if the scenario has lost the choice since, which it was.
    pub fn label(&self) -> String {
        if self.text.is_empty() {
            format!("(choice \"{}\", no longer in the scenario)", self.id)
        } else {
            self.text.clone()
        }
    }
}

/// One decision as it was shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplayStep {
    /// 1-based.
    pub number: usize,
    pub node: String,
    /// (name, role) of the speaker.
    pub speaker: Option<(String, String)>,
    pub text: String,
    pub prompt: String,
    /// In the order they were shown.
    pub options: Vec<ReplayOption>,
    pub seconds: f64,
    pub confidence: Option<u8>,
}

impl ReplayStep {
    pub fn taken(&self) -> Option<&ReplayOption> {
        self.options.iter().find(|o| o.taken)
    }
}

/// The ending a play reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplayEnding {
    pub node: String,
    pub title: String,
    pub text: String,
    pub outcome: Outcome,
    pub takeaways: Vec<String>,
}

/// A recorded play, ready to step through.
#[derive(Debug, Clone, PartialEq)]
pub struct Replay {
    pub record: Record,
    pub steps: Vec<ReplayStep>,
    pub ending: Option<ReplayEnding>,
    /// Why what is shown may differ from what was played, if it may.
    pub warning: Option<String>,
    /// The recommended path through the scenario as it is now: (node, choice) ids.
    pub recommended: Vec<(String, String)>,
}

impl Replay {
    /// Lays out a record against its scenario (None if it is no longer in the library).
    pub fn new(record: Record, scenario: Option<&Scenario>) -> Replay {
        let Some(scenario) = scenario else {
            let warning =
                format!("scenario \"{}\" is not in the library, so only the choice ids can be shown", record.scenario);
            let steps = record
                .decisions
                .iter()
                .enumerate()
                .map(|(i, d)| ReplayStep {
                    number: i + 1,
                    node: d.node.clone(),
                    speaker: None,
                    text: String::new(),
                    prompt: String::new(),
                    options: d
                        .offered
                        .iter()
                        .enumerate()
                        .map(|(i, id)| unknown_option(id, &d.chosen, &d.node, votes(d, i)))
                        .collect(),
                    seconds: d.millis as f64 / 1000.0,
                    confidence: d.confidence,
                })
                .collect();
            return Replay { record, steps, ending: None, warning: Some(warning), recommended: Vec::new() };
        };
        let steps = record.decisions.iter().enumerate().map(|(i, d)| step(scenario, i, d)).collect();
        let ending = record.ending.as_deref().and_then(|id| match scenario.node(id) {
            Some(Node::Ending(e)) => Some(ReplayEnding {
                node: id.to_owned(),
                title: e.title.clone(),
                text: e.text.clone(),
                outcome: e.outcome,
                takeaways: e.takeaways.clone(),
            }),
            _ => None,
        });
        let (path, _) = recommended_path(&StateGraph::explore(scenario));
        Replay {
            warning: record.changed_since(scenario),
            recommended: path.into_iter().map(|(n, c)| (n.to_owned(), c.to_owned())).collect(),
            record,
            steps,
            ending,
        }
    }

    /// The node ids the play passed through, ending included.
    pub fn path_nodes(&self) -> Vec<&str> {
        let mut nodes: Vec<&str> = self.steps.iter().map(|s| s.node.as_str()).collect();
        nodes.extend(self.record.ending.as_deref());
        nodes
    }
}

fn step(scenario: &Scenario, i: usize, decision: &super::record::Decision) -> ReplayStep {
    let scene = match scenario.node(&decision.node) {
        Some(Node::Scene(scene)) => Some(scene),
        _ => None,
    };
    let options = decision
        .offered
        .iter()
        .enumerate()
        .map(|(i, id)| match scene.and_then(|s| s.choices.iter().find(|c| &c.id == id)) {
            Some(choice) => ReplayOption {
                id: id.clone(),
                text: choice.text.clone(),
                scores: choice.scores.iter().map(|(p, s)| (p.to_owned(), *s)).collect(),
                feedback: choice.feedback.clone(),
                guide: choice.guide.clone(),
                red_flag: choice.red_flag.clone(),
                red_line: choice.red_line.clone(),
                leads_to: leads_to(scenario, &choice.goto),
                taken: *id == decision.chosen,
                votes: votes(decision, i),
            },
            None => unknown_option(id, &decision.chosen, &decision.node, votes(decision, i)),
        })
        .collect();
    ReplayStep {
        number: i + 1,
        node: decision.node.clone(),
        speaker: scene.and_then(|s| scenario.speaker(s)).map(|(c, _)| (c.name.clone(), c.role.clone())),
        text: scene.map(|s| s.text.clone()).unwrap_or_default(),
        prompt: scene.map_or(crate::scenario::model::DEFAULT_PROMPT, |s| s.prompt()).to_owned(),
        options,
        seconds: decision.millis as f64 / 1000.0,
        confidence: decision.confidence,
    }
}

fn leads_to(scenario: &Scenario, node: &str) -> LeadsTo {
    match scenario.node(node) {
        Some(Node::Scene(scene)) => LeadsTo::Scene { node: node.to_owned(), opening: shorten(&scene.text, 90) },
        Some(Node::Ending(ending)) => {
            LeadsTo::Ending { node: node.to_owned(), title: ending.title.clone(), outcome: ending.outcome }
        }
        None => LeadsTo::Unknown { node: node.to_owned() },
    }
}

/// The hands raised for the `i`th choice offered, in a group session.
fn votes(decision: &super::record::Decision, i: usize) -> Option<u32> {
    decision.votes.as_ref().and_then(|v| v.get(i).copied())
}

fn unknown_option(id: &str, chosen: &str, node: &str, votes: Option<u32>) -> ReplayOption {
    ReplayOption {
        id: id.to_owned(),
        text: String::new(),
        scores: Vec::new(),
        feedback: None,
        guide: Vec::new(),
        red_flag: None,
        red_line: None,
        leads_to: LeadsTo::Unknown { node: node.to_owned() },
        taken: id == chosen,
        votes,
    }
}
