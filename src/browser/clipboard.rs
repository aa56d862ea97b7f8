//! Copying text to the clipboard where the browser allows it.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `navigator.clipboard`, bound with `catch`: it is missing outside
    /// secure contexts and refuses in frames without `clipboard-write`.
    type Clipboard;

    #[wasm_bindgen(method, catch, js_name = writeText)]
    fn write_text(this: &Clipboard, text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Puts `text` on the clipboard. `false` when the browser has no clipboard
/// API or refuses, so the caller can show the text to copy by hand.
pub async fn copy(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    if !policy_allows_copy() {
        return false;
    }
    let clipboard = match js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) {
        Ok(value) if value.is_object() => value.unchecked_into::<Clipboard>(),
        _ => return false,
    };
    match clipboard.write_text(text) {
        Ok(promise) => JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

/// False when the page's permissions policy refuses `clipboard-write`, as
/// in a frame without `allow="clipboard-write"`: the API would refuse too,
/// but only after logging an error on the console. Where the browser has no
/// policy API to ask, the clipboard API itself decides.
fn policy_allows_copy() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let ask = |name: &str| -> Option<bool> {
        let policy = js_sys::Reflect::get(&document, &JsValue::from_str(name)).ok()?;
        let allows = js_sys::Reflect::get(&policy, &JsValue::from_str("allowsFeature")).ok()?;
        let allows = allows.dyn_into::<js_sys::Function>().ok()?;
        allows
            .call1(&policy, &JsValue::from_str("clipboard-write"))
            .ok()?
            .as_bool()
    };
    ask("permissionsPolicy")
        .or_else(|| ask("featurePolicy"))
        .unwrap_or(true)
}
