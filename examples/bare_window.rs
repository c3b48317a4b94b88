//! A floor for the game's launch time: a bare Bevy + egui window with the same
//! plugins and window, drawing one label. With `BOUNDARIES_LAUNCH_TIMING` set it
//! prints the time from `main` to the first frame after the label was drawn, and
//! exits, as the game does for its title screen:
//!
//! ```sh
//! BOUNDARIES_LAUNCH_TIMING=1 xvfb-run -a cargo run --release --example bare_window
//! ```

use std::time::Instant;

use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

#[derive(Resource)]
struct Launch {
    started: Instant,
    drawn: bool,
}

fn main() {
    let started = Instant::now();
    App::new()
        .add_plugins(
            DefaultPlugins
                .set(WindowPlugin { primary_window: Some(Window { title: "bare".into(), ..default() }), ..default() }),
        )
        .add_plugins(EguiPlugin::default())
        .insert_resource(WinitSettings::game())
        .insert_resource(Launch { started, drawn: false })
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(EguiPrimaryContextPass, draw)
        .add_systems(First, report)
        .run();
}

fn draw(mut contexts: EguiContexts, mut launch: ResMut<Launch>) -> Result {
    egui::Area::new("bare".into()).show(contexts.ctx_mut()?, |ui| ui.label("Boundaries"));
    launch.drawn = true;
    Ok(())
}

fn report(launch: Res<Launch>, mut exit: MessageWriter<AppExit>) {
    if launch.drawn && std::env::var_os("BOUNDARIES_LAUNCH_TIMING").is_some() {
        eprintln!(
            "launch: a bare window's first egui frame was on screen after {:.0} ms",
            launch.started.elapsed().as_secs_f64() * 1000.0
        );
        exit.write(AppExit::Success);
    }
}
