//! The play-through state machine and its records.

mod common;

use std::sync::Arc;

use boundaries_core::play::{Current, PlayError, PlayOptions, Playthrough, Record, RecordStore};
use boundaries_core::scenario::Scenario;
use boundaries_core::scoring::Band;
use common::*;

fn base() -> Arc<Scenario> {
    load("base.scenario.ron", BASE).unwrap().scenario
}

fn start(seed: u64) -> Playthrough {
    Playthrough::start(base(), PlayOptions { seed, ..PlayOptions::default() }).unwrap()
}

fn offered_ids(play: &Playthrough) -> Vec<String> {
    match play.current() {
        Current::Scene { offered, .. } => offered.iter().map(|c| c.id.clone()).collect(),
        Current::Ending { .. } => Vec::new(),
    }
}

#[test]
fn the_same_seed_gives_the_same_order_and_seeds_vary_it() {
    let mut orders = std::collections::HashSet::new();
    for seed in 0..32 {
        assert_eq!(offered_ids(&start(seed)), offered_ids(&start(seed)));
        orders.insert(offered_ids(&start(seed)));
    }
    assert_eq!(orders.len(), 2, "both orders of two choices appear over 32 seeds");
}

#[test]
fn in_order_shows_choices_as_written() {
    let play = Playthrough::start(base(), PlayOptions { seed: 7, in_order: true, ..PlayOptions::default() }).unwrap();
    assert_eq!(offered_ids(&play), ["kind", "risky"]);
}

#[test]
fn flags_decide_what_is_offered_later() {
    let mut play = start(1);
    play.choose("risky", None).unwrap();
    let mut ids = offered_ids(&play);
    ids.sort();
    assert_eq!(ids, ["carry", "fix"]);

    let mut play = start(1);
    play.choose("kind", None).unwrap();
    let mut ids = offered_ids(&play);
    ids.sort();
    assert_eq!(ids, ["carry", "fine"]);
}

#[test]
fn choosing_returns_feedback_and_moves_on_to_an_ending() {
    let mut play = start(3);
    let choice = play.choose("kind", Some(4)).unwrap();
    assert_eq!(choice.feedback.as_deref(), Some("Good."));
    assert!(!play.is_finished());
    play.choose("fine", None).unwrap();
    assert!(play.is_finished());
    let Current::Ending { id, ending } = play.current() else { panic!("should have ended") };
    assert_eq!((id, ending.title.as_str()), ("good", "Good"));
    assert_eq!(play.choose("fine", None).unwrap_err(), PlayError::Ended);

    let decisions = play.decisions();
    assert_eq!(decisions.len(), 2);
    assert_eq!(decisions[0].node, "one");
    assert_eq!(decisions[0].chosen, "kind");
    assert_eq!(decisions[0].confidence, Some(4));
    assert_eq!(decisions[1].offered.len(), 2);
}

#[test]
fn a_choice_not_on_offer_is_refused_with_what_is() {
    let mut play = start(5);
    play.choose("kind", None).unwrap();
    let error = play.choose("fix", None).unwrap_err();
    let PlayError::NotOffered { choice, mut offered } = error.clone() else { panic!("{error}") };
    offered.sort();
    assert_eq!((choice.as_str(), offered), ("fix", vec!["carry".to_owned(), "fine".to_owned()]));
    assert!(error.to_string().contains("not offered"));
    assert_eq!(play.decisions().len(), 1, "nothing was recorded for the refused choice");
}

#[test]
fn records_of_finished_and_abandoned_plays() {
    let catalogues = catalogues();
    let mut play =
        Playthrough::start(base(), PlayOptions { seed: 9, player: Some("Sam".into()), ..PlayOptions::default() })
            .unwrap();
    play.choose("risky", None).unwrap();
    let abandoned = play.record(&catalogues);
    assert!(!abandoned.is_finished());
    assert_eq!((abandoned.ending.as_deref(), abandoned.result.is_none()), (None, true));

    play.choose("fix", None).unwrap();
    let record = play.record(&catalogues);
    assert_eq!(record.ending.as_deref(), Some("good"));
    assert_eq!(record.player.as_deref(), Some("Sam"));
    assert_eq!(record.seed, 9);
    assert_eq!(record.scenario_hash, base().content_hash);
    let result = record.result.as_ref().unwrap();
    assert_eq!(result.band, Band::Unsafe);
    assert_eq!(record.decisions[0].offered, offered_ids(&start(9)));
}

#[test]
fn records_round_trip_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecordStore::at(dir.path().join("records"));
    let mut file = store.begin().unwrap();
    let mut play = start(11);
    play.choose("kind", None).unwrap();
    let path = file.save(&play.record(&catalogues())).unwrap();
    play.choose("carry", None).unwrap();
    assert_eq!(file.save(&play.record(&catalogues())).unwrap(), path, "the same play keeps one file");

    let loaded = RecordStore::load(&path).unwrap();
    assert_eq!(loaded, play.record(&catalogues()));
    assert!(loaded.to_ron().contains("chosen: \"carry\""), "records are readable RON");
    assert_eq!(store.list().unwrap().len(), 1);

    // Another play of the same scenario, with the same seed, in the same second, has a file of its own.
    let mut twin = store.begin().unwrap();
    let twin_path = twin.save(&play.record(&catalogues())).unwrap();
    assert_ne!(twin_path, path);
    assert_eq!(store.list().unwrap().len(), 2);
}

#[test]
fn a_record_of_a_changed_scenario_still_loads_with_a_warning() {
    let play = start(2);
    let record = Record::from_ron(&play.record(&catalogues()).to_ron()).unwrap();
    assert_eq!(record.changed_since(&base()), None);

    let changed = load("base.scenario.ron", &base_with("text: \"First.\"", "text: \"First, rewritten.\"")).unwrap();
    let warning = record.changed_since(&changed.scenario).expect("a warning");
    assert!(warning.contains("has changed"), "{warning}");
}

#[test]
fn replaying_a_record_reproduces_the_order_shown() {
    let mut play = start(21);
    play.choose("kind", None).unwrap();
    play.choose("carry", None).unwrap();
    let record = play.record(&catalogues());

    let mut again = Playthrough::start(base(), PlayOptions { seed: record.seed, ..PlayOptions::default() }).unwrap();
    for decision in &record.decisions {
        assert_eq!(offered_ids(&again), decision.offered);
        again.choose(&decision.chosen, None).unwrap();
    }
    assert_eq!(again.assessment(&catalogues()), record.result.unwrap());
}
