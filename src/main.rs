//! The `boundaries` binary: a command, or (with none) the game.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    boundaries::cli::run(boundaries::cli::Cli::parse())
}
