//! WebAssembly bindings of the iamplay engine: the API of the `iamplay` npm package.
//!
//! The bindings only translate between JavaScript values and `iamplay-core`; every decision is
//! the core's.

use wasm_bindgen::prelude::wasm_bindgen;

/// The version of the iamplay engine inside this package (`MAJOR.MINOR.PATCH`).
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    iamplay_core::VERSION.into()
}
