//! What the player asked for, from any screen, and what it does: the screens' bodies
//! return a [`UiAction`]; this plugin carries it out. Headless tests send the same
//! messages.

use bevy::prelude::*;
use std::path::PathBuf;

use boundaries_core::play::Reflection;
use boundaries_core::settings::Settings;

use super::Engine;
use super::debrief::{Debrief, RecordFilter};
use super::induction::{Induction, open_audience_window};
use boundaries_core::play::group::GroupPlay;

/// How many people a group session assumes are present until the trainer says.
const DEFAULT_PRESENT: u32 = 10;
use super::library::GameLibrary;
use super::records::BestBands;
use super::screens::{LibraryFilter, Screen, Selected};
use super::session::Session;
use super::settings::PlayerSettings;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<UiAction>().add_systems(Update, apply.in_set(Apply).run_if(on_message::<UiAction>));
}

/// Where actions are carried out in `Update`.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Apply;

#[derive(Message, Debug, Clone, PartialEq)]
pub(super) enum UiAction {
    /// Go to a screen.
    Go(Screen),
    /// Open a scenario's briefing.
    Open(String),
    /// Start (or restart, with a new seed) the selected scenario.
    Start,
    /// Pick a choice by id.
    Choose(String),
    /// How sure the player was, 1 to 5, or none if they skipped.
    Confidence(Option<u8>),
    /// Move on after feedback (or from the ending to the result).
    Continue,
    /// Leave the play; what was played is already recorded as abandoned.
    Leave,
    Filter(LibraryFilter),
    Settings(Settings),
    /// Filter the record browser.
    FilterRecords(RecordFilter),
    /// Replay a recorded play from its first decision.
    Replay(PathBuf),
    /// Replay the play just finished, from its end, to reflect on it.
    ReflectOnPlay,
    /// Show this decision of the replay (one past the last is the end).
    Step(usize),
    /// The reflection as it is being written.
    Draft(Reflection),
    /// Save the reflection into the record.
    Reflect(Reflection),
    /// Write the replayed play's report.
    Export,
    /// Carry on the replayed play, which was left part-way.
    Resume,
    /// Run the selected scenario for a group; with `two_windows`, the audience gets
    /// its own window.
    StartGroup {
        two_windows: bool,
    },
    Quit,
}

#[allow(clippy::too_many_arguments)] // one system carries out every action
fn apply(
    mut actions: MessageReader<UiAction>,
    mut next: ResMut<NextState<Screen>>,
    mut selected: ResMut<Selected>,
    mut session: ResMut<Session>,
    mut filter: ResMut<LibraryFilter>,
    mut settings: ResMut<PlayerSettings>,
    mut best: ResMut<BestBands>,
    mut debrief: ResMut<Debrief>,
    library: Res<GameLibrary>,
    engine: Res<Engine>,
    mut exit: MessageWriter<AppExit>,
    mut commands: Commands,
) {
    for action in actions.read() {
        match action {
            UiAction::Go(screen) => next.set(*screen),
            UiAction::Open(id) => {
                selected.0 = Some(id.clone());
                next.set(Screen::Briefing);
            }
            UiAction::Start => {
                let Some(loaded) = selected.0.as_deref().and_then(|id| library.get(id)) else { continue };
                session.start(loaded.scenario.clone(), &settings.settings, &engine);
                next.set(Screen::Play);
            }
            UiAction::Choose(choice) => session.pick(choice, &engine, &mut best),
            UiAction::Confidence(level) => session.confidence(*level, &engine, &mut best),
            UiAction::Continue => {
                if session.is_over() {
                    next.set(Screen::Result);
                } else {
                    session.proceed();
                }
            }
            UiAction::Leave => {
                session.current = None;
                next.set(Screen::Briefing);
            }
            UiAction::Filter(new) => *filter = new.clone(),
            UiAction::Settings(new) => settings.settings = new.clone().clamped(),
            UiAction::FilterRecords(new) => debrief.filter = new.clone(),
            UiAction::Replay(path) => match debrief.open(path.clone(), false, &library, &engine) {
                Ok(()) => next.set(Screen::Replay),
                Err(e) => warn!("{e}"),
            },
            UiAction::ReflectOnPlay => {
                let Some(current) = &session.current else { continue };
                let Some(path) = current.record.as_ref().and_then(|r| r.path()).map(ToOwned::to_owned) else {
                    continue;
                };
                match debrief.open(path, true, &library, &engine) {
                    Ok(()) => next.set(Screen::Replay),
                    Err(e) => warn!("{e}"),
                }
            }
            UiAction::Step(index) => debrief.step_to(*index),
            UiAction::Draft(draft) => {
                if let Some(open) = &mut debrief.open {
                    open.draft = draft.clone();
                }
            }
            UiAction::Reflect(reflection) => debrief.reflect(reflection.clone()),
            UiAction::Export => debrief.export(&engine),
            UiAction::StartGroup { two_windows } => {
                let Some(loaded) = selected.0.as_deref().and_then(|id| library.get(id)) else { continue };
                match GroupPlay::start(loaded.scenario.clone(), rand::random(), DEFAULT_PRESENT) {
                    Ok(group) => {
                        if *two_windows {
                            open_audience_window(&mut commands);
                        }
                        commands.insert_resource(Induction::new(group, *two_windows, engine.store.begin()));
                        next.set(Screen::Induction);
                    }
                    Err(e) => warn!("{e}"),
                }
            }
            UiAction::Resume => {
                let Some(open) = &debrief.open else { continue };
                let record = &open.replay.record;
                let Some(loaded) = library.get(&record.scenario) else { continue };
                if record.group.is_some() {
                    // A group session picks up where it stopped, in two windows again.
                    match GroupPlay::resume(loaded.scenario.clone(), record) {
                        Ok(group) => {
                            open_audience_window(&mut commands);
                            commands.insert_resource(Induction::new(
                                group,
                                true,
                                Ok(boundaries_core::play::RecordFile::existing(open.path.clone())),
                            ));
                            next.set(Screen::Induction);
                        }
                        Err(e) => warn!("{e}"),
                    }
                    continue;
                }
                match session.resume(loaded.scenario.clone(), record, open.path.clone(), &settings.settings) {
                    Ok(()) => {
                        selected.0 = Some(record.scenario.clone());
                        next.set(Screen::Play);
                    }
                    Err(e) => {
                        if let Some(open) = &mut debrief.open {
                            open.notice = Some(e);
                        }
                    }
                }
            }
            UiAction::Quit => {
                exit.write(AppExit::Success);
            }
        }
    }
}
