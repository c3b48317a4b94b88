//! Where records live, and writing them so that nothing is lost: each play claims a
//! file name of its own with exclusive creation (two plays can never share one, in
//! this process or another), and every save after that replaces the file atomically
//! (the new contents go to a temporary file in the same folder, are flushed to disk,
//! and are renamed over the old file in one step), so a crash never leaves half a file.
//! Reading takes only regular files of a sensible size, and checks what it reads.

use std::io;
use std::path::{Path, PathBuf};

use super::record::{Record, Reflection};
use crate::files::atomic::{Private, clean_leftovers, stage, write_atomic};
use crate::files::{self, NoDataDir, ReadError, describe};

/// Record files end with this.
pub const RECORD_SUFFIX: &str = ".record.ron";

/// Larger files are not records; a long play's record is a few tens of kilobytes.
pub const MAX_RECORD_BYTES: u64 = 8 * 1024 * 1024;

/// At most this much of a scenario's id goes into a record's file name.
const MAX_ID_IN_NAME: usize = 64;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    NoDataDir(#[from] NoDataDir),
    /// The records folder cannot hold records; `reason` ends the sentence.
    #[error("the records folder {} {reason}", dir.display())]
    Folder { dir: PathBuf, reason: String },
    #[error("{}: {reason}", path.display())]
    Io { path: PathBuf, reason: String },
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{} is not a Boundaries record", path.display())]
    NotARecord { path: PathBuf },
    #[error("{}:{line}:{col}: not a readable record: {message}", path.display())]
    Corrupt { path: PathBuf, line: usize, col: usize, message: String },
    #[error("{}: the record does not add up: {}", path.display(), problems.join("; "))]
    Invalid { path: PathBuf, problems: Vec<String> },
}

fn io_error(path: &Path) -> impl Fn(io::Error) -> StoreError + '_ {
    move |e| StoreError::Io { path: path.to_owned(), reason: describe(&e) }
}

/// Every record file in a store, each read or with the reason it could not be.
pub type Listing = Vec<(PathBuf, Result<Record, StoreError>)>;

/// The folder of records.
#[derive(Debug, Clone)]
pub struct RecordStore {
    dir: PathBuf,
}

impl RecordStore {
    /// `records` in the data folder (see [`data_dir`]).
    pub fn open_default() -> Result<RecordStore, StoreError> {
        Ok(RecordStore::at(files::data_dir()?.join("records")))
    }

    pub fn at(dir: impl Into<PathBuf>) -> RecordStore {
        RecordStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Makes sure a play can be kept here, before it starts: the folder exists (or is
    /// made) and a file can be written in it. The error says where and why in words.
    pub fn check(&self) -> Result<(), StoreError> {
        let folder = |reason: String| StoreError::Folder { dir: self.dir.clone(), reason };
        match std::fs::metadata(&self.dir) {
            Ok(metadata) if metadata.is_dir() => {}
            Ok(metadata) => {
                let kind = if metadata.is_file() { "a file" } else { files::kind_of(&metadata).unwrap_or("a file") };
                return Err(folder(format!("is {kind}, not a folder")));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                std::fs::create_dir_all(&self.dir).map_err(|e| folder(format!("cannot be made: {}", describe(&e))))?
            }
            Err(e) => return Err(folder(format!("cannot be used: {}", describe(&e)))),
        }
        let probe = stage(&self.dir.join("probe"), b"", Private::Yes)
            .map_err(|e| folder(format!("cannot be written to: {}", describe(&e))))?;
        drop(probe);
        clean_leftovers(&self.dir);
        Ok(())
    }

    /// A new play's record: [`RecordStore::check`]s the folder, then the file is
    /// claimed on the first save.
    pub fn begin(&self) -> Result<RecordFile, StoreError> {
        self.check()?;
        Ok(RecordFile { dir: self.dir.clone(), path: None })
    }

    pub fn load(path: &Path) -> Result<Record, StoreError> {
        let bytes = files::read_regular(path, MAX_RECORD_BYTES, "a record")?;
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return Err(StoreError::NotARecord { path: path.to_owned() });
        };
        if !looks_like_a_record(text) {
            return Err(StoreError::NotARecord { path: path.to_owned() });
        }
        let record = Record::from_ron(text).map_err(|e| StoreError::Corrupt {
            path: path.to_owned(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })?;
        let problems = record.problems();
        if !problems.is_empty() {
            return Err(StoreError::Invalid { path: path.to_owned(), problems });
        }
        Ok(record)
    }

    /// Saves a reflection into the record at `path`, atomically: the record is either
    /// as it was or complete with the reflection, never lost.
    pub fn save_reflection(path: &Path, reflection: Reflection) -> Result<Record, StoreError> {
        let mut record = RecordStore::load(path)?;
        record.reflection = Some(reflection);
        write_atomic(path, record.to_ron().as_bytes()).map_err(io_error(path))?;
        Ok(record)
    }

    /// Every record file in the store, newest first by name, each loaded or with the
    /// reason it could not be. Anything else named as a record (a folder, a FIFO, a
    /// device) is listed with the reason too, never opened. Temporary files left by
    /// a save that was interrupted are cleared away (never one a running play owns).
    pub fn list(&self) -> Result<Listing, StoreError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(StoreError::Folder {
                    dir: self.dir.clone(),
                    reason: format!("cannot be read: {}", describe(&e)),
                });
            }
        };
        clean_leftovers(&self.dir);
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(RECORD_SUFFIX)))
            .collect();
        paths.sort();
        paths.reverse();
        Ok(paths.into_iter().map(|p| (p.clone(), RecordStore::load(&p))).collect())
    }
}

/// Whether a text starts as a record does, before any comment or space.
fn looks_like_a_record(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, next)| next);
        } else {
            return rest.starts_with("Record(");
        }
    }
}

/// One play's record file: claimed with exclusive creation on the first save, then
/// replaced atomically at each save after, so it is the play's own from first to last.
#[derive(Debug, Clone)]
pub struct RecordFile {
    dir: PathBuf,
    path: Option<PathBuf>,
}

impl RecordFile {
    /// The record already at `path`, carried on (a resumed play).
    pub fn existing(path: PathBuf) -> RecordFile {
        let dir = path.parent().map(Path::to_owned).unwrap_or_default();
        RecordFile { dir, path: Some(path) }
    }

    /// Where the record is, once it has been saved.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Writes the record, atomically, returning its path.
    pub fn save(&mut self, record: &Record) -> Result<PathBuf, StoreError> {
        let bytes = record.to_ron();
        if let Some(path) = &self.path {
            write_atomic(path, bytes.as_bytes()).map_err(io_error(path))?;
            return Ok(path.clone());
        }
        let folder = |e: io::Error| StoreError::Folder {
            dir: self.dir.clone(),
            reason: format!("cannot be written to: {}", describe(&e)),
        };
        let base = file_stem(record);
        let mut staged = stage(&self.dir.join(&base), bytes.as_bytes(), Private::Yes).map_err(folder)?;
        for n in 1..=10_000 {
            let name = if n == 1 { format!("{base}{RECORD_SUFFIX}") } else { format!("{base}-{n}{RECORD_SUFFIX}") };
            let path = self.dir.join(name);
            match staged.claim(&path) {
                Ok(()) => {
                    self.path = Some(path.clone());
                    return Ok(path);
                }
                Err((back, e)) if e.kind() == io::ErrorKind::AlreadyExists => staged = back,
                Err((_, e)) => return Err(io_error(&path)(e)),
            }
        }
        Err(folder(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "10,000 plays of this scenario started in the same second",
        )))
    }
}

/// A record's file name before its ending: when it started, the scenario (its id cut
/// to a safe length and to safe characters) and the seed.
fn file_stem(record: &Record) -> String {
    let started = record.started.strftime("%Y%m%dT%H%M%S");
    let id: String = record
        .scenario
        .chars()
        .take(MAX_ID_IN_NAME)
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    format!("{started}-{id}-{:016x}", record.seed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::atomic::{Private, stage};

    #[test]
    fn listing_skips_leftover_temporary_files_and_reports_corrupt_records() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecordStore::at(dir.path());
        std::mem::forget(stage(&dir.path().join(format!("x{RECORD_SUFFIX}")), b"half", Private::Yes).unwrap());
        std::fs::write(dir.path().join(format!("broken{RECORD_SUFFIX}")), "Record(format: ").unwrap();
        let listed = store.list().unwrap();
        assert_eq!(listed.len(), 1);
        let error = listed[0].1.as_ref().unwrap_err().to_string();
        assert!(error.contains("broken.record.ron:1:"), "{error}");
    }

    #[test]
    fn a_file_that_is_not_a_record_is_said_to_be_so_and_nothing_of_it_is_quoted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shadow");
        std::fs::write(&path, "root:$6$secret:19000:0:99999:7:::\n").unwrap();
        let error = RecordStore::load(&path).unwrap_err().to_string();
        assert_eq!(error, format!("{} is not a Boundaries record", path.display()));
        assert!(looks_like_a_record("// a note\n/* more */ Record(format: 1)"));
    }
}
