//! Autosave of the visitor's own scenario in local storage, best effort.
//!
//! Storage may be missing, blocked (a sandboxed or partitioned third-party
//! frame throws on access) or full. Every call is checked: without storage
//! the widget loses autosave and nothing else.

use social8020_core::codec;
use social8020_core::scenario::Scenario;
use web_sys::Storage;

/// The key of the saved scenario. The value is a share-link payload, so it
/// is compact and read back through the same validating decoder.
const KEY: &str = "social8020.scenario";
/// The value saved when the visitor cleared everything.
const CLEARED: &str = "cleared";

/// What the visitor saved last time.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    Scenario(Scenario),
    /// They cleared the example and had not finished an activity yet.
    Cleared,
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved scenario, if there is one and it can be read.
pub fn load() -> Option<Saved> {
    let text = storage()?.get_item(KEY).ok().flatten()?;
    if text == CLEARED {
        return Some(Saved::Cleared);
    }
    codec::decode(&text).ok().map(Saved::Scenario)
}

/// Whether this page can use local storage at all: a third-party frame
/// whose browser blocks storage cannot, and then nothing is ever saved.
pub fn available() -> bool {
    storage().is_some()
}

/// Saves the scenario on screen (`None` after "Clear all"). Failures are
/// ignored on purpose: autosave is best effort.
pub fn save(scenario: Option<&Scenario>) {
    let Some(storage) = storage() else { return };
    let value = match scenario {
        Some(s) => match codec::encode(s) {
            Ok(payload) => payload,
            Err(_) => return,
        },
        None => CLEARED.to_owned(),
    };
    let _ = storage.set_item(KEY, &value);
}
