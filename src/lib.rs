//! Social 80/20, the Yew app: the view over [`social8020_core`].
//!
//! - [`state`]: the editor's state and its one reducer.
//! - [`view`]: the components.
//! - [`browser`]: what touches the browser besides rendering.

pub mod browser;
pub mod state;
pub mod view;

pub use view::app::App;

/// Mounts the widget into the page's `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
