//! A play-through as a pure state machine: where the player is, what is on offer,
//! and what happens when they choose. It knows nothing of screens or terminals.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;

use jiff::Timestamp;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::record::{Decision, Record};
use crate::catalogues::Catalogues;
use crate::scenario::{Choice, Ending, Node, Scenario, Scene};
use crate::scoring::{Assessment, Taken, assess};

/// How a play is set up.
#[derive(Debug, Clone, Default)]
pub struct PlayOptions {
    /// Seeds the order choices are shown in; the same seed gives the same order.
    pub seed: u64,
    /// Show choices in file order instead of shuffled.
    pub in_order: bool,
    pub player: Option<String>,
    /// For a group session: how many people are present.
    pub group: Option<u32>,
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum PlayError {
    #[error("the play has already ended")]
    Ended,
    #[error("\"{choice}\" is not offered here; choose one of: {}", offered.join(", "))]
    NotOffered { choice: String, offered: Vec<String> },
    #[error("the scenario has no node \"{0}\"")]
    MissingNode(String),
    #[error("the scenario has changed at \"{0}\" since this play, so it cannot be resumed")]
    Diverged(String),
}

/// Where the play is now.
pub enum Current<'a> {
    /// A decision: the scene and the choices on offer, in the order to show them.
    Scene {
        id: &'a str,
        scene: &'a Scene,
        offered: Vec<&'a Choice>,
    },
    Ending {
        id: &'a str,
        ending: &'a Ending,
    },
}

/// One play of one scenario.
#[derive(Debug, Clone)]
pub struct Playthrough {
    scenario: Arc<Scenario>,
    options: PlayOptions,
    rng: ChaCha8Rng,
    flags: HashSet<String>,
    node: String,
    /// Positions in the current scene's `choices`, in the order shown.
    offered: Vec<usize>,
    decisions: Vec<Decision>,
    started: Timestamp,
    ended: Option<Timestamp>,
    shown_at: Instant,
    resumed: Vec<super::record::Resumption>,
}

impl Playthrough {
    pub fn start(scenario: Arc<Scenario>, options: PlayOptions) -> Result<Playthrough, PlayError> {
        let start = scenario.start.clone();
        let mut play = Playthrough {
            rng: ChaCha8Rng::seed_from_u64(options.seed),
            scenario,
            options,
            flags: HashSet::new(),
            node: String::new(),
            offered: Vec::new(),
            decisions: Vec::new(),
            started: Timestamp::now(),
            ended: None,
            shown_at: Instant::now(),
            resumed: Vec::new(),
        };
        play.enter(start)?;
        Ok(play)
    }

    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    pub fn options(&self) -> &PlayOptions {
        &self.options
    }

    /// Sets how many people are present, for a group session.
    pub fn set_group_size(&mut self, present: u32) {
        self.options.group = Some(present);
    }

    pub fn current(&self) -> Current<'_> {
        let (id, node) = self.current_node();
        match node {
            Node::Scene(scene) => {
                Current::Scene { id, scene, offered: self.offered.iter().map(|&i| &scene.choices[i]).collect() }
            }
            Node::Ending(ending) => Current::Ending { id, ending },
        }
    }

    fn current_node(&self) -> (&str, &Node) {
        let position = self.scenario.nodes.position(&self.node).expect("enter() only moves to existing nodes");
        self.scenario.nodes.at(position)
    }

    pub fn is_finished(&self) -> bool {
        self.ended.is_some()
    }

    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    /// Takes the offered choice with this id. `confidence` (1–5) is how sure the
    /// player said they were, if asked. Returns the choice, for its feedback.
    pub fn choose(&mut self, choice_id: &str, confidence: Option<u8>) -> Result<&Choice, PlayError> {
        self.take(choice_id, confidence, None)
    }

    /// Takes a choice for a group, keeping the votes (counts in the order the choices
    /// are shown) and, when the room voted by phone, how many phones voted.
    pub fn choose_for_group(
        &mut self,
        choice_id: &str,
        votes: Vec<u32>,
        phones: Option<u32>,
    ) -> Result<&Choice, PlayError> {
        self.take(choice_id, None, Some(votes))?;
        if let Some(last) = self.decisions.last_mut() {
            last.phones = phones;
        }
        Ok(self.last_choice().expect("a decision was just taken"))
    }

    /// Picks up a play from its record (an abandoned one, say): the same seed shows
    /// the same choices, and the recorded decisions are taken again.
    pub fn resume(scenario: Arc<Scenario>, record: &Record) -> Result<Playthrough, PlayError> {
        let options = PlayOptions {
            seed: record.seed,
            in_order: record.in_order,
            player: record.player.clone(),
            group: record.group,
        };
        let mut play = Playthrough::start(scenario, options)?;
        play.started = record.started;
        for decision in &record.decisions {
            let offered = match play.current() {
                Current::Scene { offered, .. } => offered.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
                Current::Ending { .. } => Vec::new(),
            };
            if offered != decision.offered {
                return Err(PlayError::Diverged(decision.node.clone()));
            }
            play.take(&decision.chosen, decision.confidence, decision.votes.clone())?;
            if let Some(last) = play.decisions.last_mut() {
                last.millis = decision.millis;
                last.phones = decision.phones;
            }
        }
        // Carried on now: kept, so the record (and its statements) say so.
        play.resumed.clone_from(&record.resumed);
        if !record.is_finished() {
            play.resumed.push(super::record::Resumption { at: Timestamp::now(), after: record.decisions.len() });
        }
        Ok(play)
    }

    fn take(&mut self, choice_id: &str, confidence: Option<u8>, votes: Option<Vec<u32>>) -> Result<&Choice, PlayError> {
        let Current::Scene { id, scene, offered } = self.current() else {
            return Err(PlayError::Ended);
        };
        let Some(picked) = offered.iter().position(|c| c.id == choice_id) else {
            return Err(PlayError::NotOffered {
                choice: choice_id.to_owned(),
                offered: offered.iter().map(|c| c.id.clone()).collect(),
            });
        };
        let choice = &scene.choices[self.offered[picked]];
        let decision = Decision {
            node: id.to_owned(),
            offered: offered.iter().map(|c| c.id.clone()).collect(),
            chosen: choice.id.clone(),
            millis: self.shown_at.elapsed().as_millis().try_into().unwrap_or(u64::MAX),
            confidence,
            votes,
            phones: None,
        };
        let (goto, sets) = (choice.goto.clone(), choice.sets.clone());
        self.decisions.push(decision);
        self.flags.extend(sets);
        self.enter(goto)?;
        Ok(self.last_choice().expect("a decision was just taken"))
    }

    /// The choice taken at the last decision, for its feedback.
    pub fn last_choice(&self) -> Option<&Choice> {
        let (_, _, chosen) = resolve(&self.scenario, self.decisions.last()?)?;
        Some(chosen)
    }

    fn enter(&mut self, node: String) -> Result<(), PlayError> {
        let Some(target) = self.scenario.nodes.get(&node) else {
            return Err(PlayError::MissingNode(node));
        };
        self.offered.clear();
        match target {
            Node::Scene(scene) => {
                self.offered = (0..scene.choices.len())
                    .filter(|&i| scene.choices[i].offered_with(|f| self.flags.contains(f)))
                    .collect();
                if !self.options.in_order {
                    self.offered.shuffle(&mut self.rng);
                }
            }
            Node::Ending(_) => self.ended = Some(Timestamp::now()),
        }
        self.node = node;
        self.shown_at = Instant::now();
        Ok(())
    }

    /// The decisions so far as the scoring engine sees them.
    fn taken(&self) -> Vec<(&str, Vec<&Choice>, &Choice)> {
        self.decisions.iter().filter_map(|d| resolve(&self.scenario, d)).collect()
    }

    /// How the play has gone so far (the final result once it has ended).
    pub fn assessment(&self, catalogues: &Catalogues) -> Assessment {
        let taken = self.taken();
        let path: Vec<Taken<'_>> =
            taken.iter().map(|(node, offered, chosen)| Taken { node, offered, chosen }).collect();
        assess(&path, catalogues)
    }

    /// The play as a record: finished if it has reached an ending, abandoned otherwise.
    pub fn record(&self, catalogues: &Catalogues) -> Record {
        let ending = self.ended.map(|_| self.node.clone());
        Record {
            format: Record::FORMAT,
            scenario: self.scenario.id.clone(),
            scenario_title: self.scenario.title.clone(),
            scenario_hash: self.scenario.content_hash.clone(),
            started: self.started,
            ended: self.ended,
            seed: self.options.seed,
            in_order: self.options.in_order,
            player: self.options.player.clone(),
            group: self.options.group,
            single_screen: false,
            decisions: self.decisions.clone(),
            result: ending.is_some().then(|| self.assessment(catalogues)),
            ending,
            reflection: None,
            resumed: self.resumed.clone(),
        }
    }
}

/// A recorded decision's choices, looked up in the scenario (None if it has changed
/// so much that they are gone).
pub fn resolve<'s>(scenario: &'s Scenario, decision: &Decision) -> Option<(&'s str, Vec<&'s Choice>, &'s Choice)> {
    let position = scenario.nodes.position(&decision.node)?;
    let (node, Node::Scene(scene)) = scenario.nodes.at(position) else {
        return None;
    };
    let find = |id: &str| scene.choices.iter().find(|c| c.id == id);
    let offered = decision.offered.iter().map(|id| find(id)).collect::<Option<Vec<_>>>()?;
    Some((node, offered, find(&decision.chosen)?))
}
