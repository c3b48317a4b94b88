//! The game: a Bevy + egui shell around the core. Only this module knows Bevy.
//!
//! One plugin per module, in the style of Bevy's `bevy_new_2d` template. The logic
//! plugins ([`core_plugin`]) need no window, so headless tests drive them directly;
//! [`ui_plugin`] adds egui and the screens' bodies, which are functions of a view
//! model that return the action taken.

mod access;
mod actions;
mod best_bands;
mod capture;
mod cohort;
mod debrief;
mod idle;
mod induction;
mod keys;
mod launch_timing;
mod navigation;
mod notice;
mod phones;
mod scenario_assets;
mod screens;
mod sending;
mod session;
mod settings;
mod shared;
#[cfg(test)]
mod tests;
#[cfg(all(test, unix))]
mod tests_files;
#[cfg(test)]
mod tests_induction;
mod theme;

use std::process::ExitCode;

use crate::cli::{Cli, load_catalogues};
use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy::winit::WinitSettings;
use bevy_egui::EguiPlugin;

pub(crate) use shared::Shared;

/// Opens the game window; returns when it closes.
pub(crate) fn run(cli: &Cli, started: std::time::Instant) -> ExitCode {
    let Some(catalogues) = load_catalogues(cli.catalogues.as_deref()) else { return ExitCode::from(2) };
    let shared = match Shared::open(catalogues) {
        Ok(shared) => shared,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut app = App::new();
    scenario_assets::register_sources(&mut app, cli.scenarios.as_deref());
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Boundaries".into(),
                    resolution: {
                        let (width, height) = cli.game.window.unwrap_or((1280, 800));
                        WindowResolution::new(width, height)
                    },
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin { watch_for_changes_override: Some(true), ..default() }),
    );
    app.add_plugins(EguiPlugin::default());
    // No frames while the player reads and decides: only on input (or animation).
    app.insert_resource(WinitSettings::desktop_app());
    app.insert_resource(shared);
    app.insert_resource(capture::Launch::from(&cli.game));
    app.insert_resource(induction::AudienceMonitor(cli.game.audience_monitor));
    app.insert_resource(phones::PhoneOptions { address: cli.game.phones_address, at_start: cli.game.phones });
    app.add_plugins((core_plugin, ui_plugin, capture::plugin));
    launch_timing::plugin(&mut app, started);
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// Everything but the window: scenarios, settings, records, the play and the
/// screens' state machine.
pub(crate) fn core_plugin(app: &mut App) {
    app.add_plugins((
        navigation::plugin,
        notice::plugin,
        scenario_assets::plugin,
        settings::plugin,
        best_bands::plugin,
        session::plugin,
        debrief::plugin,
        induction::plugin,
        phones::plugin,
        sending::plugin,
        cohort::plugin,
        actions::plugin,
    ));
}

/// egui, the theme and the screens' bodies.
pub(crate) fn ui_plugin(app: &mut App) {
    app.add_plugins((idle::plugin, access::plugin, theme::plugin, screens::ui_plugin))
        .add_systems(Startup, spawn_camera);
}

/// egui draws through a camera.
fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}
