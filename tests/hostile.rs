//! What a hostile or unlucky user gives the command line: plays that must not share a
//! file, folders that cannot hold records, exports over things that must survive,
//! FIFOs and devices where records should be, folders that loop, escape sequences in
//! text, and records edited by hand. Each runs the real binary on real files.
#![cfg(unix)]

mod common;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::time::Duration;

use boundaries_core::play::RecordStore;
use common::BASE;
use common::run::{Run, both, scenario_dir, stdout};

/// Long enough for any command on a slow machine, short enough to call a hang a hang.
const LIMIT: Duration = Duration::from_secs(60);

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

fn mkfifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
}

fn records_dir(run: &Run) -> PathBuf {
    run.data.path().join("records")
}

/// A finished play of the shipped gift scenario, returning its record's path.
fn finished_play(run: &Run, name: &str) -> PathBuf {
    let output = run.run_with_input(&["play", "gift-at-the-door", "--seed", "5", "--name", name], &"1\n".repeat(20));
    let text = stdout(&output);
    let saved = text.lines().find_map(|l| l.strip_prefix("Record saved: ")).unwrap_or_else(|| panic!("{text}"));
    PathBuf::from(saved)
}

#[test]
fn plays_with_the_same_seed_in_the_same_second_each_keep_their_own_record() {
    let run = Run::new();
    for name in ["First", "Second"] {
        let output =
            run.run(&["play", "gift-at-the-door", "--seed", "5", "--name", name, "--choose", "decline-warmly"]);
        assert_eq!(output.status.code(), Some(1), "input ends before the scenario does: {}", both(&output));
    }
    assert_eq!(run.records().len(), 2);

    let children: Vec<_> = (0..50)
        .map(|i| {
            let mut command = run.command(&["play", "gift-at-the-door", "--seed", "5", "--name", &format!("p{i}")]);
            command.args(["--choose", "decline-warmly"]).stdin(std::process::Stdio::null());
            command.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn().unwrap()
        })
        .collect();
    for mut child in children {
        child.wait().unwrap();
    }
    let mut players: Vec<String> =
        run.records().iter().map(|p| RecordStore::load(p).unwrap_or_else(|e| panic!("{e}")).player.unwrap()).collect();
    players.sort();
    let mut expected: Vec<String> = (0..50).map(|i| format!("p{i}")).chain(["First".into(), "Second".into()]).collect();
    expected.sort();
    assert_eq!(players, expected, "52 plays, 52 records, none overwritten");
}

#[test]
fn a_play_that_cannot_be_kept_says_so_in_words_before_the_first_decision() {
    let run = Run::new();
    std::fs::write(records_dir(&run), "not a folder").unwrap();
    let output = run.run(&["play", "gift-at-the-door", "--choose", "decline-warmly"]);
    assert_eq!(output.status.code(), Some(2));
    let said = both(&output);
    let expected = format!("the records folder {} is a file, not a folder", records_dir(&run).display());
    assert!(said.contains(&expected), "{said}");
    assert!(!said.contains("os error"), "{said}");
    assert!(!stdout(&output).contains("decline"), "no decision is offered: {said}");

    let looped = Run::new();
    symlink(records_dir(&looped), records_dir(&looped)).unwrap();
    let output = looped.run(&["play", "gift-at-the-door", "--choose", "decline-warmly"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(both(&output).contains("inside a loop of symbolic links"), "{}", both(&output));
}

#[test]
fn a_scenario_id_too_long_for_a_file_name_still_gets_its_record() {
    // 225 characters: the scenario's own file name fits, but a record named after it would not.
    let id = "a-very-long-scenario-name".repeat(9);
    let text = BASE.replace("id: \"base\"", &format!("id: \"{id}\""));
    let dir = scenario_dir(&[(&format!("{id}.scenario.ron"), &text)]);
    let run = Run::new();
    let output = run.run(&["play", &id, "--scenarios", path(dir.path()), "--choose", "kind,fine"]);
    assert!(output.status.success(), "{}", both(&output));
    let records = run.records();
    assert_eq!(records.len(), 1);
    assert!(records[0].file_name().unwrap().len() < 160, "{}", records[0].display());
    assert_eq!(RecordStore::load(&records[0]).unwrap().scenario, id);
}

#[test]
fn a_report_never_replaces_what_it_was_not_asked_to() {
    let run = Run::new();
    let record = finished_play(&run, "Alex");
    let other = finished_play(&run, "Sam");
    let dir = tempfile::tempdir().unwrap();
    let report = |output: &Path, force: bool| {
        let mut args = vec!["report", record.to_str().unwrap(), "-o", output.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        run.run(&args)
    };

    let existing = dir.path().join("notes.md");
    std::fs::write(&existing, "my own notes").unwrap();
    let output = report(&existing, false);
    assert_eq!(output.status.code(), Some(2));
    assert!(both(&output).contains("already exists; give --force to replace it"), "{}", both(&output));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "my own notes");
    assert!(report(&existing, true).status.success());
    assert!(std::fs::read_to_string(&existing).unwrap().contains("Alex"));

    let link = dir.path().join("link.md");
    symlink(&other, &link).unwrap();
    for (target, says) in [
        (record.as_path(), "a record of a play"),
        (other.as_path(), "a record of a play"),
        (link.as_path(), "a symbolic link"),
        (Path::new("/dev/null"), "a device"),
    ] {
        let before = std::fs::read(target).unwrap_or_default();
        let output = report(target, true);
        assert_eq!(output.status.code(), Some(2), "{}", target.display());
        assert!(both(&output).contains(says), "{}", both(&output));
        assert_eq!(std::fs::read(target).unwrap_or_default(), before, "{} is untouched", target.display());
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());

    let new = dir.path().join("new.html");
    assert!(report(&new, false).status.success());
    let mode = std::fs::metadata(&new).unwrap().permissions().mode() & 0o777;
    assert_ne!(mode, 0o600, "a report gets the ordinary permissions of a new file");
    assert_eq!(mode & 0o044, 0o044 & mode_allowed(), "readable as the umask allows");
}

/// The permission bits the current umask lets a new file have.
fn mode_allowed() -> u32 {
    // SAFETY: reading the umask by setting it and putting it straight back.
    let umask = unsafe {
        let old = libc::umask(0o022);
        libc::umask(old);
        old
    };
    0o666 & !(umask as u32)
}

#[test]
fn fifos_and_devices_in_the_records_folder_are_listed_by_name_never_read() {
    let run = Run::new();
    finished_play(&run, "Alex");
    let records = records_dir(&run);
    mkfifo(&records.join("pipe.record.ron"));
    symlink("/dev/zero", records.join("zero.record.ron")).unwrap();

    let listed = run.run_within(&["records"], LIMIT).expect("records does not hang");
    let text = stdout(&listed);
    assert!(text.contains("pipe.record.ron") && text.contains("FIFO"), "{text}");
    assert!(text.contains("zero.record.ron") && text.contains("device"), "{text}");
    assert!(text.contains("Alex"), "the good record is still listed: {text}");

    let progress = run.run_within(&["progress"], LIMIT).expect("progress does not hang");
    assert!(progress.status.success(), "{}", both(&progress));
    for name in ["pipe.record.ron", "zero.record.ron"] {
        let report = run.run_within(&["report", name], LIMIT).expect("report does not hang");
        assert_eq!(report.status.code(), Some(2));
        assert!(both(&report).contains("not a regular file"), "{}", both(&report));
    }
}

#[test]
fn scenario_folders_that_loop_or_hold_special_files_are_walked_to_an_end() {
    let dir = scenario_dir(&[("base.scenario.ron", BASE)]);
    symlink(".", dir.path().join("here")).unwrap();
    symlink(dir.path(), dir.path().join("again")).unwrap();
    mkfifo(&dir.path().join("pipe.scenario.ron"));
    let run = Run::new();
    let output = run.run_within(&["validate", path(dir.path())], LIMIT).expect("validate does not hang");
    let text = both(&output);
    assert!(text.contains("pipe.scenario.ron") && text.contains("FIFO"), "{text}");
    assert!(text.contains("1 valid, 1 with errors"), "base is read once, the FIFO is a problem: {text}");

    // /proc is endless through its links (every process's root and working folder).
    let listed = run.run_within(&["list", "--scenarios", "/proc"], LIMIT).expect("a walk of /proc ends");
    assert!(listed.status.success(), "{}", both(&listed));
}

#[test]
fn an_error_far_along_one_long_line_is_shown_with_its_place() {
    let one_line: String = BASE.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    let long = one_line.replacen("summary:", &format!("summary: \"{}\", summary3:", "x".repeat(100_000)), 1);
    let dir = scenario_dir(&[("base.scenario.ron", &long)]);
    let output = Run::new().run(&["validate", path(dir.path())]);
    assert_eq!(output.status.code(), Some(1), "{}", both(&output));
    let text = stdout(&output);
    let column = long.find("summary3").unwrap() + 1;
    assert!(text.contains(&format!("base.scenario.ron:1:{column}")), "{}", &text[..text.len().min(2000)]);
    assert!(text.contains("summary3") && text.len() < 5_000, "a short snippet around the place");
}

/// Text that would move the cursor, set the window title, write the clipboard,
/// make a link and reverse what follows, if a terminal were given it.
const ESCAPES: &str = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{1b}]52;c;aGk=\u{7}\u{1b}]8;;http://x\u{7}\u{9b}1m\u{202e}";

fn assert_inert(what: &str, text: &str) {
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(bad), "{what} let {:?} through: {text:?}", bad);
    }
}

#[test]
fn escape_sequences_from_files_and_names_never_reach_the_terminal() {
    let hostile = BASE
        .replace("title: \"Base\"", &format!("title: \"Base{ESCAPES}\""))
        .replace("text: \"First.\"", &format!("text: \"First.{ESCAPES}\""))
        .replace("feedback: \"Good.\"", &format!("feedback: \"Good.{ESCAPES}\""));
    let broken =
        hostile.replace("\"base\"", "\"broken\"").replace("title: \"Good\",", &format!("title: \"{ESCAPES}\" oops"));
    let dir = scenario_dir(&[("base.scenario.ron", &hostile), ("broken.scenario.ron", &broken)]);
    let catalogues = tempfile::tempdir().unwrap();
    let principles = std::fs::read_to_string("assets/principles.ron").unwrap();
    let principles = principles.replacen("name: \"", &format!("name: \"{ESCAPES}"), 1);
    std::fs::write(catalogues.path().join("principles.ron"), principles).unwrap();
    std::fs::copy("assets/guide.ron", catalogues.path().join("guide.ron")).unwrap();

    let run = Run::new();
    let with = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--scenarios", path(dir.path()), "--catalogues", path(catalogues.path())]);
        run.run(&all)
    };
    let name = format!("Sam{ESCAPES}");
    let played = with(&["play", "base", "--choose", "kind,fine", "--name", &name]);
    assert!(played.status.success(), "{}", both(&played));
    for (what, output) in [
        ("play", played),
        ("list", with(&["list"])),
        ("records", with(&["records"])),
        ("progress", with(&["progress"])),
        ("coverage", with(&["coverage"])),
        ("validate", with(&["validate", path(dir.path())])),
        ("graph", with(&["graph", "base"])),
        ("mermaid", with(&["graph", "base", "--format", "mermaid"])),
        ("report", with(&["report", run.records()[0].to_str().unwrap()])),
    ] {
        assert_inert(what, &both(&output));
    }
}

#[test]
fn mermaid_directives_in_a_title_are_not_obeyed() {
    let hostile = BASE.replace("text: \"First.\"", "text: \"%%{init: {'theme': 'dark'}}%% `**x**`\"");
    let dir = scenario_dir(&[("base.scenario.ron", &hostile)]);
    let output = Run::new().run(&["graph", "base", "--format", "mermaid", "--scenarios", path(dir.path())]);
    let text = stdout(&output);
    assert!(text.contains("#37;#37;{init"), "{text}");
    assert!(!text.contains("%%") && !text.contains('`'), "{text}");
}

#[test]
fn a_megabyte_title_is_cut_in_tables() {
    let title = "x".repeat(1024 * 1024);
    let hostile = BASE.replace("title: \"Base\"", &format!("title: \"{title}\""));
    let dir = scenario_dir(&[("base.scenario.ron", &hostile)]);
    let run = Run::new();
    let listed = run.run_within(&["list", "--scenarios", path(dir.path())], LIMIT).expect("list ends");
    let text = stdout(&listed);
    assert!(text.contains('…') && text.lines().all(|l| l.chars().count() < 1000), "{}", &text[..2000.min(text.len())]);
    // As long a name as one argument can carry.
    let name = "n".repeat(120 * 1024);
    run.run(&["play", "base", "--scenarios", path(dir.path()), "--choose", "kind,fine", "--name", &name]);
    let records = run.run_within(&["records", "--scenarios", path(dir.path())], LIMIT).expect("records ends");
    assert!(stdout(&records).lines().all(|l| l.chars().count() < 1000));
}

#[test]
fn records_edited_by_hand_are_checked_and_what_does_not_add_up_is_named() {
    let run = Run::new();
    let good = finished_play(&run, "Alex");
    let text = std::fs::read_to_string(&good).unwrap();
    let records = records_dir(&run);
    let edit = |name: &str, from: &str, to: &str| {
        assert!(text.contains(from), "{from} is in {text}");
        std::fs::write(records.join(format!("{name}.record.ron")), text.replacen(from, to, 1)).unwrap();
    };
    edit("newer", "format: 1,", "format: 99,");
    let rating = text.split("rating: ").nth(1).unwrap().split(',').next().unwrap();
    edit("nan", &format!("rating: {rating},"), "rating: NaN,");
    edit("huge", &format!("rating: {rating},"), &format!("rating: 1{},", "0".repeat(140)));
    let chosen = text.split("chosen: \"").nth(1).unwrap().split('"').next().unwrap();
    edit("chosen", &format!("chosen: \"{chosen}\""), "chosen: \"take-it\"");

    let listed = stdout(&run.run(&["records"])).split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "newer.record.ron",
        "record format 99,",
        "nan.record.ron",
        "the rating for \"dignity\", NaN,",
        "huge.record.ron",
        "\"dignity\", 1.000e140,",
        "chosen.record.ron",
        "the choice",
        "taken, \"take-it\", is not one of those offered",
    ] {
        assert!(listed.contains(expected), "{expected} in {listed}");
    }
    let progress = stdout(&run.run(&["progress"]));
    assert!(progress.contains("1 finished play") && !progress.contains("NaN"), "{progress}");
    assert!(!progress.contains("00000000"), "{progress}");
}

#[test]
fn records_of_a_scenario_no_longer_in_the_library_are_marked() {
    let dir = scenario_dir(&[("base.scenario.ron", BASE)]);
    let run = Run::new();
    assert!(run.run(&["play", "base", "--scenarios", path(dir.path()), "--choose", "kind,fine"]).status.success());
    let listed = stdout(&run.run(&["records"]));
    assert!(listed.contains("scenario not in library"), "{listed}");
}

#[test]
fn a_file_that_is_not_a_record_is_named_and_nothing_of_it_is_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let shadow = dir.path().join("shadow");
    std::fs::write(&shadow, "root:$6$salt$hash:19000:0:99999:7:::\n").unwrap();
    let output = Run::new().run(&["report", shadow.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let said = both(&output);
    assert!(said.contains("is not a Boundaries record"), "{said}");
    assert!(!said.contains("root") && !said.contains("salt"), "{said}");
}

#[test]
fn an_oversized_catalogue_is_refused_unread() {
    let catalogues = tempfile::tempdir().unwrap();
    let principles = std::fs::read_to_string("assets/principles.ron").unwrap();
    let padded = format!("{principles}\n// {}\n", "x".repeat(5 * 1024 * 1024));
    std::fs::write(catalogues.path().join("principles.ron"), padded).unwrap();
    std::fs::copy("assets/guide.ron", catalogues.path().join("guide.ron")).unwrap();
    let output = Run::new().run(&["list", "--catalogues", path(catalogues.path())]);
    assert_eq!(output.status.code(), Some(2));
    assert!(both(&output).contains("larger than 4 MB, the most a catalogue may be"), "{}", both(&output));
}

#[test]
fn temporary_files_left_by_killed_saves_are_cleared_by_the_next_command() {
    let run = Run::new();
    finished_play(&run, "Alex");
    let left = records_dir(&run).join(".abc123.tmp");
    std::fs::write(&left, "half a record").unwrap();
    assert!(run.run(&["records"]).status.success());
    assert!(!left.exists());
}
