//! `boundaries validate`: every problem in every file, with source snippets.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Stream, colour};
use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::Library;

pub(super) fn run(paths: &[PathBuf], catalogues: &Catalogues) -> ExitCode {
    report(&Library::load(paths, catalogues))
}

/// Prints every diagnostic of a loaded library and a summary.
pub(super) fn report(library: &Library) -> ExitCode {
    let diagnostics = library.diagnostics();
    let colour = colour(Stream::Stdout);
    for diagnostic in &diagnostics {
        println!("{}", diagnostic.render(colour));
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let files = library.scenarios.len() + library.problems.len();
    say!(
        "Checked {files} file{}: {} valid, {} with errors; {errors} error{}, {warnings} warning{}.",
        plural(files),
        library.scenarios.len(),
        library.problems.len(),
        plural(errors),
        plural(warnings),
    );
    if files == 0 {
        say!("No scenario files (*.scenario.ron) were found.");
    }
    if library.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
