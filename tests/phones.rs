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
