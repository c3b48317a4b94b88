//! What every screen and system of the game shares: the catalogues, where records
//! are kept and where settings are saved.

use std::path::PathBuf;

use bevy::prelude::*;
use boundaries_core::catalogues::Catalogues;
use boundaries_core::play::RecordStore;
use boundaries_core::play::store::StoreError;
use boundaries_core::settings::Settings;

#[derive(Resource)]
pub(crate) struct Shared {
    pub catalogues: Catalogues,
    pub store: RecordStore,
    /// Where settings are saved (none in tests).
    pub settings_path: Option<PathBuf>,
}

impl Shared {
    /// The shared with records and settings in the user's data folder.
    pub(crate) fn open(catalogues: Catalogues) -> Result<Shared, StoreError> {
        Ok(Shared { catalogues, store: RecordStore::open_default()?, settings_path: Some(Settings::default_path()?) })
    }
}
