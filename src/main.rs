//! The widget's wasm entry: the start script (boot.js) calls [`start`]
//! once the catalog of the visitor's language has arrived.

// No `main` in the wasm: the page starts the widget through [`start`], so
// the standard library's start-up code (thread and argument set-up) is
// left out (0.4 KB brotli). Native builds (the tests) keep an empty one.
#![cfg_attr(target_arch = "wasm32", no_main)]

use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

/// Renders the widget with `catalog` (compact, see `text::catalog`) for
/// `locale`.
#[wasm_bindgen]
pub fn start(catalog: &str, locale: &str) {
    social8020::start(catalog, locale);
}
