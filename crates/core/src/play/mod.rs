//! Playing a scenario: the play-through state machine, its records and where they are kept.

pub mod ballot;
pub mod confidence;
pub mod group;
mod phase;
pub mod playthrough;
pub mod progress;
pub mod record;
pub mod replay;
pub mod store;

pub use phase::Phase;
pub use playthrough::{Current, PlayError, PlayOptions, Playthrough};
pub use record::{Decision, Record, Reflection, Resumption};
pub use replay::Replay;
pub use store::{RecordFile, RecordStore};
