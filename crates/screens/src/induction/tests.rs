//! The two faces tested: what each shows at each stage, and what never reaches the room.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::*;

fn view(stage: Stage) -> View {
    let choice = |text: &str, votes| ChoiceView {
        text: text.into(),
        votes,
        changes: vec![("Safeguarding".into(), 2, egui::Color32::RED)],
        feedback: Some(format!("Feedback on {text}.")),
        red_flag: None,
        recommended: votes == 7,
    };
    View {
        title: "A gift at the door".into(),
        setting: "Home care visit".into(),
        decision: 1,
        stage,
        scene: Some(SceneView {
            speaker: None,
            text: "An envelope.".into(),
            prompt: "What do you do?".into(),
            choices: vec![choice("Decline warmly", 7), choice("Take it", 3)],
            facilitator: Some("SECRET TRAINER NOTE".into()),
            discuss: vec!["Why keep it from the office?".into()],
        }),
        picked: Some(0),
        tie: false,
        present: 10,
        timer_left: None,
        blank: false,
        fullscreen: false,
        finished: None,
        save_error: None,
        part: 0,
        parts: 1,
        phones: None,
        phone_note: None,
    }
}

#[test]
fn the_audience_never_sees_trainer_notes_or_questions() {
    for stage in [Stage::Discussing, Stage::Voting, Stage::Revealed] {
        let view = view(stage);
        let harness = Harness::new_ui(|ui| audience(ui, &view));
        assert!(harness.query_by_label_contains("SECRET TRAINER NOTE").is_none(), "{stage:?}");
        assert!(harness.query_by_label_contains("Why keep it from the office?").is_none(), "{stage:?}");
    }
}

#[test]
fn scores_stay_hidden_until_the_reveal() {
    let voting = view(Stage::Voting);
    let harness = Harness::new_ui(|ui| audience(ui, &voting));
    harness.get_by_label("A  Decline warmly");
    assert!(harness.query_by_label_contains("Safeguarding").is_none());
    let revealed = view(Stage::Revealed);
    let harness = Harness::new_ui(|ui| audience(ui, &revealed));
    harness.get_by_label("7 votes");
    harness.get_by_label("A  Decline warmly");
    harness.get_all_by_label("+2 Safeguarding").next().expect("scores after the reveal");
    harness.get_by_label("Feedback on Decline warmly.");
}

/// With every shipped scenario's real notes, at every stage of every decision:
/// the audience's accessibility tree never has them, and the presenter's does.
#[test]
fn no_shipped_facilitator_note_reaches_the_audience() {
    use boundaries_core::scenario::shipped::SHIPPED;

    let catalogues = Catalogues::shipped().unwrap();
    for (name, text) in SHIPPED {
        let scenario = boundaries_core::library::load_bytes(name, text.as_bytes(), &catalogues).unwrap().scenario;
        let mut group = GroupPlay::start(scenario.clone(), 1, 10).unwrap();
        while let Current::Scene { scene, offered, .. } = group.play.current() {
            let note = scene.facilitator.clone().expect("every shipped scene has notes");
            assert!(!note.trim().is_empty());
            let first = offered[0].id.clone();
            for stage in 0..3 {
                let room = Room {
                    group: &group,
                    picked: None,
                    timer_left: None,
                    blank: false,
                    fullscreen: false,
                    finished: false,
                    save_error: None,
                    part: 0,
                    parts: 1,
                    phones: None,
                    phone_note: None,
                };
                let view = View::of(room, &catalogues);
                let harness = Harness::new_ui(|ui| audience(ui, &view));
                assert!(harness.query_by_label_contains(&note).is_none(), "{name}: a note reached the audience");
                let presenter = Harness::new_ui(|ui| {
                    let _ = presenter(ui, &view);
                });
                assert!(presenter.query_by_label(&note).is_some(), "{name}: the presenter lacks the note");
                if stage < 2 {
                    group.forward();
                }
            }
            group.choose(&first).unwrap();
        }
    }
}

#[test]
fn the_presenter_has_the_notes_and_the_vote_controls() {
    let view = view(Stage::Voting);
    let mut harness = Harness::new_ui_state(
        |ui, action: &mut Option<GroupAction>| *action = presenter(ui, &view).or(action.take()),
        None,
    );
    harness.get_by_label("SECRET TRAINER NOTE");
    harness.get_by_label("• Why keep it from the office?");
    harness.get_by_label("B (2)  3 votes").click();
    harness.run();
    assert_eq!(harness.state(), &Some(GroupAction::Number(1)));
    harness.get_by_label("Audience full screen (F11)").click();
    harness.run();
    assert_eq!(harness.state(), &Some(GroupAction::Fullscreen));
}

/// More hands than people present is said, not silently accepted.
#[test]
fn the_presenter_says_when_more_hands_are_counted_than_people_present() {
    let mut view = view(Stage::Voting);
    let harness = Harness::new_ui(|ui| {
        let _ = presenter(ui, &view);
    });
    assert!(harness.query_by_label_contains("hands counted with").is_none(), "10 hands from 10 people is fine");
    drop(harness);
    view.present = 8;
    let harness = Harness::new_ui(|ui| {
        let _ = presenter(ui, &view);
    });
    harness.get_by_label("10 hands counted with 8 people present: count again, or change who is present.");
}

/// On one screen the trainer's notes are drawn only while the trainer has the panel
/// open, and then under a marker saying the room can see them.
#[test]
fn one_screen_shows_the_notes_only_in_the_marked_panel_the_trainer_opened() {
    for open in [false, true] {
        let view = view(Stage::Voting);
        let harness = Harness::builder().with_size([1280.0, 720.0]).build_ui(|ui| {
            let _ = super::one_screen(ui.ctx(), &view, open);
        });
        assert_eq!(harness.query_by_label("SECRET TRAINER NOTE").is_some(), open, "panel open: {open}");
        assert_eq!(harness.query_by_label(super::PANEL_MARKER).is_some(), open, "panel open: {open}");
        harness.get_by_label("A  Decline warmly");
    }
}

/// At the reveal, a long teaching point is shown whole on a 1280×720 projector and a
/// 1024×600 one: the room's text shrinks to fit rather than running off the screen.
#[test]
fn the_reveal_fits_the_projector() {
    let long = "Accepting money, even kindly meant, changes what the relationship is. ".repeat(4);
    for (width, height) in [(1280.0, 720.0), (1024.0, 600.0)] {
        let mut view = view(Stage::Revealed);
        if let Some(scene) = &mut view.scene {
            for choice in &mut scene.choices {
                choice.feedback = Some(format!("{long}That is the point to take away."));
                choice.text = "Take the envelope, thank her warmly, and say nothing to the office about it.".into();
            }
        }
        let settings = boundaries_core::settings::Settings::default();
        let mut harness = Harness::builder().with_size([width, height]).build_ui_state(
            |ui, parts: &mut usize| *parts = super::audience_window(ui.ctx(), &view, &settings, height),
            0,
        );
        harness.run_steps(30);
        assert_eq!(*harness.state(), 1, "{width}x{height}: the reveal does not fit the window");
    }
}

/// A teaching point too long for the projector even at the smallest readable size is
/// shown in parts the trainer turns, each saying which it is, the last reaching the
/// end; the type never goes below the floor.
#[test]
fn a_page_too_long_for_the_projector_is_shown_in_parts() {
    let long: String = (1..=60).map(|n| format!("Sentence {n} of the teaching point. ")).collect();
    let mut view = view(Stage::Revealed);
    if let Some(choice) = view.scene.as_mut().and_then(|s| s.choices.first_mut()) {
        choice.feedback = Some(format!("{long}THE LAST WORD."));
    }
    fn run(view: &View) -> (usize, Harness<'_, usize>) {
        let settings = boundaries_core::settings::Settings::default();
        let mut harness = Harness::builder().with_size([1024.0, 600.0]).build_ui_state(
            move |ui, parts: &mut usize| *parts = super::audience_window(ui.ctx(), view, &settings, 600.0),
            0,
        );
        harness.run_steps(40);
        (*harness.state(), harness)
    }
    let (parts, harness) = run(&view);
    assert!(parts >= 2, "a long page was not split: {parts} part(s)");
    harness.get_by_label(&format!("Part 1 of {parts}: more follows"));
    let window = harness.ctx.content_rect();
    assert!(harness.get_by_label_contains("Sentence 1 of").rect().top() >= window.top());
    drop(harness);
    view.part = parts - 1;
    let (again, harness) = run(&view);
    assert_eq!(again, parts, "the number of parts changed with the part shown");
    harness.get_by_label(&format!("Part {parts} of {parts}: the last part"));
    // The last part reaches the end of the text: its bottom is inside the window.
    let feedback = harness.get_by_label_contains("THE LAST WORD.");
    let (bottom, window) = (feedback.rect().bottom(), harness.ctx.content_rect().bottom());
    assert!(bottom <= window, "the end of the text, at {bottom}, is below the window's {window}");
}

#[test]
fn next_and_back_turn_parts_before_moving_the_session() {
    assert_eq!(turn_part(0, 1, true), None);
    assert_eq!(turn_part(0, 3, true), Some(1));
    assert_eq!(turn_part(2, 3, true), None);
    assert_eq!(turn_part(2, 3, false), Some(1));
    assert_eq!(turn_part(0, 3, false), None);
    assert_eq!(turn_part(0, 1, false), None);
}

/// Every page the room can see, in every scene of every shipped scenario (each stage,
/// and the reveal with each choice the group might go with), fits a 1280×720 and a
/// 1024×600 projector on one page at a readable size: none needs its parts turned.
#[test]
fn every_shipped_page_fits_the_projector() {
    use boundaries_core::scenario::shipped::SHIPPED;

    fn room(group: &GroupPlay, picked: Option<usize>) -> Room<'_> {
        Room {
            group,
            picked,
            timer_left: Some(90),
            blank: false,
            fullscreen: false,
            finished: false,
            save_error: None,
            part: 0,
            parts: 1,
            phones: None,
            phone_note: None,
        }
    }
    let catalogues = Catalogues::shipped().unwrap();
    let settings = boundaries_core::settings::Settings::default();
    let mut pages = Vec::new();
    for (name, text) in SHIPPED {
        let scenario = boundaries_core::library::load_bytes(name, text.as_bytes(), &catalogues).unwrap().scenario;
        let mut seen = std::collections::HashSet::new();
        let mut next = vec![GroupPlay::start(scenario, 1, 10).unwrap()];
        while let Some(mut group) = next.pop() {
            let Current::Scene { id: node, offered, .. } = group.play.current() else { continue };
            let ids: Vec<String> = offered.iter().map(|c| c.id.clone()).collect();
            let node = node.to_owned();
            if !seen.insert(node.clone()) {
                continue;
            }
            for id in &ids {
                let mut after = group.clone();
                after.play.choose(id, None).unwrap();
                next.push(after);
            }
            pages.push((format!("{name} {node} discussing"), View::of(room(&group, None), &catalogues)));
            group.forward();
            pages.push((format!("{name} {node} voting"), View::of(room(&group, None), &catalogues)));
            group.forward();
            for (i, id) in ids.iter().enumerate() {
                pages.push((
                    format!("{name} {node} revealed, going with {id}"),
                    View::of(room(&group, Some(i)), &catalogues),
                ));
            }
        }
    }
    assert!(pages.len() > 300, "only {} pages", pages.len());
    for (width, height) in [(1280.0, 720.0), (1024.0, 600.0)] {
        let mut harness = Harness::builder().with_size([width, height]).build_ui_state(
            |ui, (view, parts): &mut (usize, usize)| {
                *parts = super::audience_window(ui.ctx(), &pages[*view].1, &settings, height)
            },
            (0, 0),
        );
        for (page, (what, _)) in pages.iter().enumerate() {
            harness.state_mut().0 = page;
            harness.run_steps(25);
            assert_eq!(harness.state().1, 1, "{width}x{height}: {what} does not fit on one page");
        }
    }
}

fn with_phones(stage: Stage) -> View {
    let mut view = view(stage);
    view.phones = Some(PhonesView {
        url: "http://127.0.0.1:8787/secretsecret/".into(),
        typed: "http://127.0.0.1:8787/ACDEFG".into(),
        code: "ACDEFG".into(),
        interface: "wlan0".into(),
        addresses: 2,
        qr_width: 21,
        qr_dark: (0..21 * 21).map(|i| i % 3 == 0).collect(),
        joined: 9,
        voted: 6,
    });
    view
}

/// With phones, the room sees the code to scan and the address to type while the vote
/// is open, and how many votes are in, but never the split before the reveal; the
/// trainer sees how many phones joined and voted, and no counts on the choices.
#[test]
fn phones_show_the_room_how_to_join_and_the_trainer_only_how_many_voted() {
    let view = with_phones(Stage::Voting);
    let audience = Harness::new_ui(|ui| audience(ui, &view));
    audience.get_by_label("QR code for http://127.0.0.1:8787/secretsecret/");
    audience.get_by_label("http://127.0.0.1:8787/ACDEFG");
    audience.get_by_label("Room code ACDEFG");
    audience.get_by_label("6 votes in");
    assert!(
        audience.query_by_label_contains("7 votes").is_none()
            && audience.query_by_label("SECRET TRAINER NOTE").is_none()
    );
    let mut presenter = Harness::new_ui_state(
        |ui, action: &mut Option<GroupAction>| *action = presenter(ui, &view).or(action.take()),
        None,
    );
    presenter.get_by_label_contains("Phones: 9 joined, 6 voted.");
    presenter.get_by_label("A (1)");
    assert!(presenter.query_by_label_contains("7 votes").is_none(), "the split stays hidden until the reveal");
    presenter.get_by_label("Try the next address").click();
    presenter.run();
    assert_eq!(presenter.state(), &Some(GroupAction::NextAddress));
    presenter.get_by_label("Back to a show of hands").click();
    presenter.run();
    assert_eq!(presenter.state(), &Some(GroupAction::Phones));
}

#[test]
fn without_a_network_the_presenter_says_why_hands_are_counted() {
    let mut view = view(Stage::Voting);
    view.phone_note = Some("No local network was found, so the room counts hands.".into());
    let mut presenter = Harness::new_ui_state(
        |ui, action: &mut Option<GroupAction>| *action = presenter(ui, &view).or(action.take()),
        None,
    );
    presenter.get_by_label("No local network was found, so the room counts hands.");
    presenter.get_by_label("Vote by phone (P)").click();
    presenter.run();
    assert_eq!(presenter.state(), &Some(GroupAction::Phones));
}
