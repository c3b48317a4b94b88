//! Statements waiting to be sent, on disk: one file a statement, written atomically
//! when its step happens, removed once the LRS has it. A statement the LRS refuses is
//! moved aside with the LRS's reason, to be shown, not retried for ever and not lost.
//! Ids already sent are remembered, so a record saved again queues nothing twice.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::model::Statement;
use crate::files::atomic::write_atomic;

/// The folder of waiting statements, with `rejected/` and the list of ids sent.
#[derive(Debug, Clone)]
pub struct Outbox {
    dir: PathBuf,
}

/// A statement the LRS refused, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub statement: Statement,
    pub reason: String,
}

const SENT: &str = "sent.ids";
const REJECTED: &str = "rejected";

impl Outbox {
    pub fn at(dir: impl Into<PathBuf>) -> Outbox {
        Outbox { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// The ids the LRS already has.
    fn sent(&self) -> HashSet<String> {
        fs::read_to_string(self.dir.join(SENT)).map(|t| t.lines().map(ToOwned::to_owned).collect()).unwrap_or_default()
    }

    /// Queues the statements not already waiting, sent or set aside; returns how many
    /// were new.
    pub fn queue(&self, statements: &[Statement]) -> io::Result<usize> {
        fs::create_dir_all(&self.dir)?;
        let sent = self.sent();
        let mut new = 0;
        for statement in statements {
            let rejected = self.dir.join(REJECTED).join(format!("{}.json", statement.id));
            if sent.contains(&statement.id) || self.file(&statement.id).exists() || rejected.exists() {
                continue;
            }
            let json = serde_json::to_vec_pretty(statement).map_err(io::Error::other)?;
            write_atomic(&self.file(&statement.id), &json)?;
            new += 1;
        }
        Ok(new)
    }

    /// The statements waiting, oldest first (unreadable files are left for a person
    /// to look at, and not sent).
    pub fn waiting(&self) -> Vec<Statement> {
        let Ok(entries) = fs::read_dir(&self.dir) else { return Vec::new() };
        let mut found: Vec<Statement> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter_map(|p| fs::read(&p).ok())
            .filter_map(|bytes| serde_json::from_slice(&bytes).ok())
            .collect();
        found.sort_by(|a: &Statement, b| (&a.timestamp, &a.id).cmp(&(&b.timestamp, &b.id)));
        found
    }

    /// How many plays have statements waiting.
    pub fn plays_waiting(&self) -> usize {
        self.waiting().iter().map(|s| s.context.registration.clone()).collect::<HashSet<_>>().len()
    }

    /// The LRS has these: forget them (and never queue them again).
    pub fn mark_sent(&self, ids: &[String]) -> io::Result<()> {
        let mut log = fs::OpenOptions::new().create(true).append(true).open(self.dir.join(SENT))?;
        for id in ids {
            writeln!(log, "{id}")?;
        }
        log.sync_data()?;
        for id in ids {
            match fs::remove_file(self.file(id)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(())
    }

    /// The LRS refused this one: set it aside with the reason.
    pub fn reject(&self, statement: &Statement, reason: &str) -> io::Result<()> {
        let aside = self.dir.join(REJECTED);
        fs::create_dir_all(&aside)?;
        let json = serde_json::to_vec_pretty(statement).map_err(io::Error::other)?;
        write_atomic(&aside.join(format!("{}.json", statement.id)), &json)?;
        write_atomic(&aside.join(format!("{}.reason.txt", statement.id)), reason.as_bytes())?;
        match fs::remove_file(self.file(&statement.id)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// The statements set aside, with their reasons.
    pub fn rejected(&self) -> Vec<Rejected> {
        let aside = self.dir.join(REJECTED);
        let Ok(entries) = fs::read_dir(&aside) else { return Vec::new() };
        let mut found: BTreeMap<String, Rejected> = BTreeMap::new();
        for path in entries.flatten().map(|e| e.path()) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if let Some(id) = name.strip_suffix(".json")
                && let Some(statement) = fs::read(&path).ok().and_then(|b| serde_json::from_slice(&b).ok())
            {
                let reason = fs::read_to_string(aside.join(format!("{id}.reason.txt"))).unwrap_or_default();
                found.insert(id.to_owned(), Rejected { statement, reason });
            }
        }
        found.into_values().collect()
    }
}
