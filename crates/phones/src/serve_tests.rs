//! The routes without a socket: the secret, the code, tokens, limits, votes and the
//! page's escaping.

use boundaries_core::play::ballot::Ballot;

use super::*;
use crate::{Room, Stage};

fn room(stage: Stage) -> Room {
    Room {
        title: "A gift <b>at</b> the door".into(),
        decision: 1,
        prompt: "What do you do?".into(),
        choices: vec!["Take it".into(), "Decline <script>alert(1)</script>".into()],
        stage,
    }
}

fn shared(stage: Stage) -> Shared {
    let mut ballot = Ballot::new();
    if stage == Stage::Voting {
        ballot.open(1, 2);
    }
    Shared { room: room(stage), ballot, limits: Limits::default() }
}

fn keys() -> Keys {
    Keys { secret: "s".repeat(32), code: "ACDEFG".into() }
}

fn get<'a>(path: &'a str, cookie: Option<&'a str>) -> Asked<'a> {
    Asked { post: false, path, cookie, from: None, body: Some(b"") }
}

fn post<'a>(path: &'a str, cookie: Option<&'a str>, body: Option<&'a [u8]>) -> Asked<'a> {
    Asked { post: true, path, cookie, from: None, body }
}

/// Opens the page as a new phone; returns its cookie header.
fn join(shared: &mut Shared) -> String {
    let answer = route(&get(&format!("/{}/", "s".repeat(32)), None), shared, &keys());
    assert_eq!(answer.status, 200);
    format!("{COOKIE}={}", answer.set_token.expect("a new phone gets a token"))
}

#[test]
fn anything_without_the_secret_is_not_found_with_no_hint() {
    let mut shared = shared(Stage::Voting);
    for path in ["/", "/x", "/favicon.ico", &format!("/{}/", "t".repeat(32)), "/ACDEFG/vote", "/../etc/passwd"] {
        let answer = route(&get(path, None), &mut shared, &keys());
        assert_eq!((answer.status, answer.body.as_str()), (404, "Not found"), "{path}");
    }
    assert_eq!(shared.ballot.joined(), 0);
}

#[test]
fn the_room_code_typed_in_any_case_leads_to_the_page() {
    let mut shared = shared(Stage::Voting);
    for path in ["/ACDEFG", "/acdefg"] {
        let answer = route(&get(path, None), &mut shared, &keys());
        assert_eq!((answer.status, answer.location.as_deref()), (303, Some(&*format!("/{}/", "s".repeat(32)))));
    }
}

#[test]
fn a_phone_votes_changes_its_vote_and_is_counted_once() {
    let mut shared = shared(Stage::Voting);
    let cookie = join(&mut shared);
    let vote = format!("/{}/vote", "s".repeat(32));
    let answer = route(&post(&vote, Some(&cookie), Some(b"decision=1&choice=0")), &mut shared, &keys());
    assert_eq!((answer.status, answer.changed), (303, true));
    route(&post(&vote, Some(&cookie), Some(b"decision=1&choice=1")), &mut shared, &keys());
    assert_eq!(shared.ballot.counts(), vec![0, 1]);
    let page = route(&get(&format!("/{}/", "s".repeat(32)), Some(&cookie)), &mut shared, &keys());
    assert!(page.body.contains("You voted B.") && page.body.contains("value=\"1\" required checked"), "{}", page.body);
    assert_eq!(page.set_token, None, "a known phone keeps its token");
}

#[test]
fn bad_votes_are_refused_with_the_right_status_and_counted_nowhere() {
    let mut shared = shared(Stage::Voting);
    let cookie = join(&mut shared);
    let vote = format!("/{}/vote", "s".repeat(32));
    // (cookie, body, the status it gets)
    type Case<'a> = (Option<&'a str>, Option<&'a [u8]>, u16);
    let cases: [Case; 6] = [
        (None, Some(b"decision=1&choice=0"), 403),
        (Some("boundaries=forgedforgedforgedforged00"), Some(b"decision=1&choice=0"), 403),
        (Some(&cookie), None, 413),
        (Some(&cookie), Some(b"choice=banana"), 400),
        (Some(&cookie), Some(b"decision=2&choice=0"), 409),
        (Some(&cookie), Some(b"decision=1&choice=9"), 422),
    ];
    for (cookie, body, status) in cases {
        let answer = route(&post(&vote, cookie, body), &mut shared, &keys());
        assert_eq!(answer.status, status, "{cookie:?} {body:?}");
    }
    assert_eq!(route(&get(&vote, Some(&cookie)), &mut shared, &keys()).status, 405);
    shared.ballot.close();
    let late = route(&post(&vote, Some(&cookie), Some(b"decision=1&choice=0")), &mut shared, &keys());
    assert_eq!(late.status, 409);
    assert!(late.body.contains("not counted"));
    assert_eq!((shared.ballot.voted(), shared.ballot.counts()), (0, vec![0, 0]));
}

#[test]
fn a_phone_asking_too_often_is_refused() {
    let mut shared = shared(Stage::Voting);
    let cookie = join(&mut shared);
    let page = format!("/{}/", "s".repeat(32));
    let statuses: Vec<u16> = (0..40).map(|_| route(&get(&page, Some(&cookie)), &mut shared, &keys()).status).collect();
    assert!(statuses[..29].iter().all(|&s| s == 200), "{statuses:?}");
    assert!(statuses[30..].iter().all(|&s| s == 429), "{statuses:?}");
}

#[test]
fn the_page_escapes_what_it_shows_and_never_has_a_script() {
    let mut shared = shared(Stage::Voting);
    let page = route(&get(&format!("/{}/", "s".repeat(32)), None), &mut shared, &keys()).body;
    assert!(page.contains("Decline &lt;script&gt;alert(1)&lt;/script&gt;"), "{page}");
    assert!(page.contains("A gift &lt;b&gt;at&lt;/b&gt; the door"));
    assert!(!page.contains("<script") && !page.contains("<b>"));
    assert!(page.contains("<fieldset><legend>Decision 1: What do you do?</legend>"));
}

#[test]
fn the_split_is_shown_only_once_revealed() {
    let mut shared = shared(Stage::Voting);
    let page = route(&get(&format!("/{}/", "s".repeat(32)), None), &mut shared, &keys()).body;
    assert!(!page.contains("vote</strong>") && !page.contains("votes</strong>"));
    shared.room.stage = Stage::Revealed(vec![3, 1]);
    let page = route(&get(&format!("/{}/", "s".repeat(32)), None), &mut shared, &keys()).body;
    assert!(page.contains("<strong>A. 3 votes</strong>") && page.contains("<strong>B. 1 vote</strong>"), "{page}");
}
