//! Text that came from outside (a share link, an imported file, a host
//! setting, the form) made safe to show and to export (docs/spec.md §11).
//!
//! A name must look like what it is. Characters that change how the text
//! around them is shown, or that are not shown at all, could make one name
//! pass for another (`U+202E` turns `gnp.exe` into what reads as `exe.png`)
//! or hide text inside a cell. [`visible`] takes them out:
//!
//! - **Bidirectional controls**: `U+061C`, `U+200E`, `U+200F`,
//!   `U+202A`-`U+202E` and `U+2066`-`U+2069` are removed. Right-to-left
//!   scripts need none of them to show correctly; the browser's bidi
//!   algorithm orders them.
//! - **Line and cell breaks**: tab, line feed, carriage return, vertical
//!   tab, form feed, `U+0085`, `U+2028` and `U+2029` become a space.
//! - **Other controls** (`U+0000`-`U+001F`, `U+007F`-`U+009F`) are removed.
//! - **Invisible characters** (Unicode's default-ignorable code points:
//!   soft hyphen, zero-width space, word joiner, invisible operators,
//!   Hangul fillers, `U+FEFF`, `U+FFF0`-`U+FFF8`, interlinear annotation
//!   marks, musical format controls, tags, …) are removed, with three
//!   exceptions that change how visible text looks and cannot hide any:
//!   variation selectors (an emoji's colour presentation, CJK variants);
//!   the zero-width joiner and non-joiner (`U+200D`, `U+200C`) between two
//!   visible characters beyond ASCII (emoji sequences such as 👩‍👩‍👧,
//!   Persian and Indic spelling), and tag characters right after a black
//!   flag (🏴 followed by tags is a regional flag).
//!
//! [`Scenario::new`](crate::scenario::Scenario::new) applies it to every
//! activity name and count label before it checks them, so the form, share
//! links and imports all get it, and what the screen, the CSV and the JSON
//! report show is the cleaned text. Applying it twice changes nothing.
//!
//! ```
//! use social8020_core::text::visible;
//!
//! assert_eq!(visible("gnp\u{202E}.exe"), "gnp.exe");
//! assert_eq!(visible("Zero\u{200B}width\u{FEFF}"), "Zerowidth");
//! assert_eq!(visible("tab\tand\nnewline"), "tab and newline");
//! // An emoji family keeps its joiners; a joiner between Latin letters goes.
//! assert_eq!(visible("👩\u{200D}👧"), "👩\u{200D}👧");
//! assert_eq!(visible("A\u{200D}ds"), "Ads");
//! ```

use std::borrow::Cow;

/// What [`visible`] does with one character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Treat {
    Keep,
    Space,
    Drop,
    /// Kept only between two visible characters beyond ASCII.
    Joiner,
    /// Kept only after a black flag or another kept tag.
    Tag,
}

fn treat(c: char) -> Treat {
    match c {
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Treat::Space,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Treat::Drop,
        '\u{200c}' | '\u{200d}' => Treat::Joiner,
        '\u{e0020}'..='\u{e007f}' => Treat::Tag,
        // Variation selectors change how the character before them looks.
        '\u{180b}'..='\u{180d}' | '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' => {
            Treat::Keep
        }
        // Bidirectional controls and the rest of Unicode's default-ignorable
        // code points (DerivedCoreProperties.txt), and the interlinear
        // annotation controls.
        '\u{ad}'
        | '\u{34f}'
        | '\u{61c}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{17b4}'
        | '\u{17b5}'
        | '\u{180e}'
        | '\u{180f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{3164}'
        | '\u{feff}'
        | '\u{ffa0}'
        | '\u{fff0}'..='\u{fffb}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}' => Treat::Drop,
        _ => Treat::Keep,
    }
}

/// True for a character that shows as itself and is beyond ASCII: what may
/// stand on either side of a kept joiner.
fn joinable(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace() && treat(c) == Treat::Keep
}

/// `text` without the characters that could disguise it; see the module
/// documentation. Borrows when there is nothing to change.
pub fn visible(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| treat(c) == Treat::Keep) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let keep = match treat(c) {
            Treat::Keep => true,
            Treat::Drop => false,
            Treat::Space => {
                out.push(' ');
                false
            }
            Treat::Joiner => {
                out.chars().next_back().is_some_and(joinable)
                    && chars.peek().is_some_and(|&next| joinable(next))
            }
            Treat::Tag => out
                .chars()
                .next_back()
                .is_some_and(|last| last == '\u{1f3f4}' || treat(last) == Treat::Tag),
        };
        if keep {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` up to the first of the ASCII bytes `stops`, or all of it: the
/// first piece of `text.split(['?', '#'])`. By byte, because each size of
/// character-array pattern brings a searcher of its own into the wasm.
pub fn up_to<'a>(text: &'a str, stops: &[u8]) -> &'a str {
    // An ASCII byte is a whole character, so the cut is on a boundary.
    let end = text
        .bytes()
        .position(|b| stops.contains(&b))
        .unwrap_or(text.len());
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::{up_to, visible};

    #[test]
    fn cleans_what_could_disguise_a_name() {
        for (input, expected) in [
            ("Posts", "Posts"),
            ("Ads\u{202E}txt.exe", "Adstxt.exe"),
            ("\u{2067}Reels\u{2069}", "Reels"),
            ("\u{200F}שלום\u{200E}", "שלום"),
            ("soft\u{AD}hyphen", "softhyphen"),
            ("nul\u{0}bell\u{7}del\u{7f}c1\u{9b}", "nulbelldelc1"),
            ("line\u{2028}para\u{2029}end", "line para end"),
            ("\u{3164}\u{115F}filler", "filler"),
            ("a\u{E0041}b", "ab"),
            // Kept: they change how visible text looks, and hide nothing.
            ("❤\u{FE0F} posts", "❤\u{FE0F} posts"),
            ("می\u{200C}خواهم", "می\u{200C}خواهم"),
            ("👩\u{200D}👩\u{200D}👧", "👩\u{200D}👩\u{200D}👧"),
            (
                "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
                "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
            ),
            // A joiner that joins nothing visible beyond ASCII goes.
            ("A\u{200D}ds", "Ads"),
            ("é\u{200D}", "é"),
            ("\u{3000}\u{200D}é", "\u{3000}é"),
            ("é\u{200D}\u{200D}ü", "é\u{200D}ü"),
            ("é\u{200D}\u{200B}ü", "éü"),
        ] {
            assert_eq!(visible(input), expected, "{input:?}");
            assert_eq!(visible(expected), expected, "twice: {input:?}");
        }
    }

    #[test]
    fn up_to_cuts_as_split_does() {
        for text in ["https://a.example/x?y#z", "a#b?c", "plain", "", "é?ü", "?"] {
            let stops = ['/', '?', '#'];
            assert_eq!(up_to(text, b"/?#"), text.split(stops).next().unwrap());
        }
    }

    #[test]
    fn cleaning_twice_changes_nothing() {
        // Every pair of interesting characters, around visible ones.
        let interesting = [
            'a',
            'é',
            '👩',
            ' ',
            '\u{3000}',
            '\t',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{202E}',
            '\u{FE0F}',
            '\u{1F3F4}',
            '\u{E0067}',
            '\u{E007F}',
            '\u{0}',
        ];
        for a in interesting {
            for b in interesting {
                for c in interesting {
                    let text: String = [a, b, c].iter().collect();
                    let once = visible(&text).into_owned();
                    assert_eq!(visible(&once), once, "{text:?}");
                }
            }
        }
    }
}
