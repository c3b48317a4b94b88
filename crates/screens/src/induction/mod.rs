//! The two faces of an induction session. The audience view is for the projector:
//! large type, choices lettered A, B, C, and after the reveal the votes, scores and
//! feedback; it never shows trainer notes. The presenter view is for the trainer:
//! the scene small, the facilitator notes, the discussion questions, a timer, the
//! vote controls and what comes next.

use boundaries_core::catalogues::Catalogues;
use boundaries_core::play::Current;
use boundaries_core::play::group::{GroupPlay, Stage};
use boundaries_core::play::replay::Replay;
use boundaries_core::scenario::{Choice, Node, Scene};
use boundaries_core::scoring::{crossed, recommended_choice};
use boundaries_core::settings::Settings;

use crate::action::GroupAction;
use crate::theme::Palette;
use crate::widgets::hex_colour;

/// How much larger the audience's text is than a solo player's.
pub const AUDIENCE_SCALE: f32 = 2.6;

pub struct ChoiceView {
    pub text: String,
    pub votes: u32,
    /// (principle name, change, colour)
    pub changes: Vec<(String, i64, egui::Color32)>,
    pub feedback: Option<String>,
    pub red_flag: Option<String>,
    /// The scenario's recommended choice here (the core's one rule: the highest
    /// total score, the first listed on a tie).
    pub recommended: bool,
}

pub struct SceneView {
    pub speaker: Option<(String, String, usize)>,
    pub text: String,
    pub prompt: String,
    pub choices: Vec<ChoiceView>,
    /// Trainer only.
    pub facilitator: Option<String>,
    /// Trainer only: questions to put to the room.
    pub discuss: Vec<String>,
}

/// Phone voting as both faces show it: the address and code for the room, the QR
/// code, and (for the trainer) how many phones have joined and voted.
#[derive(Debug, Clone, PartialEq)]
pub struct PhonesView {
    /// The page's address with the session's secret, as in the QR code.
    pub url: String,
    /// The address to type, ending in the room code.
    pub typed: String,
    pub code: String,
    /// The network interface the server listens on, for the trainer.
    pub interface: String,
    /// How many addresses the laptop has that phones might reach.
    pub addresses: usize,
    /// The QR code: `qr_width` modules square, dark ones true, row by row.
    pub qr_width: usize,
    pub qr_dark: Vec<bool>,
    pub joined: usize,
    pub voted: usize,
}

/// How the room went, decision by decision, for the end of the session.
pub struct RoomDecision {
    pub prompt: String,
    /// (text, votes, taken, recommended)
    pub choices: Vec<(String, u32, bool, bool)>,
}

pub struct View {
    pub title: String,
    pub setting: String,
    pub decision: usize,
    pub stage: Stage,
    pub scene: Option<SceneView>,
    pub picked: Option<usize>,
    /// The show of hands is tied (or empty), so the trainer should pick.
    pub tie: bool,
    pub present: u32,
    pub timer_left: Option<u64>,
    pub blank: bool,
    /// The audience's window fills its screen.
    pub fullscreen: bool,
    /// Set once the play has ended: the ending and how the room split.
    pub finished: Option<(String, Vec<RoomDecision>)>,
    pub save_error: Option<String>,
    /// The part of the audience's page on screen, from 0, when the page is too long
    /// to fit at the smallest readable size, and how many parts it has (1 when it fits).
    pub part: usize,
    pub parts: usize,
    /// Set while the room votes by phone.
    pub phones: Option<PhonesView>,
    /// Why phone voting is not on, when the trainer asked for it (no network, say).
    pub phone_note: Option<String>,
}

/// A choice's letter: A, B, C...
pub fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

/// What the game holds of a group session, for [`View::of`].
pub struct Room<'a> {
    pub group: &'a GroupPlay,
    /// The choice the group goes with, once revealed, if the trainer picked one.
    pub picked: Option<usize>,
    pub timer_left: Option<u64>,
    pub blank: bool,
    pub fullscreen: bool,
    pub finished: bool,
    pub save_error: Option<&'a str>,
    /// The part of the audience's page on screen, and how many it has.
    pub part: usize,
    pub parts: usize,
    pub phones: Option<PhonesView>,
    pub phone_note: Option<&'a str>,
}

/// The recommended choice's id among those offered, by the core's one rule.
fn recommended_among(scene: &Scene, offered: &[&Choice]) -> Option<String> {
    let places = offered.iter().filter_map(|o| scene.choices.iter().position(|c| c.id == o.id));
    recommended_choice(scene, places).map(|i| scene.choices[i].id.clone())
}

impl View {
    /// The session as both windows show it (each window draws only its part).
    pub fn of(room: Room, catalogues: &Catalogues) -> View {
        let play = &room.group.play;
        let scenario = play.scenario();
        let colour = |p: &str| catalogues.principle(p).map_or(egui::Color32::GRAY, |p| hex_colour(&p.colour));
        let scene = match play.current() {
            Current::Scene { scene, offered, .. } => {
                let recommended = recommended_among(scene, &offered);
                Some(SceneView {
                    speaker: scenario.speaker(scene).map(|(cast, place)| (cast.name.clone(), cast.role.clone(), place)),
                    text: scene.text.clone(),
                    prompt: scene.prompt().to_owned(),
                    choices: offered
                        .iter()
                        .enumerate()
                        .map(|(i, c)| ChoiceView {
                            text: c.text.clone(),
                            votes: room.group.tally.counts().get(i).copied().unwrap_or(0),
                            changes: c
                                .scores
                                .iter()
                                .map(|(p, s)| (catalogues.principle_name(p).to_owned(), *s, colour(p)))
                                .collect(),
                            feedback: c.feedback.clone(),
                            red_flag: c
                                .red_flag
                                .as_deref()
                                .map(|what| crossed(what, c.red_line.as_deref(), catalogues)),
                            recommended: recommended.as_deref() == Some(c.id.as_str()),
                        })
                        .collect(),
                    facilitator: scene.facilitator.clone(),
                    discuss: scene.discuss.clone(),
                })
            }
            Current::Ending { .. } => None,
        };
        let finished = room.finished.then(|| {
            let record = play.record(catalogues);
            let replay = Replay::new(record, Some(scenario));
            let ending = replay.ending.as_ref().map_or_else(String::new, |e| format!("{}: {}", e.title, e.text));
            let decisions = replay
                .steps
                .iter()
                .map(|step| RoomDecision {
                    prompt: step.prompt.clone(),
                    choices: {
                        let recommended = match scenario.node(&step.node) {
                            Some(Node::Scene(scene)) => {
                                let offered: Vec<&Choice> = step
                                    .options
                                    .iter()
                                    .filter_map(|o| scene.choices.iter().find(|c| c.id == o.id))
                                    .collect();
                                recommended_among(scene, &offered)
                            }
                            _ => None,
                        };
                        step.options
                            .iter()
                            .map(|o| {
                                (
                                    o.label(),
                                    o.votes.unwrap_or(0),
                                    o.taken,
                                    recommended.as_deref() == Some(o.id.as_str()),
                                )
                            })
                            .collect()
                    },
                })
                .collect();
            (ending, decisions)
        });
        View {
            title: scenario.title.clone(),
            setting: scenario.setting.clone(),
            decision: play.decisions().len() + 1,
            stage: room.group.stage,
            scene,
            picked: room.picked,
            tie: room.group.tally.majority().is_none(),
            present: room.group.present(),
            timer_left: room.timer_left,
            blank: room.blank,
            fullscreen: room.fullscreen,
            finished,
            save_error: room.save_error.map(ToOwned::to_owned),
            part: room.part,
            parts: room.parts,
            phones: room.phones,
            phone_note: room.phone_note.map(ToOwned::to_owned),
        }
    }
}

/// The presenter's own window: the presenter view filling it.
#[must_use]
pub fn presenter_window(ctx: &egui::Context, view: &View) -> Option<GroupAction> {
    crate::show_screen(ctx, "presenter", |ui| presenter(ui, view))
}

/// One screen for both: the audience view at the audience's size, and the presenter
/// panel beside it only when the trainer asks for it (`N`), at the trainer's own size
/// and marked as the trainer's for as long as it is shown. Returns the trainer's
/// action and how many parts the audience's page is shown in.
#[must_use]
pub fn one_screen(ctx: &egui::Context, view: &View, presenter_panel: bool) -> (Option<GroupAction>, usize) {
    // The room's part is scaled by its text, not the window's zoom, so the trainer's
    // panel beside it keeps the size a laptop's user reads.
    let pixels_high = ctx.content_rect().height() * ctx.zoom_factor();
    let scale = AUDIENCE_SCALE * (pixels_high / 800.0).max(0.5) / ctx.zoom_factor();
    let mut root = crate::root_ui(ctx);
    let mut action = None;
    if presenter_panel {
        egui::Panel::right("presenter").default_size(420.0).show(&mut root, |ui| {
            let palette = Palette::current(ui.ctx());
            crate::widgets::callout(ui, palette.warning, |ui| {
                ui.label(egui::RichText::new(PANEL_MARKER).strong());
            });
            egui::ScrollArea::vertical().show(ui, |ui| action = presenter(ui, view));
        });
    }
    let parts = crate::show_in(&mut root, "audience", |ui| {
        scale_text(ui.style_mut(), scale);
        fitted(ui, view)
    });
    (action, parts)
}

/// The smallest the room's text is made to fit a screen: below this, a projector's
/// back row could not read it, and the page is shown in parts instead.
const SMALLEST_FIT: f32 = 0.55;

/// How much of a part is shown again at the top of the next, so a line cut at the
/// bottom of one part is read whole on the next.
const PART_OVERLAP: f32 = 0.1;

/// The audience view, its text made smaller, a step a frame, until the page fits the
/// window; each new page starts at full size again. At [`SMALLEST_FIT`] a page that
/// still does not fit is shown in parts, `view.part` being the one on screen, with a
/// line saying so at the foot. Returns how many parts the page has (1 when it fits).
fn fitted(ui: &mut egui::Ui, view: &View) -> usize {
    let id = egui::Id::new("audience fit");
    let page = (view.decision, view.stage as u8, view.picked, view.finished.is_some(), view.blank);
    let key = egui::Id::new(page).value();
    let was = ui
        .data(|d| d.get_temp::<(u64, f32, usize)>(id))
        .filter(|(k, ..)| *k == key)
        .map_or((1.0, 1), |(_, s, p)| (s, p));
    let (scale, parts) = was;
    scale_text(ui.style_mut(), scale);
    let top = ui.cursor().top();
    let room = ui.clip_rect().bottom() - top;
    let now = if parts > 1 {
        (scale, in_parts(ui, view, room))
    } else {
        audience(ui, view);
        let needed = ui.min_rect().bottom() - top;
        if needed <= room + 1.0 {
            (scale, 1)
        } else if scale > SMALLEST_FIT {
            ((scale * (room / needed).clamp(0.8, 0.97)).max(SMALLEST_FIT), 1)
        } else {
            (scale, 2)
        }
    };
    if now != was {
        ui.ctx().request_repaint();
    }
    ui.data_mut(|d| d.insert_temp(id, (key, now.0, now.1)));
    now.1
}

/// The audience view in parts of `room` high (less a line at the foot saying which
/// part this is), showing part `view.part`. Returns how many parts there are.
fn in_parts(ui: &mut egui::Ui, view: &View, room: f32) -> usize {
    let foot = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y * 2.0;
    let window = (room - foot).max(1.0);
    let step = window * (1.0 - PART_OVERLAP);
    let output = egui::ScrollArea::vertical()
        .id_salt("audience part")
        .max_height(window)
        .min_scrolled_height(window)
        .auto_shrink([false, true])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
        .scroll_source(egui::scroll_area::ScrollSource::NONE)
        .vertical_scroll_offset(step * view.part as f32)
        .show(ui, |ui| audience(ui, view));
    let parts = 1 + ((output.content_size.y - window).max(0.0) / step).ceil() as usize;
    let shown = view.part.min(parts - 1) + 1;
    let more = if shown < parts { "more follows" } else { "the last part" };
    ui.label(egui::RichText::new(format!("Part {shown} of {parts}: {more}")).color(Palette::current(ui.ctx()).muted));
    parts
}

/// The part of the audience's page that Next (`forward`) or Back turns to from
/// `part` of `parts`, or none when they move the session on (or back) instead.
#[must_use]
pub fn turn_part(part: usize, parts: usize, forward: bool) -> Option<usize> {
    if forward { (part + 1 < parts).then_some(part + 1) } else { part.checked_sub(1).filter(|_| parts > 1) }
}

/// Shown above the trainer's panel on one screen, for as long as it is open.
pub const PANEL_MARKER: &str = "Trainer's panel: the room can see it while it is open. Press N to hide it.";

/// Every text style `factor` times its size.
fn scale_text(style: &mut egui::Style, factor: f32) {
    for font in style.text_styles.values_mut() {
        font.size *= factor;
    }
    style.spacing.interact_size.y *= factor;
}

/// The audience's own window, `height` logical pixels high: the audience view at the
/// audience's size, in the player's theme. Returns how many parts the page is shown
/// in (1 when it fits the window).
#[must_use]
pub fn audience_window(ctx: &egui::Context, view: &View, settings: &Settings, height: f32) -> usize {
    let zoom = AUDIENCE_SCALE * (height / 800.0).max(0.5);
    if (ctx.zoom_factor() - zoom).abs() > 0.01 {
        let theme = if settings.high_contrast { egui::Theme::Dark } else { egui::Theme::Light };
        ctx.set_theme(theme);
        ctx.set_style_of(theme, crate::theme::style(Palette::of(settings.high_contrast)));
        ctx.set_zoom_factor(zoom);
    }
    crate::show_screen(ctx, "audience", |ui| fitted(ui, view))
}

mod audience;
mod presenter;
#[cfg(test)]
mod tests;

pub use audience::audience;
pub use presenter::presenter;
