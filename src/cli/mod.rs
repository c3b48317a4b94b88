//! The command line: `validate`, `list`, `play`, `graph` and `coverage`. Each command
//! loads the library and catalogues the same way and prints plain text that reads
//! well in a terminal and pipes cleanly.

mod coverage;
mod list;
mod play;
mod validate;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::catalogues::Catalogues;
use crate::scenario::Library;
use crate::scenario::graph::{self, Format};

#[derive(Debug, Parser)]
#[command(
    name = "boundaries",
    version,
    about = "Practise the judgement calls of professional relationships in care work."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Folder of scenario files.
    #[arg(long, global = true, value_name = "DIR", default_value = "scenarios")]
    pub scenarios: PathBuf,

    /// Folder with an organisation's own principles.ron and guide.ron (default: the shipped ones).
    #[arg(long, global = true, value_name = "DIR")]
    pub catalogues: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files and report every problem found.
    Validate {
        /// Files or folders to check (default: the scenarios folder).
        paths: Vec<PathBuf>,
    },
    /// List the scenarios in the library.
    List,
    /// Play a scenario in the terminal.
    Play {
        /// The scenario's id.
        id: String,
        /// Seeds the order choices are shown in (default: random).
        #[arg(long)]
        seed: Option<u64>,
        /// Take these choices by id, without prompting (a choice without an id has its position in the file).
        #[arg(long, value_delimiter = ',', value_name = "ID,ID,...")]
        choose: Vec<String>,
        /// Your name, kept in the record.
        #[arg(long)]
        name: Option<String>,
        /// Show choices in the order written instead of shuffled.
        #[arg(long)]
        in_order: bool,
    },
    /// Print a scenario as a graph.
    Graph {
        id: String,
        #[arg(long, value_enum, default_value = "dot")]
        format: Format,
    },
    /// Show which guide sections and principles the library covers.
    Coverage,
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let Some(command) = cli.command else {
        eprintln!("The game window is not part of this build yet. Use a command instead; see `boundaries --help`.");
        return ExitCode::from(2);
    };
    let catalogues = match &cli.catalogues {
        Some(dir) => Catalogues::load_dir(dir),
        None => Catalogues::shipped(),
    };
    let catalogues = match catalogues {
        Ok(catalogues) => catalogues,
        Err(problems) => {
            for problem in problems {
                eprintln!("{}", problem.render(colour(Stream::Stderr)));
            }
            return ExitCode::from(2);
        }
    };
    let library = || load_library(&cli.scenarios, &catalogues);
    match command {
        Command::Validate { paths } => {
            let paths = if paths.is_empty() { vec![cli.scenarios.clone()] } else { paths };
            validate::run(&paths, &catalogues)
        }
        Command::List => list::run(&library(), &catalogues),
        Command::Play { id, seed, choose, name, in_order } => {
            let options = play::Options { seed, choose, name, in_order };
            play::run(&library(), &catalogues, &id, options)
        }
        Command::Graph { id, format } => with_scenario(&library(), &id, |loaded| {
            print!("{}", graph::render(&loaded.scenario, format));
            ExitCode::SUCCESS
        }),
        Command::Coverage => coverage::run(&library(), &catalogues),
    }
}

/// Loads the scenarios folder, warning on standard error about files that failed.
fn load_library(dir: &PathBuf, catalogues: &Catalogues) -> Library {
    if !dir.exists() {
        eprintln!("warning: there is no scenarios folder at {}; use --scenarios DIR", dir.display());
    }
    let library = Library::load(std::slice::from_ref(dir), catalogues);
    if !library.problems.is_empty() {
        eprintln!(
            "warning: {} scenario file(s) did not load; run `boundaries validate` for details",
            library.problems.len()
        );
    }
    library
}

fn with_scenario(library: &Library, id: &str, f: impl FnOnce(&crate::scenario::Loaded) -> ExitCode) -> ExitCode {
    match library.get(id) {
        Some(loaded) => f(loaded),
        None => {
            let ids: Vec<&str> = library.scenarios.iter().map(|s| s.scenario.id.as_str()).collect();
            eprintln!("error: no scenario \"{id}\" in the library; there are: {}", ids.join(", "));
            ExitCode::from(2)
        }
    }
}

enum Stream {
    Stdout,
    Stderr,
}

/// Colour only for a terminal, and never when NO_COLOR is set.
fn colour(stream: Stream) -> bool {
    let terminal = match stream {
        Stream::Stdout => std::io::stdout().is_terminal(),
        Stream::Stderr => std::io::stderr().is_terminal(),
    };
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A table with no borders, left-aligned, that pipes cleanly.
fn table(header: &[&str]) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table.load_style(comfy_table::presets::NOTHING).set_header(header.iter().copied());
    table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    if !std::io::stdout().is_terminal() {
        table.set_width(200);
    }
    table
}

/// Prints a table without the padding it leaves at the end of lines.
fn print_table(table: &comfy_table::Table) {
    for line in table.lines() {
        println!("{}", line.trim_end());
    }
}
