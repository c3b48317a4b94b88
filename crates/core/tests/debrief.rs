//! Looking back at a play: replays with the roads not taken, reflections saved into
//! records, reports in Markdown and HTML, and progress over time.

mod common;

use std::sync::Arc;

use boundaries_core::files::atomic::{Private, stage, write_atomic};
use boundaries_core::play::progress::progress;
use boundaries_core::play::replay::LeadsTo;
use boundaries_core::play::{PlayOptions, Playthrough, Record, RecordStore, Reflection, Replay};
use boundaries_core::report::{Format, render};
use boundaries_core::scenario::Scenario;
use common::*;
use jiff::tz::TimeZone;

fn scenario(text: &str) -> Arc<Scenario> {
    load("base.scenario.ron", text).unwrap_or_else(|p| panic!("{:?}", p.diagnostics)).scenario
}

/// A finished play of `scenario` along `choices`, with fixed times so reports are stable.
fn played(scenario: &Arc<Scenario>, choices: &[&str], player: Option<&str>) -> Record {
    let options = PlayOptions { seed: 7, player: player.map(str::to_owned), ..PlayOptions::default() };
    let mut play = Playthrough::start(scenario.clone(), options).unwrap();
    for choice in choices {
        play.choose(choice, Some(3)).unwrap();
    }
    let mut record = play.record(&catalogues());
    record.started = "2026-11-20T09:30:00Z".parse().unwrap();
    record.ended = record.ending.as_ref().map(|_| "2026-11-20T09:41:00Z".parse().unwrap());
    for decision in &mut record.decisions {
        decision.millis = 12_000;
    }
    record
}

#[test]
fn a_replay_shows_what_was_shown_and_the_roads_not_taken() {
    let s = scenario(BASE);
    let record = played(&s, &["kind", "carry"], None);
    let replay = Replay::new(record.clone(), Some(&s));
    assert_eq!(replay.warning, None);
    assert_eq!(replay.steps.len(), 2);
    for (step, decision) in replay.steps.iter().zip(&record.decisions) {
        let shown: Vec<&str> = step.options.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(shown, decision.offered, "the options in the order they were shown");
        assert_eq!(step.taken().map(|o| o.id.as_str()), Some(decision.chosen.as_str()));
    }
    let risky = replay.steps[0].options.iter().find(|o| o.id == "risky").unwrap();
    assert!(!risky.taken);
    assert_eq!(risky.scores, [("boundaries".to_owned(), -2)]);
    assert_eq!(risky.feedback.as_deref(), Some("Poor."));
    assert_eq!(risky.red_flag.as_deref(), Some("Crossed"));
    assert!(matches!(&risky.leads_to, LeadsTo::Scene { node, .. } if node == "two"));
    let fine = replay.steps[1].options.iter().find(|o| o.id == "fine").unwrap();
    assert!(matches!(&fine.leads_to, LeadsTo::Ending { node, .. } if node == "good"));
    // One wording for where a road leads, taken or not, in the replay and the report.
    assert_eq!(risky.leads_to.sentence(), "Leads on to: Second.");
    assert_eq!(fine.leads_to.sentence(), "Leads to the ending “Good” (a good outcome).");
    assert_eq!(LeadsTo::Unknown { node: "x".into() }.sentence(), "Leads somewhere no longer in the scenario.");
    assert_eq!(replay.ending.as_ref().map(|e| e.node.as_str()), Some("poor"));
    assert_eq!(replay.recommended, [("one".to_owned(), "kind".to_owned()), ("two".to_owned(), "fine".to_owned())]);
    assert_eq!(replay.path_nodes(), ["one", "two", "poor"]);
}

#[test]
fn a_replay_of_a_changed_or_missing_scenario_says_so() {
    let s = scenario(BASE);
    let record = played(&s, &["kind", "carry"], None);
    let changed = scenario(&base_with("(id: \"carry\"", "(id: \"carry-on\""));
    let replay = Replay::new(record.clone(), Some(&changed));
    assert!(replay.warning.as_deref().unwrap().contains("has changed"));
    let carry = replay.steps[1].options.iter().find(|o| o.id == "carry").unwrap();
    assert!(carry.text.is_empty() && carry.taken, "a choice that is gone is still shown as taken");

    let replay = Replay::new(record, None);
    assert!(replay.warning.as_deref().unwrap().contains("not in the library"));
    assert_eq!(replay.steps[0].options.len(), 2);
}

#[test]
fn a_reflection_is_saved_into_the_record_and_survives_a_crash_mid_save() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecordStore::at(dir.path());
    let s = scenario(BASE);
    let record = played(&s, &["kind", "carry"], Some("Alex"));
    let path = store.begin().unwrap().save(&record).unwrap();

    // The program dies after writing the new version but before putting it in place.
    let mut half_done = record.clone();
    half_done.reflection = Some(Reflection { went_well: "never lands".into(), ..Default::default() });
    std::mem::forget(stage(&path, half_done.to_ron().as_bytes(), Private::Yes).unwrap());
    assert_eq!(RecordStore::load(&path).unwrap(), record, "the record is whole and unchanged");

    let reflection = Reflection {
        prompt: record.reflection_prompt(&catalogues()),
        went_well: "I stayed calm.".into(),
        do_differently: "Report the same day.".into(),
        into_practice: "Write down what I saw, in the person's words.".into(),
        written: Some("2026-11-20T10:00:00Z".parse().unwrap()),
    };
    let saved = RecordStore::save_reflection(&path, reflection.clone()).unwrap();
    assert_eq!(RecordStore::load(&path).unwrap(), saved);
    assert_eq!(saved.reflection, Some(reflection));
    assert_eq!(store.list().unwrap().len(), 1, "the leftover temporary file is not a record");
}

#[test]
fn the_reflection_prompt_comes_from_the_lowest_rated_principle() {
    let s = scenario(BASE);
    let record = played(&s, &["kind", "carry"], None); // safeguarding 0, the others 100
    let prompt = record.reflection_prompt(&catalogues());
    assert!(prompt.starts_with("Safeguarding:"), "{prompt}");
}

#[test]
fn reports_escape_hostile_text() {
    let hostile = base_with("title: \"Base\"", "title: \"<script>alert('title')</script>\"").replacen(
        "text: \"First.\"",
        "text: \"<img src=x onerror=alert(1)> & *bold* | pipe\"",
        1,
    );
    let s = scenario(&hostile);
    let mut record = played(&s, &["kind", "fine"], Some("<b>Mallory</b>"));
    record.reflection = Some(Reflection { went_well: "</dd><script>steal()</script>".into(), ..Default::default() });
    let replay = Replay::new(record, Some(&s));
    let html = render(&replay, &catalogues(), Format::Html, &TimeZone::UTC).unwrap();
    for bad in ["<script", "<img", "<b>Mallory", "</dd><script"] {
        assert!(!html.contains(bad), "HTML contains {bad}");
    }
    assert!(html.contains("&lt;script&gt;"));
    let markdown = render(&replay, &catalogues(), Format::Markdown, &TimeZone::UTC).unwrap();
    for bad in ["<script", "<img", "<b>"] {
        assert!(!markdown.contains(bad), "Markdown contains {bad}:\n{markdown}");
    }
    assert!(markdown.contains("\\*bold\\* \\| pipe"));
}

#[test]
fn report_snapshots() {
    let s = scenario(BASE);
    let mut record = played(&s, &["risky", "fix"], Some("Alex"));
    record.reflection = Some(Reflection {
        prompt: record.reflection_prompt(&catalogues()),
        went_well: "I owned up quickly.".into(),
        do_differently: "Keep the boundary from the start.".into(),
        into_practice: "Say no warmly, then tell my team leader.".into(),
        written: None,
    });
    let replay = Replay::new(record, Some(&s));
    insta::assert_snapshot!("report_md", render(&replay, &catalogues(), Format::Markdown, &TimeZone::UTC).unwrap());
    insta::assert_snapshot!("report_html", render(&replay, &catalogues(), Format::Html, &TimeZone::UTC).unwrap());
}

#[test]
fn progress_per_principle_over_time_for_one_player() {
    let s = scenario(BASE);
    let mut first = played(&s, &["kind", "carry"], Some("Alex"));
    first.started = "2026-11-01T09:00:00Z".parse().unwrap();
    let second = played(&s, &["kind", "fine"], Some(" alex "));
    let someone_else = played(&s, &["risky", "carry"], Some("Sam"));
    let abandoned = {
        let mut r = played(&s, &["kind"], Some("Alex"));
        r.result = None;
        r
    };
    let records = [second, someone_else, first, abandoned];
    let alex = progress(&records, Some("ALEX"), &catalogues());
    assert_eq!(alex.plays, 2, "finished plays only, names matched loosely");
    let safeguarding = alex.trends.iter().find(|t| t.principle == "safeguarding").unwrap();
    assert_eq!((safeguarding.first(), safeguarding.latest()), (Some(0.0), Some(100.0)), "oldest first");
    assert_eq!(progress(&records, None, &catalogues()).plays, 3);
}

#[test]
fn records_written_elsewhere_load_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let s = scenario(BASE);
    let record = played(&s, &["kind", "fine"], None);
    let path = dir.path().join("x.record.ron");
    write_atomic(&path, record.to_ron().as_bytes()).unwrap();
    assert_eq!(RecordStore::load(&path).unwrap(), record);
}
