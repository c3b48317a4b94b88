//! Looking back: the record browser's list, the replay being stepped through, the
//! reflection written into a record, and exporting a report.

use std::path::PathBuf;

use bevy::prelude::*;
use boundaries_core::play::store::StoreError;
use boundaries_core::play::{Record, RecordStore, Reflection, Replay};
use boundaries_core::report::export::write_new;
use boundaries_core::report::{Format, render};

use boundaries_core::scenario::layout::{Layout, layout};
use boundaries_screens::Screen;

use super::Shared;
use super::navigation::Showing;
use super::scenario_assets::GameLibrary;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Debrief>()
        .add_systems(OnEnter(Showing(Screen::Records)), load_records)
        .add_systems(OnEnter(Showing(Screen::Progress)), load_records);
}

/// A replay open on screen.
#[derive(Debug)]
pub(super) struct OpenReplay {
    pub path: PathBuf,
    pub replay: Replay,
    /// The decision shown, or `replay.steps.len()` for the end.
    pub index: usize,
    /// The reflection as being written.
    pub draft: Reflection,
    /// What happened on the last save or export, to show the player.
    pub notice: Option<String>,
    /// The report last exported.
    pub exported: Option<PathBuf>,
    /// The scenario laid out with the path taken and the recommended path, made once
    /// when the replay opens; none if the scenario is no longer in the library.
    pub layout: Option<Layout>,
}

#[derive(Resource, Default, Debug)]
pub(super) struct Debrief {
    /// Every record file, newest first, read or with the reason it could not be.
    pub records: Vec<(PathBuf, Result<Record, String>)>,
    pub open: Option<OpenReplay>,
}

fn load_records(shared: Res<Shared>, mut debrief: ResMut<Debrief>) {
    debrief.records = match shared.store.list() {
        Ok(list) => list.into_iter().map(|(path, record)| (path, record.map_err(|e| e.to_string()))).collect(),
        Err(e) => vec![(shared.store.dir().to_owned(), Err(e.to_string()))],
    };
}

impl Debrief {
    /// Opens a record's replay at its first decision (or its end, to reflect on it).
    pub(super) fn open(
        &mut self,
        path: PathBuf,
        at_end: bool,
        library: &GameLibrary,
        shared: &Shared,
    ) -> Result<(), StoreError> {
        let record = RecordStore::load(&path)?;
        let scenario = library.get(&record.scenario).map(|l| l.scenario.clone());
        let draft = record.reflection.clone().unwrap_or_else(|| Reflection {
            prompt: record.reflection_prompt(&shared.catalogues),
            ..Default::default()
        });
        let replay = Replay::new(record, scenario.as_deref());
        let index = if at_end { replay.steps.len() } else { 0 };
        let layout = scenario.map(|s| layout(&s, &replay.path_nodes(), &replay.recommended));
        self.open = Some(OpenReplay { path, replay, index, draft, notice: None, exported: None, layout });
        Ok(())
    }

    pub(super) fn step_to(&mut self, index: usize) {
        if let Some(open) = &mut self.open {
            open.index = index.min(open.replay.steps.len());
        }
    }

    /// Saves the reflection into the record, atomically.
    pub(super) fn reflect(&mut self, mut reflection: Reflection) {
        let Some(open) = &mut self.open else { return };
        reflection.written = Some(jiff::Timestamp::now());
        match RecordStore::save_reflection(&open.path, reflection.clone()) {
            Ok(record) => {
                open.replay.record = record;
                open.draft = reflection;
                open.notice = Some("Your reflection is saved with this play.".to_owned());
            }
            Err(e) => open.notice = Some(format!("The reflection could not be saved: {e}")),
        }
    }

    /// Writes the report as one HTML page into the `reports` folder beside the records.
    pub(super) fn export(&mut self, shared: &Shared) {
        let Some(open) = &mut self.open else { return };
        let folder = shared.store.dir().parent().map_or_else(|| PathBuf::from("reports"), |data| data.join("reports"));
        let name =
            open.path.file_name().and_then(|n| n.to_str()).unwrap_or("play").trim_end_matches(".record.ron").to_owned();
        // A new file each time: an export never replaces an earlier one.
        let written = render(&open.replay, &shared.catalogues, Format::Html, &jiff::tz::TimeZone::system())
            .map_err(|e| e.to_string())
            .and_then(|html| write_new(&folder, &name, "html", html.as_bytes()).map_err(|e| e.to_string()));
        open.notice = Some(match &written {
            Ok(path) => format!("Report saved to {}", path.display()),
            Err(e) => format!("The report could not be saved: {e}"),
        });
        open.exported = written.ok();
    }
}
