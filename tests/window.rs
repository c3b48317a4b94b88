//! The real binary in a real window: under Xvfb with Mesa's software Vulkan, it
//! renders the title, library, play and result screens to PNGs, which must show
//! something (not a blank or single-colour frame). Needs `xvfb-run` and
//! `mesa-vulkan-drivers` (`.ci/run` installs them).
#![cfg(unix)] // Xvfb runs where X11 does

use std::path::Path;
use std::process::Command;

/// Runs the game with these arguments under Xvfb and returns the screenshot's pixels.
fn capture(dir: &Path, name: &str, args: &[&str]) -> (u32, u32, Vec<u8>) {
    let png = dir.join(format!("{name}.png"));
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24", env!("CARGO_BIN_EXE_boundaries")])
        .args(args)
        .arg("--screenshot")
        .arg(&png)
        .env("BOUNDARIES_DATA_DIR", dir.join("data"))
        .output()
        .expect("xvfb-run is installed (apt-get install xvfb mesa-vulkan-drivers)");
    assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).expect("a PNG was written")));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

/// The share of pixels that differ from the most common colour (the background).
fn drawn_share(pixels: &[u8]) -> f64 {
    let mut counts = std::collections::HashMap::new();
    for pixel in pixels.chunks(3) {
        *counts.entry(pixel).or_insert(0usize) += 1;
    }
    let background = counts.values().max().copied().unwrap_or(0);
    let total = pixels.len() / 3;
    (total - background) as f64 / total as f64
}

#[test]
fn screens_render_in_a_real_window() {
    let dir = tempfile::tempdir().unwrap();
    let screens: [(&str, &[&str]); 5] = [
        ("title", &["--screen", "title"]),
        ("library", &["--screen", "library"]),
        ("play", &["--open", "gift-at-the-door", "--screen", "play"]),
        (
            "result",
            &[
                "--open",
                "gift-at-the-door",
                "--choose",
                "decline-warmly,tea-and-a-few,tell-sam-all,ask-ada",
                "--screen",
                "result",
            ],
        ),
        (
            "replay",
            &[
                "--open",
                "gift-at-the-door",
                "--choose",
                "decline-warmly,tea-and-a-few,tell-sam-all,ask-ada",
                "--screen",
                "replay",
            ],
        ),
    ];
    for (name, args) in screens {
        let (width, height, pixels) = capture(dir.path(), name, args);
        assert_eq!((width, height), (1280, 800), "{name}");
        let share = drawn_share(&pixels);
        assert!(share > 0.02, "{name}: only {:.2} % of the frame differs from the background", share * 100.0);
    }
    let records = boundaries_core::play::RecordStore::at(dir.path().join("data").join("records")).list().unwrap();
    assert_eq!(records.len(), 2, "the scripted plays were recorded");
    assert!(records.iter().all(|(_, r)| r.as_ref().unwrap().ending.as_deref() == Some("good-company")));
}

/// While the player reads and decides, the game draws no frames at all (reactive
/// rendering; see src/game/idle.rs for why egui needs help with this).
#[test]
fn an_idle_game_draws_no_frames() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("frames");
    use std::os::unix::process::CommandExt;
    let mut child = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24", env!("CARGO_BIN_EXE_boundaries")])
        .args(["--open", "gift-at-the-door", "--screen", "play"])
        .env("BOUNDARIES_DATA_DIR", dir.path().join("data"))
        .env("BOUNDARIES_FRAME_LOG", &log)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .process_group(0) // so the game and Xvfb can be stopped together
        .spawn()
        .expect("xvfb-run is installed");
    let frames = || std::fs::read_to_string(&log).ok().and_then(|t| t.trim().parse::<u64>().ok());
    let started = std::time::Instant::now();
    while frames().is_none() && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::thread::sleep(std::time::Duration::from_secs(3)); // let the screen settle
    let before = frames();
    std::thread::sleep(std::time::Duration::from_secs(3));
    let after = frames();
    // SAFETY: signalling the process group this test started.
    unsafe {
        libc::kill(-(child.id() as i32), libc::SIGTERM);
    }
    let _ = child.wait();
    let (Some(before), Some(after)) = (before, after) else { panic!("the game never logged a frame") };
    assert!(after - before <= 1, "{} frames were drawn in 3 s with nothing happening", after - before);
}

/// Induction mode opens an audience window and a presenter window; with
/// `--screenshot PATH` the audience goes to PATH and the presenter beside it.
#[test]
fn induction_mode_renders_both_windows() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("induction.png");
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 2600x1000x24", env!("CARGO_BIN_EXE_boundaries")])
        .args(["--induction", "gift-at-the-door", "--present", "12", "--votes", "5,4,2,1", "--screenshot"])
        .arg(&png)
        .env("BOUNDARIES_DATA_DIR", dir.path().join("data"))
        .output()
        .expect("xvfb-run is installed");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for file in [png.clone(), dir.path().join("induction-presenter.png")] {
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&file).expect("both windows captured")));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        pixels.truncate(info.buffer_size());
        assert!(drawn_share(&pixels) > 0.02, "{} is blank", file.display());
    }
}
