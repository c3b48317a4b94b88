//! Lets the app sleep while nothing happens. bevy_egui 0.42 pushes a
//! `ModifiersChanged` event into every context's input on every frame; egui takes
//! any input event as a reason to repaint at once, so the app never idles (about
//! 160 % of a core here). This removes the event when the modifiers have not in fact
//! changed. bevy_egui 0.43 fixes it upstream (it needs Bevy 0.20 and a newer Rust);
//! delete this module when we move to it.

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiInput, EguiPreUpdateSet, egui};

pub(super) fn plugin(app: &mut App) {
    frame_log_plugin(app);
    app.add_systems(
        PreUpdate,
        drop_unchanged_modifiers.after(EguiPreUpdateSet::ProcessInput).before(EguiPreUpdateSet::BeginPass),
    );
}

fn drop_unchanged_modifiers(mut contexts: Query<(&mut EguiContext, &mut EguiInput)>) {
    for (mut context, mut input) in &mut contexts {
        let current = context.get_mut().input(|i| i.modifiers);
        input.events.retain(|event| !matches!(event, egui::Event::ModifiersChanged(m) if *m == current));
    }
}

/// Set to a file path to have the game write its frame count there after every
/// frame, so a test can see that an idle game draws nothing.
pub(super) const FRAME_LOG_VAR: &str = "BOUNDARIES_FRAME_LOG";

/// Adds the frame log when [`FRAME_LOG_VAR`] is set.
pub(super) fn frame_log_plugin(app: &mut App) {
    if let Some(path) = std::env::var_os(FRAME_LOG_VAR) {
        let path = std::path::PathBuf::from(path);
        app.add_systems(Last, move |frames: Res<bevy::diagnostic::FrameCount>| {
            let _ = std::fs::write(&path, frames.0.to_string());
        });
    }
}
