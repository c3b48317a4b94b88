//! The player's settings as a resource: loaded at start, saved whenever they change.

use bevy::prelude::*;
use boundaries_core::settings::Settings;

use super::Shared;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreStartup, load).add_systems(Last, save.run_if(resource_changed::<PlayerSettings>));
}

#[derive(Resource, Default, Debug)]
pub(super) struct PlayerSettings {
    pub settings: Settings,
    /// A problem reading or saving the settings, to show on the settings screen.
    pub warning: Option<String>,
}

fn load(mut commands: Commands, shared: Res<Shared>) {
    let (settings, warning) = match &shared.settings_path {
        Some(path) => Settings::load(path),
        None => (Settings::default(), None),
    };
    if let Some(warning) = &warning {
        warn!("{warning}");
    }
    commands.insert_resource(PlayerSettings { settings, warning });
}

fn save(shared: Res<Shared>, mut settings: ResMut<PlayerSettings>, mut saved: Local<Option<Settings>>) {
    if saved.as_ref() == Some(&settings.settings) {
        return;
    }
    if saved.is_none() {
        // The first change is the load itself.
        *saved = Some(settings.settings.clone());
        return;
    }
    if let Some(path) = &shared.settings_path {
        match settings.settings.save(path) {
            Ok(()) => *saved = Some(settings.settings.clone()),
            Err(e) => settings.bypass_change_detection().warning = Some(format!("could not save settings: {e}")),
        }
    }
}
