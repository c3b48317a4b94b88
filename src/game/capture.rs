//! Starting the game in a given state, for scripts and documentation: `--open ID`,
//! `--choose ID,ID`, `--screen NAME` and `--screenshot PATH` (write a PNG of the
//! settled screen, then exit). The steps are the same actions a player's keys send.

use std::path::PathBuf;

use crate::cli::{GameArgs, StartScreen};
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use bevy::winit::WinitSettings;

use boundaries_screens::{GroupAction, Screen, UiAction};

use super::actions::Act;
use super::induction::{Audience, GroupAct, Induction};
use super::navigation::Showing;
use super::scenario_assets::GameLibrary;
use super::session::Session;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, keep_running_while_scripted).add_systems(Update, run_script.before(super::actions::Apply));
}

/// Frames to let egui lay out and the window settle before a screenshot.
const SETTLE_FRAMES: u32 = 12;

#[derive(Resource, Debug)]
pub(super) struct Launch {
    open: Option<String>,
    choose: Vec<String>,
    screen: Option<StartScreen>,
    screenshot: Option<PathBuf>,
    /// Run the scenario for a group: in two windows unless `single_screen`.
    induction: bool,
    single_screen: bool,
    present: Option<u32>,
    votes: Vec<u32>,
    open_vote: bool,
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
            open_vote: args.open_vote,
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

/// What the game is in, for the script to read.
#[derive(bevy::ecs::system::SystemParam)]
struct Progress<'w, 's> {
    library: Res<'w, GameLibrary>,
    session: Res<'w, Session>,
    state: Res<'w, State<Showing>>,
    induction: Option<Res<'w, Induction>>,
    audience: Query<'w, 's, Entity, (With<Audience>, With<Window>)>,
}

/// The actions that put a solo game where the launch flags ask, once the library
/// has loaded: open the scenario, take the choices, go to the screen.
fn solo_steps(launch: &Launch) -> Vec<UiAction> {
    let mut steps = Vec::new();
    if let Some(id) = &launch.open {
        steps.push(UiAction::Open(id.clone()));
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
            Some(StartScreen::Replay) => steps.extend([UiAction::Continue, UiAction::ReflectOnPlay, UiAction::Step(0)]),
            Some(StartScreen::ReplayEnd) => steps.extend([UiAction::Continue, UiAction::ReflectOnPlay]),
            _ => {}
        }
    }
    match launch.screen {
        Some(StartScreen::Title) => steps.push(UiAction::Go(Screen::Title)),
        Some(StartScreen::Library) => steps.push(UiAction::Go(Screen::Library)),
        Some(StartScreen::Settings) => steps.push(UiAction::Go(Screen::Settings)),
        Some(StartScreen::Records) => steps.push(UiAction::Go(Screen::Records)),
        Some(StartScreen::Cohort) => steps.push(UiAction::Go(Screen::Cohort)),
        _ => {}
    }
    steps
}

/// The actions that start a group session: its briefing, then the session itself.
fn induction_steps(launch: &Launch) -> Vec<UiAction> {
    match &launch.open {
        Some(id) => vec![UiAction::Open(id.clone()), UiAction::StartGroup { two_windows: !launch.single_screen }],
        None => vec![UiAction::Go(Screen::Library)],
    }
}

/// Once a group session exists: the people present, the choices, then a show of hands.
fn group_steps(launch: &Launch, present_now: u32) -> Vec<GroupAction> {
    let mut steps = Vec::new();
    if let Some(present) = launch.present {
        steps.push(GroupAction::Present(present as i32 - present_now as i32));
    }
    steps.extend(launch.choose.iter().map(|c| GroupAction::Choose(c.clone())));
    if !launch.votes.is_empty() {
        steps.push(GroupAction::Votes(launch.votes.clone()));
    } else if launch.open_vote {
        steps.push(GroupAction::Forward);
    }
    steps
}

fn run_script(
    mut commands: Commands,
    mut launch: ResMut<Launch>,
    game: Progress,
    mut actions: MessageWriter<Act>,
    mut group_actions: MessageWriter<GroupAct>,
    mut exit: MessageWriter<AppExit>,
) {
    let Progress { library, session, state, induction, audience } = game;
    match launch.stage {
        Stage::WaitingForLibrary if library.ready || !launch.is_scripted() => {
            if !launch.is_scripted() {
                launch.stage = Stage::Capturing; // nothing to do
                return;
            }
            if let Some(id) = launch.open.as_ref().filter(|id| library.get(id).is_none()) {
                let ids: Vec<String> = library.scenarios().iter().map(|l| l.scenario.id.clone()).collect();
                error!("no scenario \"{id}\"; there are: {}", ids.join(", "));
                exit.write(AppExit::from_code(2));
                return;
            }
            if launch.induction {
                actions.write_batch(induction_steps(&launch).into_iter().map(Act));
                launch.stage = if launch.open.is_some() { Stage::Group } else { Stage::Settling(0) };
            } else {
                actions.write_batch(solo_steps(&launch).into_iter().map(Act));
                launch.stage = Stage::Checking;
            }
        }
        Stage::Group => {
            let Some(induction) = induction else { return };
            group_actions.write_batch(group_steps(&launch, induction.group.present()).into_iter().map(GroupAct));
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
                    boundaries_core::play::Current::Scene { offered, .. } => {
                        offered.iter().map(|c| c.id.clone()).collect::<Vec<_>>()
                    }
                    boundaries_core::play::Current::Ending { .. } => Vec::new(),
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
            info!("capturing the {:?} screen to {}", state.get().0, path.display());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn launch(args: &str) -> Launch {
        let cli = Cli::parse_from(std::iter::once("boundaries").chain(args.split_whitespace()));
        Launch::from(&cli.game)
    }

    #[test]
    fn a_scripted_play_takes_each_choice_and_stays_on_the_last_feedback() {
        let steps = solo_steps(&launch("--open gift --choose a,b --screen play"));
        let choose = |id: &str| UiAction::Choose(id.into());
        let expected = [
            UiAction::Open("gift".into()),
            UiAction::Start,
            choose("a"),
            UiAction::Confidence(None),
            UiAction::Continue,
            choose("b"),
            UiAction::Confidence(None),
        ];
        assert_eq!(steps, expected);
    }

    #[test]
    fn screens_are_reached_with_or_without_a_scenario() {
        let replay = solo_steps(&launch("--open gift --choose a --screen replay"));
        assert_eq!(replay[replay.len() - 3..], [UiAction::Continue, UiAction::ReflectOnPlay, UiAction::Step(0)]);
        assert_eq!(solo_steps(&launch("--screen records")), [UiAction::Go(Screen::Records)]);
        assert!(!launch("").is_scripted());
        assert_eq!(solo_steps(&launch("--open gift")), [UiAction::Open("gift".into())], "the briefing");
    }

    #[test]
    fn a_group_session_starts_then_counts_the_room_and_its_hands() {
        let scripted = launch("--induction gift --single-screen --present 12 --votes 3,5,2");
        assert_eq!(
            induction_steps(&scripted),
            [UiAction::Open("gift".into()), UiAction::StartGroup { two_windows: false }]
        );
        assert_eq!(group_steps(&scripted, 10), [GroupAction::Present(2), GroupAction::Votes(vec![3, 5, 2])]);
        assert_eq!(induction_steps(&launch("--induction")), [UiAction::Go(Screen::Library)]);
        assert_eq!(group_steps(&launch("--induction gift --open-vote"), 10), [GroupAction::Forward]);
    }
}
