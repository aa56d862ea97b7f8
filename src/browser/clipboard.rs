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
    let clipboard = match js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) {
        Ok(value) if value.is_object() => value.unchecked_into::<Clipboard>(),
        _ => return false,
    };
    match clipboard.write_text(text) {
        Ok(promise) => JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}
