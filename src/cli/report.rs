//! `boundaries report RECORD`: a debrief report of one play, in Markdown or HTML.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::tz::TimeZone;

use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::Library;
use boundaries_core::play::{RecordStore, Replay};
use boundaries_core::report::export::{Replace, write_report};
use boundaries_core::report::{Format, render};

pub(super) fn run(
    library: &Library,
    catalogues: &Catalogues,
    record: &Path,
    format: Format,
    output: Option<&PathBuf>,
    force: bool,
) -> ExitCode {
    let path = record;
    let record = match RecordStore::load(path) {
        Ok(record) => record,
        Err(e) => {
            complain!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let scenario = library.get(&record.scenario).map(|l| l.scenario.clone());
    let replay = Replay::new(record, scenario.as_deref());
    if let Some(warning) = &replay.warning {
        complain!("warning: {warning}");
    }
    let text = match render(&replay, catalogues, format, &TimeZone::system()) {
        Ok(text) => text,
        Err(e) => {
            complain!("error: the report could not be written: {e}");
            return ExitCode::from(2);
        }
    };
    match output {
        None => say_raw!("{text}"),
        Some(output) => {
            let replace = if force { Replace::IfPlainFile } else { Replace::Never };
            if let Err(e) = write_report(output, text.as_bytes(), replace, &[path]) {
                complain!("error: {e}");
                return ExitCode::from(2);
            }
            say!("Report written to {}", output.display());
        }
    }
    ExitCode::SUCCESS
}
