//! A play as xAPI statements, for an organisation's learning record store, and the
//! outbox they wait in until it has them.

mod cohort;
pub mod model;
mod outbox;
mod statements;

pub use cohort::{ChoiceSplit, Part, PartView, Spread, Who, by_scenario, cohort, most_chosen_first, present};
pub use outbox::{Outbox, Rejected};
pub use statements::{IRI, Identity, registration, statements};
