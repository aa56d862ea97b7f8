//! Any bytes as the data of a version-1 link, wrapped the way `encode` wraps
//! it (zlib at level 9, base64url), so that every input reaches the parser,
//! the limits and the validation rather than stopping at the checksum.

#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use social8020_core::{codec, text};

fuzz_target!(|data: &[u8]| {
    let zlib = miniz_oxide::deflate::compress_to_vec_zlib(data, 9);
    let payload = format!("1{}", URL_SAFE_NO_PAD.encode(zlib));
    if let Ok(scenario) = codec::decode(&payload) {
        let again = codec::encode(&scenario).expect("a decoded scenario fits in a link");
        if again != payload {
            // Only text that reading cleans (docs/spec.md §11) may make a
            // link's scenario write another payload, which then reads back
            // as the same scenario.
            let raw = String::from_utf8_lossy(data);
            assert!(
                raw.chars().any(|c| text::visible(&c.to_string()) != c.to_string()),
                "a canonical link without characters to clean was written anew"
            );
            assert_eq!(codec::decode(&again).as_ref(), Ok(&scenario));
        }
    }
});
