//! Where the player is, apart from any one screen: the screen shown, and the filters
//! the library and the record browser keep. Both the game's logic and the screens
//! use these; neither owns them.

use boundaries_core::scenario::Level;

/// The screens of the game.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    Library,
    Briefing,
    Play,
    Result,
    Settings,
    /// The record browser.
    Records,
    Replay,
    Progress,
    /// What the organisation's learning record store holds: the cohort.
    Cohort,
    /// A trainer running a scenario for a group.
    Induction,
}

/// Which scenarios the library shows.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct LibraryFilter {
    pub principle: Option<String>,
    pub level: Option<Level>,
}

/// Which plays the record browser shows.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct RecordFilter {
    pub scenario: Option<String>,
    pub player: String,
}
