//! Any bytes as the data of a version-1 link, wrapped the way `encode` wraps
//! it (zlib at level 9, base64url), so that every input reaches the parser,
//! the limits and the validation rather than stopping at the checksum.

#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use social8020_core::codec;

fuzz_target!(|data: &[u8]| {
    let zlib = miniz_oxide::deflate::compress_to_vec_zlib(data, 9);
    let payload = format!("1{}", URL_SAFE_NO_PAD.encode(zlib));
    if let Ok(scenario) = codec::decode(&payload) {
        assert_eq!(codec::encode(&scenario).as_deref(), Ok(payload.as_str()));
    }
});
