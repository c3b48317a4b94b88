//! Induction mode: a trainer runs a scenario for a group. The primary window is the
//! presenter's (notes, questions, timer, vote controls); a second window is the
//! audience's, for the projector, and never shows trainer notes. With one screen the
//! audience view fills the window and `N` shows or hides the presenter panel.
//!
//! Every step works from a presentation remote: Page Down and Page Up (or the left and
//! right arrows) move on and back, up and down move the group's choice after the
//! reveal (by default the most voted), `B` blanks the audience screen and `F5` starts
//! the discussion timer. The number keys count hands; Backspace undoes one.

use std::time::{Duration, Instant};

use bevy::camera::RenderTarget;
use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy::window::{WindowRef, WindowResolution};
use bevy_egui::EguiSchedule;
use boundaries_core::play::RecordFile;
use boundaries_core::play::group::{GroupPlay, Stage};
use boundaries_core::play::store::StoreError;

use super::Engine;
use super::screens::Screen;
use super::settings::PlayerSettings;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<GroupAction>()
        .add_systems(Update, (keys.run_if(in_state(Screen::Induction)), apply, audience_closed).chain())
        .add_systems(OnExit(Screen::Induction), end_session);
}

/// The audience window's egui pass.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct AudiencePass;

/// Marks the audience window and its camera, so they close with the session.
#[derive(Component)]
pub(super) struct Audience;

/// How long the discussion timer runs.
pub(super) const DISCUSSION: Duration = Duration::from_secs(120);

/// The group session in progress.
#[derive(Resource)]
pub(super) struct Induction {
    pub group: GroupPlay,
    /// The choice the group goes with once revealed (by position offered); by default
    /// the most voted.
    pub picked: Option<usize>,
    /// The audience screen is blanked.
    pub blank: bool,
    /// When the discussion timer started.
    pub timer: Option<Instant>,
    /// In one-screen mode, whether the presenter panel is shown beside the audience
    /// view (hidden until the trainer presses `N`).
    pub presenter_panel: bool,
    /// Whether the audience has its own window.
    pub two_windows: bool,
    /// The play has ended and the room's result is showing.
    pub finished: bool,
    /// Where the session is recorded; none if it cannot be kept (`save_error` says why).
    pub record: Option<RecordFile>,
    pub save_error: Option<String>,
}

impl Induction {
    /// A session recorded in `record`, or (with the reason shown) not recorded.
    pub(super) fn new(group: GroupPlay, two_windows: bool, record: Result<RecordFile, StoreError>) -> Induction {
        let (record, save_error) = match record {
            Ok(record) => (Some(record), None),
            Err(e) => (None, Some(format!("{e}. This session will not be kept."))),
        };
        Induction {
            group,
            picked: None,
            blank: false,
            timer: None,
            presenter_panel: false,
            two_windows,
            finished: false,
            record,
            save_error,
        }
    }

    /// Seconds left on the discussion timer, if it is running.
    pub(super) fn timer_left(&self) -> Option<u64> {
        self.timer.map(|start| DISCUSSION.saturating_sub(start.elapsed()).as_secs())
    }
}

/// What the trainer asks for, by key or click.
#[derive(Message, Debug, Clone, PartialEq)]
pub(super) enum GroupAction {
    Forward,
    Back,
    /// One hand for the choice at this position (before the reveal), or pick it as
    /// the group's choice (after).
    Number(usize),
    Undo,
    /// After the reveal, move the group's choice down (1) or up (-1) the list.
    Pick(i32),
    /// Whole counts at once.
    Votes(Vec<u32>),
    /// Change how many people are present.
    Present(i32),
    /// Take this choice by id (for scripts), with whatever votes were entered.
    Choose(String),
    Blank,
    Timer,
    TogglePresenter,
    Leave,
}

/// The remote's and keyboard's keys, read through Bevy so they work in either window
/// (there is no keyboard in headless tests).
fn keys(input: Option<Res<ButtonInput<KeyCode>>>, mut actions: MessageWriter<GroupAction>) {
    use KeyCode::*;
    let Some(input) = input else { return };
    for key in input.get_just_pressed() {
        let action = match key {
            PageDown | ArrowRight => GroupAction::Forward,
            PageUp | ArrowLeft => GroupAction::Back,
            ArrowDown => GroupAction::Pick(1),
            ArrowUp => GroupAction::Pick(-1),
            KeyB | Period => GroupAction::Blank,
            F5 | KeyT => GroupAction::Timer,
            KeyN => GroupAction::TogglePresenter,
            Backspace | KeyZ => GroupAction::Undo,
            Equal | NumpadAdd => GroupAction::Present(1),
            Minus | NumpadSubtract => GroupAction::Present(-1),
            Digit1 | Numpad1 => GroupAction::Number(0),
            Digit2 | Numpad2 => GroupAction::Number(1),
            Digit3 | Numpad3 => GroupAction::Number(2),
            Digit4 | Numpad4 => GroupAction::Number(3),
            Digit5 | Numpad5 => GroupAction::Number(4),
            Digit6 | Numpad6 => GroupAction::Number(5),
            Digit7 | Numpad7 => GroupAction::Number(6),
            Digit8 | Numpad8 => GroupAction::Number(7),
            Digit9 | Numpad9 => GroupAction::Number(8),
            _ => continue,
        };
        actions.write(action);
    }
}

fn apply(
    mut actions: MessageReader<GroupAction>,
    induction: Option<ResMut<Induction>>,
    engine: Res<Engine>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(mut induction) = induction else {
        actions.clear();
        return;
    };
    for action in actions.read() {
        let session = &mut *induction;
        match action {
            GroupAction::Forward if session.finished => next.set(Screen::Records),
            GroupAction::Forward => match session.group.stage {
                Stage::Discussing | Stage::Voting => {
                    session.group.forward();
                    session.picked = Some(session.group.tally.leader());
                    session.timer = None;
                }
                Stage::Revealed => take_choice(session, &engine),
            },
            GroupAction::Back => session.group.back(),
            GroupAction::Number(i) => match session.group.stage {
                Stage::Voting => session.group.tally.add(*i),
                Stage::Revealed if *i < session.group.tally.counts().len() => session.picked = Some(*i),
                _ => {}
            },
            GroupAction::Undo => {
                session.group.tally.undo();
            }
            GroupAction::Pick(step) if session.group.stage == Stage::Revealed => {
                let choices = session.group.tally.counts().len() as i32;
                if choices > 0 {
                    let at = session.picked.map_or(0, |p| p as i32);
                    session.picked = Some((at + step).rem_euclid(choices) as usize);
                }
            }
            GroupAction::Pick(_) => {}
            GroupAction::Votes(counts) => {
                if session.group.stage == Stage::Discussing {
                    session.group.forward();
                }
                session.group.tally.set(counts);
                session.group.forward();
                session.picked = Some(session.group.tally.leader());
            }
            GroupAction::Present(change) => {
                let present = (i64::from(session.group.present()) + i64::from(*change)).clamp(1, 500) as u32;
                session.group.set_present(present);
            }
            GroupAction::Choose(id) => {
                if let Some(index) = position(&session.group, id) {
                    session.picked = Some(index);
                    take_choice(session, &engine);
                }
            }
            GroupAction::Blank => session.blank = !session.blank,
            GroupAction::Timer => session.timer = if session.timer.is_some() { None } else { Some(Instant::now()) },
            GroupAction::TogglePresenter => session.presenter_panel = !session.presenter_panel,
            GroupAction::Leave => next.set(Screen::Records),
        }
    }
}

/// Where a choice is in the order offered now.
fn position(group: &GroupPlay, id: &str) -> Option<usize> {
    match group.play.current() {
        boundaries_core::play::Current::Scene { offered, .. } => offered.iter().position(|c| c.id == id),
        boundaries_core::play::Current::Ending { .. } => None,
    }
}

/// Takes the picked choice (or the most voted), saves the record, and moves on.
fn take_choice(session: &mut Induction, engine: &Engine) {
    let index = session.picked.unwrap_or_else(|| session.group.tally.leader());
    let id = match session.group.play.current() {
        boundaries_core::play::Current::Scene { offered, .. } => offered.get(index).map(|c| c.id.clone()),
        boundaries_core::play::Current::Ending { .. } => None,
    };
    let Some(id) = id else { return };
    if session.group.choose(&id).is_err() {
        return;
    }
    session.picked = None;
    let record = session.group.play.record(&engine.catalogues);
    if let Some(file) = &mut session.record {
        session.save_error = file.save(&record).err().map(|e| format!("{e}. This session is not being kept."));
    }
    session.finished = record.is_finished();
}

/// Opens the audience window for a session.
pub(super) fn open_audience_window(commands: &mut Commands) {
    let window = commands
        .spawn((
            Window { title: "Boundaries: audience".into(), resolution: WindowResolution::new(1280, 720), ..default() },
            Audience,
        ))
        .id();
    commands.spawn((
        Camera2d,
        RenderTarget::Window(WindowRef::Entity(window)),
        EguiSchedule::new(AudiencePass),
        Audience,
    ));
}

/// If the trainer closes the audience window, the session carries on in the
/// presenter's window as on one screen (`N` shows the presenter panel).
fn audience_closed(
    mut commands: Commands,
    induction: Option<ResMut<Induction>>,
    windows: Query<(), (With<Window>, With<Audience>)>,
    cameras: Query<Entity, (With<Camera>, With<Audience>)>,
) {
    let Some(mut induction) = induction else { return };
    if induction.two_windows && windows.is_empty() {
        for camera in &cameras {
            commands.entity(camera).despawn();
        }
        induction.two_windows = false;
    }
}

/// Closes the audience window when the session ends (the record is already saved),
/// and has the theme set the window's own text size again.
fn end_session(mut commands: Commands, audience: Query<Entity, With<Audience>>, mut settings: ResMut<PlayerSettings>) {
    for entity in &audience {
        commands.entity(entity).despawn();
    }
    commands.remove_resource::<Induction>();
    settings.set_changed();
}
