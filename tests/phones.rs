//! Voting by phone in the real game: the audience screen under Xvfb with the vote
//! open and its QR code drawn, read back with `zbarimg` (Debian's `zbar-tools`) to the
//! address the game's server listened on. The server is bound to 127.0.0.1 only.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

/// Runs a phones session to the open vote and screenshots it; returns the address the
/// game said it served and what the QR code in `shot` reads.
fn scanned(dir: &Path, shot: &str, args: &[&str]) -> (String, String) {
    let png = dir.join(shot);
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24", env!("CARGO_BIN_EXE_boundaries")])
        .args(["--induction", "gift-at-the-door", "--phones", "--phones-address", "127.0.0.1", "--open-vote"])
        .args(args)
        .arg("--screenshot")
        .arg(dir.join("audience.png"))
        .env("BOUNDARIES_DATA_DIR", dir.join("data"))
        .output()
        .expect("xvfb-run is installed (apt-get install xvfb mesa-vulkan-drivers)");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{log}");
    let served = log
        .lines()
        .find_map(|line| line.split("phones vote at ").nth(1))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("the game did not say where phones vote:\n{log}"))
        .to_owned();
    let read = Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(&png)
        .output()
        .expect("zbarimg is installed (apt-get install zbar-tools)");
    (served, String::from_utf8_lossy(&read.stdout).trim().to_owned())
}

#[test]
fn the_audience_screens_qr_code_reads_back_to_the_address_served() {
    let dir = tempfile::tempdir().unwrap();
    // Two windows: the audience's own at its default 1280x720.
    let (served, read) = scanned(dir.path(), "audience.png", &[]);
    assert!(served.starts_with("http://127.0.0.1:") && served.ends_with('/'), "{served}");
    assert_eq!(read, served, "the QR code on the audience window");
    // One screen at a small projector's size.
    let (served, read) = scanned(dir.path(), "audience.png", &["--single-screen", "--window", "1024x600"]);
    assert_eq!(read, served, "the QR code on one screen at 1024x600");
}

/// With phone voting on, the idle game draws no frames; a vote wakes it, and the
/// count reaches the screens within a second.
#[test]
fn a_vote_wakes_the_idle_game_and_is_counted_within_a_second() {
    use std::os::unix::process::CommandExt;
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let (frames_log, game_log) = (dir.path().join("frames"), dir.path().join("game.log"));
    let mut child = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24", env!("CARGO_BIN_EXE_boundaries")])
        .args(["--induction", "gift-at-the-door", "--single-screen", "--phones", "--phones-address", "127.0.0.1"])
        .arg("--open-vote")
        .env("BOUNDARIES_DATA_DIR", dir.path().join("data"))
        .env("BOUNDARIES_FRAME_LOG", &frames_log)
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&game_log).unwrap())
        .process_group(0) // so the game and Xvfb can be stopped together
        .spawn()
        .expect("xvfb-run is installed");
    let frames = || std::fs::read_to_string(&frames_log).ok().and_then(|t| t.trim().parse::<u64>().ok()).unwrap_or(0);
    let log = || std::fs::read_to_string(&game_log).unwrap_or_default();
    let started = Instant::now();
    let url = loop {
        if let Some(url) = log()
            .lines()
            .find_map(|l| l.split("phones vote at ").nth(1).map(|r| r.split(' ').next().unwrap_or("").to_owned()))
        {
            break url;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "the game did not start phone voting:\n{}", log());
        std::thread::sleep(Duration::from_millis(100));
    };
    std::thread::sleep(Duration::from_secs(3)); // let the screen settle
    let before = frames();
    std::thread::sleep(Duration::from_secs(3));
    let idle = frames() - before;
    // One phone joins and votes, over loopback.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let page = agent.get(&url).call().unwrap();
    let cookie = page.headers().get("set-cookie").unwrap().to_str().unwrap().split(';').next().unwrap().to_owned();
    let before_vote = frames();
    let voted = Instant::now();
    let status = agent
        .post(format!("{url}vote"))
        .header("Cookie", &cookie)
        .content_type("application/x-www-form-urlencoded")
        .send("decision=1&choice=1")
        .unwrap()
        .status();
    let mut counted = None;
    while voted.elapsed() < Duration::from_secs(3) {
        if log().contains("phones: 1 joined, 1 voted") && frames() > before_vote {
            counted = Some(voted.elapsed());
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: signalling the process group this test started.
    unsafe {
        libc::kill(-(child.id() as i32), libc::SIGTERM);
    }
    let _ = child.wait();
    assert_eq!(status, 303);
    assert!(idle <= 1, "{idle} frames were drawn in 3 s with phone voting on and nothing happening");
    let counted = counted.unwrap_or_else(|| panic!("the vote did not reach the game:\n{}", log()));
    assert!(counted < Duration::from_secs(1), "the vote took {counted:?} to reach the game");
    println!("a vote reached the game's screens in {counted:?}");
}
