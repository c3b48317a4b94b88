//! The phones' page in a real browser: Debian's Chromium, driven through chromedriver's
//! WebDriver API, as three phones (three browser sessions, three cookie jars) through a
//! whole decision: waiting while the room talks, voting, one changing its mind, a
//! vote after closing refused, and the split after the reveal, with the counts the
//! game would read checked at each step. Everything stays on 127.0.0.1.
//!
//! Needs `chromium` and `chromium-driver`; under plain `cargo test` the test says so and
//! passes if they are missing, but not in CI (`BOUNDARIES_CI` set), where it fails.

use std::net::{IpAddr, Ipv4Addr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use boundaries_phones::{PhoneServer, Room, Stage};
use serde_json::{Value, json};

fn room(stage: Stage) -> Room {
    Room {
        title: "A gift at the door".into(),
        decision: 1,
        prompt: "What do you do?".into(),
        choices: vec![
            "Thank her and put the envelope in your bag.".into(),
            "Fold her hand back over it: you can't take money.".into(),
            "Take it, and say it goes straight to the office.".into(),
        ],
        stage,
    }
}

/// chromedriver on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    base: String,
    agent: ureq::Agent,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start() -> Option<Driver> {
        let port = TcpListener::bind("127.0.0.1:0").ok()?.local_addr().ok()?.port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let driver = Driver { child, base: format!("http://127.0.0.1:{port}"), agent };
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            if driver.agent.get(format!("{}/status", driver.base)).call().is_ok() {
                return Some(driver);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }

    fn send(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.base);
        let response = match body {
            Some(body) => self.agent.post(&url).content_type("application/json").send(body.to_string()),
            None if method == "DELETE" => self.agent.delete(&url).call(),
            None => self.agent.get(&url).call(),
        };
        let text = response.unwrap().body_mut().read_to_string().unwrap();
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// A phone: a new browser session at a phone's size.
    fn phone(&self) -> Phone<'_> {
        let args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=360,740"];
        let capabilities = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"args": args}}}});
        let session = self.send("POST", "/session", Some(capabilities));
        let id = session["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {session}")).to_owned();
        Phone { driver: self, path: format!("/session/{id}") }
    }
}

struct Phone<'a> {
    driver: &'a Driver,
    path: String,
}

impl Phone<'_> {
    fn open(&self, url: &str) {
        self.driver.send("POST", &format!("{}/url", self.path), Some(json!({"url": url})));
    }

    fn source(&self) -> String {
        self.driver.send("GET", &format!("{}/source", self.path), None)["value"].as_str().unwrap_or("").to_owned()
    }

    fn click(&self, css: &str) {
        let found = self.driver.send(
            "POST",
            &format!("{}/element", self.path),
            Some(json!({"using": "css selector", "value": css})),
        );
        let element = found["value"].as_object().and_then(|o| o.values().next()).and_then(Value::as_str);
        let element = element.unwrap_or_else(|| panic!("no {css}: {found}"));
        self.driver.send("POST", &format!("{}/element/{element}/click", self.path), Some(json!({})));
    }

    /// The page once it contains `text` (a click's navigation can still be under way
    /// when the click returns), waiting at most ten seconds.
    fn page_with(&self, text: &str) -> String {
        let started = Instant::now();
        loop {
            let page = self.source();
            if page.contains(text) || started.elapsed() > Duration::from_secs(10) {
                return page;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Picks the choice at `index` and presses the vote button.
    fn vote(&self, index: usize) {
        self.click(&format!("label[for=c{index}]"));
        self.click("button[type=submit]");
    }
}

impl Drop for Phone<'_> {
    fn drop(&mut self) {
        self.driver.send("DELETE", &self.path, None);
    }
}

#[test]
fn three_phones_vote_through_a_whole_decision_in_chromium() {
    let Some(driver) = Driver::start() else {
        assert!(
            std::env::var_os("BOUNDARIES_CI").is_none(),
            "chromedriver is missing (apt-get install chromium chromium-driver)"
        );
        eprintln!("skipped: chromedriver is missing (apt-get install chromium chromium-driver)");
        return;
    };
    let server =
        PhoneServer::start(IpAddr::V4(Ipv4Addr::LOCALHOST), 0, room(Stage::Discussing), Arc::new(|| {})).unwrap();
    let url = server.url();
    let phones = [driver.phone(), driver.phone(), driver.phone()];
    for phone in &phones {
        phone.open(&url);
        assert!(phone.source().contains("The room is talking it over"), "{}", phones[0].source());
    }
    assert_eq!(server.counts().joined, 3);
    server.show(room(Stage::Voting));
    for phone in &phones {
        phone.open(&url);
        let page = phone.source();
        assert!(page.contains("<legend>Decision 1: What do you do?</legend>") && !page.contains("You voted"), "{page}");
    }
    for (phone, choice) in phones.iter().zip([1, 1, 0]) {
        phone.vote(choice);
        let voted = format!("You voted {}.", ['A', 'B', 'C'][choice]);
        assert!(phone.page_with(&voted).contains(&voted));
    }
    assert_eq!(server.counts().split, vec![1, 2, 0]);
    phones[2].vote(2); // changes its mind
    assert!(phones[2].page_with("You voted C.").contains("You voted C."));
    let counts = server.counts();
    assert_eq!((counts.voted, counts.split.clone()), (3, vec![0, 2, 1]), "one vote per phone, the last one counted");
    // The reveal closes the vote: a phone still on the form is refused, and sees why.
    server.show(room(Stage::Revealed(counts.split.clone())));
    phones[0].vote(0);
    let page = phones[0].page_with("Your vote was not counted");
    assert!(page.contains("Your vote was not counted: no vote is open."), "{page}");
    assert_eq!(server.counts().split, vec![0, 2, 1]);
    phones[1].open(&url);
    let page = phones[1].source();
    assert!(page.contains("<strong>B. 2 votes</strong>") && page.contains("<strong>C. 1 vote</strong>"), "{page}");
    // For the README: the page as a phone shows it, at a phone's size.
    if let Some(path) = std::env::var_os("PHONE_SCREENSHOT") {
        server.show(room(Stage::Voting));
        let shot = Command::new("chromium")
            .args(["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=360,740"])
            .arg(format!("--screenshot={}", std::path::Path::new(&path).display()))
            .arg(&url)
            .output()
            .unwrap();
        assert!(shot.status.success(), "{}", String::from_utf8_lossy(&shot.stderr));
    }
}
