//! Loading many scenario files at once. A broken file is kept aside with its
//! diagnostics; every valid scenario stays available.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::catalogues::Catalogues;
use crate::diagnostic::Diagnostic;
use crate::files;
use crate::scenario::model::Scenario;
use crate::scenario::parse::{MAX_FILE_BYTES, parse};
use crate::scenario::shipped::SHIPPED;
use crate::scenario::validate::validate;
use crate::scoring::Analysis;

/// The file name ending that marks a scenario.
pub const SCENARIO_SUFFIX: &str = ".scenario.ron";

/// A scenario that loaded without errors, with any warnings about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: String,
    pub scenario: Arc<Scenario>,
    pub warnings: Vec<Diagnostic>,
    /// Its path totals and recommended path.
    pub analysis: Analysis,
}

/// A file that did not load, with everything wrong with it.
#[derive(Debug, Clone)]
pub struct Problem {
    pub file: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and validates one file's bytes: a loaded scenario, or every diagnostic
/// found if there is any error. The game's asset loader and the CLI both use this.
pub fn load_bytes(file: &str, bytes: &[u8], catalogues: &Catalogues) -> Result<Loaded, Problem> {
    let parsed = parse(file, bytes).map_err(|d| Problem { file: file.to_owned(), diagnostics: vec![d] })?;
    let (diagnostics, graph) = validate(file, &parsed, catalogues);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Problem { file: file.to_owned(), diagnostics });
    }
    let analysis = Analysis::of(&graph, catalogues);
    drop(graph);
    Ok(Loaded { file: file.to_owned(), scenario: Arc::new(parsed.scenario), warnings: diagnostics, analysis })
}

/// [`load_bytes`] for many files at once, spread over the machine's cores; the
/// outcomes come back in the order of `sources` (file name, contents).
pub fn load_many(sources: &[(String, Vec<u8>)], catalogues: &Catalogues) -> Vec<Result<Loaded, Problem>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(sources.len().max(1));
    let chunk = sources.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = sources
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter().map(|(file, bytes)| load_bytes(file, bytes, catalogues)).collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// Every scenario found under some paths, and the files that failed.
#[derive(Debug, Default)]
pub struct Library {
    pub scenarios: Vec<Loaded>,
    pub problems: Vec<Problem>,
    /// Scenario id to its position in `scenarios`.
    ids: HashMap<String, usize>,
}

impl Library {
    /// The scenarios shipped with Boundaries, as built into this binary.
    pub fn shipped(catalogues: &Catalogues) -> Library {
        let sources: Vec<(String, Vec<u8>)> =
            SHIPPED.iter().map(|(name, text)| (format!("scenarios/{name}"), text.as_bytes().to_vec())).collect();
        let mut library = Library::default();
        for outcome in load_many(&sources, catalogues) {
            library.add(outcome);
        }
        library
    }

    /// Loads each path: a file as named, or every `*.scenario.ron` below a folder.
    pub fn load(paths: &[PathBuf], catalogues: &Catalogues) -> Library {
        let mut library = Library::default();
        let mut unreadable = Vec::new();
        let files: Vec<PathBuf> = paths.iter().flat_map(|path| scenario_files(path, &mut unreadable)).collect();
        library.problems = unreadable;
        let mut sources = Vec::new();
        for file in files {
            let label = file.display().to_string();
            match files::read_regular(&file, MAX_FILE_BYTES as u64, "a scenario file") {
                Ok(bytes) => sources.push((label, bytes)),
                Err(e) => library.add(Err(Problem {
                    file: label.clone(),
                    diagnostics: vec![Diagnostic::error(&label, format!("cannot read the file: {}", e.reason()))],
                })),
            }
        }
        for outcome in load_many(&sources, catalogues) {
            library.add(outcome);
        }
        library
    }

    /// Adds one file's outcome; a scenario whose id an earlier file already uses
    /// becomes a problem.
    pub fn add(&mut self, outcome: Result<Loaded, Problem>) {
        match outcome {
            Ok(loaded) => match self.ids.get(&loaded.scenario.id).map(|&i| &self.scenarios[i]) {
                Some(first) => {
                    let message = format!("scenario id \"{}\" is already used by {}", loaded.scenario.id, first.file);
                    let mut diagnostics = vec![Diagnostic::error(&loaded.file, message)];
                    diagnostics.extend(loaded.warnings);
                    self.problems.push(Problem { file: loaded.file, diagnostics });
                }
                None => {
                    self.ids.insert(loaded.scenario.id.clone(), self.scenarios.len());
                    self.scenarios.push(loaded);
                }
            },
            Err(problem) => self.problems.push(problem),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Loaded> {
        self.ids.get(id).map(|&i| &self.scenarios[i])
    }

    /// All diagnostics, file by file: problems' and loaded scenarios' warnings.
    pub fn diagnostics(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = self
            .problems
            .iter()
            .flat_map(|p| &p.diagnostics)
            .chain(self.scenarios.iter().flat_map(|s| &s.warnings))
            .collect();
        all.sort_by(|a, b| a.file.cmp(&b.file));
        all
    }
}

/// The scenario files a path stands for, sorted; folders that cannot be read,
/// special files and walks stopped at their bounds become problems.
fn scenario_files(path: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_owned()];
    }
    let walk = files::walk(path, SCENARIO_SUFFIX, files::Bounds::FOLDERS);
    for (place, why) in walk.problems {
        let label = place.display().to_string();
        problems.push(Problem { file: label.clone(), diagnostics: vec![Diagnostic::error(&label, why)] });
    }
    walk.files
}
