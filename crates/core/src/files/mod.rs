//! Reading and walking what a user points the program at, so that nothing there can
//! hang it or flood its memory: only regular files are read, with a size cap checked
//! before and while reading; folder walks notice loops, skip special files and stop
//! at sensible bounds. Every failure is said in words, not as an OS error code.

pub mod atomic;

use std::collections::HashSet;
use std::fmt;
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Set this to keep records and settings somewhere other than the user's data folder.
pub const DATA_DIR_VAR: &str = "BOUNDARIES_DATA_DIR";

/// No data folder could be found for this user.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("no data folder could be found for this user; set {DATA_DIR_VAR}")]
pub struct NoDataDir;

/// Where Boundaries keeps what it saves: `$BOUNDARIES_DATA_DIR`, or the user's data
/// folder (`~/.local/share/boundaries` on Linux).
pub fn data_dir() -> Result<PathBuf, NoDataDir> {
    match std::env::var_os(DATA_DIR_VAR) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => Ok(directories::ProjectDirs::from("org", "Boundaries", "boundaries")
            .ok_or(NoDataDir)?
            .data_dir()
            .to_owned()),
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The path is a folder, a FIFO, a device or a socket.
    NotRegular { path: PathBuf, kind: &'static str },
    /// The file is larger than the most a file of its kind may be.
    TooLarge { path: PathBuf, limit: u64, what: &'static str },
    /// The operating system refused; `reason` says why in words.
    Io { path: PathBuf, reason: String },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotRegular { path, kind } => write!(f, "{} is {kind}, not a regular file", path.display()),
            ReadError::TooLarge { path, limit, what } => {
                write!(f, "{} is larger than {}, the most {what} may be", path.display(), size(*limit))
            }
            ReadError::Io { path, reason } => write!(f, "{}: {reason}", path.display()),
        }
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    /// Why, without the path, for messages that name the file already.
    pub fn reason(&self) -> String {
        match self {
            ReadError::NotRegular { kind, .. } => format!("it is {kind}, not a regular file"),
            ReadError::TooLarge { limit, what, .. } => {
                format!("it is larger than {}, the most {what} may be", size(*limit))
            }
            ReadError::Io { reason, .. } => reason.clone(),
        }
    }
}

/// A byte count in words: "16 MB", "512 KB".
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{} MB", b / (1024 * 1024)),
        b if b >= 1024 => format!("{} KB", b / 1024),
        b => format!("{b} bytes"),
    }
}

/// What kind of thing a path is, in words, when it is not a regular file.
pub fn kind_of(metadata: &Metadata) -> Option<&'static str> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

/// An operating-system error in words a user can act on.
pub fn describe(error: &io::Error) -> String {
    #[cfg(unix)]
    match error.raw_os_error() {
        Some(libc::ELOOP) => return "it is inside a loop of symbolic links".to_owned(),
        Some(libc::ENAMETOOLONG) => return "the name is too long for the file system".to_owned(),
        Some(libc::ENOTDIR) => return "part of the path is a file, not a folder".to_owned(),
        Some(libc::EROFS) => return "the file system is read-only".to_owned(),
        Some(libc::ENOSPC) => return "the disk is full".to_owned(),
        Some(libc::EDQUOT) => return "the disk quota is used up".to_owned(),
        _ => {}
    }
    match error.kind() {
        io::ErrorKind::NotFound => "there is nothing there".to_owned(),
        io::ErrorKind::PermissionDenied => "permission is denied".to_owned(),
        io::ErrorKind::AlreadyExists => "something is already there".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder".to_owned(),
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder".to_owned(),
        io::ErrorKind::InvalidFilename => "the name is too long or not allowed by the file system".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::InvalidData => "it is not text".to_owned(),
        _ => error.to_string(),
    }
}

fn io_error(path: &Path, error: &io::Error) -> ReadError {
    ReadError::Io { path: path.to_owned(), reason: describe(error) }
}

/// Reads a regular file of at most `cap` bytes. Anything else (a folder, a FIFO, a
/// device, a link to one) is refused without being read, and a file that grows past
/// the cap while it is read is refused as soon as it does. `what` names the kind of
/// file in messages ("a scenario file").
pub fn read_regular(path: &Path, cap: u64, what: &'static str) -> Result<Vec<u8>, ReadError> {
    let metadata = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
    check(path, &metadata, cap, what)?;
    let file = open_without_blocking(path).map_err(|e| io_error(path, &e))?;
    // The path may have been swapped for something else since it was looked at.
    let metadata = file.metadata().map_err(|e| io_error(path, &e))?;
    check(path, &metadata, cap, what)?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(cap + 1).read_to_end(&mut bytes).map_err(|e| io_error(path, &e))?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge { path: path.to_owned(), limit: cap, what });
    }
    Ok(bytes)
}

/// [`read_regular`] for text.
pub fn read_text(path: &Path, cap: u64, what: &'static str) -> Result<String, ReadError> {
    let bytes = read_regular(path, cap, what)?;
    String::from_utf8(bytes).map_err(|_| ReadError::Io { path: path.to_owned(), reason: "it is not UTF-8 text".into() })
}

fn check(path: &Path, metadata: &Metadata, cap: u64, what: &'static str) -> Result<(), ReadError> {
    if let Some(kind) = kind_of(metadata) {
        return Err(ReadError::NotRegular { path: path.to_owned(), kind });
    }
    if metadata.len() > cap {
        return Err(ReadError::TooLarge { path: path.to_owned(), limit: cap, what });
    }
    Ok(())
}

/// Opens for reading without waiting for a writer, should the path turn out to be a FIFO.
fn open_without_blocking(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// How far a folder walk goes before it stops and says so.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// Folders below the one named.
    pub depth: usize,
    /// Entries looked at, files and folders together.
    pub entries: usize,
}

impl Bounds {
    /// Far more than any real library needs, and far less than `/` holds.
    pub const FOLDERS: Bounds = Bounds { depth: 12, entries: 20_000 };
}

/// What a folder walk found: the files whose names end as asked, sorted, and
/// anything it could not read or would not follow, each with a reason in words.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<PathBuf>,
    pub problems: Vec<(PathBuf, String)>,
    /// Folders reached again through a link, and so not read twice.
    pub repeats: usize,
}

/// Every regular file under `root` whose name ends with `suffix`. Links are followed
/// but a folder is never read twice, so links back up the tree cannot loop; a
/// special file with a matching name is a problem, never opened; the walk stops at
/// `bounds`, keeping what it found and saying where it stopped.
pub fn walk(root: &Path, suffix: &str, bounds: Bounds) -> Walk {
    let mut walk = Walk::default();
    let mut seen = HashSet::new();
    let mut folders = vec![(root.to_owned(), 0)];
    let mut entries = 0;
    while let Some((folder, depth)) = folders.pop() {
        match std::fs::metadata(&folder) {
            Ok(metadata) if !seen.insert(identity(&folder, &metadata)) => {
                walk.repeats += 1;
                continue;
            }
            Ok(_) => {}
            Err(e) => {
                walk.problems.push((folder, format!("cannot read the folder: {}", describe(&e))));
                continue;
            }
        }
        let listing = match std::fs::read_dir(&folder) {
            Ok(listing) => listing,
            Err(e) => {
                walk.problems.push((folder, format!("cannot read the folder: {}", describe(&e))));
                continue;
            }
        };
        for entry in listing.flatten() {
            entries += 1;
            if entries > bounds.entries {
                walk.problems.push((root.to_owned(), stopped(format!("after {} entries", bounds.entries))));
                walk.files.sort();
                return walk;
            }
            let path = entry.path();
            let Ok(metadata) = std::fs::metadata(&path) else { continue };
            let named = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(suffix));
            if metadata.is_dir() {
                if depth < bounds.depth {
                    folders.push((path, depth + 1));
                } else if !walk.problems.iter().any(|(p, _)| p == root) {
                    walk.problems.push((root.to_owned(), stopped(format!("{} folders deep", bounds.depth))));
                }
            } else if named {
                match kind_of(&metadata) {
                    None => walk.files.push(path),
                    Some(kind) => walk.problems.push((path, format!("it is {kind}, not a regular file"))),
                }
            }
        }
    }
    walk.files.sort();
    walk
}

fn stopped(limit: String) -> String {
    format!("stopped looking {limit}; is this the folder you meant? Only files found before then are used")
}

/// What makes a folder the same folder, whatever path reaches it.
#[cfg(unix)]
fn identity(_: &Path, metadata: &Metadata) -> (u64, u64, PathBuf) {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino(), PathBuf::new())
}

#[cfg(not(unix))]
fn identity(path: &Path, _: &Metadata) -> (u64, u64, PathBuf) {
    (0, 0, std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn mkfifo(path: &Path) {
        let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
    }

    #[test]
    fn a_fifo_a_device_and_a_folder_are_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.ron");
        mkfifo(&fifo);
        let error = read_regular(&fifo, 1024, "a record").unwrap_err();
        assert!(error.to_string().ends_with("is a FIFO (named pipe), not a regular file"), "{error}");
        let zero = dir.path().join("zero.ron");
        symlink("/dev/zero", &zero).unwrap();
        assert!(read_regular(&zero, 1024, "a record").unwrap_err().to_string().contains("a device"));
        assert!(read_regular(dir.path(), 1024, "a record").unwrap_err().to_string().contains("a folder"));
    }

    #[test]
    fn a_file_over_the_cap_is_refused_and_one_at_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, vec![b'a'; 2048]).unwrap();
        assert_eq!(read_regular(&path, 2048, "a file").unwrap().len(), 2048);
        let error = read_regular(&path, 2047, "a catalogue").unwrap_err().to_string();
        assert!(error.ends_with("is larger than 1 KB, the most a catalogue may be"), "{error}");
    }

    #[test]
    fn a_link_loop_is_said_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        symlink(dir.path().join("b"), &a).unwrap();
        symlink(&a, dir.path().join("b")).unwrap();
        let error = read_regular(&a, 1024, "a file").unwrap_err().to_string();
        assert!(error.ends_with("it is inside a loop of symbolic links"), "{error}");
    }

    #[test]
    fn walks_survive_loops_fifos_and_depth() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.scenario.ron"), "x").unwrap();
        symlink(root, root.join("again")).unwrap();
        symlink(".", root.join("here")).unwrap();
        mkfifo(&root.join("pipe.scenario.ron"));
        let mut deep = root.to_owned();
        for i in 0..20 {
            deep = deep.join(format!("d{i}"));
        }
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.join("deep.scenario.ron"), "x").unwrap();

        let walk = walk(root, ".scenario.ron", Bounds::FOLDERS);
        assert_eq!(walk.files, vec![root.join("a.scenario.ron")]);
        assert_eq!(walk.repeats, 2, "both links back to the top are noticed");
        let said: Vec<String> = walk.problems.iter().map(|(p, why)| format!("{}: {why}", p.display())).collect();
        assert!(said.iter().any(|p| p.contains("pipe.scenario.ron: it is a FIFO")), "{said:?}");
        assert!(said.iter().any(|p| p.contains("stopped looking 12 folders deep")), "{said:?}");
    }

    #[test]
    fn walks_stop_at_the_entry_bound() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..30 {
            std::fs::write(dir.path().join(format!("{i}.scenario.ron")), "x").unwrap();
        }
        let walk = walk(dir.path(), ".scenario.ron", Bounds { depth: 4, entries: 10 });
        assert_eq!(walk.files.len(), 10);
        assert!(walk.problems[0].1.starts_with("stopped looking after 10 entries"), "{:?}", walk.problems);
    }
}
