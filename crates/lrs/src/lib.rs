//! An organisation's records: a play's xAPI statements sent from the outbox to its
//! learning record store (LRS), and read back for the cohort. The network is only
//! ever touched here; the engine builds the statements and keeps the outbox.

mod client;
mod config;
mod sync;

pub use client::{BATCH, Lrs, LrsError};
pub use config::{Config, Settings};
pub use sync::{Synced, queue_plays, sync, waiting_words};
