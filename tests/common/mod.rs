//! Shared helpers for the binary's tests: the core's own test helpers (a small
//! scenario, the catalogues) and running the real binary.
#![allow(dead_code, unreachable_pub)] // each test crate uses a different part of this module

#[path = "../../crates/core/tests/common/mod.rs"]
mod core_helpers;
pub mod run;

#[allow(unused_imports)] // the kill test runs the binary only
pub use core_helpers::*;
