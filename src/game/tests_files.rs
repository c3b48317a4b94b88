//! Headless tests of what the game does with files it cannot use: a records folder
//! that cannot hold a play, and an author's scenarios folder that is missing, loops
//! back on itself or holds a FIFO. Each is said on screen, and nothing hangs.

use std::os::unix::fs::symlink;
use std::path::Path;

use bevy::asset::io::AssetSourceBuilder;
use bevy::prelude::*;

use boundaries_screens::UiAction;

use super::scenario_assets::{AUTHORED_SOURCE, GameLibrary, SourceDirs, memory_source};
use super::session::Session;
use super::tests::{SCENARIO, act, app, app_with};

#[test]
fn a_play_that_cannot_be_kept_says_so_from_its_first_decision() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("records"), "a file where the folder should be").unwrap();
    let mut app = app(data.path());
    act(&mut app, &[UiAction::Open("base".into()), UiAction::Start]);
    let session = app.world().resource::<Session>();
    let error = session.current.as_ref().and_then(|c| c.save_error.clone()).expect("the play says it is not kept");
    assert!(error.contains("is a file, not a folder") && error.ends_with("This play will not be kept."), "{error}");
}

/// The game with the test library as shipped and `dir` as the author's folder.
fn app_with_authored(data: &Path, dir: &Path) -> App {
    let shipped = memory_source([("base.scenario.ron", SCENARIO)].into_iter());
    app_with(data, shipped, false, |app| {
        app.register_asset_source(AUTHORED_SOURCE, AssetSourceBuilder::platform_default(&dir.to_string_lossy(), None));
        app.insert_resource(SourceDirs { shipped: None, authored: Some(dir.to_owned()) });
    })
}

fn problems(app: &App) -> Vec<String> {
    let library = app.world().resource::<GameLibrary>();
    library.problems().iter().flat_map(|(p, _)| p.diagnostics.iter().map(ToString::to_string)).collect()
}

#[test]
fn an_authored_folder_that_loops_and_holds_a_fifo_is_loaded_safely() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.scenario.ron"), SCENARIO.replace("\"base\"", "\"mine\"")).unwrap();
    symlink(".", dir.path().join("here")).unwrap();
    let fifo = std::ffi::CString::new(dir.path().join("pipe.scenario.ron").as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);

    let app = app_with_authored(data.path(), dir.path());
    let library = app.world().resource::<GameLibrary>();
    let ids: Vec<&str> = library.scenarios().iter().map(|l| l.scenario.id.as_str()).collect();
    assert_eq!(ids, ["base", "mine"]);
    let problems = problems(&app);
    assert!(problems.iter().any(|p| p.contains("pipe.scenario.ron") && p.contains("FIFO")), "{problems:?}");
}

#[test]
fn a_missing_authored_folder_is_said_not_silently_empty() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("no-such-folder");
    let app = app_with_authored(data.path(), &missing);
    let problems = problems(&app);
    assert!(problems.iter().any(|p| p.contains("there is no scenarios folder here")), "{problems:?}");
}

#[test]
fn an_exported_report_can_be_opened_and_shown_in_its_folder() {
    use std::sync::Mutex;

    use super::actions::Opener;
    use super::debrief::Debrief;

    static OPENED: Mutex<Vec<std::path::PathBuf>> = Mutex::new(Vec::new());
    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    app.insert_resource(Opener(|path| {
        OPENED.lock().unwrap().push(path.to_owned());
        Ok(())
    }));
    act(&mut app, &[UiAction::Open("base".into()), UiAction::Start]);
    act(&mut app, &[UiAction::Choose("kind".into()), UiAction::Continue, UiAction::Choose("fine".into())]);
    act(&mut app, &[UiAction::Continue, UiAction::Continue, UiAction::ReflectOnPlay, UiAction::Export]);
    let report = app.world().resource::<Debrief>().open.as_ref().and_then(|o| o.exported.clone()).expect("exported");
    assert!(report.exists());
    act(&mut app, &[UiAction::OpenFile(report.clone()), UiAction::OpenFile(report.parent().unwrap().to_owned())]);
    assert_eq!(*OPENED.lock().unwrap(), [report.clone(), report.parent().unwrap().to_owned()]);
}
