//! The actions a screen's body returns: what the player (or the trainer) asked for.
//! The game carries them out; headless tests send the same ones.

use std::path::PathBuf;

use boundaries_core::play::Reflection;
use boundaries_core::settings::Settings;

use crate::nav::{LibraryFilter, RecordFilter, Screen};

/// What the player asked for, from any screen: a body returns it, the game carries it out.
#[derive(Debug, Clone, PartialEq)]
pub enum UiAction {
    /// Go to a screen.
    Go(Screen),
    /// Open a scenario's briefing.
    Open(String),
    /// Start (or restart, with a new seed) the selected scenario.
    Start,
    /// Pick a choice by id.
    Choose(String),
    /// How sure the player was, 1 to 5, or none if they skipped.
    Confidence(Option<u8>),
    /// Move on after feedback (or from the ending to the result).
    Continue,
    /// Leave the play; what was played is already recorded as abandoned.
    Leave,
    Filter(LibraryFilter),
    Settings(Settings),
    /// Filter the record browser.
    FilterRecords(RecordFilter),
    /// Progress over everyone's plays (true) or only the player's own (false).
    ProgressOfEveryone(bool),
    /// Replay a recorded play from its first decision.
    Replay(PathBuf),
    /// Replay the play just finished, from its end, to reflect on it.
    ReflectOnPlay,
    /// Show this decision of the replay (one past the last is the end).
    Step(usize),
    /// The reflection as it is being written.
    Draft(Reflection),
    /// Save the reflection into the record.
    Reflect(Reflection),
    /// Write the replayed play's report.
    Export,
    /// Open a file or a folder with what the computer opens it with (an exported
    /// report, or the folder it is in).
    OpenFile(PathBuf),
    /// Carry on the replayed play, which was left part-way.
    Resume,
    /// Run the selected scenario for a group; with `two_windows`, the audience gets
    /// its own window.
    StartGroup {
        two_windows: bool,
    },
    Quit,
}

/// What the trainer asks for, by key or click.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupAction {
    Forward,
    Back,
    /// One hand for the choice at this position (before the reveal), or pick it as
    /// the group's choice (after).
    Number(usize),
    Undo,
    /// After the reveal, move the group's choice down (1) or up (-1) the list.
    Pick(i32),
    /// Whole counts at once.
    Votes(Vec<u32>),
    /// Change how many people are present.
    Present(i32),
    /// Take this choice by id (for scripts), with whatever votes were entered.
    Choose(String),
    Blank,
    Timer,
    TogglePresenter,
    /// Put the audience's window full screen (on the monitor chosen, or the one it is
    /// on), or back in a window.
    Fullscreen,
    /// Turn voting by phone on, or back to a show of hands.
    Phones,
    /// Serve the phones' page on the laptop's next network address.
    NextAddress,
    Leave,
}
