//! What the game needs from the records kept of earlier plays: the best band the
//! player has reached in each scenario.

use std::collections::HashMap;

use bevy::prelude::*;
use boundaries_core::play::Record;
use boundaries_core::scoring::Band;

use super::Shared;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BestBands>().add_systems(Startup, load_best_bands);
}

/// The best band of a finished play, per scenario id.
#[derive(Resource, Default, Debug)]
pub(super) struct BestBands(pub HashMap<String, Band>);

impl BestBands {
    /// Counts a finished play.
    pub(super) fn add(&mut self, record: &Record) {
        let Some(result) = &record.result else { return };
        let best = self.0.entry(record.scenario.clone()).or_insert(result.band);
        if result.band.rank() < best.rank() {
            *best = result.band;
        }
    }
}

fn load_best_bands(shared: Res<Shared>, mut best: ResMut<BestBands>) {
    match shared.store.list() {
        Ok(records) => {
            for (path, record) in records {
                match record {
                    Ok(record) => best.add(&record),
                    Err(e) => warn!("{}: {e}", path.display()),
                }
            }
        }
        Err(e) => warn!("{e}"),
    }
}
