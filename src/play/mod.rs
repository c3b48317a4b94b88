//! Playing a scenario: the play-through state machine, its records and where they are kept.

pub mod playthrough;
pub mod record;
pub mod store;

pub use playthrough::{Current, PlayError, PlayOptions, Playthrough};
pub use record::{Decision, Record};
pub use store::RecordStore;
