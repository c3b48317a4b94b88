//! Group sessions without a window: the show of hands, undo, the reveal, the
//! majority and ties, the record of every vote, and resuming a stopped session.

mod common;

use std::sync::Arc;

use boundaries_core::play::group::{GroupPlay, Stage, Tally};
use boundaries_core::play::{Current, PlayError, PlayOptions, Playthrough};
use boundaries_core::scenario::Scenario;
use common::*;

fn base() -> Arc<Scenario> {
    load("base.scenario.ron", BASE).unwrap().scenario
}

fn offered(play: &Playthrough) -> Vec<String> {
    match play.current() {
        Current::Scene { offered, .. } => offered.iter().map(|c| c.id.clone()).collect(),
        Current::Ending { .. } => Vec::new(),
    }
}

#[test]
fn hands_are_counted_and_undone() {
    let mut tally = Tally::new(3);
    for choice in [0, 1, 1, 2, 1, 7] {
        tally.add(choice); // 7 is not a choice and is ignored
    }
    assert_eq!(tally.counts(), [1, 3, 1]);
    assert!(tally.undo());
    assert_eq!(tally.counts(), [1, 2, 1]);
    tally.set(&[3, 5]);
    assert_eq!((tally.counts(), tally.total()), (&[3, 5, 0][..], 8));
    assert!(tally.undo());
    assert_eq!(tally.counts(), [3, 4, 0], "undo after entering counts takes back one hand");
    let mut empty = Tally::new(2);
    assert!(!empty.undo());
}

#[test]
fn the_majority_is_suggested_and_a_tie_is_left_to_the_trainer() {
    let mut tally = Tally::new(3);
    assert_eq!(tally.majority(), None, "no votes yet");
    tally.set(&[2, 5, 1]);
    assert_eq!(tally.majority(), Some(1));
    tally.set(&[4, 4, 1]);
    assert_eq!(tally.majority(), None, "a tie");
}

#[test]
fn the_rhythm_of_a_decision_forward_and_back() {
    let mut group = GroupPlay::start(base(), 3, 10).unwrap();
    assert_eq!((group.stage, group.present()), (Stage::Discussing, 10));
    group.forward();
    assert_eq!(group.stage, Stage::Voting);
    group.tally.set(&[7, 3]);
    group.forward();
    assert_eq!(group.stage, Stage::Revealed);
    group.back();
    assert_eq!((group.stage, group.tally.counts()), (Stage::Voting, &[7, 3][..]), "votes survive stepping back");
    group.forward();
    assert_eq!(group.tally.majority(), Some(0));
    let most_voted = offered(&group.play)[0].clone();
    group.choose(&most_voted).unwrap();
    assert_eq!((group.stage, group.tally.total()), (Stage::Discussing, 0), "the next decision starts afresh");
}

#[test]
fn the_group_record_keeps_every_vote_and_the_number_present() {
    let mut group = GroupPlay::start(base(), 5, 12).unwrap();
    let first = offered(&group.play);
    let kind = first.iter().position(|c| c == "kind").unwrap();
    let mut counts = vec![0; first.len()];
    counts[kind] = 8;
    counts[1 - kind] = 4;
    group.tally.set(&counts);
    group.choose("kind").unwrap();
    group.tally.set(&[6, 6]);
    assert_eq!(group.tally.majority(), None, "a tie: the trainer picks");
    group.choose("fine").unwrap();
    let record = group.play.record(&catalogues());
    assert_eq!(record.group, Some(12));
    assert_eq!(record.who().as_deref(), Some("group of 12"));
    assert_eq!(record.decisions[0].votes.as_deref(), Some(&counts[..]));
    assert_eq!(record.decisions[1].votes.as_deref(), Some(&[6, 6][..]));
    assert_eq!(record.ending.as_deref(), Some("good"));
    let again = boundaries_core::play::Record::from_ron(&record.to_ron()).unwrap();
    assert_eq!(again, record, "votes survive a save");
}

#[test]
fn a_stopped_session_resumes_where_it_stopped() {
    let mut group = GroupPlay::start(base(), 9, 6).unwrap();
    group.tally.set(&[2, 4]);
    group.choose("risky").unwrap();
    let stopped = group.play.record(&catalogues());
    assert!(!stopped.is_finished());

    let resumed = GroupPlay::resume(base(), &stopped).unwrap();
    assert_eq!(resumed.play.decisions(), stopped.decisions.as_slice());
    assert_eq!((resumed.present(), resumed.stage), (6, Stage::Discussing));
    assert_eq!(offered(&resumed.play), offered(&group.play), "the same choices, in the same order");
    assert_eq!(resumed.play.record(&catalogues()).started, stopped.started);

    let changed = load("base.scenario.ron", &base_with("(id: \"risky\"", "(id: \"reckless\"")).unwrap().scenario;
    assert!(matches!(GroupPlay::resume(changed, &stopped), Err(PlayError::Diverged(node)) if node == "one"));
}

#[test]
fn a_solo_play_resumes_too() {
    let mut play = Playthrough::start(base(), PlayOptions { seed: 4, ..PlayOptions::default() }).unwrap();
    play.choose("kind", Some(2)).unwrap();
    let record = play.record(&catalogues());
    let mut resumed = Playthrough::resume(base(), &record).unwrap();
    assert_eq!(resumed.decisions(), record.decisions.as_slice());
    resumed.choose("fine", None).unwrap();
    assert!(resumed.is_finished());
}

#[test]
fn a_group_replay_and_report_show_the_votes_and_the_room() {
    use boundaries_core::play::Replay;
    use boundaries_core::report::{Format, render};

    let s = base();
    let mut group = GroupPlay::start(s.clone(), 5, 12).unwrap();
    let kind = offered(&group.play).iter().position(|c| c == "kind").unwrap();
    let mut counts = vec![4; 2];
    counts[kind] = 8;
    group.tally.set(&counts);
    group.choose("kind").unwrap();
    group.tally.set(&[6, 6]);
    group.choose("fine").unwrap();
    let replay = Replay::new(group.play.record(&catalogues()), Some(&s));
    let kind_option = replay.steps[0].options.iter().find(|o| o.id == "kind").unwrap();
    assert_eq!(kind_option.votes, Some(8));
    let markdown = render(&replay, &catalogues(), Format::Markdown, &jiff::tz::TimeZone::UTC).unwrap();
    assert!(markdown.contains("**Player:** group of 12"), "{markdown}");
    assert!(markdown.contains("**You chose:** Kind (8 votes)"), "{markdown}");
    assert!(markdown.contains("(4 votes)"), "{markdown}");
}

/// A decision voted on by phones keeps the phones' counts and how many phones voted,
/// and nothing else about them; a resumed session keeps both.
#[test]
fn phone_votes_are_recorded_as_counts_and_a_number_of_phones() {
    use boundaries_core::play::ballot::Ballot;

    let mut group = GroupPlay::start(base(), 7, 12).unwrap();
    let ids = offered(&group.play);
    let mut ballot = Ballot::new();
    ballot.open(1, ids.len());
    for (phone, choice) in [("p1", 0), ("p2", 1), ("p3", 1), ("p1", 1)] {
        ballot.vote(phone, 1, choice).unwrap();
    }
    ballot.close();
    group.forward();
    group.tally.set(&ballot.counts());
    group.phones = Some(ballot.voted() as u32);
    group.forward();
    group.choose(&ids[1]).unwrap();
    let record = group.play.record(&catalogues());
    let decision = &record.decisions[0];
    assert_eq!((decision.votes.as_deref(), decision.phones), (Some(&[0, 3][..]), Some(3)));
    let text = record.to_ron();
    assert!(!text.contains("p1") && !text.contains("p2"), "no phone's token reaches the record");
    let resumed = GroupPlay::resume(base(), &record).unwrap();
    assert_eq!(resumed.play.record(&catalogues()).decisions[0].phones, Some(3));
    assert_eq!(group.phones, None, "the next decision starts with no phones counted");
}
