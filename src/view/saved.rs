//! Tells the visitor that their saved numbers could not be read and were
//! kept aside rather than overwritten (docs/spec.md §11).

use yew::prelude::*;

use crate::browser::storage::{self, SetAside};
use crate::text::{t, Key};

/// A banner for an unreadable save that `storage::load` found when the
/// page opened, shown while this page is open; nothing when there was
/// none. On the next visit autosave has replaced the unreadable save, so
/// the visitor is told once. A plain function, not a component: a
/// component costs the wasm about a kilobyte.
pub fn set_aside_notice() -> Html {
    let text = match storage::set_aside() {
        None => return html! {},
        Some(SetAside::Kept) => t(Key::SavedSetAsideKept),
        Some(SetAside::NotKept) => t(Key::SavedSetAsideNotKept),
    };
    // One element: each element of `html!` costs the wasm code of its own.
    html! {
        <p class="banner banner--problem" role="alert" data-testid="saved-set-aside">{text}</p>
    }
}
