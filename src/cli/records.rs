//! `boundaries records` and `boundaries progress`: the plays kept so far, and a
//! player's ratings per principle over time.

use std::process::ExitCode;

use jiff::tz::TimeZone;

use super::{print_table, row, table};
use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::Library;
use boundaries_core::play::progress::{is_players, progress};
use boundaries_core::play::{Record, RecordStore};

fn store() -> Option<RecordStore> {
    RecordStore::open_default().map_err(|e| complain!("error: {e}")).ok()
}

/// When a play started, in the local time zone.
pub(super) fn when(record: &Record) -> String {
    record.started.to_zoned_datetime(TimeZone::system()).strftime("%Y-%m-%d %H:%M").to_string()
}

pub(super) fn list(library: &Library, scenario: Option<&str>, name: Option<&str>) -> ExitCode {
    let Some(store) = store() else { return ExitCode::from(2) };
    let entries = match store.list() {
        Ok(entries) => entries,
        Err(e) => {
            complain!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut table = table(&["date", "scenario", "player", "band", "status", "file"]);
    let mut shown = 0;
    for (path, record) in &entries {
        let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                // A record that cannot be read is listed, never hidden.
                table.add_row(row(vec![
                    "?".into(),
                    "?".into(),
                    "?".into(),
                    "?".into(),
                    format!("unreadable: {}", without_path(&e.to_string(), path)),
                    file,
                ]));
                shown += 1;
                continue;
            }
        };
        if scenario.is_some_and(|id| id != record.scenario) || !is_players(record, name) {
            continue;
        }
        let mut status = if record.is_finished() { "finished".to_owned() } else { "abandoned".to_owned() };
        match library.get(&record.scenario) {
            Some(loaded) if record.changed_since(&loaded.scenario).is_some() => {
                status.push_str(", scenario changed since")
            }
            None => status.push_str(", scenario not in library"),
            _ => {}
        }
        table.add_row(row(vec![
            when(record),
            record.scenario_title.clone(),
            record.who().unwrap_or_else(|| "-".into()),
            record.result.as_ref().map_or("-".into(), |r| r.band.to_string()),
            status,
            file,
        ]));
        shown += 1;
    }
    print_table(&table);
    say!("\n{shown} record{} in {}.", if shown == 1 { "" } else { "s" }, store.dir().display());
    ExitCode::SUCCESS
}

pub(super) fn show_progress(catalogues: &Catalogues, name: Option<&str>) -> ExitCode {
    let Some(store) = store() else { return ExitCode::from(2) };
    let records: Vec<Record> = match store.list() {
        Ok(entries) => entries.into_iter().filter_map(|(_, r)| r.ok()).collect(),
        Err(e) => {
            complain!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let progress = progress(&records, name, catalogues);
    let who = name.map_or("everyone".to_owned(), |n| format!("\"{n}\""));
    if progress.plays == 0 {
        say!("No finished plays for {who} yet.");
        return ExitCode::SUCCESS;
    }
    let plays =
        if progress.plays == 1 { "1 finished play".to_owned() } else { format!("{} finished plays", progress.plays) };
    say!("Ratings per principle over {plays} by {who}, oldest first:\n");
    let mut table = table(&["principle", "plays", "first", "latest", "mean", "over time"]);
    for trend in &progress.trends {
        let name = catalogues.principle(&trend.principle).map_or(trend.principle.clone(), |p| p.name.clone());
        let figure = |v: Option<f64>| v.map_or("-".into(), |v| format!("{v:.0}"));
        table.add_row(row(vec![
            name,
            trend.points.len().to_string(),
            figure(trend.first()),
            figure(trend.latest()),
            figure(trend.mean()),
            sparkline(trend.points.iter().map(|p| p.rating)),
        ]));
    }
    print_table(&table);
    ExitCode::SUCCESS
}

/// Ratings from 0 to 100 as a row of bars, one a play.
fn sparkline(ratings: impl Iterator<Item = f64>) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    ratings.map(|r| BARS[((r / 100.0) * 7.0).round().clamp(0.0, 7.0) as usize]).collect()
}

/// A message about a file without the file's path at its start (the table names it).
fn without_path<'a>(message: &'a str, path: &std::path::Path) -> &'a str {
    let path = path.display().to_string();
    message.strip_prefix(path.as_str()).map_or(message, |rest| rest.trim_start_matches([':', ' ']))
}
