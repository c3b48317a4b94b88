//! Headless tests of the game's state machine: no window, no egui, scenarios from an
//! in-memory asset source. They drive the screens with the same actions the players'
//! keys and clicks send.

use std::time::Duration;

use bevy::asset::AssetPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use boundaries_core::catalogues::Catalogues;
use boundaries_core::play::RecordStore;

use boundaries_screens::{Screen, UiAction};

use super::actions::Act;
use super::navigation::Showing;
use super::scenario_assets::{GameLibrary, SHIPPED_SOURCE, SourceDirs, memory_source};
use boundaries_core::play::Phase;

use super::session::Session;
use super::{Shared, core_plugin};

pub(super) const SCENARIO: &str = r#"Scenario(
    id: "base", title: "Base", summary: "A test.", setting: "Home care visit", level: Introductory, minutes: 5,
    focus: ["boundaries"],
    cast: { "ada": (name: "Ada", role: "Person you support") },
    start: "one",
    nodes: {
        "one": Scene(speaker: "ada", text: "First.", facilitator: "Notes.", choices: [
            (id: "kind", text: "Kind", goto: "two", scores: {"boundaries": 2}, feedback: "Good.", guide: ["building-trust"]),
            (id: "risky", text: "Risky", goto: "two", scores: {"boundaries": -2}, feedback: "Poor.", guide: ["building-trust"], red_flag: "Crossed", red_line: "secrecy"),
        ]),
        "two": Scene(text: "Second.", choices: [
            (id: "fine", text: "Fine", goto: "good", scores: {"safeguarding": 2}, feedback: "Yes.", guide: ["keeping-people-safe"]),
            (id: "carry", text: "Carry on", goto: "poor", scores: {"safeguarding": -1}, feedback: "Hm.", guide: ["keeping-people-safe"]),
        ]),
        "good": Ending(outcome: Good, title: "Good", text: "It went well."),
        "poor": Ending(outcome: Poor, title: "Poor", text: "It did not."),
    },
)"#;

const BROKEN: &str = "Scenario(\n    id: \"broken\",\n    title: 12,\n)";

pub(super) fn app(data: &std::path::Path) -> App {
    let shipped = memory_source([("base.scenario.ron", SCENARIO), ("broken.scenario.ron", BROKEN)].into_iter());
    app_with(data, shipped, false, shipped_only)
}

/// No author's folder.
fn shipped_only(app: &mut App) {
    app.insert_resource(SourceDirs::default());
}

/// The game's logic with the scenarios of one asset source, loaded; `sources` adds
/// any other source and the [`SourceDirs`] before the assets start loading.
pub(super) fn app_with(
    data: &std::path::Path,
    source: bevy::asset::io::AssetSourceBuilder,
    watch: bool,
    sources: impl FnOnce(&mut App),
) -> App {
    let mut app = App::new();
    app.register_asset_source(SHIPPED_SOURCE, source);
    sources(&mut app);
    app.add_plugins((
        MinimalPlugins,
        AssetPlugin { watch_for_changes_override: Some(watch), ..default() },
        StatesPlugin,
    ));
    app.insert_resource(Shared {
        catalogues: Catalogues::shipped().unwrap(),
        store: RecordStore::at(data.join("records")),
        settings_path: None,
    });
    app.add_plugins(core_plugin);
    update_until(&mut app, "the library loads", |app| app.world().resource::<GameLibrary>().ready);
    app
}

pub(super) fn update_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    for _ in 0..2000 {
        app.update();
        if done(app) {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("timed out waiting until {what}");
}

pub(super) fn act(app: &mut App, actions: &[UiAction]) {
    for action in actions {
        app.world_mut().write_message(Act(action.clone()));
        app.update();
    }
    app.update(); // let state transitions land
}

pub(super) fn screen(app: &App) -> Screen {
    app.world().resource::<State<Showing>>().get().0
}

#[test]
fn loads_the_library_and_lists_a_broken_file_as_a_problem() {
    let data = tempfile::tempdir().unwrap();
    let app = app(data.path());
    let library = app.world().resource::<GameLibrary>();
    let ids: Vec<&str> = library.scenarios().iter().map(|l| l.scenario.id.as_str()).collect();
    assert_eq!(ids, ["base"]);
    let problems = library.problems();
    assert_eq!(problems.len(), 1);
    let line = problems[0].0.diagnostics[0].to_string();
    assert!(line.starts_with("scenarios/broken.scenario.ron:3:"), "{line}");
}

#[test]
fn a_play_from_library_to_result_is_recorded() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    act(&mut app, &[UiAction::Go(Screen::Library), UiAction::Open("base".into())]);
    assert_eq!(screen(&app), Screen::Briefing);
    act(&mut app, &[UiAction::Start]);
    assert_eq!(screen(&app), Screen::Play);

    act(&mut app, &[UiAction::Choose("kind".into())]);
    let phase = app.world().resource::<Session>().current.as_ref().map(|c| c.phase.clone());
    assert_eq!(phase, Some(Phase::Feedback), "feedback after each choice by default");
    act(&mut app, &[UiAction::Continue, UiAction::Choose("fine".into()), UiAction::Continue]);
    assert_eq!(screen(&app), Screen::Play, "the ending shows before the result");
    act(&mut app, &[UiAction::Continue]);
    assert_eq!(screen(&app), Screen::Result);

    let records = RecordStore::at(data.path().join("records")).list().unwrap();
    assert_eq!(records.len(), 1);
    let record = records[0].1.as_ref().unwrap();
    assert_eq!(record.ending.as_deref(), Some("good"));
    assert_eq!(record.decisions.len(), 2);
}

#[test]
fn leaving_part_way_keeps_the_play_as_abandoned() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    act(&mut app, &[UiAction::Open("base".into()), UiAction::Start, UiAction::Choose("risky".into()), UiAction::Leave]);
    assert_eq!(screen(&app), Screen::Briefing);
    let records = RecordStore::at(data.path().join("records")).list().unwrap();
    let record = records[0].1.as_ref().unwrap();
    assert!(!record.is_finished());
    assert_eq!(record.decisions[0].chosen, "risky");
}

#[test]
fn confidence_is_asked_and_recorded_when_the_setting_is_on() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    let settings = boundaries_core::settings::Settings { ask_confidence: true, ..Default::default() };
    act(
        &mut app,
        &[
            UiAction::Settings(settings),
            UiAction::Open("base".into()),
            UiAction::Start,
            UiAction::Choose("kind".into()),
        ],
    );
    let phase = app.world().resource::<Session>().current.as_ref().map(|c| c.phase.clone());
    assert_eq!(phase, Some(Phase::Confidence { choice: "kind".into() }));
    act(&mut app, &[UiAction::Confidence(Some(4))]);
    let session = app.world().resource::<Session>();
    assert_eq!(session.current.as_ref().unwrap().play.decisions()[0].confidence, Some(4));
}

#[test]
fn every_shipped_scenario_can_be_played_to_each_ending_in_the_game() {
    use boundaries_core::scenario::StateGraph;
    use boundaries_core::scenario::shipped::SHIPPED;

    let data = tempfile::tempdir().unwrap();
    let mut app = app_with(data.path(), memory_source(SHIPPED.iter().copied()), false, shipped_only);
    let scenarios: Vec<_> =
        app.world().resource::<GameLibrary>().scenarios().iter().map(|l| l.scenario.clone()).collect();
    assert_eq!(scenarios.len(), SHIPPED.len(), "every shipped scenario loads");
    let mut plays = 0;
    for scenario in &scenarios {
        for (ending, choices) in StateGraph::explore(scenario).paths_to_endings() {
            act(&mut app, &[UiAction::Open(scenario.id.clone()), UiAction::Start]);
            for choice in choices {
                act(&mut app, &[UiAction::Choose(choice.to_owned()), UiAction::Continue]);
            }
            act(&mut app, &[UiAction::Continue]);
            assert_eq!(screen(&app), Screen::Result, "{} to {ending}", scenario.id);
            let session = app.world().resource::<Session>();
            let reached = session.current.as_ref().and_then(|c| c.play.record(&Catalogues::shipped().unwrap()).ending);
            assert_eq!(reached.as_deref(), Some(ending), "{}", scenario.id);
            plays += 1;
        }
    }
    let records = RecordStore::at(data.path().join("records")).list().unwrap();
    assert_eq!(records.len(), plays, "every play was recorded");
}

#[test]
fn saving_a_scenario_file_updates_the_library_and_a_broken_edit_keeps_the_last_good_version() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("base.scenario.ron");
    std::fs::write(&file, SCENARIO).unwrap();
    let source = bevy::asset::io::AssetSourceBuilder::platform_default(&folder.path().to_string_lossy(), None);
    let mut app = app_with(data.path(), source, true, shipped_only);
    let title = |app: &App| app.world().resource::<GameLibrary>().get("base").map(|l| l.scenario.title.clone());
    assert_eq!(title(&app).as_deref(), Some("Base"));

    std::fs::write(&file, SCENARIO.replace("title: \"Base\"", "title: \"Base, revised\"")).unwrap();
    update_until(&mut app, "the edit is picked up", |app| title(app).as_deref() == Some("Base, revised"));

    std::fs::write(&file, SCENARIO.replace("goto: \"good\"", "goto: \"nowhere\"")).unwrap();
    update_until(&mut app, "the broken edit is reported", |app| {
        !app.world().resource::<GameLibrary>().problems().is_empty()
    });
    let library = app.world().resource::<GameLibrary>();
    let (problem, last_good_kept) = library.problems()[0];
    assert!(problem.diagnostics.iter().any(|d| d.message.contains("goto names no node")), "{problem:?}");
    assert!(last_good_kept);
    assert_eq!(title(&app).as_deref(), Some("Base, revised"), "the last good version stays playable");
}

#[test]
fn after_a_play_the_player_replays_reflects_and_exports() {
    use super::debrief::Debrief;

    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    act(&mut app, &[UiAction::Open("base".into()), UiAction::Start]);
    act(
        &mut app,
        &[UiAction::Choose("risky".into()), UiAction::Continue, UiAction::Choose("carry".into()), UiAction::Continue],
    );
    act(&mut app, &[UiAction::Continue, UiAction::ReflectOnPlay]);
    assert_eq!(screen(&app), Screen::Replay);
    let debrief = app.world().resource::<Debrief>();
    let open = debrief.open.as_ref().expect("the play is open for replay");
    assert_eq!(open.index, 2, "it opens at the end, to reflect");
    assert!(open.draft.prompt.starts_with("Professional boundaries:"), "{}", open.draft.prompt);

    act(&mut app, &[UiAction::Step(0)]);
    let debrief = app.world().resource::<Debrief>();
    let step = &debrief.open.as_ref().unwrap().replay.steps[0];
    assert_eq!(step.taken().map(|o| o.id.as_str()), Some("risky"));

    let mut reflection = debrief.open.as_ref().unwrap().draft.clone();
    reflection.went_well = "I owned up.".into();
    act(&mut app, &[UiAction::Reflect(reflection), UiAction::Export]);
    let records = RecordStore::at(data.path().join("records")).list().unwrap();
    let saved = records[0].1.as_ref().unwrap().reflection.clone().expect("the reflection is in the record");
    assert_eq!(saved.went_well, "I owned up.");
    let notice = app.world().resource::<Debrief>().open.as_ref().unwrap().notice.clone().unwrap();
    assert!(notice.starts_with("Report saved to"), "{notice}");
    let reports: Vec<_> = std::fs::read_dir(data.path().join("reports")).unwrap().flatten().collect();
    let html = std::fs::read_to_string(reports[0].path()).unwrap();
    assert!(html.contains("I owned up."));
    act(&mut app, &[UiAction::Export]);
    let reports = std::fs::read_dir(data.path().join("reports")).unwrap().count();
    assert_eq!(reports, 2, "a second export is a new file; the first is kept");

    act(&mut app, &[UiAction::Go(Screen::Records)]);
    let debrief = app.world().resource::<Debrief>();
    assert_eq!(debrief.records.len(), 1, "the browser lists the play");
}

#[test]
fn a_play_left_part_way_can_be_carried_on_from_its_replay() {
    use super::debrief::Debrief;

    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    act(&mut app, &[UiAction::Open("base".into()), UiAction::Start, UiAction::Choose("kind".into()), UiAction::Leave]);
    act(&mut app, &[UiAction::Go(Screen::Records)]);
    let path = app.world().resource::<Debrief>().records[0].0.clone();
    act(&mut app, &[UiAction::Replay(path), UiAction::Resume]);
    assert_eq!(screen(&app), Screen::Play);
    act(&mut app, &[UiAction::Choose("fine".into()), UiAction::Continue, UiAction::Continue]);
    assert_eq!(screen(&app), Screen::Result);
    let records = RecordStore::at(data.path().join("records")).list().unwrap();
    assert_eq!(records.len(), 1, "the same record is carried on, not a new one");
    assert_eq!(records[0].1.as_ref().unwrap().ending.as_deref(), Some("good"));
}
