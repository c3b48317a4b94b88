//! The screens, as states: each has a view model built from the game's resources and
//! a body, a plain function from the view to the action the player took, drawn with
//! egui. Bodies know nothing of Bevy, so they are tested with `egui_kittest`.

mod briefing;
mod induction;
mod library;
mod play;
mod progress;
mod records;
mod replay;
mod result;
mod settings;
mod title;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use boundaries_core::scenario::Level;

use super::actions::UiAction;
use super::widgets::column;

pub(super) use library::LibraryFilter;

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>().init_resource::<Selected>().init_resource::<LibraryFilter>();
}

pub(super) fn ui_plugin(app: &mut App) {
    app.configure_sets(EguiPrimaryContextPass, UiSet);
    app.add_plugins((
        title::plugin,
        library::plugin,
        briefing::plugin,
        play::plugin,
        result::plugin,
        settings::plugin,
        records::plugin,
        replay::plugin,
        progress::plugin,
        induction::plugin,
    ));
}

/// The systems that draw the screens.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct UiSet;

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(super) enum Screen {
    #[default]
    Title,
    Library,
    Briefing,
    Play,
    Result,
    Settings,
    /// The record browser.
    Records,
    Replay,
    Progress,
    /// A trainer running a scenario for a group.
    Induction,
}

/// The scenario chosen in the library.
#[derive(Resource, Default, Debug)]
pub(super) struct Selected(pub Option<String>);

/// The widest a column of text should be, for comfortable reading.
const READING_WIDTH: f32 = 880.0;

/// Draws a screen's body and sends on the action the player took, if any.
pub(super) fn draw(
    contexts: &mut EguiContexts,
    actions: &mut MessageWriter<UiAction>,
    body: impl FnOnce(&mut egui::Ui) -> Option<UiAction>,
) -> Result {
    if let Some(action) = show_screen(contexts.ctx_mut()?, body) {
        actions.write(action);
    }
    Ok(())
}

/// A test harness for a screen's body that keeps the first action it returns.
#[cfg(test)]
pub(super) fn harness<'a>(
    mut body: impl FnMut(&mut egui::Ui) -> Option<UiAction> + 'a,
) -> egui_kittest::Harness<'a, Option<UiAction>> {
    egui_kittest::Harness::builder()
        .with_size([1100.0, 1000.0])
        .build_ui_state(move |ui, action: &mut Option<UiAction>| *action = body(ui).or(action.take()), None)
}

/// Draws a screen's body in a scrolling, centred column filling the window.
pub(super) fn show_screen<R>(ctx: &egui::Context, body: impl FnOnce(&mut egui::Ui) -> R) -> R {
    show_in(&mut root_ui(ctx), body)
}

/// A Ui covering the whole window, for panels to be laid out in.
pub(super) fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "screen".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.content_rect()),
    )
}

/// Draws a screen's body in the space left in `root` (beside any side panel).
pub(super) fn show_in<R>(root: &mut egui::Ui, body: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(root.visuals().panel_fill).inner_margin(24))
        .show(root, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| column(ui, READING_WIDTH, body))
                .inner
        })
        .inner
}

/// The number keys 1 to 9, for choosing by keyboard.
pub(super) const NUMBER_KEYS: [egui::Key; 9] = [
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

/// Whether a key was pressed this frame.
pub(super) fn pressed(ui: &egui::Ui, key: egui::Key) -> bool {
    ui.input(|i| i.key_pressed(key))
}

pub(super) fn level_label(level: Level) -> &'static str {
    match level {
        Level::Introductory => "Introductory",
        Level::Intermediate => "Intermediate",
        Level::Advanced => "Advanced",
    }
}
