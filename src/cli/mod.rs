//! The command line: `validate`, `list`, `play`, `graph` and `coverage`. Each command
//! loads the library and catalogues the same way and prints plain text that reads
//! well in a terminal and pipes cleanly.

/// `println!` for anything that may hold what an author or a player typed: control
/// characters and bidirectional overrides are shown, not obeyed by the terminal.
macro_rules! say {
    () => { println!() };
    ($($arg:tt)*) => { println!("{}", boundaries_core::text::for_terminal(&format!($($arg)*))) };
}

/// [`say!`] without the new line.
macro_rules! say_raw {
    ($($arg:tt)*) => { print!("{}", boundaries_core::text::for_terminal(&format!($($arg)*))) };
}

/// `eprintln!` made safe as [`say!`] is.
macro_rules! complain {
    ($($arg:tt)*) => { eprintln!("{}", boundaries_core::text::for_terminal(&format!($($arg)*))) };
}

mod coverage;
mod list;
mod lrs;
mod play;
mod records;
mod report;
mod validate;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use boundaries_core::catalogues::Catalogues;
use boundaries_core::library::Library;
use boundaries_core::scenario::graph;

#[derive(Debug, Parser)]
#[command(
    name = "boundaries",
    version,
    about = "Practise the judgement calls of professional relationships in care work."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Folder of scenario files (default: ./scenarios if there is one, else the shipped library).
    /// The game loads it beside the shipped library and reloads it when a file changes.
    #[arg(long, global = true, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,

    /// Folder with an organisation's own principles.ron and guide.ron (default: the shipped ones).
    #[arg(long, global = true, value_name = "DIR")]
    pub catalogues: Option<PathBuf>,

    #[command(flatten)]
    pub game: GameArgs,
}

/// Options for starting the game, for scripts and documentation.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct GameArgs {
    /// Open this scenario's briefing.
    #[arg(long, value_name = "ID")]
    pub open: Option<String>,
    /// With --open: start playing and take these choices by id.
    #[arg(long, value_delimiter = ',', value_name = "ID,ID,...")]
    pub choose: Vec<String>,
    /// The screen to show.
    #[arg(long, value_enum)]
    pub screen: Option<StartScreen>,
    /// Write a PNG of the settled screen to this path, then exit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
    /// Run a scenario for a group: a presenter window and an audience window.
    #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "")]
    pub induction: Option<String>,
    /// With --induction: one window, the presenter panel shown or hidden with N.
    #[arg(long)]
    pub single_screen: bool,
    /// With --induction: the monitor the audience window goes full screen on, counting
    /// from 0 (default: the one it is on when the trainer asks).
    #[arg(long, value_name = "N")]
    pub audience_monitor: Option<usize>,
    /// With --induction: how many people are present.
    #[arg(long, value_name = "N")]
    pub present: Option<u32>,
    /// With --induction: the room votes from their phones on the local network
    /// (the presenter's P turns it on and off).
    #[arg(long)]
    pub phones: bool,
    /// The address to serve the phones' page on, when the laptop has several (a VPN or
    /// a virtual adapter, say); by default the likeliest private address.
    #[arg(long, value_name = "IP")]
    pub phones_address: Option<std::net::IpAddr>,
    /// With --induction: open the vote at the current decision (to see what the room
    /// sees while it votes).
    #[arg(long)]
    pub open_vote: bool,
    /// With --induction: enter a show of hands at the current decision and reveal it.
    #[arg(long, value_delimiter = ',', value_name = "N,N,...")]
    pub votes: Vec<u32>,
    /// The window's size in pixels, such as 1024x600 (default 1280x800).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub window: Option<(u32, u32)>,
}

/// `1024x600` as (1024, 600).
fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text.split_once(['x', 'X']).ok_or("give the size as WIDTHxHEIGHT, such as 1024x600")?;
    let number = |s: &str| s.trim().parse::<u32>().ok().filter(|n| (200..=8192).contains(n));
    match (number(w), number(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err("width and height must be whole numbers of pixels from 200 to 8192".into()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum StartScreen {
    Title,
    Library,
    Play,
    Result,
    Settings,
    /// The record browser.
    Records,
    /// What the organisation's learning record store holds.
    Cohort,
    /// The replay of the scripted play, at its first decision.
    Replay,
    /// The end of that replay: the result, the paths drawn, the reflection.
    ReplayEnd,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
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
        format: GraphFormat,
    },
    /// Show which guide sections and principles the library covers.
    Coverage,
    /// List the plays kept so far, newest first.
    Records {
        /// Only plays of this scenario.
        #[arg(long, value_name = "ID")]
        scenario: Option<String>,
        /// Only plays by this player.
        #[arg(long)]
        name: Option<String>,
    },
    /// Write a debrief report of a play.
    Report {
        /// The record file (see `boundaries records`).
        record: PathBuf,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Write to this file instead of standard output (a new file, unless --force).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists (never a record, a link or anything but a plain file).
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Send the plays kept to the organisation's learning record store.
    Sync,
    /// What the organisation's learning record store holds: plays, bands, ratings
    /// and how each decision split, solo and group apart.
    Cohort {
        /// Only this scenario (default: the whole library).
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Set up or test the learning record store.
    Lrs {
        #[command(subcommand)]
        action: LrsAction,
    },
    /// Show a player's ratings per principle across their plays over time.
    Progress {
        /// Only this player's plays (default: everyone's).
        #[arg(long)]
        name: Option<String>,
    },
}

/// What `boundaries lrs` does.
#[derive(Debug, Subcommand)]
pub(crate) enum LrsAction {
    /// Test the endpoint and the credentials.
    Check,
    /// Keep the LRS's settings (the secret is read from standard input).
    Set {
        /// The xAPI endpoint, such as https://lrs.example.org/xapi/
        #[arg(long)]
        endpoint: String,
        #[arg(long)]
        key: String,
        /// The organisation's home page, under which players' accounts are named.
        #[arg(long)]
        home_page: String,
        /// The player's account name for the organisation (default: anonymous).
        #[arg(long)]
        account: Option<String>,
        /// The trainer's account name, for group sessions.
        #[arg(long)]
        instructor: Option<String>,
    },
}

/// The graph languages `graph` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}

impl From<GraphFormat> for graph::Format {
    fn from(format: GraphFormat) -> graph::Format {
        match format {
            GraphFormat::Dot => graph::Format::Dot,
            GraphFormat::Mermaid => graph::Format::Mermaid,
        }
    }
}

/// The document formats `report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    #[value(name = "md")]
    Markdown,
    Html,
}

impl From<ReportFormat> for boundaries_core::report::Format {
    fn from(format: ReportFormat) -> boundaries_core::report::Format {
        match format {
            ReportFormat::Markdown => boundaries_core::report::Format::Markdown,
            ReportFormat::Html => boundaries_core::report::Format::Html,
        }
    }
}

/// The catalogues named on the command line, or the shipped ones; problems are
/// printed to standard error.
pub(crate) fn load_catalogues(dir: Option<&Path>) -> Option<Catalogues> {
    match dir.map_or_else(Catalogues::shipped, Catalogues::load_dir) {
        Ok(catalogues) => Some(catalogues),
        Err(problems) => {
            for problem in problems {
                eprintln!("{}", problem.render(colour(Stream::Stderr)));
            }
            None
        }
    }
}

/// Runs a subcommand.
pub(crate) fn run(command: Command, cli: &Cli) -> ExitCode {
    let Some(catalogues) = load_catalogues(cli.catalogues.as_deref()) else { return ExitCode::from(2) };
    let library = || load_library(cli.scenarios.as_deref(), &catalogues);
    match command {
        Command::Validate { paths } => match (paths.is_empty(), &cli.scenarios) {
            (false, _) => validate::run(&paths, &catalogues),
            (true, Some(dir)) => validate::run(std::slice::from_ref(dir), &catalogues),
            (true, None) if Path::new(LOCAL_SCENARIOS).is_dir() => {
                validate::run(&[LOCAL_SCENARIOS.into()], &catalogues)
            }
            (true, None) => validate::report(&Library::shipped(&catalogues)),
        },
        Command::List => list::run(&library(), &catalogues),
        Command::Play { id, seed, choose, name, in_order } => {
            let options = play::Options { seed, choose, name, in_order };
            play::run(&library(), &catalogues, &id, options)
        }
        Command::Graph { id, format } => with_scenario(&library(), &id, |loaded| {
            say_raw!("{}", graph::render(&loaded.scenario, format.into()));
            ExitCode::SUCCESS
        }),
        Command::Coverage => coverage::run(&library(), &catalogues),
        Command::Records { scenario, name } => records::list(&library(), scenario.as_deref(), name.as_deref()),
        Command::Report { record, format, output, force } => {
            report::run(&library(), &catalogues, &resolve_record(&record), format.into(), output.as_ref(), force)
        }
        Command::Progress { name } => records::show_progress(&catalogues, name.as_deref()),
        Command::Sync => lrs::run_sync(&library(), &catalogues),
        Command::Cohort { scenario } => lrs::cohort(&library(), &catalogues, scenario.as_deref()),
        Command::Lrs { action: LrsAction::Check } => lrs::check(),
        Command::Lrs { action: LrsAction::Set { endpoint, key, home_page, account, instructor } } => {
            lrs::set(boundaries_lrs::Settings { endpoint, key, home_page, account, instructor })
        }
    }
}

/// A record named by its path, or by its file name in the records folder.
fn resolve_record(record: &Path) -> PathBuf {
    if record.exists() || record.components().count() > 1 {
        return record.to_owned();
    }
    boundaries_core::play::RecordStore::open_default()
        .map(|store| store.dir().join(record))
        .unwrap_or_else(|_| record.to_owned())
}

/// The folder the command line uses when `--scenarios` is not given, if it exists.
const LOCAL_SCENARIOS: &str = "scenarios";

/// Loads the scenarios folder (or the shipped library), warning on standard error
/// about files that failed.
fn load_library(dir: Option<&Path>, catalogues: &Catalogues) -> Library {
    let library = match dir {
        Some(dir) => {
            if !dir.exists() {
                complain!("warning: there is no scenarios folder at {}", dir.display());
            }
            Library::load(&[dir.to_owned()], catalogues)
        }
        None if Path::new(LOCAL_SCENARIOS).is_dir() => Library::load(&[LOCAL_SCENARIOS.into()], catalogues),
        None => Library::shipped(catalogues),
    };
    if !library.problems.is_empty() {
        complain!(
            "warning: {} scenario file(s) did not load; run `boundaries validate` for details",
            library.problems.len()
        );
    }
    library
}

fn with_scenario(
    library: &Library,
    id: &str,
    f: impl FnOnce(&boundaries_core::library::Loaded) -> ExitCode,
) -> ExitCode {
    match library.get(id) {
        Some(loaded) => f(loaded),
        None => {
            let ids: Vec<&str> = library.scenarios.iter().map(|s| s.scenario.id.as_str()).collect();
            complain!("error: no scenario \"{id}\" in the library; there are: {}", ids.join(", "));
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

/// The most characters a table cell shows; longer text is cut with an ellipsis, so
/// a table takes time in proportion to what it shows, whatever is in a file.
const MAX_CELL: usize = 300;

/// A table row of untrusted text: each cell one line, cut to [`MAX_CELL`] and with
/// control characters made visible.
fn row<S: AsRef<str>>(cells: impl IntoIterator<Item = S>) -> Vec<String> {
    cells.into_iter().map(|cell| boundaries_core::text::cell(cell.as_ref(), MAX_CELL)).collect()
}

/// A table with no borders, left-aligned, that pipes cleanly.
fn table(header: &[&str]) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table.load_style(comfy_table::presets::NOTHING).set_header(row(header.iter().copied()));
    table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    if !std::io::stdout().is_terminal() {
        table.set_width(200);
    }
    table
}

/// Prints a table without the padding it leaves at the end of lines.
fn print_table(table: &comfy_table::Table) {
    for line in table.lines() {
        say!("{}", line.trim_end());
    }
}
