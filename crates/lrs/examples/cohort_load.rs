//! Load figure for the closing note: sends N plays of a shipped scenario (random
//! paths) to an LRS and times sending them and building the cohort from them.
//! usage: cargo run --release -p boundaries-lrs --example cohort_load -- ENDPOINT N
//! (ENDPOINT on 127.0.0.1 only: see scripts/lars.sh)

use std::time::{Duration, Instant};

use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::Library;
use boundaries_core::play::{Current, PlayOptions, Playthrough};
use boundaries_core::xapi::{IRI, Identity, Outbox, cohort, statements};
use boundaries_lrs::{Lrs, sync};

fn main() {
    let mut args = std::env::args().skip(1);
    let endpoint = args.next().expect("an endpoint");
    assert!(endpoint.starts_with("http://127.0.0.1:"), "loopback only");
    let plays: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let catalogues = Catalogues::shipped().unwrap();
    let library = Library::shipped(&catalogues);
    let scenario = library.get("gift-at-the-door").unwrap().scenario.clone();
    let dir = tempfile::tempdir().unwrap();
    let outbox = Outbox::at(dir.path());
    let who = Identity { home_page: "https://care.example.org".into(), account: None, instructor: None };
    let started = Instant::now();
    let mut all = Vec::new();
    for seed in 0..plays {
        let options = PlayOptions { seed, in_order: false, player: Some(format!("p{seed}")), group: None };
        let mut play = Playthrough::start(scenario.clone(), options).unwrap();
        while let Current::Scene { offered, .. } = play.current() {
            let pick = offered[(seed as usize * 7 + play.decisions().len()) % offered.len()].id.clone();
            play.choose(&pick, None).unwrap();
        }
        all.extend(statements(&play.record(&catalogues), Some(&scenario), &catalogues, &who));
    }
    outbox.queue(&all).unwrap();
    println!("{plays} plays, {} statements built and queued in {:.1} s", all.len(), started.elapsed().as_secs_f64());
    let lrs = Lrs::connect(&endpoint, "key", "secret", Duration::from_secs(60)).unwrap();
    let sending = Instant::now();
    let done = sync(&outbox, &lrs).unwrap();
    println!("sent {} in {:.1} s", done.sent, sending.elapsed().as_secs_f64());
    let reading = Instant::now();
    let found = lrs.statements_about(&format!("{IRI}/scenarios/gift-at-the-door")).unwrap();
    let read = reading.elapsed().as_secs_f64();
    let building = Instant::now();
    let parts = cohort(&found);
    println!(
        "read {} statements back in {read:.1} s; cohort of {} plays built in {:.3} s",
        found.len(),
        parts.values().map(|p| p.started).sum::<usize>(),
        building.elapsed().as_secs_f64()
    );
}
