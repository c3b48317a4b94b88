//! A scenario run for a group by a trainer: at each decision the room discusses,
//! the trainer enters a show of hands, the votes and scores are revealed, and the
//! trainer takes the choice the group goes with (by default the most voted). The
//! record keeps every vote and how many people were present.

use std::sync::Arc;

use super::playthrough::{Current, PlayError, PlayOptions, Playthrough};
use super::record::Record;
use crate::scenario::Scenario;

/// A show of hands at one decision: a count per choice, in the order shown, with
/// undo for a miscounted hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    counts: Vec<u32>,
    /// The choices voted for, in order, so the last can be undone.
    history: Vec<usize>,
}

impl Tally {
    pub fn new(choices: usize) -> Tally {
        Tally { counts: vec![0; choices], history: Vec::new() }
    }

    /// One more hand for the choice at this position (ignored if there is none).
    pub fn add(&mut self, choice: usize) {
        if let Some(count) = self.counts.get_mut(choice) {
            *count += 1;
            self.history.push(choice);
        }
    }

    /// Takes back the last hand counted; false if there was none.
    pub fn undo(&mut self) -> bool {
        match self.history.pop() {
            Some(choice) => {
                self.counts[choice] -= 1;
                true
            }
            None => false,
        }
    }

    /// Enters whole counts at once (as from `--votes 3,5,2`); missing counts are 0,
    /// extra ones ignored. Undo then takes hands back one at a time, last choice first.
    pub fn set(&mut self, counts: &[u32]) {
        let n = self.counts.len();
        self.counts = (0..n).map(|i| counts.get(i).copied().unwrap_or(0)).collect();
        self.history = (0..n).flat_map(|i| std::iter::repeat_n(i, self.counts[i] as usize)).collect();
    }

    pub fn counts(&self) -> &[u32] {
        &self.counts
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// The first of the most voted choices in the order shown (the first choice when
    /// nobody has voted): the group's choice unless the trainer picks another.
    pub fn leader(&self) -> usize {
        let most = self.counts.iter().max().copied().unwrap_or(0);
        self.counts.iter().position(|&c| c == most).unwrap_or(0)
    }

    /// The single most voted choice; none on a tie or with no votes, when the
    /// trainer decides.
    pub fn majority(&self) -> Option<usize> {
        let most = *self.counts.iter().max()?;
        let mut leaders = self.counts.iter().enumerate().filter(|&(_, &c)| c == most);
        match (most, leaders.next(), leaders.next()) {
            (0, _, _) | (_, _, Some(_)) => None,
            (_, Some((i, _)), None) => Some(i),
            _ => None,
        }
    }
}

/// Where the room is in the rhythm of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The dilemma is shown; the room talks it over.
    Discussing,
    /// The trainer counts the show of hands.
    Voting,
    /// Votes, scores and feedback are shown; the trainer takes the group's choice.
    Revealed,
}

/// One group session.
#[derive(Debug, Clone)]
pub struct GroupPlay {
    pub play: Playthrough,
    pub stage: Stage,
    pub tally: Tally,
    /// When the room votes by phone: how many phones voted at this decision (the
    /// tally then holds the phones' counts).
    pub phones: Option<u32>,
}

impl GroupPlay {
    pub fn start(scenario: Arc<Scenario>, seed: u64, present: u32) -> Result<GroupPlay, PlayError> {
        let options = PlayOptions { seed, in_order: false, player: None, group: Some(present) };
        Ok(GroupPlay::at_decision(Playthrough::start(scenario, options)?))
    }

    /// Picks a session up from its record, at the decision where it stopped.
    pub fn resume(scenario: Arc<Scenario>, record: &Record) -> Result<GroupPlay, PlayError> {
        Ok(GroupPlay::at_decision(Playthrough::resume(scenario, record)?))
    }

    fn at_decision(play: Playthrough) -> GroupPlay {
        let tally = Tally::new(offered_count(&play));
        GroupPlay { play, stage: Stage::Discussing, tally, phones: None }
    }

    /// How many people are present.
    pub fn present(&self) -> u32 {
        self.play.options().group.unwrap_or(0)
    }

    pub fn set_present(&mut self, present: u32) {
        self.play.set_group_size(present);
    }

    /// Moves on: discussion to voting, voting to the reveal. Does nothing once revealed
    /// (the trainer then takes a choice).
    pub fn forward(&mut self) {
        self.stage = match self.stage {
            Stage::Discussing => Stage::Voting,
            Stage::Voting | Stage::Revealed => Stage::Revealed,
        };
    }

    /// Steps back: the reveal to voting (votes kept), voting to discussion.
    pub fn back(&mut self) {
        self.stage = match self.stage {
            Stage::Revealed => Stage::Voting,
            Stage::Voting | Stage::Discussing => Stage::Discussing,
        };
    }

    /// Takes the group's choice, keeping the votes, and moves to the next decision's
    /// discussion.
    pub fn choose(&mut self, choice_id: &str) -> Result<(), PlayError> {
        self.play.choose_for_group(choice_id, self.tally.counts().to_vec(), self.phones.take())?;
        self.stage = Stage::Discussing;
        self.tally = Tally::new(offered_count(&self.play));
        Ok(())
    }
}

fn offered_count(play: &Playthrough) -> usize {
    match play.current() {
        Current::Scene { offered, .. } => offered.len(),
        Current::Ending { .. } => 0,
    }
}
