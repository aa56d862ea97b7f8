//! Any text as a share-link payload: `decode` must not panic, and what it
//! accepts must be the one payload of the scenario it read.

#![no_main]

use libfuzzer_sys::fuzz_target;
use social8020_core::codec;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(scenario) = codec::decode(&text) {
        assert_eq!(codec::encode(&scenario).as_deref(), Ok(&*text));
    }
});
