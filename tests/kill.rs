//! Plays killed with SIGKILL at random moments, many times over: every record left
//! behind parses, every decision saved before the kill is in it, and the next command
//! leaves no temporary file behind.
//!
//! `cargo test --test kill` kills 200 plays; `BOUNDARIES_KILLS=1000` kills more.
#![cfg(unix)]

mod common;

use std::io::{Read, Write};
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use boundaries_core::play::RecordStore;
use common::run::Run;

/// A small deterministic generator, so a failing run can be repeated.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn kills() -> u64 {
    std::env::var("BOUNDARIES_KILLS").ok().and_then(|n| n.parse().ok()).unwrap_or(200)
}

/// Waits until `seen` reaches `count` or the process's output ends.
fn wait_for(seen: &AtomicUsize, count: usize, done: &AtomicUsize) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while seen.load(Ordering::SeqCst) < count && done.load(Ordering::SeqCst) == 0 {
        assert!(Instant::now() < deadline, "the play stopped answering");
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn plays_killed_at_any_moment_lose_no_saved_decision_and_leave_no_temporary_file() {
    let run = Run::new();
    let records = run.data.path().join("records");
    let mut random = Lcg(0x5eed);
    let mut temporary_files_seen = 0;
    for kill in 0..kills() {
        let seed = 10_000 + kill;
        let mut child = run
            .command(&["play", "gift-at-the-door", "--in-order", "--seed", &seed.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A prompt is printed when a decision is offered: by the (n+1)th, n decisions are saved.
        let prompts = Arc::new(AtomicUsize::new(0));
        let ended = Arc::new(AtomicUsize::new(0));
        let mut stdout = child.stdout.take().unwrap();
        let reader = {
            let (prompts, ended) = (Arc::clone(&prompts), Arc::clone(&ended));
            std::thread::spawn(move || {
                let mut tail = Vec::new();
                let mut buffer = [0u8; 4096];
                while let Ok(n) = stdout.read(&mut buffer) {
                    if n == 0 {
                        break;
                    }
                    tail.extend_from_slice(&buffer[..n]);
                    let found = tail.windows(3).filter(|w| w == b"\n> ").count();
                    prompts.fetch_add(found, Ordering::SeqCst);
                    tail.drain(..tail.len().saturating_sub(2));
                }
                ended.store(1, Ordering::SeqCst);
            })
        };
        let mut stdin = child.stdin.take().unwrap();
        for decision in 0..random.below(4) as usize {
            wait_for(&prompts, decision + 1, &ended);
            if stdin.write_all(b"1\n").is_err() {
                break;
            }
        }
        std::thread::sleep(Duration::from_micros(random.below(20_000)));
        let _ = child.kill();
        child.wait().unwrap();
        reader.join().unwrap();
        let saved = prompts.load(Ordering::SeqCst).saturating_sub(1);

        temporary_files_seen += std::fs::read_dir(&records)
            .map(|entries| entries.flatten().filter(|e| e.file_name().to_string_lossy().ends_with(".tmp")).count())
            .unwrap_or(0);
        let name = format!("{seed:016x}");
        let record = std::fs::read_dir(&records)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().contains(&name) && p.to_string_lossy().ends_with(".record.ron"));
        match record {
            Some(path) => {
                let record = RecordStore::load(&path).unwrap_or_else(|e| panic!("kill {kill}: {e}"));
                assert!(record.decisions.len() >= saved, "kill {kill}: {saved} saved, {} kept", record.decisions.len());
            }
            None => assert_eq!(saved, 0, "kill {kill}: {saved} decisions were saved and the record is gone"),
        }
    }
    assert!(run.run(&["records"]).status.success());
    let left: Vec<_> = std::fs::read_dir(&records)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left after the next command: {left:?}");
    eprintln!("{} kills; {temporary_files_seen} temporary files seen between kills, none left", kills());
}
