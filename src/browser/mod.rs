//! Everything that touches the browser beyond rendering: number formatting
//! through `Intl`, storage, the clipboard, downloads, the page's URL, and
//! the frame a host page may hold the widget in.
//! Each call that JavaScript may throw from is checked or declared with
//! `catch`, so a bad locale or a blocked API costs a feature, never the
//! widget.

pub mod clipboard;
pub mod download;
pub mod format;
pub mod frame;
pub mod location;
pub mod storage;
