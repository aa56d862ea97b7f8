//! The components. They render what the core computed and dispatch
//! [`crate::state::Action`]s; DOM events are turned into typed values at
//! the edge, inside the input components.

pub mod activities;
pub mod app;
pub mod breakdown;
pub mod chart;
pub mod compare;
pub mod exports;
pub mod field;
pub mod headline;
pub mod hooks;
pub mod import;
pub mod problem;
pub mod saved;
pub mod score;
pub mod settings;
pub mod share;
pub mod signals;

/// The class attribute of an element whose classes depend on its data:
/// the non-empty ones of `names`, joined by spaces; no attribute when all
/// are empty. Every such `class={...}` in the views is one `String` made
/// here, so that the wasm holds one of Yew's conversions into its
/// `Classes` set, not one per kind of value that `classes!` takes
/// (`Option`s, `&str`s, `String`s): 0.7 KB brotli less.
pub fn class_list(names: &[&str]) -> String {
    let mut list = String::new();
    for name in names.iter().filter(|name| !name.is_empty()) {
        if !list.is_empty() {
            list.push(' ');
        }
        list.push_str(name);
    }
    list
}
