//! WebAssembly bindings of the iamplay engine: the API of the `iamplay` npm package.
//!
//! The bindings only translate between JavaScript values and `iamplay-core`; every decision is
//! the core's. Results are tagged values (`{ok: true, value}` / `{ok: false, errors}`), never
//! exceptions for bad input; a wrong kind of argument throws a `TypeError` saying what was
//! expected.

mod evaluate;
mod explain;
mod input;
mod output;
mod policy;
mod scenario;
mod sts;
mod types;

pub use evaluate::{CompiledPolicies, compile, evaluate};
pub use explain::explain;
pub use policy::{format_policy, validate_policy};
pub use scenario::{builtin_scenarios, decode_share, encode_share, run_scenario};
pub use sts::{Simulator, create_simulator, unsigned_token};
use wasm_bindgen::prelude::wasm_bindgen;

/// The version of the iamplay engine inside this package (`MAJOR.MINOR.PATCH`).
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    iamplay_core::VERSION.into()
}
