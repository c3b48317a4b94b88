//! Writing an exported report to disk without destroying anything: a new file is
//! made with exclusive creation and the ordinary permissions a new file gets; an
//! existing file is replaced only when asked, and only if it is a plain file that is
//! not a record; links, folders, devices and pipes are never replaced.

use std::io;
use std::path::{Path, PathBuf};

use crate::files::atomic::{Private, stage};
use crate::files::describe;
use crate::play::store::RECORD_SUFFIX;

/// Why a report was not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{} already exists; give --force to replace it", .0.display())]
    Exists(PathBuf),
    #[error("{} is {kind}; a report never replaces one", path.display())]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{} is a record of a play; a report never replaces a record", .0.display())]
    IsARecord(PathBuf),
    #[error("{}: {reason}", path.display())]
    Io { path: PathBuf, reason: String },
}

/// Whether an existing plain file at the destination may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    Never,
    /// Yes, unless it is a record (`--force`).
    IfPlainFile,
}

/// Writes `bytes` to `path` as a new file, or over an existing plain file when
/// `replace` allows it. `records` are files the report must never replace whatever
/// their name (the record being reported).
pub fn write_report(path: &Path, bytes: &[u8], replace: Replace, records: &[&Path]) -> Result<(), ExportError> {
    let fail = |e: io::Error| ExportError::Io { path: path.to_owned(), reason: describe(&e) };
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let staged = stage(path, bytes, Private::No).map_err(fail)?;
            return staged.claim(path).map_err(|(_, e)| match e.kind() {
                io::ErrorKind::AlreadyExists => ExportError::Exists(path.to_owned()),
                _ => fail(e),
            });
        }
        Err(e) => return Err(fail(e)),
        Ok(metadata) if metadata.file_type().is_symlink() => {
            return Err(ExportError::NotAFile { path: path.to_owned(), kind: "a symbolic link" });
        }
        Ok(metadata) if !metadata.is_file() => {
            let kind = crate::files::kind_of(&metadata).unwrap_or("not a plain file");
            return Err(ExportError::NotAFile { path: path.to_owned(), kind });
        }
        Ok(_) => {}
    }
    if is_a_record(path, records) {
        return Err(ExportError::IsARecord(path.to_owned()));
    }
    if replace == Replace::Never {
        return Err(ExportError::Exists(path.to_owned()));
    }
    stage(path, bytes, Private::No).and_then(|staged| staged.commit(path)).map_err(fail)
}

/// Writes a new file named `stem.extension` in `folder`, or `stem-2.extension` and so
/// on if that is taken, returning the path written. Nothing is ever replaced.
pub fn write_new(folder: &Path, stem: &str, extension: &str, bytes: &[u8]) -> Result<PathBuf, ExportError> {
    std::fs::create_dir_all(folder).map_err(|e| ExportError::Io { path: folder.to_owned(), reason: describe(&e) })?;
    for n in 1..=1000 {
        let name = if n == 1 { format!("{stem}.{extension}") } else { format!("{stem}-{n}.{extension}") };
        let path = folder.join(name);
        match write_report(&path, bytes, Replace::Never, &[]) {
            Err(ExportError::Exists(_) | ExportError::NotAFile { .. } | ExportError::IsARecord(_)) => continue,
            done => return done.map(|()| path),
        }
    }
    Err(ExportError::Io {
        path: folder.to_owned(),
        reason: "a thousand reports of this play are already there".to_owned(),
    })
}

/// Whether the file at `path` is a record: by its name, by what it holds, or as one
/// of `records` reached by another path.
fn is_a_record(path: &Path, records: &[&Path]) -> bool {
    if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(RECORD_SUFFIX)) {
        return true;
    }
    let same = |other: &&Path| match (std::fs::canonicalize(path), std::fs::canonicalize(other)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    records.iter().any(same) || crate::play::RecordStore::load(path).is_ok()
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::{PermissionsExt, symlink};

    use super::*;

    #[test]
    fn a_new_report_gets_ordinary_permissions_and_an_existing_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        write_report(&path, b"first", Replace::Never, &[]).unwrap();
        // SAFETY: reading the umask by setting it and putting it straight back.
        let umask = unsafe {
            let old = libc::umask(0o022);
            libc::umask(old);
            old
        };
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !(umask as u32), "a report is not private like a record");

        let error = write_report(&path, b"second", Replace::Never, &[]).unwrap_err();
        assert!(error.to_string().ends_with("already exists; give --force to replace it"), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_report(&path, b"second", Replace::IfPlainFile, &[]).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
    }

    #[test]
    fn links_devices_folders_and_records_are_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "keep me").unwrap();
        let link = dir.path().join("link.md");
        symlink(&target, &link).unwrap();
        let record = dir.path().join(format!("a{RECORD_SUFFIX}"));
        std::fs::write(&record, "Record(format: 1)").unwrap();
        let renamed = dir.path().join("renamed.md");
        std::fs::copy(&record, &renamed).unwrap();
        for (path, says) in [
            (link.as_path(), "a symbolic link"),
            (Path::new("/dev/null"), "a device"),
            (dir.path(), "a folder"),
            (record.as_path(), "a record of a play"),
        ] {
            let error = write_report(path, b"x", Replace::IfPlainFile, &[]).unwrap_err().to_string();
            assert!(error.contains(says), "{error}");
        }
        let error = write_report(&renamed, b"x", Replace::IfPlainFile, &[&renamed]).unwrap_err().to_string();
        assert!(error.contains("a record of a play"), "{error}");
        assert_eq!(std::fs::read(&target).unwrap(), b"keep me");
        assert!(std::fs::metadata("/dev/null").unwrap().permissions().mode() & 0o777 == 0o666);
    }

    #[test]
    fn new_exports_take_the_next_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_new(dir.path(), "play", "html", b"1").unwrap();
        let second = write_new(dir.path(), "play", "html", b"2").unwrap();
        assert_eq!(first.file_name().unwrap(), "play.html");
        assert_eq!(second.file_name().unwrap(), "play-2.html");
        assert_eq!(std::fs::read(first).unwrap(), b"1");
    }
}
