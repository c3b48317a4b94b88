//! Where records live, and writing them so that a crash never leaves half a file:
//! the new contents go to a temporary file in the same folder, are flushed to disk,
//! and then renamed over the old file in one step.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::record::{Record, Reflection};

/// Set this to keep records somewhere other than the user's data folder.
pub const DATA_DIR_VAR: &str = "BOUNDARIES_DATA_DIR";

/// Record files end with this.
pub const RECORD_SUFFIX: &str = ".record.ron";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no data folder could be found for this user; set {DATA_DIR_VAR}")]
    NoDataDir,
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}:{line}:{col}: not a readable record: {message}")]
    Corrupt { path: PathBuf, line: usize, col: usize, message: String },
}

/// Where Boundaries keeps what it saves: `$BOUNDARIES_DATA_DIR`, or the user's data
/// folder (`~/.local/share/boundaries` on Linux).
pub fn data_dir() -> Result<PathBuf, StoreError> {
    match std::env::var_os(DATA_DIR_VAR) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => Ok(directories::ProjectDirs::from("org", "Boundaries", "boundaries")
            .ok_or(StoreError::NoDataDir)?
            .data_dir()
            .to_owned()),
    }
}

/// The folder of records.
#[derive(Debug, Clone)]
pub struct RecordStore {
    dir: PathBuf,
}

impl RecordStore {
    /// `records` in the data folder (see [`data_dir`]).
    pub fn open_default() -> Result<RecordStore, StoreError> {
        Ok(RecordStore::at(data_dir()?.join("records")))
    }

    pub fn at(dir: impl Into<PathBuf>) -> RecordStore {
        RecordStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file a play's record is kept in; stable for the whole play, so each save
    /// replaces the last.
    pub fn path_for(&self, record: &Record) -> PathBuf {
        let started = record.started.strftime("%Y%m%dT%H%M%S");
        self.dir.join(format!("{started}-{}-{:016x}{RECORD_SUFFIX}", record.scenario, record.seed))
    }

    /// Writes (or replaces) a record atomically, returning its path.
    pub fn save(&self, record: &Record) -> Result<PathBuf, StoreError> {
        let path = self.path_for(record);
        let io = |source| StoreError::Io { path: path.clone(), source };
        std::fs::create_dir_all(&self.dir).map_err(io)?;
        write_atomic(&path, record.to_ron().as_bytes()).map_err(io)?;
        Ok(path)
    }

    pub fn load(path: &Path) -> Result<Record, StoreError> {
        let text = std::fs::read_to_string(path).map_err(|source| StoreError::Io { path: path.to_owned(), source })?;
        Record::from_ron(&text).map_err(|e| StoreError::Corrupt {
            path: path.to_owned(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
    }

    /// Saves a reflection into the record at `path`, atomically: the record is either
    /// as it was or complete with the reflection, never lost.
    pub fn save_reflection(path: &Path, reflection: Reflection) -> Result<Record, StoreError> {
        let mut record = RecordStore::load(path)?;
        record.reflection = Some(reflection);
        write_atomic(path, record.to_ron().as_bytes())
            .map_err(|source| StoreError::Io { path: path.to_owned(), source })?;
        Ok(record)
    }

    /// Every record file in the store, newest first by name, each loaded or with the
    /// reason it could not be. Temporary files left by an interrupted save are skipped.
    pub fn list(&self) -> Result<Vec<(PathBuf, Result<Record, StoreError>)>, StoreError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(StoreError::Io { path: self.dir.clone(), source });
            }
        };
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

/// Replaces `path` with `bytes` so that, whenever the program stops, the file holds
/// either its old contents or all of the new ones.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    stage(path, bytes)?.commit(path)
}

/// New contents written and flushed beside their destination, not yet in place.
pub struct Staged(tempfile::NamedTempFile);

/// Writes the new contents to a hidden temporary file in the destination's folder.
pub fn stage(path: &Path, bytes: &[u8]) -> io::Result<Staged> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut file = tempfile::Builder::new().prefix(".").suffix(".tmp").tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    Ok(Staged(file))
}

impl Staged {
    /// Renames the staged file over the destination and flushes the folder entry.
    pub fn commit(self, path: &Path) -> io::Result<()> {
        self.0.persist(path).map_err(|e| e.error)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            // Flushing a folder is not possible everywhere; the rename has happened either way.
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crash_between_write_and_rename_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("play.record.ron");
        write_atomic(&path, b"old complete contents").unwrap();

        let staged = stage(&path, b"new contents that never land").unwrap();
        std::mem::forget(staged); // the process dies here: no rename, no clean-up

        assert_eq!(std::fs::read(&path).unwrap(), b"old complete contents");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(leftovers.len(), 2, "the temporary file is left behind, beside the intact record");

        write_atomic(&path, b"next save").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"next save");
    }

    #[test]
    fn listing_skips_leftover_temporary_files_and_reports_corrupt_records() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecordStore::at(dir.path());
        std::mem::forget(stage(&dir.path().join(format!("x{RECORD_SUFFIX}")), b"half").unwrap());
        std::fs::write(dir.path().join(format!("broken{RECORD_SUFFIX}")), "Record(format: ").unwrap();
        let listed = store.list().unwrap();
        assert_eq!(listed.len(), 1);
        let error = listed[0].1.as_ref().unwrap_err().to_string();
        assert!(error.contains("broken.record.ron:1:"), "{error}");
    }
}
