//! A mutation fuzz test of everything that reads an author's or a player's files:
//! the shipped scenarios, both catalogues and a real record, each broken in ways
//! editors and disks break files (bytes flipped, the end cut off, lines doubled,
//! swapped or dropped, huge numbers and strings, deep nesting), then loaded, checked
//! and rendered as the terminal shows them. No input may panic or hang.
//!
//! `cargo test --test fuzz` runs 3,000 cases; for a longer run set the count:
//! `BOUNDARIES_FUZZ_CASES=100000 cargo test --test fuzz`.

mod common;

use std::time::{Duration, Instant};

use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::load_bytes;
use boundaries_core::play::{PlayOptions, Playthrough, Record};
use boundaries_core::scenario::shipped::SHIPPED;
use proptest::prelude::*;

/// Far longer than any real file takes, even in a debug build: past it is a hang.
const HANG: Duration = Duration::from_secs(20);

#[derive(Debug, Clone)]
enum Mutation {
    FlipByte { at: usize, with: u8 },
    Truncate { at: usize },
    DuplicateLine { line: usize },
    SwapLines { a: usize, b: usize },
    DeleteLine { line: usize },
    HugeNumber { at: usize },
    HugeString { at: usize, length: usize },
    Nesting { at: usize, depth: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<prop::sample::Index>().prop_map(|i| i.index(usize::MAX));
    prop_oneof![
        (at.clone(), any::<u8>()).prop_map(|(at, with)| Mutation::FlipByte { at, with }),
        at.clone().prop_map(|at| Mutation::Truncate { at }),
        at.clone().prop_map(|line| Mutation::DuplicateLine { line }),
        (at.clone(), at.clone()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        at.clone().prop_map(|line| Mutation::DeleteLine { line }),
        at.clone().prop_map(|at| Mutation::HugeNumber { at }),
        (at.clone(), 1usize..300_000).prop_map(|(at, length)| Mutation::HugeString { at, length }),
        (at, 1usize..5_000).prop_map(|(at, depth)| Mutation::Nesting { at, depth }),
    ]
}

/// A place in `len` things chosen by an arbitrary number.
fn place(n: usize, len: usize) -> usize {
    if len == 0 { 0 } else { n % len }
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let lines = |bytes: &[u8]| -> Vec<Vec<u8>> { bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect() };
    match *mutation {
        Mutation::FlipByte { at, with } => {
            let at = place(at, bytes.len());
            if let Some(byte) = bytes.get_mut(at) {
                *byte ^= with;
            }
        }
        Mutation::Truncate { at } => bytes.truncate(place(at, bytes.len() + 1)),
        Mutation::DuplicateLine { line } | Mutation::DeleteLine { line } => {
            let mut all = lines(bytes);
            let line = place(line, all.len());
            if matches!(mutation, Mutation::DuplicateLine { .. }) {
                all.insert(line, all[line].clone());
            } else {
                all.remove(line);
            }
            *bytes = all.join(&b'\n');
        }
        Mutation::SwapLines { a, b } => {
            let mut all = lines(bytes);
            let (a, b) = (place(a, all.len()), place(b, all.len()));
            all.swap(a, b);
            *bytes = all.join(&b'\n');
        }
        Mutation::HugeNumber { at } => insert(bytes, at, b"184467440737095516159999999999999999999"),
        Mutation::HugeString { at, length } => {
            let text = format!("\"{}\"", "é\u{1b}x".repeat(length / 4));
            insert(bytes, at, text.as_bytes());
        }
        Mutation::Nesting { at, depth } => insert(bytes, at, "[(".repeat(depth).as_bytes()),
    }
}

fn insert(bytes: &mut Vec<u8>, at: usize, what: &[u8]) {
    let at = place(at, bytes.len() + 1);
    bytes.splice(at..at, what.iter().copied());
}

/// One file the fuzzer breaks: what it is and its text.
#[derive(Debug, Clone, Copy)]
enum Target {
    Scenario(usize),
    Principles,
    Guide,
    Record,
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        6 => (0..SHIPPED.len()).prop_map(Target::Scenario),
        1 => Just(Target::Principles),
        1 => Just(Target::Guide),
        2 => Just(Target::Record),
    ]
}

fn shipped_catalogue(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../../assets/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A finished play's record, as the store writes it.
fn a_record(catalogues: &Catalogues) -> String {
    let (name, text) = SHIPPED[0];
    let loaded = load_bytes(name, text.as_bytes(), catalogues).unwrap();
    let options = PlayOptions { seed: 3, in_order: true, player: Some("Sam".into()), group: None };
    let mut play = Playthrough::start(loaded.scenario, options).unwrap();
    while let boundaries_core::play::Current::Scene { offered, .. } = play.current() {
        let first = offered[0].id.clone();
        play.choose(&first, Some(3)).unwrap();
    }
    play.record(catalogues).to_ron()
}

/// Loads, checks and renders one broken file; every path a user can reach.
fn exercise(target: Target, bytes: &[u8], catalogues: &Catalogues) {
    let render = |diagnostics: &[boundaries_core::diagnostic::Diagnostic]| {
        for d in diagnostics {
            let _ = d.to_string();
            let _ = d.render(false);
        }
    };
    match target {
        Target::Scenario(i) => match load_bytes(SHIPPED[i].0, bytes, catalogues) {
            Ok(loaded) => render(&loaded.warnings),
            Err(problem) => render(&problem.diagnostics),
        },
        Target::Principles | Target::Guide => {
            let text = String::from_utf8_lossy(bytes);
            let (principles, guide) = match target {
                Target::Principles => (text.into_owned(), shipped_catalogue("guide.ron")),
                _ => (shipped_catalogue("principles.ron"), text.into_owned()),
            };
            if let Err(diagnostics) = Catalogues::from_sources(("principles.ron", &principles), ("guide.ron", &guide)) {
                render(&diagnostics);
            }
        }
        Target::Record => {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("fuzzed.record.ron");
            std::fs::write(&path, bytes).unwrap();
            if let Ok(record) = boundaries_core::play::RecordStore::load(&path) {
                let _: Record = record;
            }
        }
    }
}

fn cases() -> u32 {
    std::env::var("BOUNDARIES_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(3_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn broken_files_never_panic_or_hang(target in target(), mutations in prop::collection::vec(mutation(), 1..4)) {
        let catalogues = common::catalogues();
        let mut bytes = match target {
            Target::Scenario(i) => SHIPPED[i].1.as_bytes().to_vec(),
            Target::Principles => shipped_catalogue("principles.ron").into_bytes(),
            Target::Guide => shipped_catalogue("guide.ron").into_bytes(),
            Target::Record => a_record(&catalogues).into_bytes(),
        };
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        let started = Instant::now();
        exercise(target, &bytes, &catalogues);
        prop_assert!(started.elapsed() < HANG, "{:?} took {:?}", mutations, started.elapsed());
    }
}
