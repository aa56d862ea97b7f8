//! Any text as a share-link payload: `decode` must not panic, and what it
//! accepts must be the one payload of the scenario it read. The exception is
//! a link whose names hold characters that reading cleans out (docs/spec.md
//! §11): its scenario writes a new payload, which reads back the same.

#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use social8020_core::{codec, text};

fuzz_target!(|data: &[u8]| {
    let payload = String::from_utf8_lossy(data);
    if let Ok(scenario) = codec::decode(&payload) {
        let again = codec::encode(&scenario).expect("a decoded scenario fits in a link");
        if again != *payload {
            // The data inside the link, as decode read it.
            let zlib = URL_SAFE_NO_PAD.decode(&payload.as_bytes()[1..]).expect("base64 it read");
            let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&zlib).expect("zlib it read");
            let raw = String::from_utf8_lossy(&raw);
            assert!(
                raw.chars().any(|c| text::visible(&c.to_string()) != c.to_string()),
                "a canonical link without characters to clean was written anew"
            );
            assert_eq!(codec::decode(&again).as_ref(), Ok(&scenario));
        }
    }
});
