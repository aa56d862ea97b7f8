//! The widget's wasm entry: the start script (boot.js) calls [`start`]
//! once the catalog of the visitor's language has arrived.

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {}

/// Renders the widget with `catalog` (compact, see `text::catalog`) for
/// `locale`.
#[wasm_bindgen]
pub fn start(catalog: &str, locale: &str) {
    social8020::start(catalog, locale);
}
