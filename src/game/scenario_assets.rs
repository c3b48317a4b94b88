//! Scenarios as Bevy assets. A loader for `.scenario.ron` calls the shared's parser
//! and validator, so the game's errors read exactly as `boundaries validate`'s. Files
//! come from two asset sources: the shipped library (the folder beside the program or
//! in the source tree, else the copies built into the binary) and an author's own
//! folder given with `--scenarios DIR`. Both are watched: saving a file updates the
//! library, and a broken edit is listed as a problem while its last good version
//! stays playable.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bevy::asset::io::memory::{Dir, MemoryAssetReader};
use bevy::asset::io::{AssetSourceBuilder, Reader};
use bevy::asset::{AssetLoader, LoadContext, LoadedFolder};
use bevy::prelude::*;
use boundaries_core::catalogues::Catalogues;
use boundaries_core::files;
use boundaries_core::library::{Loaded, Problem, SCENARIO_SUFFIX, load_bytes};
use boundaries_core::scenario::parse::MAX_FILE_BYTES;
use boundaries_core::scenario::shipped::SHIPPED;

use super::Shared;

pub(super) const SHIPPED_SOURCE: &str = "shipped";
pub(super) const AUTHORED_SOURCE: &str = "authored";

pub(super) fn plugin(app: &mut App) {
    app.init_asset::<ScenarioFile>()
        .init_asset_loader::<ScenarioLoader>()
        .init_resource::<GameLibrary>()
        .add_systems(Startup, load_folders)
        .add_systems(PreUpdate, (track_files, track_readiness).chain());
}

/// Where the asset sources read from, for naming files in messages.
#[derive(Resource, Clone, Default)]
pub(super) struct SourceDirs {
    /// The shipped scenarios folder on disk, or none for the built-in copies.
    pub shipped: Option<PathBuf>,
    pub authored: Option<PathBuf>,
}

/// Registers the scenario sources; must run before the `AssetPlugin` is added.
pub(super) fn register_sources(app: &mut App, authored: Option<&Path>) {
    let shipped = shipped_folder();
    let builder = match &shipped {
        Some(dir) => AssetSourceBuilder::platform_default(&dir.to_string_lossy(), None),
        None => memory_source(SHIPPED.iter().map(|(name, text)| (*name, *text))),
    };
    app.register_asset_source(SHIPPED_SOURCE, builder);
    let authored = authored.map(|dir| std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned()));
    if let Some(dir) = &authored {
        app.register_asset_source(AUTHORED_SOURCE, AssetSourceBuilder::platform_default(&dir.to_string_lossy(), None));
    }
    app.insert_resource(SourceDirs { shipped, authored });
}

/// An asset source holding files in memory: the built-in library, and tests.
pub(super) fn memory_source<'a>(files: impl Iterator<Item = (&'a str, &'a str)>) -> AssetSourceBuilder {
    let dir = Dir::default();
    for (name, text) in files {
        dir.insert_asset_text(Path::new(name), text);
    }
    AssetSourceBuilder::new(move || Box::new(MemoryAssetReader { root: dir.clone() }))
}

/// The shipped scenarios on disk, so they can be edited and reloaded: beside the
/// program, or in the source tree it was built from.
fn shipped_folder() -> Option<PathBuf> {
    let beside_exe = std::env::current_exe().ok().and_then(|exe| exe.parent().map(|dir| dir.join("scenarios")));
    let source_tree = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    [beside_exe, Some(source_tree)].into_iter().flatten().find(|dir| dir.is_dir())
}

/// One scenario file as loaded: the scenario, or why it did not load.
#[derive(Asset, TypePath, Debug)]
pub(super) struct ScenarioFile {
    pub outcome: Result<Loaded, Problem>,
}

/// Parses and validates `.scenario.ron` files with the shared.
#[derive(TypePath)]
pub(super) struct ScenarioLoader {
    catalogues: Arc<Catalogues>,
    dirs: SourceDirs,
}

impl FromWorld for ScenarioLoader {
    fn from_world(world: &mut World) -> Self {
        let catalogues = Arc::new(world.resource::<Shared>().catalogues.clone());
        let dirs = world.get_resource::<SourceDirs>().cloned().unwrap_or_default();
        ScenarioLoader { catalogues, dirs }
    }
}

impl ScenarioLoader {
    /// The file as a person would name it: its path on disk where there is one.
    fn label(&self, context: &LoadContext) -> String {
        let asset_path = context.path();
        let dir = match asset_path.source().as_str() {
            Some(SHIPPED_SOURCE) => self.dirs.shipped.clone().or_else(|| Some(PathBuf::from("scenarios"))),
            Some(AUTHORED_SOURCE) => self.dirs.authored.clone(),
            _ => None,
        };
        match dir {
            Some(dir) => dir.join(asset_path.path()).display().to_string(),
            None => asset_path.to_string(),
        }
    }
}

impl AssetLoader for ScenarioLoader {
    type Asset = ScenarioFile;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _: &(),
        context: &mut LoadContext<'_>,
    ) -> Result<ScenarioFile, Self::Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        bytes.truncate(MAX_FILE_BYTES + 1);
        Ok(ScenarioFile { outcome: load_bytes(&self.label(context), &bytes, &self.catalogues) })
    }

    fn extensions(&self) -> &[&str] {
        &["scenario.ron"]
    }
}

/// The folders being loaded, and an author's files loaded one by one where their
/// folder is not safe to hand to the asset server whole.
#[derive(Resource)]
struct Folders {
    folders: Vec<Handle<LoadedFolder>>,
    files: Vec<Handle<ScenarioFile>>,
}

fn load_folders(
    mut commands: Commands,
    server: Res<AssetServer>,
    dirs: Option<Res<SourceDirs>>,
    mut library: ResMut<GameLibrary>,
) {
    let mut loading = Folders { folders: vec![server.load_folder(format!("{SHIPPED_SOURCE}://"))], files: Vec::new() };
    if let Some(dir) = dirs.as_ref().and_then(|d| d.authored.as_deref()) {
        load_authored(dir, &server, &mut loading, &mut library);
    }
    commands.insert_resource(loading);
}

/// An author's folder is checked by the shared's walk first: a folder that is not
/// there is a problem to show; one that loops, holds special files or is too large
/// to walk has its problems listed and only the regular files found are loaded.
fn load_authored(dir: &Path, server: &AssetServer, loading: &mut Folders, library: &mut GameLibrary) {
    let problem = |library: &mut GameLibrary, path: &Path, why: String| {
        let label = path.display().to_string();
        let diagnostics = vec![boundaries_core::diagnostic::Diagnostic::error(&label, why)];
        library.update(1, label.clone(), &Err(Problem { file: label, diagnostics }));
    };
    if !dir.is_dir() {
        problem(library, dir, "there is no scenarios folder here, so no scenarios of your own are loaded".into());
        return;
    }
    let walk = files::walk(dir, SCENARIO_SUFFIX, files::Bounds::FOLDERS);
    if walk.problems.is_empty() && walk.repeats == 0 {
        loading.folders.push(server.load_folder(format!("{AUTHORED_SOURCE}://")));
        return;
    }
    for (path, why) in walk.problems {
        problem(library, &path, why);
    }
    for file in walk.files {
        if let Ok(relative) = file.strip_prefix(dir) {
            let path = relative.to_string_lossy().replace('\\', "/");
            loading.files.push(server.load(format!("{AUTHORED_SOURCE}://{path}")));
        }
    }
}

/// One file's state in the game's library.
#[derive(Debug, Default)]
pub(super) struct Entry {
    /// The last version that loaded without errors.
    pub good: Option<Loaded>,
    /// What is wrong with the current version, if anything.
    pub problem: Option<Problem>,
}

/// Every scenario file the game knows, keyed by source and path.
#[derive(Resource, Default)]
pub(super) struct GameLibrary {
    entries: BTreeMap<(u8, String), Entry>,
    /// Whether the folders have finished loading.
    pub ready: bool,
}

impl GameLibrary {
    /// Records a file's new version (shipped files first in order, then an author's).
    pub(super) fn update(&mut self, source_rank: u8, path: String, outcome: &Result<Loaded, Problem>) {
        let entry = self.entries.entry((source_rank, path)).or_default();
        match outcome {
            Ok(loaded) => {
                entry.good = Some(loaded.clone());
                entry.problem = None;
            }
            Err(problem) => entry.problem = Some(problem.clone()),
        }
    }

    pub(super) fn remove(&mut self, source_rank: u8, path: &str) {
        self.entries.remove(&(source_rank, path.to_owned()));
    }

    /// The playable scenarios, each id once (a shipped file wins over an author's),
    /// ordered by level then title.
    pub(super) fn scenarios(&self) -> Vec<&Loaded> {
        let mut seen = std::collections::HashSet::new();
        let mut list: Vec<&Loaded> = self
            .entries
            .values()
            .filter_map(|e| e.good.as_ref())
            .filter(|l| seen.insert(l.scenario.id.as_str()))
            .collect();
        list.sort_by(|a, b| (a.scenario.level, &a.scenario.title).cmp(&(b.scenario.level, &b.scenario.title)));
        list
    }

    pub(super) fn get(&self, id: &str) -> Option<&Loaded> {
        self.entries.values().filter_map(|e| e.good.as_ref()).find(|l| l.scenario.id == id)
    }

    /// Files that failed to load, with whether an earlier version is still playable,
    /// and files whose id another file already uses.
    pub(super) fn problems(&self) -> Vec<(&Problem, bool)> {
        self.entries.values().filter_map(|e| e.problem.as_ref().map(|p| (p, e.good.is_some()))).collect()
    }

    /// What the library screen shows.
    pub(crate) fn shelf(&self) -> boundaries_screens::library::Shelf<'_> {
        boundaries_screens::library::Shelf {
            scenarios: self.scenarios(),
            problems: self.problems(),
            duplicates: self.duplicates(),
            ready: self.ready,
        }
    }

    /// Scenario ids used by more than one file: (id, the file whose copy is ignored).
    pub(super) fn duplicates(&self) -> Vec<(&str, &str)> {
        let mut seen = std::collections::HashSet::new();
        self.entries
            .values()
            .filter_map(|e| e.good.as_ref())
            .filter(|l| !seen.insert(l.scenario.id.as_str()))
            .map(|l| (l.scenario.id.as_str(), l.file.as_str()))
            .collect()
    }
}

fn source_rank(path: &bevy::asset::AssetPath) -> u8 {
    match path.source().as_str() {
        Some(SHIPPED_SOURCE) => 0,
        _ => 1,
    }
}

/// Brings the library up to date as files load, change and disappear.
fn track_files(
    mut events: MessageReader<AssetEvent<ScenarioFile>>,
    files: Res<Assets<ScenarioFile>>,
    server: Res<AssetServer>,
    mut library: ResMut<GameLibrary>,
) {
    for event in events.read() {
        match event {
            AssetEvent::Added { id } | AssetEvent::Modified { id } => {
                let (Some(file), Some(path)) = (files.get(*id), server.get_path(*id)) else { continue };
                library.update(source_rank(&path), path.path().display().to_string(), &file.outcome);
            }
            AssetEvent::Removed { id } => {
                if let Some(path) = server.get_path(*id) {
                    library.remove(source_rank(&path), &path.path().display().to_string());
                }
            }
            _ => {}
        }
    }
}

/// The library is ready when every folder has loaded and each of its files is in it.
fn track_readiness(
    folders: Option<Res<Folders>>,
    loaded: Res<Assets<LoadedFolder>>,
    server: Res<AssetServer>,
    mut library: ResMut<GameLibrary>,
) {
    let Some(folders) = folders else { return };
    let known = |file: bevy::asset::UntypedAssetId| {
        server
            .get_path(file)
            .is_some_and(|path| library.entries.contains_key(&(source_rank(&path), path.path().display().to_string())))
    };
    let files_ready =
        folders.files.iter().all(|file| server.load_state(file).is_failed() || known(file.id().untyped()));
    let ready = files_ready
        && folders.folders.iter().all(|folder| {
            if server.load_state(folder).is_failed() {
                return true;
            }
            let Some(contents) = loaded.get(folder) else { return false };
            contents.handles.iter().all(|file| known(file.id()))
        });
    if ready != library.ready {
        library.ready = ready;
    }
}
