//! A play as xAPI statements, for an organisation's learning record store.

pub mod model;
mod statements;

pub use statements::{IRI, Identity, registration, statements};
