//! The view builders, from the core's real data: a shipped scenario played through
//! the core, its record, and the library's analysis. Each checks what a builder
//! decides (what is shown, in what words, marked how), not how a body draws it.

use std::path::PathBuf;
use std::sync::Arc;

use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::Library;
use boundaries_core::play::{Current, Phase, PlayOptions, Playthrough};
use boundaries_core::scenario::Scenario;
use boundaries_core::settings::FeedbackTiming;

use crate::nav::RecordFilter;
use crate::{briefing, play, progress, records, result};

fn gift() -> (Catalogues, Arc<Scenario>, Vec<(String, String)>) {
    let catalogues = Catalogues::shipped().unwrap();
    let library = Library::shipped(&catalogues);
    let loaded = library.get("gift-at-the-door").unwrap();
    (catalogues.clone(), loaded.scenario.clone(), loaded.analysis.recommended.clone())
}

fn played(scenario: &Arc<Scenario>, player: &str) -> Playthrough {
    let options = PlayOptions { seed: 1, in_order: true, player: Some(player.into()), group: None };
    let mut play = Playthrough::start(scenario.clone(), options).unwrap();
    while let Current::Scene { offered, .. } = play.current() {
        let first = offered[0].id.clone();
        play.choose(&first, None).unwrap();
    }
    play
}

#[test]
fn the_play_view_follows_the_phase_of_the_decision() {
    let (catalogues, scenario, _) = gift();
    let play = Playthrough::start(scenario.clone(), PlayOptions { seed: 1, in_order: true, player: None, group: None })
        .unwrap();
    let choosing = play::View::of(&play, &Phase::Choosing, &catalogues, None).unwrap();
    let play::Stage::Choosing { choices, .. } = &choosing.stage else { panic!("a scene with its choices") };
    assert_eq!(choices.len(), scenario.scenes().next().unwrap().1.choices.len());
    let first = choices[0].0.clone();
    let asked = play::View::of(&play, &Phase::Confidence { choice: first }, &catalogues, Some("not kept".into()));
    let asked = asked.unwrap();
    assert!(matches!(asked.stage, play::Stage::Confidence { .. }));
    assert_eq!(asked.save_error.as_deref(), Some("not kept"));

    let finished = played(&scenario, "Sam");
    let ending = play::View::of(&finished, &Phase::Choosing, &catalogues, None).unwrap();
    assert!(matches!(ending.stage, play::Stage::Ending { .. }));
    let feedback = play::View::of(&finished, &Phase::Feedback, &catalogues, None).unwrap();
    let play::Stage::Feedback { changes, .. } = feedback.stage else { panic!("the last choice's feedback") };
    assert!(changes.iter().all(|(name, _, _)| catalogues.principles.iter().any(|p| &p.name == name)));
}

#[test]
fn the_result_view_shows_the_path_beside_the_recommended_one() {
    let (catalogues, scenario, recommended) = gift();
    let play = played(&scenario, "Sam");
    let before = result::View::of(
        &Playthrough::start(scenario.clone(), PlayOptions::default()).unwrap(),
        FeedbackTiming::AtTheEnd,
        &recommended,
        &catalogues,
    );
    assert!(before.is_none(), "no result before the ending");
    let view = result::View::of(&play, FeedbackTiming::AtTheEnd, &recommended, &catalogues).unwrap();
    assert_eq!(view.taken.len(), play.decisions().len());
    assert_eq!(view.recommended.len(), recommended.len());
    assert!(view.show_steps && view.steps.len() == play.decisions().len());
    let hidden = result::View::of(&play, FeedbackTiming::AfterEachChoice, &recommended, &catalogues).unwrap();
    assert!(!hidden.show_steps, "feedback already seen is not repeated");
}

#[test]
fn records_are_filtered_and_marked_when_their_scenario_is_gone() {
    let (catalogues, scenario, _) = gift();
    let sam = played(&scenario, "Sam").record(&catalogues);
    let alex = played(&scenario, "Alex").record(&catalogues);
    let list = vec![
        (PathBuf::from("a.record.ron"), Ok(sam.clone())),
        (PathBuf::from("b.record.ron"), Ok(alex)),
        (PathBuf::from("c.record.ron"), Err("it is a FIFO (named pipe), not a regular file".to_owned())),
    ];
    let filter = RecordFilter { scenario: None, player: "sam".into() };
    let view = records::View::of(&list, &filter, |id| (id == scenario.id).then_some(&*scenario));
    assert_eq!(view.rows.len(), 2, "Sam's play and the unreadable file, never hidden");
    assert!(matches!(&view.rows[0], records::Row::Play { player, changed: false, .. } if player == "Sam"));
    assert!(matches!(&view.rows[1], records::Row::Unreadable { file, .. } if file == "c.record.ron"));
    let gone = records::View::of(&list, &RecordFilter::default(), |_| None);
    assert!(gone.rows.iter().all(|r| !matches!(r, records::Row::Play { changed: false, .. })));

    let alex = played(&scenario, "Alex").record(&catalogues);
    let progress = progress::View::of(&[sam.clone(), alex.clone()], Some("Sam".into()), false, &catalogues);
    assert_eq!((progress.plays, progress.player.as_deref()), (1, Some("Sam")));
    assert!(!progress.trends.is_empty());
    let everyone = progress::View::of(&[sam, alex], Some("Sam".into()), true, &catalogues);
    assert_eq!((everyone.plays, everyone.player), (2, None), "0 finished plays by Sam no more, when two exist");
}

#[test]
fn the_briefing_names_the_cast_and_the_content_note() {
    let (_, scenario, _) = gift();
    let view = briefing::View::of(&scenario);
    assert_eq!(view.cast.len(), scenario.cast.len());
    assert_eq!(view.content_note, scenario.content_note);
}
