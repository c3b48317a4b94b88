//! What the player asked for, from any screen, and what it does: the screens' bodies
//! return a [`UiAction`]; this plugin carries it out. Headless tests send the same
//! messages. A failure the player should know of goes to the [`Notice`].

use bevy::prelude::*;
use boundaries_core::play::RecordFile;
use boundaries_core::play::group::GroupPlay;
use boundaries_screens::{Screen, UiAction};

use super::Shared;
use super::best_bands::BestBands;
use super::debrief::Debrief;
use super::induction::{Induction, open_audience_window};
use super::navigation::{Navigation, Showing};
use super::notice::{Failure, Notice};
use super::scenario_assets::GameLibrary;
use super::session::Session;
use super::settings::PlayerSettings;

/// How many people a group session assumes are present until the trainer says.
const DEFAULT_PRESENT: u32 = 10;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Opener>()
        .add_message::<Act>()
        .add_systems(Update, apply.in_set(Apply).run_if(on_message::<Act>));
}

/// Where actions are carried out in `Update`.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Apply;

/// How the game opens a file or folder with the computer's own program for it: the
/// system's opener, or a stand-in in tests.
#[derive(Resource)]
pub(crate) struct Opener(pub(crate) fn(&std::path::Path) -> Result<(), String>);

impl Default for Opener {
    fn default() -> Opener {
        Opener(|path| opener::open(path).map_err(|e| e.to_string()))
    }
}

/// A screen's action, as a Bevy message.
#[derive(Message, Debug, Clone, PartialEq)]
pub(crate) struct Act(pub(crate) UiAction);

#[allow(clippy::too_many_arguments)] // one system carries out every action
fn apply(
    mut actions: MessageReader<Act>,
    mut next: ResMut<NextState<Showing>>,
    mut navigation: ResMut<Navigation>,
    mut session: ResMut<Session>,
    mut notice: ResMut<Notice>,
    opener: Res<Opener>,
    mut settings: ResMut<PlayerSettings>,
    mut best: ResMut<BestBands>,
    mut debrief: ResMut<Debrief>,
    library: Res<GameLibrary>,
    shared: Res<Shared>,
    mut exit: MessageWriter<AppExit>,
    mut commands: Commands,
) {
    for Act(action) in actions.read() {
        match action {
            UiAction::Go(screen) => next.set(Showing(*screen)),
            UiAction::Open(id) => {
                navigation.selected = Some(id.clone());
                next.set(Showing(Screen::Briefing));
            }
            UiAction::Start => {
                let Some(loaded) = navigation.selected.as_deref().and_then(|id| library.get(id)) else { continue };
                match session.start(loaded.scenario.clone(), &settings.settings, &shared) {
                    Ok(()) => next.set(Showing(Screen::Play)),
                    Err(e) => notice.show(e),
                }
            }
            UiAction::Choose(choice) => {
                if let Err(e) = session.pick(choice, &shared, &mut best) {
                    notice.show(e);
                }
            }
            UiAction::Confidence(level) => {
                if let Err(e) = session.confidence(*level, &shared, &mut best) {
                    notice.show(e);
                }
            }
            UiAction::Continue => {
                if session.is_over() {
                    next.set(Showing(Screen::Result));
                } else {
                    session.proceed();
                }
            }
            UiAction::Leave => {
                session.current = None;
                next.set(Showing(Screen::Briefing));
            }
            UiAction::Filter(new) => navigation.library = new.clone(),
            UiAction::Settings(new) => settings.settings = new.clone().clamped(),
            UiAction::FilterRecords(new) => navigation.records = new.clone(),
            UiAction::ProgressOfEveryone(everyone) => navigation.progress_everyone = *everyone,
            UiAction::Replay(path) => match debrief.open(path.clone(), false, &library, &shared) {
                Ok(()) => next.set(Showing(Screen::Replay)),
                Err(e) => notice.show(e),
            },
            UiAction::ReflectOnPlay => {
                let Some(current) = &session.current else { continue };
                let Some(path) = current.record.as_ref().and_then(|r| r.path()).map(ToOwned::to_owned) else {
                    continue;
                };
                match debrief.open(path, true, &library, &shared) {
                    Ok(()) => next.set(Showing(Screen::Replay)),
                    Err(e) => notice.show(e),
                }
            }
            UiAction::Step(index) => debrief.step_to(*index),
            UiAction::Draft(draft) => {
                if let Some(open) = &mut debrief.open {
                    open.draft = draft.clone();
                }
            }
            UiAction::Reflect(reflection) => debrief.reflect(reflection.clone()),
            UiAction::Export => debrief.export(&shared),
            UiAction::OpenFile(path) => {
                if let Err(e) = (opener.0)(path) {
                    notice.show(Failure::Open { path: path.clone(), reason: e });
                }
            }
            UiAction::StartGroup { two_windows } => {
                let Some(loaded) = navigation.selected.as_deref().and_then(|id| library.get(id)) else { continue };
                match GroupPlay::start(loaded.scenario.clone(), rand::random(), DEFAULT_PRESENT) {
                    Ok(group) => {
                        if *two_windows {
                            open_audience_window(&mut commands);
                        }
                        commands.insert_resource(Induction::new(group, *two_windows, shared.store.begin()));
                        next.set(Showing(Screen::Induction));
                    }
                    Err(e) => notice.show(e),
                }
            }
            UiAction::Resume => {
                let Some(open) = &debrief.open else { continue };
                let record = &open.replay.record;
                let Some(loaded) = library.get(&record.scenario) else {
                    notice.show(Failure::Missing(record.scenario_title.clone()));
                    continue;
                };
                if record.group.is_some() {
                    // A group session picks up where it stopped, on the screens it was run on.
                    match GroupPlay::resume(loaded.scenario.clone(), record) {
                        Ok(group) => {
                            let two_windows = !record.single_screen;
                            if two_windows {
                                open_audience_window(&mut commands);
                            }
                            let record = Ok(RecordFile::existing(open.path.clone()));
                            commands.insert_resource(Induction::new(group, two_windows, record));
                            next.set(Showing(Screen::Induction));
                        }
                        Err(e) => notice.show(e),
                    }
                    continue;
                }
                match session.resume(loaded.scenario.clone(), record, open.path.clone(), &settings.settings) {
                    Ok(()) => {
                        navigation.selected = Some(record.scenario.clone());
                        next.set(Showing(Screen::Play));
                    }
                    Err(e) => notice.show(e),
                }
            }
            UiAction::Quit => {
                exit.write(AppExit::Success);
            }
        }
    }
}
