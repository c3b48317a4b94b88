//! Starting the game in a given state, for scripts and documentation: `--open ID`,
//! `--choose ID,ID`, `--screen NAME` and `--screenshot PATH` (write a PNG of the
//! settled screen, then exit). The steps are the same actions a player's keys send.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use bevy::winit::WinitSettings;
use boundaries::cli::{GameArgs, StartScreen};

use super::actions::UiAction;
use super::induction::{Audience, GroupAction, Induction};
use super::library::GameLibrary;
use super::screens::Screen;
use super::session::Session;

pub fn plugin(app: &mut App) {
    app.add_systems(Startup, keep_running_while_scripted).add_systems(Update, run_script.before(super::actions::Apply));
}

/// Frames to let egui lay out and the window settle before a screenshot.
const SETTLE_FRAMES: u32 = 12;

#[derive(Resource, Debug)]
pub struct Launch {
    open: Option<String>,
    choose: Vec<String>,
    screen: Option<StartScreen>,
    screenshot: Option<PathBuf>,
    /// Run the scenario for a group: in two windows unless `single_screen`.
    induction: bool,
    single_screen: bool,
    present: Option<u32>,
    votes: Vec<u32>,
    stage: Stage,
}

#[derive(Debug, PartialEq)]
enum Stage {
    WaitingForLibrary,
    /// A group session has been asked for; its steps follow once it exists.
    Group,
    Checking,
    Settling(u32),
    Capturing,
}

impl From<&GameArgs> for Launch {
    fn from(args: &GameArgs) -> Self {
        let induction_id = args.induction.clone().filter(|id| !id.is_empty());
        Launch {
            open: induction_id.or_else(|| args.open.clone()),
            choose: args.choose.clone(),
            screen: args.screen,
            screenshot: args.screenshot.clone(),
            induction: args.induction.is_some(),
            single_screen: args.single_screen,
            present: args.present,
            votes: args.votes.clone(),
            stage: Stage::WaitingForLibrary,
        }
    }
}

impl Launch {
    fn is_scripted(&self) -> bool {
        self.open.is_some() || self.screen.is_some() || self.screenshot.is_some() || self.induction
    }
}

/// Screenshots still to be written before the game exits.
#[derive(Resource)]
struct PendingShots(usize);

/// `shot.png` → `shot-presenter.png`.
fn presenter_path(path: &std::path::Path) -> PathBuf {
    let stem = path.file_stem().map_or_else(|| "screenshot".into(), |s| s.to_string_lossy().into_owned());
    let extension = path.extension().map_or_else(|| "png".into(), |e| e.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}-presenter.{extension}"))
}

/// While a script runs, frames must keep coming without input.
fn keep_running_while_scripted(launch: Res<Launch>, mut winit: ResMut<WinitSettings>) {
    if launch.screenshot.is_some() {
        *winit = WinitSettings::game();
    }
}

fn run_script(
    mut commands: Commands,
    mut launch: ResMut<Launch>,
    library: Res<GameLibrary>,
    session: Res<Session>,
    state: Res<State<Screen>>,
    induction: Option<Res<Induction>>,
    audience: Query<Entity, (With<Audience>, With<Window>)>,
    mut actions: MessageWriter<UiAction>,
    mut group_actions: MessageWriter<GroupAction>,
    mut exit: MessageWriter<AppExit>,
) {
    match launch.stage {
        Stage::WaitingForLibrary if library.ready || !launch.is_scripted() => {
            if !launch.is_scripted() {
                launch.stage = Stage::Capturing; // nothing to do
                return;
            }
            let mut steps = Vec::new();
            if let Some(id) = &launch.open {
                if library.get(id).is_none() {
                    let ids: Vec<String> = library.scenarios().iter().map(|l| l.scenario.id.clone()).collect();
                    error!("no scenario \"{id}\"; there are: {}", ids.join(", "));
                    exit.write(AppExit::from_code(2));
                    return;
                }
                steps.push(UiAction::Open(id.clone()));
            }
            if launch.induction {
                match &launch.open {
                    Some(_) => steps.push(UiAction::StartGroup { two_windows: !launch.single_screen }),
                    None => steps.push(UiAction::Go(Screen::Library)),
                }
                actions.write_batch(steps);
                launch.stage = if launch.open.is_some() { Stage::Group } else { Stage::Settling(0) };
                return;
            }
            if launch.open.is_some() {
                let playing =
                    !launch.choose.is_empty() || matches!(launch.screen, Some(StartScreen::Play | StartScreen::Result));
                if playing {
                    steps.push(UiAction::Start);
                }
                for choice in &launch.choose {
                    steps.extend([UiAction::Choose(choice.clone()), UiAction::Confidence(None), UiAction::Continue]);
                }
                if launch.screen == Some(StartScreen::Play) && !launch.choose.is_empty() {
                    steps.pop(); // stay on the feedback for the last choice
                }
                match launch.screen {
                    Some(StartScreen::Result) => steps.push(UiAction::Continue),
                    Some(StartScreen::Replay) => {
                        steps.extend([UiAction::Continue, UiAction::ReflectOnPlay, UiAction::Step(0)])
                    }
                    _ => {}
                }
            }
            match launch.screen {
                Some(StartScreen::Title) => steps.push(UiAction::Go(Screen::Title)),
                Some(StartScreen::Library) => steps.push(UiAction::Go(Screen::Library)),
                Some(StartScreen::Settings) => steps.push(UiAction::Go(Screen::Settings)),
                Some(StartScreen::Records) => steps.push(UiAction::Go(Screen::Records)),
                _ => {}
            }
            actions.write_batch(steps);
            launch.stage = Stage::Checking;
        }
        Stage::Group => {
            let Some(induction) = induction else { return };
            let mut steps = Vec::new();
            if let Some(present) = launch.present {
                steps.push(GroupAction::Present(present as i32 - induction.group.present() as i32));
            }
            steps.extend(launch.choose.iter().map(|c| GroupAction::Choose(c.clone())));
            if !launch.votes.is_empty() {
                steps.push(GroupAction::Votes(launch.votes.clone()));
            }
            group_actions.write_batch(steps);
            launch.stage = Stage::Checking;
        }
        Stage::Checking => {
            let taken = match (&induction, &session.current) {
                (Some(induction), _) if launch.induction => induction.group.play.decisions().len(),
                (_, Some(current)) => current.play.decisions().len(),
                _ => 0,
            };
            if taken < launch.choose.len() {
                let offered = session.current.as_ref().map(|c| match c.play.current() {
                    boundaries::play::Current::Scene { offered, .. } => {
                        offered.iter().map(|c| c.id.clone()).collect::<Vec<_>>()
                    }
                    boundaries::play::Current::Ending { .. } => Vec::new(),
                });
                error!(
                    "choice \"{}\" is not offered; the choices here are: {}",
                    launch.choose[taken],
                    offered.unwrap_or_default().join(", ")
                );
                exit.write(AppExit::from_code(2));
                return;
            }
            launch.stage = Stage::Settling(0);
        }
        Stage::Settling(frames) if frames < SETTLE_FRAMES => launch.stage = Stage::Settling(frames + 1),
        Stage::Settling(_) => {
            launch.stage = Stage::Capturing;
            let Some(path) = launch.screenshot.clone() else { return };
            info!("capturing the {:?} screen to {}", state.get(), path.display());
            // With an audience window, it goes to PATH and the presenter's beside it.
            let shots = match audience.iter().next() {
                Some(window) => vec![
                    (Screenshot::window(window), path.clone()),
                    (Screenshot::primary_window(), presenter_path(&path)),
                ],
                None => vec![(Screenshot::primary_window(), path)],
            };
            commands.insert_resource(PendingShots(shots.len()));
            for (shot, path) in shots {
                commands.spawn(shot).observe(save_to_disk(path)).observe(
                    |_: On<ScreenshotCaptured>, mut pending: ResMut<PendingShots>, mut exit: MessageWriter<AppExit>| {
                        pending.0 = pending.0.saturating_sub(1);
                        if pending.0 == 0 {
                            exit.write(AppExit::Success);
                        }
                    },
                );
            }
        }
        _ => {}
    }
}
