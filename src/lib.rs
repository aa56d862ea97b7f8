//! Social 80/20, the Yew app: the view over [`social8020_core`].
//!
//! - [`state`]: the editor's state and its one reducer.
//! - [`view`]: the view (components, and functions that return `Html`).
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

/// Mounts the widget into the page's `<body>`, speaking the language of
/// `catalog` (the compact catalog the start script downloaded) and
/// formatting numbers for `locale` (the visitor's tag that chose it).
pub fn start(catalog: &str, locale: &str) {
    if let Err(error) = text::catalog::install(catalog, locale) {
        web_sys::console::error_1(
            &format!("Social 80/20: the catalog was refused: {error:?}").into(),
        );
        return;
    }
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("lang", text::catalog::lang());
        let dir = if text::catalog::right_to_left() {
            "rtl"
        } else {
            "ltr"
        };
        let _ = html.set_attribute("dir", dir);
    }
    gloo::utils::document().set_title(text::t(text::Key::PageDocumentTitle));
    yew::Renderer::<App>::new().render();
}
