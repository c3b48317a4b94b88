//! What the LRS tests share: a small scenario, plays of it, and a throw-away LaRS.
#![allow(dead_code, unreachable_pub)] // each test crate uses a different part

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::load_bytes;
use boundaries_core::play::{PlayOptions, Playthrough, Record};
use boundaries_core::scenario::Scenario;
use boundaries_core::xapi::Identity;

/// The core tests' base scenario: "risky" crosses a line, "fix" puts it right.
const BASE: &str = include_str!("base.scenario.ron");

pub fn base() -> (Arc<Scenario>, Catalogues) {
    let catalogues = Catalogues::shipped().unwrap();
    let loaded = load_bytes("base.scenario.ron", BASE.as_bytes(), &catalogues).unwrap();
    (loaded.scenario, catalogues)
}

pub fn play(scenario: &Arc<Scenario>, choices: &[&str]) -> Record {
    let options = PlayOptions { seed: 1, in_order: true, player: Some("Sam Jones".into()), group: None };
    let mut play = Playthrough::start(scenario.clone(), options).unwrap();
    for choice in choices {
        play.choose(choice, Some(3)).unwrap();
    }
    play.record(&Catalogues::shipped().unwrap())
}

pub fn identity() -> Identity {
    Identity { home_page: "https://care.example.org".into(), account: None, instructor: Some("trainer-1".into()) }
}

/// A LaRS with its own PostgreSQL, stopped when dropped.
pub struct Lars {
    dir: tempfile::TempDir,
    pub endpoint: String,
}

/// `scripts/lars.sh` at the top of the workspace (these helpers are used from the
/// workspace's root crate too).
fn script() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [here.join("scripts/lars.sh"), here.join("../../scripts/lars.sh")]
        .into_iter()
        .find(|p| p.exists())
        .unwrap_or_default()
}

impl Lars {
    /// Starts one on free loopback ports, or says what is missing (failing in CI).
    pub fn start() -> Option<Lars> {
        let lars = std::env::var_os("LARS_BIN").map(PathBuf::from).unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/boundaries/lars/bin/xapi-rs")
        });
        let missing = [
            (lars.exists(), "LaRS (scripts/lars-build.sh, or .ci/run, builds it)"),
            (
                std::path::Path::new("/usr/lib/postgresql/15/bin/initdb").exists(),
                "postgresql 15 (apt-get install postgresql)",
            ),
            (is_root(), "root, to run PostgreSQL as its own user"),
        ];
        if let Some((_, what)) = missing.iter().find(|(ok, _)| !ok) {
            assert!(std::env::var_os("BOUNDARIES_CI").is_none(), "missing for the LRS tests: {what}");
            eprintln!("skipped: missing {what}");
            return None;
        }
        let free = || std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = tempfile::tempdir().unwrap();
        let output = Command::new(script())
            .arg(dir.path().join("lars"))
            .arg(free().to_string())
            .arg(free().to_string())
            .output()
            .expect("bash runs scripts/lars.sh");
        assert!(output.status.success(), "LaRS did not start: {}", String::from_utf8_lossy(&output.stderr));
        let endpoint = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        Some(Lars { dir, endpoint })
    }
}

impl Lars {
    /// Stops its database: LaRS stays up and answers statements with its own failure.
    pub fn pause_database(&self) {
        self.run("pause");
    }

    /// Starts its database again.
    pub fn resume_database(&self) {
        self.run("resume");
    }

    /// Kills LaRS at once (its database stays up).
    pub fn halt(&self) {
        self.run("halt");
    }

    /// Starts LaRS again on the same port.
    pub fn relaunch(&self) {
        self.run("relaunch");
    }

    fn run(&self, what: &str) {
        let status = Command::new(script()).arg(what).arg(self.dir.path().join("lars")).status();
        assert!(status.is_ok_and(|s| s.success()), "scripts/lars.sh {what} failed");
    }
}

impl Drop for Lars {
    fn drop(&mut self) {
        let _ = Command::new(script()).arg("stop").arg(self.dir.path().join("lars")).status();
    }
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
