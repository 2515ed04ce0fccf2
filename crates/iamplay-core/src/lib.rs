//! The iamplay engine.
//!
//! `iamplay-core` decides what AWS would decide: it reads IAM policy documents, models a small
//! AWS world and its STS sessions, and evaluates requests through every policy type, returning
//! data (codes, values and source spans) that the web playground, the embeddable widget and the
//! npm package turn into words.
//!
//! The crate is `#![no_std]` with `alloc`: it does no I/O and reads no clock and no randomness.
//! Everything it needs, including the current time, is an input.

#![no_std]

extern crate alloc;
#[cfg(test)]
extern crate std;

pub mod actions;
pub mod aws_managed;
pub mod context_keys;
pub mod eval;
pub mod explain;
pub mod json;
pub mod limits;
pub mod pattern;
pub mod policy;
pub mod scenario;
pub mod source;
pub mod sts;
pub mod value;

/// The version of the iamplay engine, as published (`MAJOR.MINOR.PATCH`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
