//! Autosave of the visitor's own scenario in local storage, best effort.
//!
//! Storage may be missing, blocked (a sandboxed or partitioned third-party
//! frame throws on access) or full. Every call is checked: without storage
//! the widget loses autosave and nothing else.
//!
//! What is saved is kept safe (docs/spec.md §11):
//!
//! - **One key per embedding origin.** The widget on its own page saves under
//!   `social8020.scenario`; in a frame, under
//!   `social8020.scenario@<origin of the embedding page>`, so
//!   widgets that several origins embed from one widget origin never
//!   overwrite each other's save. (Two widgets on pages of one origin share the
//!   visitor's scenario, as one visitor has one.) A frame whose key is
//!   still empty starts from the save under that plain key, so nothing saved
//!   before keys were split is lost; it is only read, never written.
//! - **Nothing unreadable is overwritten.** A save that cannot be read
//!   (damaged, or written by a newer version) is first copied to
//!   `<key>.unreadable` (or `.unreadable.2`, … up to 9, never over a
//!   different one), and the visitor is told while the page is open
//!   ([`set_aside`]); autosave then replaces it, so they are told once.
//!   Until that copy is written, autosave stays off for the page.
//! - **Saved means written.** [`save`] says whether the browser took the
//!   write, so that a share link leaves the address only once its scenario
//!   is really kept.

use std::cell::Cell;

use social8020_core::codec;
use social8020_core::scenario::Scenario;
use web_sys::Storage;

use crate::browser::frame;

/// The key of the saved scenario of the widget on its own page. The value
/// is a share-link payload, so it is compact and read back through the
/// same validating decoder.
const KEY: &str = "social8020.scenario";
/// The value saved when the visitor cleared everything.
const CLEARED: &str = "cleared";
/// Most copies of unreadable saves kept aside under one key.
const ASIDE_SLOTS: u32 = 9;

thread_local! {
    /// False while an unreadable save could not be set aside: autosave
    /// would overwrite it.
    static SAVING_ALLOWED: Cell<bool> = const { Cell::new(true) };
    /// An unreadable save that [`load`] found.
    static SET_ASIDE: Cell<Option<SetAside>> = const { Cell::new(None) };
}

/// What the visitor saved last time.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    Scenario(Scenario),
    /// They cleared the example and had not finished an activity yet.
    Cleared,
}

/// A save that could not be read, and what became of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetAside {
    /// Copied to another key; autosave goes on.
    Kept,
    /// The copy could not be written: autosave is off for this page, so
    /// the save stays as it is.
    NotKept,
}

/// Why a scenario was not saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotSaved {
    /// No storage here, or the browser refused the write (full, blocked).
    Refused,
    /// An unreadable save could not be set aside, and saving would
    /// overwrite it.
    WouldOverwrite,
    /// The scenario is too large for a link, so for a save.
    TooLarge,
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// This widget's key: [`KEY`], and the embedding page's origin in a frame.
fn key() -> String {
    match frame::embedder_origin() {
        Some(origin) => format!("{KEY}@{origin}"),
        None => KEY.to_owned(),
    }
}

/// The saved scenario, if there is one and it can be read. A save that
/// cannot be read is set aside first (see the module documentation).
pub fn load() -> Option<Saved> {
    let storage = storage()?;
    let key = key();
    let own = storage.get_item(&key).ok().flatten();
    let (text, from_own_key) = match own {
        Some(text) => (text, true),
        None => (storage.get_item(KEY).ok().flatten()?, false),
    };
    if text == CLEARED {
        return Some(Saved::Cleared);
    }
    match codec::decode(&text) {
        Ok(scenario) => Some(Saved::Scenario(scenario)),
        // Another widget's save that this one cannot read is not this
        // one's to keep or to overwrite.
        Err(_) if !from_own_key => None,
        Err(_) => {
            let kept = copy_aside(&storage, &key, &text);
            SAVING_ALLOWED.with(|allowed| allowed.set(kept));
            SET_ASIDE.with(|notice| {
                notice.set(Some(if kept {
                    SetAside::Kept
                } else {
                    SetAside::NotKept
                }))
            });
            None
        }
    }
}

/// Copies `text` to the first free `<key>.unreadable` slot, or finds it
/// already there; true once a copy is surely stored.
fn copy_aside(storage: &Storage, key: &str, text: &str) -> bool {
    for slot in 1..=ASIDE_SLOTS {
        let aside = match slot {
            1 => format!("{key}.unreadable"),
            n => format!("{key}.unreadable.{n}"),
        };
        match storage.get_item(&aside) {
            Ok(Some(there)) if there == text => return true,
            Ok(Some(_)) => continue,
            Ok(None) => {
                return storage.set_item(&aside, text).is_ok()
                    && storage.get_item(&aside).ok().flatten().as_deref() == Some(text);
            }
            Err(_) => return false,
        }
    }
    false
}

/// The unreadable save that [`load`] found when this page opened, if any.
pub fn set_aside() -> Option<SetAside> {
    SET_ASIDE.with(Cell::get)
}

/// Saves the scenario on screen (`None` after "Clear all"), and says
/// whether the browser took the write. Autosave ignores a failure (it is
/// best effort); "Keep this one" does not.
pub fn save(scenario: Option<&Scenario>) -> Result<(), NotSaved> {
    if !SAVING_ALLOWED.with(Cell::get) {
        return Err(NotSaved::WouldOverwrite);
    }
    let storage = storage().ok_or(NotSaved::Refused)?;
    let value = match scenario {
        Some(s) => codec::encode(s).map_err(|_| NotSaved::TooLarge)?,
        None => CLEARED.to_owned(),
    };
    storage
        .set_item(&key(), &value)
        .map_err(|_| NotSaved::Refused)
}
