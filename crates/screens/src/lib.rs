//! Boundaries' screens, with egui and without Bevy. Each screen is a view model, a
//! builder that makes it from the core's data, and a body: a plain function from the
//! view to the action the player took, drawn with egui. The game maps its world to
//! views and the actions back to calls into the core; bodies are tested here with
//! `egui_kittest`, without a window.

mod a11y;
pub mod action;
pub mod briefing;
pub mod cohort;
pub mod commands;
pub mod induction;
pub mod library;
pub mod nav;
pub mod notice;
pub mod play;
pub mod progress;
pub mod records;
pub mod replay;
pub mod result;
pub mod settings;
#[cfg(test)]
mod tests_builders;
pub mod theme;
pub mod title;
pub mod widgets;

use boundaries_core::scenario::Level;

pub use action::{GroupAction, UiAction};
pub use nav::Screen;

/// The widest a column of text should be, for comfortable reading.
const READING_WIDTH: f32 = 880.0;

/// A test harness for a screen's body that keeps the first action it returns.
#[cfg(test)]
fn harness<'a>(
    mut body: impl FnMut(&mut egui::Ui) -> Option<UiAction> + 'a,
) -> egui_kittest::Harness<'a, Option<UiAction>> {
    egui_kittest::Harness::builder()
        .with_size([1100.0, 1000.0])
        .build_ui_state(move |ui, action: &mut Option<UiAction>| *action = body(ui).or(action.take()), None)
}

/// Draws a screen's body in a scrolling, centred column filling the window. Each
/// `screen` keeps a scroll position of its own, so one never opens scrolled to where
/// another was left.
pub fn show_screen<R>(
    ctx: &egui::Context,
    screen: impl std::hash::Hash + std::fmt::Debug,
    body: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    show_in(&mut root_ui(ctx), screen, body)
}

/// A Ui covering the whole window, for panels to be laid out in.
pub fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "screen".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.content_rect()),
    )
}

/// Draws a screen's body in the space left in `root` (beside any side panel).
pub fn show_in<R>(
    root: &mut egui::Ui,
    screen: impl std::hash::Hash + std::fmt::Debug,
    body: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(root.visuals().panel_fill).inner_margin(24))
        .show(root, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(screen)
                .auto_shrink([false, false])
                .show(ui, |ui| widgets::column(ui, READING_WIDTH, body))
                .inner
        })
        .inner
}

/// The number keys 1 to 9, for choosing by keyboard.
const NUMBER_KEYS: [egui::Key; 9] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
    egui::Key::Num9,
];

/// Whether a key was pressed this frame (a held key's repeats count too).
fn pressed(ui: &egui::Ui, key: egui::Key) -> bool {
    ui.input(|i| i.key_pressed(key))
}

/// Whether a key went down this frame, not counting a held key's repeats: for keys
/// that take an answer, which a key held too long must never take twice.
fn pressed_once(ui: &egui::Ui, key: egui::Key) -> bool {
    ui.input(|i| {
        i.events.iter().any(|e| matches!(e, egui::Event::Key { key: k, pressed: true, repeat: false, .. } if *k == key))
    })
}

/// Starts a new page of a screen with nothing focused, when `page` differs from the
/// page drawn last time: focus left on the last page's button must not carry over to
/// whatever now has its place, or an Enter meant for that button would act here.
/// Returns whether the page is new.
fn new_page(ui: &egui::Ui, page: u64) -> bool {
    let id = egui::Id::new("boundaries page");
    let last = ui.data(|d| d.get_temp::<u64>(id));
    ui.data_mut(|d| d.insert_temp(id, page));
    if last == Some(page) {
        return false;
    }
    ui.memory_mut(|m| {
        if let Some(focused) = m.focused() {
            m.surrender_focus(focused);
        }
    });
    true
}

fn level_label(level: Level) -> &'static str {
    match level {
        Level::Introductory => "Introductory",
        Level::Intermediate => "Intermediate",
        Level::Advanced => "Advanced",
    }
}
