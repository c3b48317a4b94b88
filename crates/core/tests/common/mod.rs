//! Shared helpers for the integration tests.
#![allow(dead_code, unreachable_pub)] // each test crate uses a different part of this module

use boundaries_core::catalogues::Catalogues;
use boundaries_core::diagnostic::Diagnostic;
use boundaries_core::library::{Loaded, Problem, load_bytes};

/// A small valid scenario with a flag: "risky" sets `flag`, which offers "fix" and
/// withdraws "fine" at the second scene.
pub const BASE: &str = r#"Scenario(
    id: "base",
    title: "Base",
    summary: "A small scenario for tests.",
    setting: "Home care visit",
    level: Introductory,
    minutes: 5,
    focus: ["boundaries"],
    cast: {
        "ada": (name: "Ada", role: "Person you support"),
    },
    start: "one",
    nodes: {
        "one": Scene(
            speaker: "ada",
            text: "First.",
            choices: [
                (id: "kind", text: "Kind", goto: "two", scores: {"boundaries": 2, "dignity": 1}, feedback: "Good.", guide: ["maintaining-professional-boundaries"]),
                (id: "risky", text: "Risky", goto: "two", scores: {"boundaries": -2}, feedback: "Poor.", guide: ["maintaining-professional-boundaries"], sets: ["flag"], red_flag: "Crossed", red_line: "exploitation"),
            ],
        ),
        "two": Scene(
            text: "Second.",
            choices: [
                (id: "fix", text: "Fix", goto: "good", requires: ["flag"], scores: {"safeguarding": 1}, feedback: "Ok.", guide: ["keeping-people-safe"]),
                (id: "carry", text: "Carry on", goto: "poor", scores: {"safeguarding": -1}, feedback: "Hm.", guide: ["keeping-people-safe"]),
                (id: "fine", text: "Fine", goto: "good", unless: ["flag"], scores: {"safeguarding": 2}, feedback: "Yes.", guide: ["keeping-people-safe"]),
            ],
        ),
        "good": Ending(outcome: Good, title: "Good", text: "It went well."),
        "poor": Ending(outcome: Poor, title: "Poor", text: "It did not."),
    },
)"#;

pub fn catalogues() -> Catalogues {
    Catalogues::shipped().expect("shipped catalogues are valid")
}

/// Loads `text` as if from `file`.
pub fn load(file: &str, text: &str) -> Result<Loaded, Problem> {
    load_bytes(file, text.as_bytes(), &catalogues())
}

/// `BASE` with one replacement, which must apply.
pub fn base_with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "BASE does not contain {from:?}");
    BASE.replacen(from, to, 1)
}

/// The diagnostics of loading `text` as `base.scenario.ron`, errors and warnings.
pub fn diagnostics(text: &str) -> Vec<Diagnostic> {
    match load("base.scenario.ron", text) {
        Ok(loaded) => loaded.warnings,
        Err(problem) => problem.diagnostics,
    }
}

/// The one diagnostic whose message contains `needle`; fails listing all if not exactly one.
pub fn the_one(diagnostics: &[Diagnostic], needle: &str) -> Diagnostic {
    let found: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.message.contains(needle)).collect();
    let all: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 1, "expected one diagnostic containing {needle:?}, got:\n{}", all.join("\n"));
    found[0].clone()
}

/// The 1-based line of the first occurrence of `needle` in `text`.
pub fn line_of(text: &str, needle: &str) -> usize {
    let offset = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
    text[..offset].matches('\n').count() + 1
}

/// The 1-based line of the last occurrence of `needle` in `text`.
pub fn last_line_of(text: &str, needle: &str) -> usize {
    let offset = text.rfind(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
    text[..offset].matches('\n').count() + 1
}
