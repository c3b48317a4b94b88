//! Against a second real learning record store: Ralph 5.1.0 (PyPI `ralph-malph`) with
//! its file backend, on 127.0.0.1, with HTTP Basic users. It has no `/about`, so the
//! client speaks 1.0.3 to it. A wrong password stops a sync and loses nothing; the
//! right one sends a play once (Ralph's file backend takes one write per store, so the
//! play goes in one batch) and it reads back as sent.
//!
//! Needs Ralph in a virtual environment at `~/.cache/boundaries/ralph` (`.ci/run`
//! makes it). Under plain `cargo test` the test says it is missing and passes; in CI
//! (`BOUNDARIES_CI`) it fails.

mod common;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use boundaries_core::xapi::{IRI, Outbox, statements};
use boundaries_lrs::{Lrs, LrsError, sync};
use common::*;

/// Ralph, stopped when dropped.
struct Ralph {
    child: Child,
    endpoint: String,
    _dir: tempfile::TempDir,
}

impl Drop for Ralph {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Ralph {
    fn start() -> Option<Ralph> {
        let venv = PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/boundaries/ralph/bin");
        if !venv.join("uvicorn").exists() {
            assert!(std::env::var_os("BOUNDARIES_CI").is_none(), "Ralph is missing for the LRS tests");
            eprintln!(
                "skipped: Ralph is missing (python3 -m venv ~/.cache/boundaries/ralph; pip install \"ralph-malph[cli,lrs]==5.1.0\" requests)"
            );
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let auth = dir.path().join("auth.json");
        let status = Command::new(venv.join("ralph"))
            .args(["auth", "-u", "boundaries", "-p", "s3cret", "-s", "all", "-M", "mailto:lrs@example.org", "-w"])
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .env("RALPH_AUTH_FILE", &auth)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "ralph auth failed");
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(venv.join("uvicorn"))
            .args(["ralph.api:app", "--host", "127.0.0.1", "--port", &port.to_string()])
            .current_dir(dir.path())
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .env("RALPH_AUTH_FILE", &auth)
            .env("RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH", dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let ralph = Ralph { child, endpoint: format!("http://127.0.0.1:{port}/xAPI/"), _dir: dir };
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(60), "Ralph did not start");
            std::thread::sleep(Duration::from_millis(200));
        }
        Some(ralph)
    }
}

#[test]
fn a_wrong_password_loses_nothing_and_the_right_one_sends_a_play_once() {
    let Some(ralph) = Ralph::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let outbox = Outbox::at(dir.path().join("outbox"));
    let (scenario, catalogues) = base();
    let record = play(&scenario, &["risky", "fix"]);
    let sent = statements(&record, Some(&scenario), &catalogues, &identity());
    outbox.queue(&sent).unwrap();
    let wrong = Lrs::connect(&ralph.endpoint, "boundaries", "wrong", Duration::from_secs(20)).unwrap();
    assert_eq!(wrong.version(), "1.0.3", "no /about: the version every LRS must speak");
    let (done, error) = sync(&outbox, &wrong).unwrap_err();
    assert!(matches!(error, LrsError::Auth(401)), "{error:?}");
    assert_eq!((done.sent, done.waiting), (0, sent.len()), "nothing lost");
    let right = Lrs::connect(&ralph.endpoint, "boundaries", "s3cret", Duration::from_secs(20)).unwrap();
    let done = sync(&outbox, &right).unwrap();
    assert_eq!((done.sent, done.rejected, done.waiting), (sent.len(), 0, 0));
    let stored = right.statements_about(&format!("{IRI}/scenarios/base")).unwrap();
    let mut got: Vec<&str> = stored.iter().map(|s| s.id.as_str()).collect();
    let mut expected: Vec<&str> = sent.iter().map(|s| s.id.as_str()).collect();
    got.sort_unstable();
    expected.sort_unstable();
    assert_eq!(got, expected, "read back as sent, each once");
}
