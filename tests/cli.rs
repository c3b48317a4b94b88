//! The command line, run as a real process on real files.

mod common;

use std::path::Path;

use common::BASE;
use common::run::{Run, scenario_dir, stdout};

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

#[test]
fn validate_the_shipped_library() {
    let output = Run::new().run(&["validate"]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(stdout(&output).contains("0 errors, 0 warnings"), "{}", stdout(&output));
}

#[test]
fn validate_reports_a_broken_file_with_its_position_and_keeps_the_rest() {
    let broken = BASE.replacen("title: \"Good\",", "title: \"Good\" oops", 1).replacen("\"base\"", "\"broken\"", 1);
    let dir = scenario_dir(&[("base.scenario.ron", BASE), ("broken.scenario.ron", &broken)]);
    let output = Run::new().run(&["validate", path(dir.path())]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let line = common::line_of(&broken, "oops");
    assert!(text.contains(&format!("broken.scenario.ron:{line}:")), "{text}");
    assert!(text.contains("oops"), "the snippet shows the line: {text}");
    assert!(text.contains("1 valid, 1 with errors"), "{text}");
}

#[test]
fn list_shows_every_scenario_and_its_ranges() {
    let output = Run::new().run(&["list"]);
    assert!(output.status.success());
    let text = stdout(&output);
    for id in ["gift-at-the-door", "friend-request", "rough-handling"] {
        assert!(text.contains(id), "{text}");
    }
    assert!(text.lines().next().unwrap().contains("safeguarding"), "a column per principle: {text}");
}

#[test]
fn play_by_choice_ids_to_the_end_and_keep_the_record() {
    let dir = scenario_dir(&[("base.scenario.ron", BASE)]);
    let run = Run::new();
    let output = run.run(&["play", "base", "--scenarios", path(dir.path()), "--choose", "kind,fine", "--name", "Alex"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = stdout(&output);
    assert!(text.contains("Good.") && text.contains("Yes."), "feedback after each choice: {text}");
    assert!(text.contains("Result: Exemplary (100/100)"), "{text}");
    assert!(text.contains("Record saved:"), "{text}");
    let records = run.records();
    assert_eq!(records.len(), 1);
    let record = boundaries_core::play::RecordStore::load(&records[0]).unwrap();
    assert_eq!((record.player.as_deref(), record.ending.as_deref()), (Some("Alex"), Some("good")));
}

#[test]
fn play_by_numbers_on_standard_input() {
    let run = Run::new();
    let output = run.run_with_input(&["play", "gift-at-the-door", "--seed", "4"], &"1\n".repeat(20));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout(&output).contains("Result:"), "{}", stdout(&output));
    assert_eq!(run.records().len(), 1);
}

#[test]
fn input_ending_early_saves_an_abandoned_record() {
    let run = Run::new();
    let output = run.run_with_input(&["play", "gift-at-the-door", "--seed", "4"], "9\n1\n");
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("Type a number from 1 to"), "a bad number is asked again: {text}");
    assert!(text.contains("saved as abandoned"), "{text}");
    let record = boundaries_core::play::RecordStore::load(&run.records()[0]).unwrap();
    assert!(!record.is_finished());
    assert_eq!(record.decisions.len(), 1);
}

#[test]
fn a_choice_id_not_on_offer_is_an_error_naming_those_that_are() {
    let dir = scenario_dir(&[("base.scenario.ron", BASE)]);
    let output = Run::new().run(&["play", "base", "--scenarios", path(dir.path()), "--choose", "kind,fix"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("\"fix\" is not offered") && errors.contains("carry"), "{errors}");
}

#[test]
fn an_unknown_scenario_is_an_error_listing_the_library() {
    let output = Run::new().run(&["play", "no-such-thing"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("gift-at-the-door"));
}

#[test]
fn graph_as_dot_and_mermaid() {
    let dir = scenario_dir(&[("base.scenario.ron", BASE)]);
    let run = Run::new();
    let dot = stdout(&run.run(&["graph", "base", "--scenarios", path(dir.path())]));
    insta::assert_snapshot!("graph_dot", dot);
    let mermaid = stdout(&run.run(&["graph", "base", "--format", "mermaid", "--scenarios", path(dir.path())]));
    insta::assert_snapshot!("graph_mermaid", mermaid);
}

#[test]
fn coverage_of_the_shipped_library() {
    let output = Run::new().run(&["coverage"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("15 of 15 guide sections and 7 of 7 principles are covered"), "{text}");
}

#[test]
fn an_organisations_own_catalogues() {
    let catalogues = tempfile::tempdir().unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    std::fs::copy(shipped.join("guide.ron"), catalogues.path().join("guide.ron")).unwrap();
    let principles = std::fs::read_to_string(shipped.join("principles.ron")).unwrap();
    std::fs::write(
        catalogues.path().join("principles.ron"),
        principles.replace("\"Dignity and respect\"", "\"Respect\""),
    )
    .unwrap();
    let dir = scenario_dir(&[("base.scenario.ron", BASE)]);
    let output = Run::new().run(&[
        "play",
        "base",
        "--scenarios",
        path(dir.path()),
        "--catalogues",
        path(catalogues.path()),
        "--choose",
        "kind,fine",
    ]);
    assert!(stdout(&output).contains("+1 Respect"), "{}", stdout(&output));

    std::fs::write(catalogues.path().join("principles.ron"), "[").unwrap();
    let output = Run::new().run(&["list", "--catalogues", path(catalogues.path())]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("principles.ron"));
}

#[test]
fn records_are_listed_with_unreadable_and_changed_ones_marked() {
    let dir = scenario_dir(&[("base.scenario.ron", BASE)]);
    let run = Run::new();
    let played = run.run(&["play", "base", "--scenarios", path(dir.path()), "--choose", "kind,fine", "--name", "Alex"]);
    assert!(played.status.success());
    std::fs::write(run.data.path().join("records").join("20250101T000000-broken.record.ron"), "Record(format: 1,")
        .unwrap();
    std::fs::write(dir.path().join("base.scenario.ron"), BASE.replacen("First.", "First, revised.", 1)).unwrap();

    let output = run.run(&["records", "--scenarios", path(dir.path())]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("unreadable:") && text.contains("broken.record.ron"), "{text}");
    assert!(text.contains("finished, scenario changed since") && text.contains("Alex"), "{text}");

    let filtered = stdout(&run.run(&["records", "--scenarios", path(dir.path()), "--name", "Sam"]));
    assert!(!filtered.contains("Alex"), "{filtered}");
}

#[test]
fn a_report_is_written_as_html_and_progress_is_shown() {
    let dir = scenario_dir(&[("base.scenario.ron", BASE)]);
    let run = Run::new();
    run.run(&["play", "base", "--scenarios", path(dir.path()), "--choose", "kind,carry", "--name", "Alex"]);
    let record = run.records().pop().unwrap();
    let html = run.data.path().join("report.html");
    let output = run.run(&[
        "report",
        record.to_str().unwrap(),
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
        "--scenarios",
        path(dir.path()),
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.starts_with("<!DOCTYPE html>") && text.contains("<svg") && text.contains("Carry on"), "{text}");

    let by_name = run.run(&["report", record.file_name().unwrap().to_str().unwrap(), "--scenarios", path(dir.path())]);
    assert!(stdout(&by_name).starts_with("# Debrief: Base"), "a record can be named by its file name alone");

    let progress = stdout(&run.run(&["progress", "--name", "alex"]));
    assert!(progress.contains("over 1 finished play by"), "{progress}");
    assert!(progress.contains("Safeguarding"), "{progress}");
}
