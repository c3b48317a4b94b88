//! The engine's long-lived parts, shared by every screen.

use std::path::PathBuf;

use bevy::prelude::*;
use boundaries_core::catalogues::Catalogues;
use boundaries_core::play::RecordStore;
use boundaries_core::play::store::StoreError;
use boundaries_core::settings::Settings;

#[derive(Resource)]
pub(crate) struct Engine {
    pub catalogues: Catalogues,
    pub store: RecordStore,
    /// Where settings are saved (none in tests).
    pub settings_path: Option<PathBuf>,
}

impl Engine {
    /// The engine with records and settings in the user's data folder.
    pub(crate) fn open(catalogues: Catalogues) -> Result<Engine, StoreError> {
        Ok(Engine { catalogues, store: RecordStore::open_default()?, settings_path: Some(Settings::default_path()?) })
    }
}
