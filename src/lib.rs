//! Social 80/20, the Yew app: the view over [`social8020_core`].
//!
//! - [`state`]: the editor's state and its one reducer.
//! - [`view`]: the components.
//! - [`text`]: where typed facts (errors, notices, chart facts) become
//!   words.
//! - [`browser`]: what touches the browser besides rendering.

pub mod browser;
pub mod state;
pub mod text;
pub mod view;

pub use view::app::App;

/// The wasm heap (see Cargo.toml for why not the standard library's).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static HEAP: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Mounts the widget into the page's `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
