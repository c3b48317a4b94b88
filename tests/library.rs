//! The shipped library: every scenario loads with no errors or warnings, every
//! ending can be reached by playing, and the library as a whole covers the guide.

mod common;

use std::path::PathBuf;

use boundaries::play::{Current, PlayOptions, Playthrough};
use boundaries::scenario::{Library, StateGraph};
use common::catalogues;

fn shipped() -> Library {
    Library::load(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios")], &catalogues())
}

#[test]
fn every_shipped_scenario_validates_cleanly() {
    let library = shipped();
    let diagnostics: Vec<String> = library.diagnostics().iter().map(ToString::to_string).collect();
    assert!(diagnostics.is_empty(), "{}", diagnostics.join("\n"));
    assert!(library.scenarios.len() >= 3);
}

#[test]
fn every_ending_of_every_scenario_can_be_played_to() {
    let library = shipped();
    for loaded in &library.scenarios {
        let scenario = &loaded.scenario;
        let graph = StateGraph::explore(scenario);
        let paths = graph.paths_to_endings();
        assert_eq!(paths.len(), scenario.endings().count(), "{}: every ending is reachable", scenario.id);
        for (ending, choices) in paths {
            let mut play = Playthrough::start(scenario.clone(), PlayOptions { seed: 1, ..Default::default() }).unwrap();
            for choice in &choices {
                play.choose(choice, None).unwrap_or_else(|e| panic!("{}: {e}", scenario.id));
            }
            let Current::Ending { id, .. } = play.current() else { panic!("{}: {choices:?} did not end", scenario.id) };
            assert_eq!(id, ending, "{}", scenario.id);
            assert!(play.record(&catalogues()).result.is_some());
        }
    }
}
