//! A record as xAPI statements: the verbs in order, ids made from the record and the
//! step (the same every time, different for every step), the group as a Group with
//! its votes, and no name the player did not give for the purpose.

mod common;

use boundaries_core::play::group::GroupPlay;
use boundaries_core::play::{Current, PlayOptions, Playthrough};
use boundaries_core::xapi::{Identity, statements};
use common::*;

fn anonymous() -> Identity {
    Identity { home_page: "https://care.example.org".into(), account: None, instructor: None }
}

fn played(choices: &[&str], player: Option<&str>) -> boundaries_core::play::Record {
    let scenario = load("base.scenario.ron", BASE).unwrap().scenario;
    let options = PlayOptions { seed: 9, in_order: true, player: player.map(Into::into), group: None };
    let mut play = Playthrough::start(scenario, options).unwrap();
    for choice in choices {
        play.choose(choice, Some(4)).unwrap();
    }
    play.record(&catalogues())
}

#[test]
fn a_finished_play_is_initialized_answered_and_completed_with_stable_ids() {
    let scenario = load("base.scenario.ron", BASE).unwrap().scenario;
    let record = played(&["risky", "fix"], Some("Sam Jones"));
    let sent = statements(&record, Some(&scenario), &catalogues(), &anonymous());
    let verbs: Vec<&str> = sent.iter().map(|s| s.verb.id.rsplit('/').next().unwrap()).collect();
    assert_eq!(verbs, ["initialized", "answered", "answered", "completed"]);
    let again = statements(&record, Some(&scenario), &catalogues(), &anonymous());
    assert_eq!(sent, again, "the same record gives the same statements, ids and all");
    let ids: std::collections::HashSet<&str> = sent.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), sent.len(), "every step has its own id");
    let registration = &sent[0].context.registration;
    assert!(sent.iter().all(|s| &s.context.registration == registration));
    let answer = &sent[1];
    assert_eq!(answer.result.as_ref().and_then(|r| r.response.as_deref()), Some("risky"));
    assert_eq!(answer.object.definition.interaction_type.as_deref(), Some("choice"));
    assert_eq!(answer.object.definition.choices.as_ref().map(Vec::len), Some(2));
    let done = sent[3].result.as_ref().unwrap();
    assert_eq!(done.completion, Some(true));
    let lines = &done.extensions[&format!("{}/extensions/red-lines", boundaries_core::xapi::IRI)];
    assert_eq!(lines[0]["line"], "exploitation");
    let json = serde_json::to_string(&sent).unwrap();
    assert!(!json.contains("Sam"), "an anonymous player's name never leaves the laptop");
    let named = Identity { account: Some("worker-0042".into()), ..anonymous() };
    let sent = statements(&record, Some(&scenario), &catalogues(), &named);
    assert_eq!(sent[0].actor.account.name, "worker-0042");
}

#[test]
fn a_play_left_part_way_is_suspended_and_its_ids_never_clash_with_its_later_steps() {
    let scenario = load("base.scenario.ron", BASE).unwrap().scenario;
    let options = PlayOptions { seed: 9, in_order: true, player: None, group: None };
    let mut play = Playthrough::start(scenario.clone(), options).unwrap();
    play.choose("risky", None).unwrap();
    let part = statements(&play.record(&catalogues()), Some(&scenario), &catalogues(), &anonymous());
    assert_eq!(part.last().unwrap().verb.id, "http://adlnet.gov/expapi/verbs/suspended");
    play.choose("fix", None).unwrap(); // carried on later
    let whole = statements(&play.record(&catalogues()), Some(&scenario), &catalogues(), &anonymous());
    assert_eq!(part[..2], whole[..2], "the steps both have are the same statements");
    assert!(whole.iter().all(|s| s.id != part[2].id));
}

#[test]
fn a_group_session_is_a_group_with_its_votes_and_the_trainer_as_instructor() {
    let scenario = load("base.scenario.ron", BASE).unwrap().scenario;
    let mut group = GroupPlay::start(scenario.clone(), 3, 14).unwrap();
    while let Current::Scene { offered, .. } = group.play.current() {
        let first = offered[0].id.clone();
        group.forward();
        group.tally.set(&[6, 5]);
        group.forward();
        group.choose(&first).unwrap();
    }
    let record = group.play.record(&catalogues());
    let who = Identity { instructor: Some("trainer-7".into()), ..anonymous() };
    let sent = statements(&record, Some(&scenario), &catalogues(), &who);
    assert!(sent.iter().all(|s| s.actor.object_type == "Group"));
    assert_eq!(sent[0].context.instructor.as_ref().map(|a| a.account.name.as_str()), Some("trainer-7"));
    let present = &sent[0].context.extensions[&format!("{}/extensions/present", boundaries_core::xapi::IRI)];
    assert_eq!(present, 14);
    let votes =
        &sent[1].result.as_ref().unwrap().extensions[&format!("{}/extensions/votes", boundaries_core::xapi::IRI)];
    assert_eq!(votes.as_object().map(|m| m.values().filter_map(serde_json::Value::as_u64).sum::<u64>()), Some(11));
}

#[test]
fn the_cohort_counts_plays_bands_ratings_and_splits_for_solo_and_groups_apart() {
    use boundaries_core::xapi::{Who, cohort, most_chosen_first};

    let scenario = load("base.scenario.ron", BASE).unwrap().scenario;
    let mut all = Vec::new();
    for (choices, player) in [(&["kind", "fine"][..], "a"), (&["risky", "fix"][..], "b"), (&["risky"][..], "c")] {
        let options = PlayOptions { seed: 9, in_order: true, player: Some(player.into()), group: None };
        let mut play = Playthrough::start(scenario.clone(), options).unwrap();
        for choice in choices {
            play.choose(choice, None).unwrap();
        }
        all.extend(statements(&play.record(&catalogues()), Some(&scenario), &catalogues(), &anonymous()));
    }
    let doubled: Vec<_> = all.iter().chain(all.iter()).cloned().collect();
    let parts = cohort(&doubled);
    let solo = &parts[&Who::Solo];
    assert_eq!((solo.started, solo.finished), (3, 2), "a statement read twice counts once");
    assert_eq!(solo.bands.values().sum::<usize>(), 2);
    let first = format!("{}/scenarios/base/one", boundaries_core::xapi::IRI);
    assert_eq!(most_chosen_first(&solo.decisions[&first]), [("risky", 2), ("kind", 1)]);
    let boundaries = &solo.principles["boundaries"];
    assert_eq!(boundaries.plays, 2);
    assert!(boundaries.lowest <= boundaries.mean && boundaries.mean <= boundaries.highest);
    assert!(!parts.contains_key(&Who::Groups));
}

#[test]
fn a_play_carried_on_says_it_was_suspended_and_resumed_with_the_ids_sent_before() {
    let scenario = load("base.scenario.ron", BASE).unwrap().scenario;
    let options = PlayOptions { seed: 4, in_order: true, player: None, group: None };
    let mut play = Playthrough::start(scenario.clone(), options).unwrap();
    play.choose("risky", None).unwrap();
    let left = play.record(&catalogues());
    let sent_then = statements(&left, Some(&scenario), &catalogues(), &anonymous());
    let mut carried_on = Playthrough::resume(scenario.clone(), &left).unwrap();
    carried_on.choose("fix", None).unwrap();
    let sent_now = statements(&carried_on.record(&catalogues()), Some(&scenario), &catalogues(), &anonymous());
    let verbs: Vec<&str> = sent_now.iter().map(|s| s.verb.id.rsplit('/').next().unwrap()).collect();
    assert_eq!(verbs, ["initialized", "answered", "answered", "suspended", "resumed", "completed"]);
    for earlier in &sent_then {
        assert!(sent_now.contains(earlier), "{} was sent then and is the same now", earlier.verb.id);
    }
}
