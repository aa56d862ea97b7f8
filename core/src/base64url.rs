//! Base64url without padding (RFC 4648 §5), the text layer of share links.
//!
//! Written here instead of taken from the `base64` crate: its general
//! engine (configurable alphabets, padding modes, chunked and SIMD-style
//! paths) was 2.7 KB of wasm for these two small loops (docs/spec.md §8).
//! The tests check both directions against that crate.
//!
//! [`decode`] is strict, as the crate's `URL_SAFE_NO_PAD` is: no padding,
//! no other alphabet, no whitespace, and the unused low bits of the last
//! character must be zero, so that one text is the only spelling of its
//! bytes.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Appends the base64url text of `bytes` to `out`.
pub(crate) fn encode(bytes: &[u8], out: &mut String) {
    out.reserve(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        // The chunk's bits, most significant first, in the top 24 of 32.
        let bits = chunk.iter().enumerate().fold(0u32, |bits, (i, &byte)| {
            bits | (u32::from(byte) << (24 - 8 * i))
        });
        // One character per 6 bits: 2, 3 or 4 for 1, 2 or 3 bytes.
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(bits >> (26 - 6 * i)) as usize & 63]));
        }
    }
}

/// The bytes of a base64url text, or `None` if it is not one.
pub(crate) fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let mut bits = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            bits |= u32::from(value(c)?) << (26 - 6 * i);
        }
        // 2, 3 or 4 characters hold 1, 2 or 3 bytes; 1 character holds
        // no whole byte.
        let bytes = (chunk.len() * 6) / 8;
        if bytes == 0 || bits << (8 * bytes) != 0 {
            return None;
        }
        out.extend(bits.to_be_bytes().into_iter().take(bytes));
    }
    Some(out)
}

/// The 6-bit value of one character of the alphabet.
fn value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    use proptest::prelude::*;

    use super::*;

    fn encoded(bytes: &[u8]) -> String {
        let mut out = String::new();
        encode(bytes, &mut out);
        out
    }

    #[test]
    fn known_texts() {
        // RFC 4648 §10, without the padding.
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff, 0xbf], "-_-_"),
        ] {
            assert_eq!(encoded(bytes), text);
            assert_eq!(decode(text).as_deref(), Some(bytes));
        }
    }

    #[test]
    fn other_spellings_are_refused() {
        for text in ["Zg==", "Zm9v\n", "Zm+v", "Zm/v", "Z", "Zm9vY", "Zh", "Zm9"] {
            assert_eq!(decode(text), None, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn encodes_as_the_base64_crate_does(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            prop_assert_eq!(encoded(&bytes), URL_SAFE_NO_PAD.encode(&bytes));
        }

        #[test]
        fn decodes_as_the_base64_crate_does(text in "[A-Za-z0-9_-]{0,40}") {
            prop_assert_eq!(decode(&text), URL_SAFE_NO_PAD.decode(&text).ok());
        }

        #[test]
        fn refuses_what_the_base64_crate_refuses(text in "[A-Za-z0-9_=+/ -]{0,40}") {
            prop_assert_eq!(decode(&text), URL_SAFE_NO_PAD.decode(&text).ok());
        }

        #[test]
        fn decodes_what_it_encodes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            prop_assert_eq!(decode(&encoded(&bytes)), Some(bytes));
        }
    }
}
