//! The shipped library, built into the binary (see `build.rs`).

use super::library::{Library, load_many};
use crate::catalogues::Catalogues;

include!(concat!(env!("OUT_DIR"), "/shipped_scenarios.rs"));

impl Library {
    /// The scenarios shipped with Boundaries, as built into this binary.
    pub fn shipped(catalogues: &Catalogues) -> Library {
        let sources: Vec<(String, Vec<u8>)> =
            SHIPPED.iter().map(|(name, text)| (format!("scenarios/{name}"), text.as_bytes().to_vec())).collect();
        let mut library = Library::default();
        for outcome in load_many(&sources, catalogues) {
            library.add(outcome);
        }
        library
    }
}
