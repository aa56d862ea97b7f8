//! Tells the visitor that their saved numbers could not be read and were
//! kept aside rather than overwritten (PRODUCT.md §11).

use yew::prelude::*;

use crate::browser::storage::{self, SetAside};

/// A banner for an unreadable save that `storage::load` found when the
/// page opened, shown while this page is open; nothing when there was
/// none. On the next visit autosave has replaced the unreadable save, so
/// the visitor is told once. A plain function, not a component: a
/// component costs the wasm about a kilobyte.
pub fn set_aside_notice() -> Html {
    let what = match storage::set_aside() {
        None => return html! {},
        Some(SetAside::Kept) => "They are kept aside in this browser, untouched.",
        Some(SetAside::NotKept) => "To leave them untouched, nothing is saved on this page.",
    };
    html! {
        <div class="banner banner--problem" role="alert" data-testid="saved-set-aside">
            <p class="banner__text">
                <strong>{"Your saved numbers could not be read. "}</strong>
                {"They may be damaged or from a newer version. "}
                {what}
            </p>
        </div>
    }
}
