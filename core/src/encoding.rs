//! The text of an imported file, from its bytes (docs/spec.md §11).
//!
//! Spreadsheets save CSV in one of a few encodings, and a browser's
//! `File.text()` reads every file as UTF-8, silently turning each byte it
//! cannot read into `�`: "Café crème" from Excel on Windows becomes
//! "Caf� cr�me". [`decode_file`] reads the bytes itself:
//!
//! - **UTF-8**, with or without a byte-order mark.
//! - **UTF-16** little- or big-endian, with its byte-order mark (Excel's
//!   "Unicode text").
//! - **Windows-1252** (Excel's "CSV" on Windows in Western Europe and the
//!   Americas) when the bytes are not UTF-8 and have no mark.
//!
//! Anything else is refused with a [`FileError`] (the app says how to save
//! the file), never read with replacement characters: UTF-8 after its mark
//! that is not UTF-8, UTF-16 of an odd length or with a broken surrogate pair,
//! UTF-32, bytes that Windows-1252 leaves undefined (`0x81`, `0x8D`,
//! `0x8F`, `0x90`, `0x9D`) and NUL bytes (a binary file, or UTF-16 without
//! a mark). Text in another single-byte encoding (say ISO 8859-2) cannot be
//! told from Windows-1252 and is read as it.
//!
//! ```
//! use social8020_core::encoding::decode_file;
//!
//! assert_eq!(decode_file(b"Caf\xe9 cr\xe8me,2,3").as_deref(), Ok("Café crème,2,3"));
//! assert_eq!(decode_file("\u{feff}Café".as_bytes()).as_deref(), Ok("Café"));
//! assert_eq!(decode_file(b"\xff\xfeC\x00a\x00f\x00\xe9\x00").as_deref(), Ok("Café"));
//! assert!(decode_file(b"\x81").is_err());
//! ```

/// Why a file's bytes were not read as text. The app says the same for
/// each: how to save the file so that it reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileError {
    /// A UTF-8 byte-order mark, then bytes that are not UTF-8.
    BadUtf8,
    /// A UTF-16 byte-order mark, then an odd number of bytes or a broken
    /// surrogate pair.
    BadUtf16,
    /// UTF-32, NUL bytes, or bytes that Windows-1252 does not define.
    NotText,
}

/// The text of a file's bytes; see the module documentation. A UTF-8 or
/// UTF-16 byte-order mark is not part of the text.
pub fn decode_file(bytes: &[u8]) -> Result<String, FileError> {
    if bytes.starts_with(&[0xff, 0xfe, 0, 0]) || bytes.starts_with(&[0, 0, 0xfe, 0xff]) {
        return Err(FileError::NotText);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8(rest.to_vec()).map_err(|_| FileError::BadUtf8);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.contains(&0) {
        return Err(FileError::NotText);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, FileError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(FileError::BadUtf16);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.map_err(|_| FileError::BadUtf16))
        .collect()
}

/// Windows-1252 from `0x80` to `0x9F`; 0 where it defines no character.
/// Every other byte is the Unicode code point of the same number.
const HIGH: [u16; 32] = [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
    0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

fn windows_1252(byte: u8) -> Result<char, FileError> {
    let code = match byte {
        0x80..=0x9f => match HIGH[usize::from(byte - 0x80)] {
            0 => return Err(FileError::NotText),
            code => code,
        },
        _ => u16::from(byte),
    };
    char::from_u32(u32::from(code)).ok_or(FileError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_encoding_or_says_why_not() {
        let cafe = "Café crème – “1,5 €”";
        let mut utf16le = vec![0xff, 0xfe];
        let mut utf16be = vec![0xfe, 0xff];
        for unit in cafe.encode_utf16() {
            utf16le.extend(unit.to_le_bytes());
            utf16be.extend(unit.to_be_bytes());
        }
        let cp1252 = b"Caf\xe9 cr\xe8me \x96 \x931,5 \x80\x94".to_vec();
        for (bytes, expected) in [
            (cafe.as_bytes().to_vec(), Ok(cafe)),
            ([&[0xef, 0xbb, 0xbf], cafe.as_bytes()].concat(), Ok(cafe)),
            (utf16le.clone(), Ok(cafe)),
            (utf16be, Ok(cafe)),
            (cp1252, Ok(cafe)),
            (Vec::new(), Ok("")),
            (vec![0xef, 0xbb, 0xbf, 0xe9], Err(FileError::BadUtf8)),
            (
                utf16le[..utf16le.len() - 1].to_vec(),
                Err(FileError::BadUtf16),
            ),
            (vec![0xff, 0xfe, 0x00, 0xd8], Err(FileError::BadUtf16)),
            (
                vec![0xff, 0xfe, 0, 0, 0x41, 0, 0, 0],
                Err(FileError::NotText),
            ),
            (b"a\x00b\x00".to_vec(), Err(FileError::NotText)),
            (b"\xe9\x81".to_vec(), Err(FileError::NotText)),
        ] {
            assert_eq!(
                decode_file(&bytes).as_deref().map_err(|e| *e),
                expected,
                "{bytes:x?}"
            );
        }
    }

    #[test]
    fn every_windows_1252_byte_but_five_is_a_character() {
        let undefined: Vec<u8> = (0..=255u8).filter(|&b| windows_1252(b).is_err()).collect();
        assert_eq!(undefined, [0x81, 0x8d, 0x8f, 0x90, 0x9d]);
        // The printable range beyond ASCII reads as Latin-1.
        assert_eq!(windows_1252(0xa0), Ok('\u{a0}'));
        assert_eq!(windows_1252(0xff), Ok('ÿ'));
    }
}
