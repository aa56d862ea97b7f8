//! The page's own URL: the share-link fragment in, the link out.

use wasm_bindgen::JsValue;

/// The share payload in this page's fragment (`#s=...`), if there is one.
pub fn shared_payload() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    social8020_core::codec::payload_from_fragment(&hash).map(str::to_owned)
}

/// This page's address without its fragment: where a share link points.
pub fn page_url() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    Some(match href.split_once('#') {
        Some((base, _)) => base.to_owned(),
        None => href,
    })
}

/// Removes the fragment from the address bar without reloading, so that a
/// reload shows the visitor's own numbers once they have chosen.
pub fn forget_fragment() {
    let (Some(window), Some(url)) = (web_sys::window(), page_url()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
