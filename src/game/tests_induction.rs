//! Headless tests of induction mode: a show of hands, a remote alone, the audience's
//! window closed or put full screen, and a session carried on as it was run.

use bevy::prelude::*;
use boundaries_core::play::RecordStore;
use boundaries_screens::{GroupAction, Screen, UiAction};

use super::tests::{act, app, screen};

#[test]
fn a_group_session_counts_hands_reveals_and_keeps_every_vote() {
    use crate::game::induction::{GroupAct, Induction};

    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    act(&mut app, &[UiAction::Open("base".into()), UiAction::StartGroup { two_windows: false }]);
    assert_eq!(screen(&app), Screen::Induction);
    let group = |app: &mut App, actions: &[GroupAction]| {
        for action in actions {
            app.world_mut().write_message(GroupAct(action.clone()));
            app.update();
        }
        app.update();
    };
    group(&mut app, &[GroupAction::Present(2), GroupAction::Forward]);
    group(
        &mut app,
        &[
            GroupAction::Number(0),
            GroupAction::Number(0),
            GroupAction::Number(1),
            GroupAction::Number(1),
            GroupAction::Undo,
        ],
    );
    group(&mut app, &[GroupAction::Forward]);
    let induction = app.world().resource::<Induction>();
    assert_eq!(induction.group.tally.counts(), [2, 1]);
    assert_eq!((induction.picked, induction.group.present()), (Some(0), 12));
    let first_choice = match induction.group.play.current() {
        boundaries_core::play::Current::Scene { offered, .. } => offered[0].id.clone(),
        boundaries_core::play::Current::Ending { .. } => unreachable!(),
    };
    group(&mut app, &[GroupAction::Forward]); // go with the majority
    group(&mut app, &[GroupAction::Leave]); // the trainer stops part-way
    assert_eq!(screen(&app), Screen::Records);
    let records = RecordStore::at(data.path().join("records")).list().unwrap();
    let record = records[0].1.as_ref().unwrap();
    assert_eq!((record.group, record.is_finished()), (Some(12), false));
    assert_eq!(record.decisions[0].chosen, first_choice);
    assert_eq!(record.decisions[0].votes.as_deref(), Some(&[2, 1][..]));

    // A session run on one screen is carried on on one screen.
    assert!(record.single_screen);
    act(&mut app, &[UiAction::Replay(records[0].0.clone()), UiAction::Resume]);
    assert_eq!(screen(&app), Screen::Induction);
    assert!(!app.world().resource::<Induction>().two_windows, "resumed as it was run");
}

#[test]
fn a_presentation_remote_alone_runs_a_session_to_its_ending() {
    use crate::game::induction::{GroupAct, Induction};

    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    act(&mut app, &[UiAction::Open("base".into()), UiAction::StartGroup { two_windows: false }]);
    for _ in 0..20 {
        if app.world().get_resource::<Induction>().is_none_or(|i| i.finished) {
            break;
        }
        app.world_mut().write_message(GroupAct(GroupAction::Forward)); // Page Down
        app.update();
    }
    assert!(app.world().resource::<Induction>().finished, "Page Down alone reaches the ending");
    // A clicker's double press at the end loses nothing: the room's summary stays up.
    for _ in 0..3 {
        app.world_mut().write_message(GroupAct(GroupAction::Forward));
        app.update();
    }
    app.update();
    assert_eq!(screen(&app), Screen::Induction, "Page Down does not end a session");
    app.world_mut().write_message(GroupAct(GroupAction::Leave)); // the presenter's Finish button
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Records);
    let records = RecordStore::at(data.path().join("records")).list().unwrap();
    let record = records[0].1.as_ref().unwrap();
    assert!(record.is_finished() && record.group.is_some());
}

#[test]
fn closing_the_audience_window_carries_the_session_on_in_one_window() {
    use crate::game::induction::{Audience, Induction};

    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    act(&mut app, &[UiAction::Open("base".into()), UiAction::StartGroup { two_windows: true }]);
    assert!(app.world().resource::<Induction>().two_windows);
    let window =
        app.world_mut().query_filtered::<Entity, (With<Window>, With<Audience>)>().single(app.world()).unwrap();
    app.world_mut().despawn(window); // as when the trainer closes it
    app.update();
    assert!(!app.world().resource::<Induction>().two_windows);
    let cameras = app.world_mut().query_filtered::<Entity, (With<Camera>, With<Audience>)>().iter(app.world()).count();
    assert_eq!(cameras, 0);
    act(&mut app, &[UiAction::Go(Screen::Records)]);
    assert!(app.world().get_resource::<Induction>().is_none(), "leaving ends the session");
}

#[test]
fn the_trainer_puts_the_audience_full_screen_and_back() {
    use bevy::window::{MonitorSelection, WindowMode};

    use crate::game::induction::{Audience, GroupAct};

    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    act(&mut app, &[UiAction::Open("base".into()), UiAction::StartGroup { two_windows: true }]);
    let mode =
        |app: &mut App| app.world_mut().query_filtered::<&Window, With<Audience>>().single(app.world()).unwrap().mode;
    assert_eq!(mode(&mut app), WindowMode::Windowed);
    app.world_mut().write_message(GroupAct(GroupAction::Fullscreen));
    app.update();
    assert_eq!(mode(&mut app), WindowMode::BorderlessFullscreen(MonitorSelection::Current));
    app.world_mut().write_message(GroupAct(GroupAction::Fullscreen));
    app.update();
    assert_eq!(mode(&mut app), WindowMode::Windowed);
}

/// When the room's page is shown in parts, the remote's Page Down turns the parts
/// before it moves the session on, Page Up turns them back, and the next page starts
/// at its first part.
#[test]
fn a_remote_turns_the_parts_of_a_long_page_before_moving_on() {
    use crate::game::induction::{GroupAct, Induction};
    use boundaries_core::play::group::Stage;

    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    act(&mut app, &[UiAction::Open("base".into()), UiAction::StartGroup { two_windows: false }]);
    let press = |app: &mut App, action: GroupAction| {
        app.world_mut().write_message(GroupAct(action));
        app.update();
        let session = app.world().resource::<Induction>();
        (session.group.stage, session.part)
    };
    // As the audience's screen would report a page too long to fit.
    app.world_mut().resource_mut::<Induction>().parts = 3;
    assert_eq!(press(&mut app, GroupAction::Forward), (Stage::Discussing, 1));
    assert_eq!(press(&mut app, GroupAction::Forward), (Stage::Discussing, 2));
    assert_eq!(press(&mut app, GroupAction::Back), (Stage::Discussing, 1));
    assert_eq!(press(&mut app, GroupAction::Forward), (Stage::Discussing, 2));
    assert_eq!(press(&mut app, GroupAction::Forward), (Stage::Voting, 0), "the last part moves the session on");
    assert_eq!(app.world().resource::<Induction>().parts, 1, "the new page is measured afresh");
}

/// A whole decision voted from phones over loopback: the trainer turns phones on, the
/// room's phones vote (one changes its mind), the presenter sees how many voted, the
/// reveal takes the phones' counts, and the record keeps them with the number of
/// phones. Turning phones off stops the server.
#[test]
fn the_room_votes_from_their_phones() {
    use crate::game::induction::{GroupAct, Induction};
    use crate::game::phones::PhoneOptions;
    use boundaries_core::play::group::Stage;

    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    app.insert_resource(PhoneOptions { address: Some("127.0.0.1".parse().unwrap()), at_start: false });
    act(&mut app, &[UiAction::Open("base".into()), UiAction::StartGroup { two_windows: false }]);
    let press = |app: &mut App, action: GroupAction| {
        app.world_mut().write_message(GroupAct(action));
        app.update();
    };
    press(&mut app, GroupAction::Phones);
    press(&mut app, GroupAction::Forward); // the vote opens
    let phones = app.world().resource::<Induction>().phones.as_ref().map(|p| p.view()).expect("phones are on");
    assert!(phones.url.starts_with("http://127.0.0.1:"), "{}", phones.url);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(10)))
        .build()
        .into();
    for choice in [0, 1, 1, 0] {
        let page = agent.get(&phones.url).call().unwrap();
        let cookie = page.headers().get("set-cookie").unwrap().to_str().unwrap().split(';').next().unwrap().to_owned();
        let vote = |choice: usize| {
            agent
                .post(format!("{}vote", phones.url))
                .header("Cookie", &cookie)
                .content_type("application/x-www-form-urlencoded")
                .send(format!("decision=1&choice={choice}"))
                .unwrap()
                .status()
                .as_u16()
        };
        assert_eq!(vote(choice), 303);
        if choice == 0 {
            assert_eq!(vote(1), 303, "a phone changes its mind");
            assert_eq!(vote(0), 303, "and back");
        }
    }
    app.update();
    let seen = app.world().resource::<Induction>().phones.as_ref().map(|p| p.view()).unwrap();
    assert_eq!((seen.joined, seen.voted), (4, 4));
    press(&mut app, GroupAction::Number(0)); // a hand counted by key is ignored with phones
    press(&mut app, GroupAction::Forward); // the reveal
    let session = app.world().resource::<Induction>();
    assert_eq!((session.group.stage, session.group.tally.counts()), (Stage::Revealed, &[2, 2][..]));
    let (url, id) = (seen.url.clone(), "kind");
    press(&mut app, GroupAction::Choose(id.into()));
    let record = app
        .world()
        .resource::<Induction>()
        .group
        .play
        .record(&app.world().resource::<crate::game::Shared>().catalogues);
    assert_eq!((record.decisions[0].votes.as_deref(), record.decisions[0].phones), (Some(&[2, 2][..]), Some(4)));
    press(&mut app, GroupAction::Phones); // back to hands
    assert!(app.world().resource::<Induction>().phones.is_none());
    let address = url.trim_start_matches("http://").split('/').next().unwrap().parse().unwrap();
    let refused = std::net::TcpStream::connect_timeout(&address, std::time::Duration::from_secs(2)).is_err();
    assert!(refused, "the server stopped with phone voting");
}
