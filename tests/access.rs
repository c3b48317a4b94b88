//! The live accessibility tree of the real game, as a screen reader reads it: the game
//! under Xvfb in a private D-Bus session with the AT-SPI bus started and a screen reader
//! flagged as running, walked with Debian's `python3-pyatspi` (`tests/access/tree.py`).
//! A scenario is played from the title to the result and its replay using only
//! accessibility actions; an induction session is run from the presenter's buttons and
//! the audience window's tree read at every stage for trainer-only text.
//!
//! Needs `xvfb`, `dbus`, `at-spi2-core` and `python3-pyatspi` (`.ci/run` installs them).
#![cfg(unix)]

use std::process::Command;

/// Starts the AT-SPI bus and the game with `args`, then runs the tree walker's `part`.
fn walk(part: &str, args: &str) -> String {
    let data = tempfile::tempdir().unwrap();
    let script = format!(
        r#"
set -u
/usr/libexec/at-spi-bus-launcher --launch-immediately --a11y=1 --screen-reader=1 &
bus=$!
sleep 1
"$GAME" --window 1280x720 {args} >"$DATA/game.log" 2>&1 &
game=$!
timeout 300 /usr/bin/python3 "$WALKER" {part}
status=$?
kill "$game" "$bus" 2>/dev/null
wait "$game" 2>/dev/null
exit $status
"#
    );
    let output = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 3300x1200x24", "dbus-run-session", "--", "bash", "-c", &script])
        .env("GAME", env!("CARGO_BIN_EXE_boundaries"))
        .env("WALKER", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/access/tree.py"))
        .env("DATA", data.path())
        .env("BOUNDARIES_DATA_DIR", data.path())
        .output()
        .expect("xvfb-run and dbus-run-session are installed (apt-get install xvfb dbus at-spi2-core python3-pyatspi)");
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    let log = std::fs::read_to_string(data.path().join("game.log")).unwrap_or_default();
    assert!(output.status.success(), "{said}\n{}\n{log}", String::from_utf8_lossy(&output.stderr));
    println!("{said}");
    said
}

#[test]
fn a_screen_reader_plays_from_the_title_to_the_result_and_replays() {
    assert!(walk("solo", "").contains("SOLO OK"));
}

#[test]
fn the_audience_windows_tree_never_holds_trainer_notes() {
    assert!(walk("group", "--induction gift-at-the-door").contains("GROUP OK"));
}
