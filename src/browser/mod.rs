//! Everything that touches the browser beyond rendering: number formatting
//! through `Intl`, and (later) storage, clipboard and frame messages. Each
//! call that JavaScript may throw from is declared with `catch`, so a bad
//! locale or a blocked API costs a feature, never the widget.

pub mod format;
