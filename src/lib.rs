//! Boundaries: a game in which new health and social care workers practise the
//! judgement calls of professional relationships.
//!
//! The engine (scenarios, scoring, plays and records) is plain Rust, driven the same
//! way by the command line, the tests and the game.

pub mod catalogues;
pub mod cli;
pub mod diagnostic;
pub mod files;
pub mod play;
pub mod report;
pub mod scenario;
pub mod scoring;
pub mod settings;
pub mod text;
