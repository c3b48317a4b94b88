//! Looking back: the record browser's list, the replay being stepped through, the
//! reflection written into a record, and exporting a report.

use std::path::PathBuf;

use bevy::prelude::*;
use boundaries_core::play::{Record, RecordStore, Reflection, Replay};
use boundaries_core::report::export::write_new;
use boundaries_core::report::{Format, render};

use super::Engine;
use super::library::GameLibrary;
use super::screens::Screen;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Debrief>()
        .add_systems(OnEnter(Screen::Records), load_records)
        .add_systems(OnEnter(Screen::Progress), load_records);
}

/// Which records the browser shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct RecordFilter {
    pub scenario: Option<String>,
    pub player: String,
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
}

#[derive(Resource, Default, Debug)]
pub(super) struct Debrief {
    /// Every record file, newest first, read or with the reason it could not be.
    pub records: Vec<(PathBuf, Result<Record, String>)>,
    pub filter: RecordFilter,
    pub open: Option<OpenReplay>,
}

fn load_records(engine: Res<Engine>, mut debrief: ResMut<Debrief>) {
    debrief.records = match engine.store.list() {
        Ok(list) => list.into_iter().map(|(path, record)| (path, record.map_err(|e| e.to_string()))).collect(),
        Err(e) => vec![(engine.store.dir().to_owned(), Err(e.to_string()))],
    };
}

impl Debrief {
    /// Opens a record's replay at its first decision (or its end, to reflect on it).
    pub(super) fn open(
        &mut self,
        path: PathBuf,
        at_end: bool,
        library: &GameLibrary,
        engine: &Engine,
    ) -> Result<(), String> {
        let record = RecordStore::load(&path).map_err(|e| e.to_string())?;
        let scenario = library.get(&record.scenario).map(|l| l.scenario.clone());
        let draft = record.reflection.clone().unwrap_or_else(|| Reflection {
            prompt: record.reflection_prompt(&engine.catalogues),
            ..Default::default()
        });
        let replay = Replay::new(record, scenario.as_deref());
        let index = if at_end { replay.steps.len() } else { 0 };
        self.open = Some(OpenReplay { path, replay, index, draft, notice: None });
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
    pub(super) fn export(&mut self, engine: &Engine) {
        let Some(open) = &mut self.open else { return };
        let folder = engine.store.dir().parent().map_or_else(|| PathBuf::from("reports"), |data| data.join("reports"));
        let name =
            open.path.file_name().and_then(|n| n.to_str()).unwrap_or("play").trim_end_matches(".record.ron").to_owned();
        // A new file each time: an export never replaces an earlier one.
        let written = render(&open.replay, &engine.catalogues, Format::Html, &jiff::tz::TimeZone::system())
            .map_err(|e| e.to_string())
            .and_then(|html| write_new(&folder, &name, "html", html.as_bytes()).map_err(|e| e.to_string()));
        open.notice = Some(match written {
            Ok(path) => format!("Report saved to {}", path.display()),
            Err(e) => format!("The report could not be saved: {e}"),
        });
    }
}
