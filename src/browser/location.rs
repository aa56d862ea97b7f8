//! The page's own URL: the share-link fragment in, the link out.

use social8020_core::codec::{self, LinkError};
use social8020_core::earlier;
use social8020_core::scenario::Scenario;
use wasm_bindgen::JsValue;

/// The name of the performance measure of a share link's decode, shown in
/// the browser's performance tools; `make bench` reads it.
pub const DECODE_MEASURE: &str = "social8020:decode";

/// The share payload in this page's fragment (`#s=...`), if there is one.
fn shared_payload() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    codec::payload_from_fragment(&hash).map(str::to_owned)
}

/// The scenario of the share link in this page's fragment, if there is
/// one, decoded and timed as the performance measure [`DECODE_MEASURE`].
pub fn shared_scenario() -> Option<Result<Scenario, LinkError>> {
    let payload = shared_payload()?;
    let performance = web_sys::window().and_then(|window| window.performance());
    const START: &str = "social8020:decode-start";
    if let Some(performance) = &performance {
        let _ = performance.mark(START);
    }
    let decoded = codec::decode(&payload);
    if let Some(performance) = &performance {
        let _ = performance.measure_with_start_mark(DECODE_MEASURE, START);
    }
    Some(decoded)
}

/// The earlier result of a comparison link in this page's fragment
/// (`#s=...&b=...`, docs/spec.md §10), if there is one.
pub fn shared_before() -> Option<Result<Scenario, LinkError>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    earlier::fragment_payload(&hash, "b").map(codec::decode)
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
