//! The scenario format: model types, parsing with positions, validation, reachability
//! and graph export.

pub mod graph;
pub mod layout;
pub mod model;
pub mod parse;
pub mod reach;
pub mod setting;
pub mod shipped;
pub mod validate;

pub use model::{CastMember, Choice, Ending, Entries, Level, Node, Outcome, Scenario, Scene};
pub use reach::StateGraph;
pub use setting::SettingKind;
