//! The play in progress: the shared's play-through plus where the player is in the
//! rhythm of a decision (choosing, rating their confidence, reading feedback). Every
//! decision is saved to the record at once, so a play left part-way is kept as
//! abandoned.

use std::sync::Arc;

use bevy::prelude::*;
use boundaries_core::play::{Phase, PlayError, PlayOptions, Playthrough, RecordFile};
use boundaries_core::scenario::Scenario;
use boundaries_core::settings::{FeedbackTiming, Settings};

use super::Shared;
use super::best_bands::BestBands;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Session>();
}

#[derive(Debug)]
pub(super) struct Play {
    pub play: Playthrough,
    pub phase: Phase,
    pub feedback: FeedbackTiming,
    pub ask_confidence: bool,
    /// Where the play is recorded; none if it cannot be kept (`save_error` says why).
    pub record: Option<RecordFile>,
    /// Why the record could not be saved, if it could not.
    pub save_error: Option<String>,
}

#[derive(Resource, Default, Debug)]
pub(super) struct Session {
    pub current: Option<Play>,
}

impl Session {
    /// Starts a new play with a fresh seed, finding out first whether it can be kept:
    /// if not, the play screen says so from the first decision.
    pub(super) fn start(
        &mut self,
        scenario: Arc<Scenario>,
        settings: &Settings,
        shared: &Shared,
    ) -> Result<(), PlayError> {
        let options =
            PlayOptions { seed: rand::random(), in_order: !settings.shuffle, player: settings.player(), group: None };
        let (record, save_error) = match shared.store.begin() {
            Ok(record) => (Some(record), None),
            Err(e) => (None, Some(format!("{e}. This play will not be kept."))),
        };
        let play = Playthrough::start(scenario, options)?;
        self.current = Some(Play {
            play,
            phase: Phase::Choosing,
            feedback: settings.feedback,
            ask_confidence: settings.ask_confidence,
            record,
            save_error,
        });
        Ok(())
    }

    /// Carries on a play that was left part-way, from its record.
    pub(super) fn resume(
        &mut self,
        scenario: Arc<Scenario>,
        record: &boundaries_core::play::Record,
        path: std::path::PathBuf,
        settings: &Settings,
    ) -> Result<(), PlayError> {
        let play = Playthrough::resume(scenario, record)?;
        self.current = Some(Play {
            play,
            phase: Phase::Choosing,
            feedback: settings.feedback,
            ask_confidence: settings.ask_confidence,
            record: Some(RecordFile::existing(path)),
            save_error: None,
        });
        Ok(())
    }

    /// The player picks a choice: ask for confidence first if the setting is on.
    pub(super) fn pick(&mut self, choice: &str, shared: &Shared, best: &mut BestBands) -> Result<(), PlayError> {
        let Some(current) = &mut self.current else { return Ok(()) };
        if current.phase != Phase::Choosing {
            return Ok(());
        }
        if current.ask_confidence {
            current.phase = Phase::Confidence { choice: choice.to_owned() };
            Ok(())
        } else {
            self.take(choice, None, shared, best)
        }
    }

    /// The player says how confident they were (or skips): the choice is taken.
    pub(super) fn confidence(
        &mut self,
        confidence: Option<u8>,
        shared: &Shared,
        best: &mut BestBands,
    ) -> Result<(), PlayError> {
        let Some(Play { phase: Phase::Confidence { choice }, .. }) = &self.current else { return Ok(()) };
        let choice = choice.clone();
        self.take(&choice, confidence, shared, best)
    }

    fn take(
        &mut self,
        choice: &str,
        confidence: Option<u8>,
        shared: &Shared,
        best: &mut BestBands,
    ) -> Result<(), PlayError> {
        let Some(current) = &mut self.current else { return Ok(()) };
        if let Err(e) = current.play.choose(choice, confidence) {
            current.phase = Phase::Choosing;
            return Err(e);
        }
        let record = current.play.record(&shared.catalogues);
        if let Some(file) = &mut current.record {
            current.save_error = file.save(&record).err().map(|e| format!("{e}. This play is not being kept."));
        }
        if record.is_finished() {
            best.add(&record);
        }
        current.phase = match current.feedback {
            FeedbackTiming::AfterEachChoice => Phase::Feedback,
            FeedbackTiming::AtTheEnd => Phase::Choosing,
        };
        Ok(())
    }

    /// The player has read the feedback and moves on.
    pub(super) fn proceed(&mut self) {
        if let Some(current) = &mut self.current
            && current.phase == Phase::Feedback
        {
            current.phase = Phase::Choosing;
        }
    }

    /// Whether the play has reached its ending and the feedback on the last choice, if
    /// any, has been read.
    pub(super) fn is_over(&self) -> bool {
        self.current.as_ref().is_some_and(|c| c.play.is_finished() && c.phase == Phase::Choosing)
    }
}
