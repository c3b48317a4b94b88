//! Real key presses in the real window: the game under Xvfb, keys typed with
//! `xdotool` (Debian's `xdotool`; `.ci/run` installs it), and what the player did read
//! back from the record the game kept. A decision answered with `1`, its feedback
//! dismissed with Enter, and Enter pressed twice more at once, must leave one answer.
#![cfg(unix)]

use std::process::Command;

const SCRIPT: &str = r#"
set -u
"$GAME" --open gift-at-the-door --screen play --window 1280x720 &
game=$!
window=$(timeout 60 xdotool search --sync --name '^Boundaries$' | head -n 1)
xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
sleep 6          # the library loads and the first decision opens
xdotool key 1
sleep 2          # its feedback is up
xdotool key Return
sleep 0.15       # the next decision is up; Enter twice more, quickly
xdotool key Return
sleep 0.05
xdotool key Return
sleep 2
kill "$game"
wait "$game"
exit 0
"#;

/// Runs a script that starts the game (`$GAME`) and types into it, under Xvfb, with
/// its own data folder; returns the folder and what the game logged.
fn typed(script: &str) -> (tempfile::TempDir, String) {
    let data = tempfile::tempdir().unwrap();
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", "bash", "-c", script])
        .env("GAME", env!("CARGO_BIN_EXE_boundaries"))
        .env("BOUNDARIES_DATA_DIR", data.path())
        .output()
        .expect("xvfb-run and xdotool are installed (apt-get install xvfb xdotool mesa-vulkan-drivers)");
    (data, String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn an_enter_pressed_again_never_answers_the_next_decision() {
    let (data, said) = typed(SCRIPT);
    let records = boundaries_core::play::RecordStore::at(data.path().join("records")).list().unwrap();
    assert_eq!(records.len(), 1, "one play, kept: {said}");
    let record = records[0].1.as_ref().unwrap();
    assert_eq!(record.decisions.len(), 1, "the first answer only; no Enter took a second: {:?}", record.decisions);
}

const REMOTE: &str = r#"
set -u
"$GAME" --induction gift-at-the-door --single-screen --window 1280x720 &
game=$!
window=$(timeout 60 xdotool search --sync --name '^Boundaries$' | head -n 1)
xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
sleep 6
for press in $(seq 1 18); do
    xdotool key Next    # Page Down, as a presentation remote sends it
    sleep 0.4
done
sleep 2
kill "$game"
wait "$game"
exit 0
"#;

/// A presentation remote's Page Down, pressed more times than a session has steps,
/// runs it to its end and then leaves the room's summary up: only the presenter's
/// Finish button ends a session.
#[test]
fn page_down_past_the_end_never_ends_a_session() {
    let (data, log) = typed(REMOTE);
    let records = boundaries_core::play::RecordStore::at(data.path().join("records")).list().unwrap();
    let record = records.first().and_then(|(_, r)| r.as_ref().ok()).expect("the session is kept");
    assert!(record.is_finished(), "Page Down alone ran the session to its end: {} decisions", record.decisions.len());
    assert!(log.contains("showing the Induction screen"), "{log}");
    assert!(!log.contains("showing the Records screen"), "extra presses must not end the session");
}
