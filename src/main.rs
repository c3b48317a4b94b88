//! The `boundaries` binary: a command, or (with none) the game.

use std::process::ExitCode;

use clap::Parser;

mod cli;
mod game;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    // Let `boundaries list | head` end quietly when the pipe closes, as other tools do.
    #[cfg(unix)]
    // SAFETY: restoring the default signal disposition before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let mut cli = crate::cli::Cli::parse();
    match cli.command.take() {
        Some(command) => crate::cli::run(command, &cli),
        None => game::run(&cli, started),
    }
}
