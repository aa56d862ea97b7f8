//! Everything that touches the browser beyond rendering: number formatting
//! through `Intl`, storage, the clipboard, downloads and the page's URL.
//! Each call that JavaScript may throw from is checked or declared with
//! `catch`, so a bad locale or a blocked API costs a feature, never the
//! widget.

pub mod clipboard;
pub mod download;
pub mod format;
pub mod location;
pub mod storage;
