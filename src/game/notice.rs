//! One notice for everything that went wrong because of the player's files or
//! actions: shown as a banner above whatever screen is up, until dismissed or
//! replaced. It keeps the shared's typed error, not a string.

use bevy::prelude::*;
use boundaries_core::play::PlayError;
use boundaries_core::play::store::StoreError;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Notice>();
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Failure {
    #[error("{0}")]
    Record(#[from] StoreError),
    #[error("{0}")]
    Play(#[from] PlayError),
    #[error("\"{0}\" is not in the library any more")]
    Missing(String),
    #[error("{} could not be opened: {reason}", path.display())]
    Open { path: std::path::PathBuf, reason: String },
}

/// The failure shown, if any.
#[derive(Resource, Default, Debug)]
pub(crate) struct Notice(pub(crate) Option<Failure>);

impl Notice {
    pub(crate) fn show(&mut self, failure: impl Into<Failure>) {
        self.0 = Some(failure.into());
    }
}
