//! Saving an export as a file, entirely in the browser: the text becomes a
//! `Blob`, the `Blob` an object URL, and a click on a detached
//! `<a download>` saves it. Nothing goes to a server.
//!
//! The link is never added to the page, and its `href` is only ever the
//! object URL made here, so no text the visitor typed can become a link.
//! The URL is revoked [`REVOKE_AFTER_MS`] after the click. Chromium saves
//! the file even when the URL is revoked at once (checked with Playwright),
//! but other browsers have read the blob only after the click returned, and
//! a wait costs nothing but a few kilobytes of memory.
//!
//! The text is saved as UTF-8 without a byte-order mark, so the file's first
//! bytes are the CSV header of docs/spec.md §6. Spreadsheets that import CSV
//! as UTF-8 (Google Sheets, Numbers, LibreOffice, Excel's "From Text/CSV")
//! read names in any script; Excel on Windows, opening the file by a double
//! click, may guess another encoding for names beyond ASCII.
//!
//! A sandboxed iframe without `allow-downloads` drops the download without
//! telling the page, so no error can be shown in that case.

use gloo::timers::callback::Timeout;
use js_sys::{Array, Date};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// The MIME type of the CSV export (RFC 4180 and RFC 7111).
pub const CSV_MIME: &str = "text/csv;charset=utf-8";
/// The MIME type of the JSON report.
pub const JSON_MIME: &str = "application/json";

/// How long the object URL outlives the click, in milliseconds.
pub const REVOKE_AFTER_MS: u32 = 30_000;

/// Why a file could not be saved; [`crate::text::Problem`] tells the
/// visitor what to do instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DownloadError {
    /// No window or document to make the link in (not in a browser page).
    NoPage,
    /// The browser refused to make the file (`Blob` or its URL).
    File,
    /// The browser refused the link that saves the file.
    Link,
}

/// Offers `content` to the visitor as a file named `file_name` (see
/// `social8020_core::export::file_name`), of type `mime` (such as
/// [`CSV_MIME`]).
///
/// Every browser call that can throw is checked; a refusal comes back as a
/// [`DownloadError`] to show, never as a panic.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), DownloadError> {
    let blob = file(mime, content)?;
    let link = SaveLink::new(&blob, file_name)?;
    link.anchor.click();
    let url = link.url;
    // Revoking cannot usefully fail; if it does, the URL lives until the
    // page closes, which costs only memory.
    Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The text as a UTF-8 blob of type `mime`.
fn file(mime: &str, content: &str) -> Result<Blob, DownloadError> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&JsValue::from_str(content));
    Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| DownloadError::File)
}

/// A detached `<a download>` whose `href` is the object URL of a blob:
/// everything [`download`] needs before the click, so that it can be tested
/// without saving a file.
struct SaveLink {
    anchor: HtmlAnchorElement,
    url: String,
}

impl SaveLink {
    fn new(blob: &Blob, file_name: &str) -> Result<SaveLink, DownloadError> {
        let document = web_sys::window()
            .and_then(|window| window.document())
            .ok_or(DownloadError::NoPage)?;
        let anchor = document
            .create_element("a")
            .ok()
            .and_then(|element| element.dyn_into::<HtmlAnchorElement>().ok())
            .ok_or(DownloadError::Link)?;
        let url = Url::create_object_url_with_blob(blob).map_err(|_| DownloadError::File)?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        Ok(SaveLink { anchor, url })
    }
}

/// Today's date on the visitor's clock, in their time zone, as
/// `YYYY-MM-DD`: the date in an export's file name.
pub fn today_iso() -> String {
    let now = Date::new_0();
    // `getMonth` counts from 0.
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn today_is_an_iso_date() {
        let today = today_iso();
        let parts: Vec<&str> = today.split('-').collect();
        assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), [4, 2, 2]);
        assert!(today.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
    }

    #[wasm_bindgen_test]
    fn the_link_saves_our_blob_and_stays_out_of_the_page() {
        // Clicking would save a real file from the test browser, so this
        // stops just before the click.
        let content = "rank,activity\r\n1,Café\r\n";
        let blob = file(CSV_MIME, content).expect("a blob");
        assert_eq!(blob.type_(), CSV_MIME);
        // UTF-8, without a byte-order mark: "é" takes two bytes.
        assert_eq!(blob.size(), (content.chars().count() + 1) as f64);

        let link = SaveLink::new(&blob, "social-80-20.csv").expect("a link");
        assert!(link.anchor.href().starts_with("blob:"));
        assert_eq!(link.anchor.href(), link.url);
        assert_eq!(link.anchor.download(), "social-80-20.csv");
        assert!(!link.anchor.is_connected());
        assert_eq!(Url::revoke_object_url(&link.url), Ok(()));
    }
}
