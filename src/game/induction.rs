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
use bevy::window::{MonitorSelection, WindowMode, WindowRef, WindowResolution};
use bevy_egui::EguiSchedule;
use boundaries_core::play::group::{GroupPlay, Stage};
use boundaries_core::play::store::StoreError;
use boundaries_core::play::{PlayError, RecordFile};

use boundaries_screens::commands::group_action_for;
use boundaries_screens::induction::turn_part;
use boundaries_screens::{GroupAction, Screen};

use super::Shared;
use super::keys::egui_key;
use super::navigation::Showing;
use super::notice::Notice;
use super::phones::Phones;
use super::settings::PlayerSettings;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<AudienceMonitor>()
        .add_message::<GroupAct>()
        .add_systems(
            Update,
            (keys.run_if(in_state(Showing(Screen::Induction))), apply, audience_closed, fullscreen).chain(),
        )
        .add_systems(OnExit(Showing(Screen::Induction)), end_session);
}

/// A trainer's action, as a Bevy message.
#[derive(Message, Debug, Clone, PartialEq)]
pub(crate) struct GroupAct(pub(crate) GroupAction);

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
    /// Whether the audience's window fills its screen.
    pub fullscreen: bool,
    /// The play has ended and the room's result is showing.
    pub finished: bool,
    /// Where the session is recorded; none if it cannot be kept (`save_error` says why).
    pub record: Option<RecordFile>,
    pub save_error: Option<String>,
    /// The part of the audience's page on screen when it is too long to show at
    /// once, and how many parts the audience's screen last drew it in.
    pub part: usize,
    pub parts: usize,
    /// Voting by phone, while it is on.
    pub phones: Option<Phones>,
    /// Why phone voting is not on, when the trainer asked for it.
    pub phone_note: Option<String>,
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
            fullscreen: false,
            finished: false,
            record,
            save_error,
            part: 0,
            parts: 1,
            phones: None,
            phone_note: None,
        }
    }

    /// What the audience's page shows: a new one starts at its first part.
    fn page(&self) -> (usize, Stage, Option<usize>, bool) {
        (self.group.play.decisions().len(), self.group.stage, self.picked, self.finished)
    }

    /// Seconds left on the discussion timer, if it is running.
    pub(super) fn timer_left(&self) -> Option<u64> {
        self.timer.map(|start| DISCUSSION.saturating_sub(start.elapsed()).as_secs())
    }
}

/// The remote's and keyboard's keys, read through Bevy so they work in either window
/// (there is no keyboard in headless tests), through the table of commands.
fn keys(
    input: Option<Res<ButtonInput<KeyCode>>>,
    induction: Option<Res<Induction>>,
    mut actions: MessageWriter<GroupAct>,
) {
    let (Some(input), Some(induction)) = (input, induction) else { return };
    let voting = induction.group.stage == Stage::Voting;
    for key in input.get_just_pressed().filter_map(|code| egui_key(*code)) {
        if let Some(action) = group_action_for(key, voting) {
            actions.write(GroupAct(action));
        }
    }
}

pub(super) fn apply(
    mut actions: MessageReader<GroupAct>,
    induction: Option<ResMut<Induction>>,
    shared: Res<Shared>,
    mut next: ResMut<NextState<Showing>>,
    mut notice: ResMut<Notice>,
) {
    let Some(mut induction) = induction else {
        actions.clear();
        return;
    };
    for GroupAct(action) in actions.read() {
        let session = &mut *induction;
        let page = session.page();
        let turned = match action {
            GroupAction::Forward => turn_part(session.part, session.parts, true),
            GroupAction::Back => turn_part(session.part, session.parts, false),
            _ => None,
        };
        if let Some(part) = turned {
            session.part = part;
            continue;
        }
        match action {
            // At the end, moving on is not ending: only the presenter's button ends a session.
            GroupAction::Forward if session.finished => {}
            GroupAction::Forward => match session.group.stage {
                Stage::Discussing | Stage::Voting => {
                    if session.group.stage == Stage::Voting
                        && let Some(phones) = &session.phones
                    {
                        phones.close_into(&mut session.group);
                    }
                    // The discussion timer keeps running into the vote.
                    session.group.forward();
                    session.picked = Some(session.group.tally.leader());
                }
                Stage::Revealed => {
                    if let Err(e) = take_choice(session, &shared) {
                        notice.show(e);
                    }
                }
            },
            GroupAction::Back => session.group.back(),
            GroupAction::Number(i) => match session.group.stage {
                // With phones, the phones count: no hands are added by key.
                Stage::Voting if session.phones.is_none() => session.group.tally.add(*i),
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
                    if let Err(e) = take_choice(session, &shared) {
                        notice.show(e);
                    }
                }
            }
            GroupAction::Blank => session.blank = !session.blank,
            GroupAction::Timer => session.timer = if session.timer.is_some() { None } else { Some(Instant::now()) },
            GroupAction::TogglePresenter => session.presenter_panel = !session.presenter_panel,
            GroupAction::Fullscreen => session.fullscreen = !session.fullscreen,
            GroupAction::Leave => next.set(Showing(Screen::Records)),
            // Phone voting is switched in its own module.
            GroupAction::Phones | GroupAction::NextAddress => {}
        }
        if session.page() != page {
            (session.part, session.parts) = (0, 1);
        }
    }
}

/// Keeps how many parts the audience's screen drew its page in (the part shown stays
/// within them), marking the session changed only if that changed.
pub(super) fn keep_parts(induction: &mut ResMut<Induction>, parts: usize) {
    if induction.parts != parts {
        induction.parts = parts;
        induction.part = induction.part.min(parts.saturating_sub(1));
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
fn take_choice(session: &mut Induction, shared: &Shared) -> Result<(), PlayError> {
    let index = session.picked.unwrap_or_else(|| session.group.tally.leader());
    let id = match session.group.play.current() {
        boundaries_core::play::Current::Scene { offered, .. } => offered.get(index).map(|c| c.id.clone()),
        boundaries_core::play::Current::Ending { .. } => None,
    };
    let Some(id) = id else { return Ok(()) };
    session.group.choose(&id)?;
    session.picked = None;
    let mut record = session.group.play.record(&shared.catalogues);
    record.single_screen = !session.two_windows;
    if let Some(file) = &mut session.record {
        session.save_error = file.save(&record).err().map(|e| format!("{e}. This session is not being kept."));
    }
    session.finished = record.is_finished();
    Ok(())
}

/// The monitor the audience goes full screen on (`--audience-monitor N`, counting
/// from 0); by default, the one its window is on.
#[derive(Resource, Default, Debug)]
pub(crate) struct AudienceMonitor(pub(crate) Option<usize>);

/// Puts the audience's window (on one screen, the only window) full screen or back,
/// when the trainer asks.
fn fullscreen(
    induction: Option<Res<Induction>>,
    monitor: Res<AudienceMonitor>,
    mut audience: Query<&mut Window, With<Audience>>,
    mut primary: Query<&mut Window, (With<bevy::window::PrimaryWindow>, Without<Audience>)>,
) {
    let Some(induction) = induction.filter(|i| i.is_changed()) else { return };
    let mode = match (induction.fullscreen, monitor.0) {
        (false, _) => WindowMode::Windowed,
        (true, Some(index)) => WindowMode::BorderlessFullscreen(MonitorSelection::Index(index)),
        (true, None) => WindowMode::BorderlessFullscreen(MonitorSelection::Current),
    };
    let window = if induction.two_windows { audience.single_mut().ok() } else { primary.single_mut().ok() };
    if let Some(mut window) = window
        && window.mode != mode
    {
        window.mode = mode;
    }
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
