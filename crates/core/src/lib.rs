//! Boundaries: a game in which new health and social care workers practise the
//! judgement calls of professional relationships.
//!
//! This is its core: the scenario format, validation, scoring, plays and records,
//! replays, reports and the catalogues, in plain Rust with no Bevy, no egui and no
//! command-line parsing, driven the same way by the command line, the game and the
//! tests. Modules depend downwards only, in this order from the bottom: `text`,
//! `files` and `diagnostic`; `catalogues`; `scenario`; `scoring`; `library`;
//! `play`; `report`. `settings` stands on `files` alone.

pub mod catalogues;
pub mod diagnostic;
pub mod files;
pub mod library;
pub mod play;
pub mod report;
pub mod scenario;
pub mod scoring;
pub mod settings;
pub mod text;
pub mod xapi;
