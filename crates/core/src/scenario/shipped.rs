//! The shipped library's files, built into the binary (see `build.rs`); loading
//! them is [`crate::library::Library::shipped`].

include!(concat!(env!("OUT_DIR"), "/shipped_scenarios.rs"));
