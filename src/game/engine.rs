//! The engine's long-lived parts, shared by every screen.

use std::path::PathBuf;

use bevy::prelude::*;
use boundaries_core::catalogues::{Catalogues, Principle};
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

    pub(crate) fn principle(&self, id: &str) -> Option<&Principle> {
        self.catalogues.principle(id)
    }

    /// A principle's display name, or its id if the catalogue lacks it.
    pub(crate) fn principle_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.principle(id).map_or(id, |p| p.name.as_str())
    }

    pub(crate) fn section_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.catalogues.section(id).map_or(id, |s| s.title.as_str())
    }
}
