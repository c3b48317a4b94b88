//! Writing a file so that, whenever the program stops, it holds either its old
//! contents or all of the new ones: the new contents go to a hidden temporary file in
//! the same folder, are flushed to disk, and are renamed into place in one step (or,
//! to claim a name, linked there only if nothing is). A temporary file is locked by
//! its owner for as long as it exists, so clearing away what a killed program left
//! never takes one that a running program is still writing.

use std::io::{self, Write};
use std::path::Path;

/// Whether a staged file is for the user's eyes only (records) or gets the ordinary
/// permissions a new file has (exports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Private {
    Yes,
    No,
}

/// Replaces `path` with `bytes` so that, whenever the program stops, the file holds
/// either its old contents or all of the new ones. Keeps the file's permissions
/// private (as records are).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // A clean-up in another process may take a temporary file that was not yet
    // locked; staging again is then enough.
    match stage(path, bytes, Private::Yes)?.commit(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => stage(path, bytes, Private::Yes)?.commit(path),
        done => done,
    }
}

/// New contents written and flushed beside their destination, not yet in place.
/// While it exists its owner holds a lock on it, so a clean-up never takes it.
pub struct Staged(tempfile::NamedTempFile);

/// Temporary files are hidden and end with this.
const TEMP_SUFFIX: &str = ".tmp";

/// Writes the new contents to a hidden, locked temporary file in the destination's folder.
pub fn stage(path: &Path, bytes: &[u8], private: Private) -> io::Result<Staged> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".").suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    if private == Private::No {
        use std::os::unix::fs::PermissionsExt;
        // The umask still applies, as for any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir)?;
    lock(file.as_file(), true);
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    Ok(Staged(file))
}

impl Staged {
    /// Renames the staged file over the destination and flushes the folder entry.
    pub fn commit(self, path: &Path) -> io::Result<()> {
        self.0.persist(path).map_err(|e| e.error)?;
        sync_folder(path);
        Ok(())
    }

    /// Puts the staged file at `path` only if nothing is there; if something is, the
    /// staged file comes back to try another name.
    pub fn claim(self, path: &Path) -> Result<(), (Staged, io::Error)> {
        match self.0.persist_noclobber(path) {
            Ok(_) => {
                sync_folder(path);
                Ok(())
            }
            Err(e) => Err((Staged(e.file), e.error)),
        }
    }
}

fn sync_folder(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Flushing a folder is not possible everywhere; the rename has happened either way.
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
}

/// Takes an exclusive lock on a file: waiting for it, or only if it is free now.
/// Returns whether the lock is held. Locks go when the process does, however it ends.
#[cfg(unix)]
fn lock(file: &std::fs::File, wait: bool) -> bool {
    use std::os::fd::AsRawFd;
    let operation = if wait { libc::LOCK_EX } else { libc::LOCK_EX | libc::LOCK_NB };
    // SAFETY: flock on a file descriptor the `File` owns for the whole call.
    unsafe { libc::flock(file.as_raw_fd(), operation) == 0 }
}

#[cfg(not(unix))]
fn lock(_: &std::fs::File, _: bool) -> bool {
    false
}

/// Removes temporary files an interrupted save left in `dir`: those nobody holds a
/// lock on. A running play's temporary file is locked for as long as it exists.
pub fn clean_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with('.') && name.ends_with(TEMP_SUFFIX) && entry.file_type().is_ok_and(|t| t.is_file())) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = std::fs::OpenOptions::new().read(true).open(&path) else { continue };
        if lock(&file, false) {
            let _ = std::fs::remove_file(&path);
        }
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

        let staged = stage(&path, b"new contents that never land", Private::Yes).unwrap();
        std::mem::forget(staged); // the process dies here: no rename, no clean-up

        assert_eq!(std::fs::read(&path).unwrap(), b"old complete contents");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(leftovers.len(), 2, "the temporary file is left behind, beside the intact record");

        write_atomic(&path, b"next save").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"next save");
    }

    #[cfg(unix)]
    #[test]
    fn clean_up_takes_abandoned_temporary_files_but_not_one_being_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("play.record.ron");
        let live = stage(&path, b"being written", Private::Yes).unwrap();
        // One left by a process that died: its lock went with it.
        let dead = dir.path().join(".dead123.tmp");
        std::fs::write(&dead, b"half").unwrap();

        clean_leftovers(dir.path());
        assert!(!dead.exists(), "an abandoned temporary file is removed");
        assert!(live.0.path().exists(), "a temporary file still locked by its owner stays");
        live.commit(&path).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"being written");
    }
}
