//! How the game's windows look: the theme from the screens crate, applied when the
//! settings change or the window is resized.

use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowResized};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::settings::PlayerSettings;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        apply
            .run_if(resource_changed::<PlayerSettings>.or_eager(on_message::<WindowResized>))
            .before(super::screens::UiSet),
    );
}

fn apply(
    mut contexts: EguiContexts,
    settings: Res<PlayerSettings>,
    window: Single<&Window, With<PrimaryWindow>>,
) -> Result {
    let size = window.size();
    boundaries_screens::theme::apply(contexts.ctx_mut()?, &settings.settings, egui_size(size));
    Ok(())
}

/// A Bevy size in logical pixels as egui's.
pub(super) fn egui_size(size: Vec2) -> bevy_egui::egui::Vec2 {
    bevy_egui::egui::vec2(size.x, size.y)
}
