//! `boundaries sync` killed with SIGKILL at random moments while it sends to a real
//! LRS (LaRS on 127.0.0.1, see `crates/lrs/tests/lars.rs`): when a sync finally runs
//! to its end, every statement is in the LRS exactly once and nothing waits.
#![cfg(unix)]

mod common;

#[path = "../crates/lrs/tests/common/mod.rs"]
mod lrs_helpers;

use std::time::Duration;

use boundaries_core::xapi::IRI;
use common::run::Run;

const PLAYS: usize = 40;
const KILLS: u64 = 8;

#[test]
fn a_sync_killed_mid_send_loses_nothing_and_doubles_nothing() {
    let Some(lars) = lrs_helpers::Lars::start() else { return };
    let run = Run::new();
    for seed in 0..PLAYS {
        let choices = "decline-warmly,tea-and-a-few,tell-sam-all,ask-ada";
        let output =
            run.run(&["play", "gift-at-the-door", "--in-order", "--seed", &seed.to_string(), "--choose", choices]);
        assert!(output.status.success(), "{}", common::run::both(&output));
    }
    let sync = || {
        let mut command = run.command(&["sync"]);
        command
            .env("BOUNDARIES_LRS_ENDPOINT", &lars.endpoint)
            .env("BOUNDARIES_LRS_KEY", "k")
            .env("BOUNDARIES_LRS_SECRET", "s");
        command
    };
    let mut lcg = 0x5eed_u64;
    for _ in 0..KILLS {
        let mut child = sync().stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap();
        lcg = lcg.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        std::thread::sleep(Duration::from_millis(50 + (lcg >> 33) % 700));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
    }
    let last = sync().output().unwrap();
    assert!(last.status.success(), "{}", common::run::both(&last));
    let lrs = boundaries_lrs::Lrs::connect(&lars.endpoint, "k", "s", Duration::from_secs(20)).unwrap();
    let stored = lrs.statements_about(&format!("{IRI}/scenarios/gift-at-the-door")).unwrap();
    let ids: std::collections::HashSet<&str> = stored.iter().map(|s| s.id.as_str()).collect();
    // Each play: initialized, four answers, completed.
    assert_eq!((stored.len(), ids.len()), (PLAYS * 6, PLAYS * 6), "every statement once");
    let again = sync().output().unwrap();
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("Sent 0 statements"), "{}", common::run::both(&again));
}
