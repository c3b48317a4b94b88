//! The server over loopback, as a room would use it: sixty phones at once, a third
//! changing their vote, some voting twice, some with a wrong secret, an oversized
//! body, an unknown choice and a vote after closing. Every request goes to 127.0.0.1,
//! every loop is bounded, and the count must be exact.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use boundaries_phones::{PhoneServer, Room, Stage};

const PHONES: usize = 60;

fn room(stage: Stage) -> Room {
    Room {
        title: "A gift at the door".into(),
        decision: 1,
        prompt: "What do you do?".into(),
        choices: vec!["Take it".into(), "Decline".into(), "Ask the office".into()],
        stage,
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

/// A phone: its agent and the cookie the page gave it.
struct Phone {
    agent: ureq::Agent,
    cookie: String,
}

impl Phone {
    fn join(url: &str) -> Phone {
        let agent = agent();
        let response = agent.get(url).call().unwrap();
        assert_eq!(response.status(), 200);
        let cookie = response.headers().get("set-cookie").unwrap().to_str().unwrap();
        let cookie = cookie.split(';').next().unwrap().to_owned();
        Phone { agent, cookie }
    }

    fn vote(&self, url: &str, body: &str) -> u16 {
        let response = self
            .agent
            .post(format!("{url}vote"))
            .header("Cookie", &self.cookie)
            .content_type("application/x-www-form-urlencoded")
            .send(body)
            .unwrap();
        response.status().as_u16()
    }
}

fn start(wakes: Arc<AtomicUsize>) -> PhoneServer {
    let wake = Arc::new(move || {
        wakes.fetch_add(1, Ordering::Relaxed);
    });
    PhoneServer::start(IpAddr::V4(Ipv4Addr::LOCALHOST), 0, room(Stage::Voting), wake).unwrap()
}

#[test]
fn sixty_phones_at_once_are_counted_exactly_and_every_bad_request_refused() {
    let wakes = Arc::new(AtomicUsize::new(0));
    let server = start(wakes.clone());
    assert!(server.address().ip().is_loopback());
    let url = server.url();
    let started = Instant::now();
    let threads: Vec<_> = (0..PHONES)
        .map(|i| {
            let url = url.clone();
            std::thread::spawn(move || {
                let phone = Phone::join(&url);
                let first = i % 3;
                assert_eq!(phone.vote(&url, &format!("decision=1&choice={first}")), 303);
                // A third change their mind; some send the same vote twice.
                let last = if i % 3 == 0 { (first + 1) % 3 } else { first };
                if i % 3 == 0 || i % 5 == 0 {
                    assert_eq!(phone.vote(&url, &format!("decision=1&choice={last}")), 303);
                }
                // Bad requests from a real phone: each refused, none counted.
                assert_eq!(phone.vote(&url, "decision=1&choice=7"), 422);
                assert_eq!(phone.vote(&url, "decision=2&choice=0"), 409);
                assert_eq!(phone.vote(&url, &format!("decision=1&choice=0&pad={}", "x".repeat(4096))), 413);
                assert_eq!(phone.vote(&url, "nonsense"), 400);
                last
            })
        })
        .collect();
    let lasts: Vec<usize> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let elapsed = started.elapsed();
    // Wrong secrets, from elsewhere in the room.
    let stranger = agent();
    let wrong = url.replace(&url[url.len() - 10..url.len() - 1], "zzzzzzzzz");
    assert_eq!(stranger.get(&wrong).call().unwrap().status(), 404);
    assert_eq!(stranger.post(format!("{wrong}vote")).send("decision=1&choice=0").unwrap().status(), 404);
    let mut expected = vec![0u32; 3];
    for last in lasts {
        expected[last] += 1;
    }
    let counts = server.counts();
    assert_eq!((counts.joined, counts.voted, counts.split.clone()), (PHONES, PHONES, expected.clone()));
    // Closing the vote: a late vote is refused and the counts stay as they were.
    server.show(room(Stage::Revealed(counts.split.clone())));
    let late = Phone::join(&url);
    assert_eq!(late.vote(&url, "decision=1&choice=0"), 409);
    assert_eq!(server.counts().split, expected);
    assert!(wakes.load(Ordering::Relaxed) >= 2 * PHONES, "the game is woken for every join and vote");
    println!("{PHONES} phones joined and voted (with bad requests) in {elapsed:.2?}");
}

/// How many votes a second the server takes from phones voting at once, bounded in
/// count (each phone under its limit of thirty requests in ten seconds).
#[test]
fn votes_per_second() {
    let server = start(Arc::new(AtomicUsize::new(0)));
    let url = server.url();
    let per_phone = 20;
    let started = Instant::now();
    std::thread::scope(|scope| {
        for i in 0..PHONES {
            let url = &url;
            scope.spawn(move || {
                let phone = Phone::join(url);
                for n in 0..per_phone {
                    assert_eq!(phone.vote(url, &format!("decision=1&choice={}", (i + n) % 3)), 303);
                }
            });
        }
    });
    let elapsed = started.elapsed().as_secs_f64();
    assert_eq!(server.counts().voted, PHONES);
    println!(
        "{} votes in {elapsed:.2} s: {:.0} votes a second",
        PHONES * per_phone,
        (PHONES * per_phone) as f64 / elapsed
    );
}

#[test]
fn the_page_has_a_strict_policy_and_the_server_stops_when_dropped() {
    let server = start(Arc::new(AtomicUsize::new(0)));
    let (url, address) = (server.url(), server.address());
    let response = agent().get(&url).call().unwrap();
    let csp = response.headers().get("content-security-policy").unwrap().to_str().unwrap().to_owned();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert_eq!(response.headers().get("x-content-type-options").unwrap(), "nosniff");
    let css = agent().get(format!("{url}style.css")).call().unwrap();
    assert!(css.headers().get("content-type").unwrap().to_str().unwrap().starts_with("text/css"));
    drop(server);
    // The listening socket closes on tiny_http's own thread, a moment later: then the
    // port can be bound again (checked without connecting to anything).
    let stopped = Instant::now();
    while std::net::TcpListener::bind(address).is_err() {
        assert!(stopped.elapsed() < Duration::from_secs(2), "still listening");
        std::thread::sleep(Duration::from_millis(20));
    }
}
