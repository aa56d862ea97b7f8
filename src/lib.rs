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

/// Mounts the widget into the page's `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
