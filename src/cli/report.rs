//! `boundaries report RECORD`: a debrief report of one play, in Markdown or HTML.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::tz::TimeZone;

use crate::catalogues::Catalogues;
use crate::play::store::write_atomic;
use crate::play::{RecordStore, Replay};
use crate::report::{Format, render};
use crate::scenario::Library;

pub fn run(
    library: &Library,
    catalogues: &Catalogues,
    record: &Path,
    format: Format,
    output: Option<&PathBuf>,
) -> ExitCode {
    let record = match RecordStore::load(record) {
        Ok(record) => record,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let scenario = library.get(&record.scenario).map(|l| l.scenario.clone());
    let replay = Replay::new(record, scenario.as_deref());
    if let Some(warning) = &replay.warning {
        eprintln!("warning: {warning}");
    }
    let text = match render(&replay, catalogues, format, &TimeZone::system()) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: the report could not be written: {e}");
            return ExitCode::from(2);
        }
    };
    match output {
        None => print!("{text}"),
        Some(path) => {
            if let Err(e) = write_atomic(path, text.as_bytes()) {
                eprintln!("error: {}: {e}", path.display());
                return ExitCode::from(2);
            }
            println!("Report written to {}", path.display());
        }
    }
    ExitCode::SUCCESS
}
