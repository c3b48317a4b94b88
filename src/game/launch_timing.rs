//! How long the game takes to open, as a player feels it: with
//! `BOUNDARIES_LAUNCH_TIMING` set, the time from the program starting to the first
//! frame that has drawn the title screen's controls is printed to standard error, and
//! the game exits there. `examples/bare_window.rs` measures a bare Bevy + egui window
//! the same way, for a floor to compare with.

use std::time::Instant;

use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::EguiPrimaryContextPass;
use boundaries_screens::Screen;

use super::navigation::Showing;
use super::screens::UiSet;

/// Set this to time the launch.
pub(crate) const LAUNCH_TIMING_VAR: &str = "BOUNDARIES_LAUNCH_TIMING";

/// When the program started, and whether the title has been drawn yet.
#[derive(Resource)]
struct Launch {
    started: Instant,
    drawn: bool,
}

/// Adds the timing if asked for; `started` is the moment `main` began.
pub(super) fn plugin(app: &mut App, started: Instant) {
    if std::env::var_os(LAUNCH_TIMING_VAR).is_none() {
        return;
    }
    // Frames must keep coming without input until the title has been shown.
    app.insert_resource(WinitSettings::game())
        .insert_resource(Launch { started, drawn: false })
        .add_systems(EguiPrimaryContextPass, title_drawn.after(UiSet).run_if(in_state(Showing(Screen::Title))))
        .add_systems(First, report);
}

fn title_drawn(mut launch: ResMut<Launch>) {
    launch.drawn = true;
}

/// The frame after the title was drawn has begun, so that frame has been presented.
fn report(launch: Res<Launch>, mut exit: MessageWriter<AppExit>) {
    if launch.drawn {
        eprintln!(
            "launch: the title screen's controls were on screen after {:.0} ms",
            launch.started.elapsed().as_secs_f64() * 1000.0
        );
        exit.write(AppExit::Success);
    }
}
