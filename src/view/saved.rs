//! Tells the visitor that their saved numbers could not be read and were
//! kept aside rather than overwritten (docs/spec.md §11).

use yew::prelude::*;

use crate::browser::storage::{self, SetAside};

/// A banner for an unreadable save that `storage::load` found when the
/// page opened, shown while this page is open; nothing when there was
/// none. On the next visit autosave has replaced the unreadable save, so
/// the visitor is told once. A plain function, not a component: a
/// component costs the wasm about a kilobyte.
pub fn set_aside_notice() -> Html {
    let text = match storage::set_aside() {
        None => return html! {},
        Some(SetAside::Kept) => {
            "Your saved numbers could not be read: they may be damaged or from a newer \
             version. They are kept aside in this browser, untouched."
        }
        Some(SetAside::NotKept) => {
            "Your saved numbers could not be read: they may be damaged or from a newer \
             version. To leave them untouched, nothing is saved on this page."
        }
    };
    // One element: each element of `html!` costs the wasm code of its own.
    html! {
        <p class="banner banner--problem" role="alert" data-testid="saved-set-aside">{text}</p>
    }
}
