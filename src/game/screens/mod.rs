//! The screens, as states: for each, a system that builds its view from the game's
//! resources with the screens crate's builder, draws its body, and sends on the
//! action the player took. Everything drawn is decided in the screens crate.

mod debrief;
mod induction;
mod playing;
mod solo;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use boundaries_screens::{Screen, UiAction};

use super::actions::Act;
use super::notice::Notice;

pub(super) fn ui_plugin(app: &mut App) {
    app.configure_sets(EguiPrimaryContextPass, UiSet);
    app.add_plugins((solo::plugin, playing::plugin, debrief::plugin, induction::plugin));
    app.add_systems(EguiPrimaryContextPass, notice_ui.after(UiSet));
}

/// The notice, over whatever screen is up.
fn notice_ui(mut contexts: EguiContexts, mut notice: ResMut<Notice>) -> Result {
    let Some(failure) = &notice.0 else { return Ok(()) };
    if boundaries_screens::notice::banner(contexts.ctx_mut()?, &failure.to_string()) {
        notice.0 = None;
    }
    Ok(())
}

/// The systems that draw the screens.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct UiSet;

/// Draws a screen's body and sends on the action the player took, if any.
fn draw(
    contexts: &mut EguiContexts,
    actions: &mut MessageWriter<Act>,
    screen: Screen,
    body: impl FnOnce(&mut bevy_egui::egui::Ui) -> Option<UiAction>,
) -> Result {
    if let Some(action) = boundaries_screens::show_screen(contexts.ctx_mut()?, screen, body) {
        actions.write(Act(action));
    }
    Ok(())
}
