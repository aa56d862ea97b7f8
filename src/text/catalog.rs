//! The words of one language, downloaded beside the wasm (docs/spec.md §9).
//!
//! The page's start script picks the language (host setting `lang`, the
//! host page's language, the browser's languages, English) and downloads
//! that language's catalog while the wasm loads; [`install`] reads it
//! before the first render. A catalog is compact: its values in the order
//! of [`Key`], written by `build.rs` from `i18n/<tag>.txt`, so the wasm
//! carries no key names and no text of any language.
//!
//! [`t`] gives a text, [`fill`] one with its `{placeholders}` filled, and
//! [`count`] a counted phrase in the plural form the browser's
//! `Intl.PluralRules` picks for the language.

use std::cell::OnceCell;
#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;

include!(concat!(env!("OUT_DIR"), "/keys.rs"));

/// English in the compact form, for tests (a release build that does not
/// name it carries none of it).
pub const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/en.txt"));

/// One key's words.
enum Entry {
    Text(&'static str),
    /// `(form, text)` per plural form, `other` among them.
    Counted(Vec<(&'static str, &'static str)>),
}

struct Catalog {
    /// The catalog's tag: `de`, `pt-BR`.
    lang: &'static str,
    /// The visitor's tag that chose it, for numbers: `de-AT`.
    locale: &'static str,
    entries: Vec<Entry>,
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Intl.PluralRules`, with `catch`: its constructor throws on a
    /// malformed tag.
    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type PluralRules;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "PluralRules", catch)]
    fn new(locale: &str) -> Result<PluralRules, wasm_bindgen::JsValue>;

    #[wasm_bindgen(method)]
    fn select(this: &PluralRules, n: f64) -> String;
}

thread_local! {
    static CATALOG: OnceCell<Catalog> = const { OnceCell::new() };
    #[cfg(target_arch = "wasm32")]
    static PLURALS: RefCell<Option<Option<PluralRules>>> = const { RefCell::new(None) };
}

/// Why a catalog was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// It is not a catalog of this build's keys.
    OtherVersion,
    /// It has more or fewer values than there are keys.
    WrongLength,
    /// A catalog is already installed.
    Installed,
}

/// Takes `compact` as the words of the page, with numbers formatted for
/// `locale` (a BCP 47 tag; the catalog's own tag when empty). Kept for the
/// life of the page.
pub fn install(compact: &str, locale: &str) -> Result<(), CatalogError> {
    let catalog = parse(compact, locale)?;
    CATALOG.with(|cell| cell.set(catalog).map_err(|_| CatalogError::Installed))
}

fn parse(compact: &str, locale: &str) -> Result<Catalog, CatalogError> {
    let header = compact.split('\n').next().unwrap_or_default();
    let mut words = header.split(' ');
    let (Some("#social8020"), Some(lang), Some(KEYS_HASH), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return Err(CatalogError::OtherVersion);
    };
    let text: &'static str = String::leak(compact.to_owned());
    let (_, values) = text.split_once('\n').ok_or(CatalogError::WrongLength)?;
    let lines: Vec<&'static str> = values.split('\n').collect();
    // Every value ends with a newline, so the last piece is empty.
    if lines.len() != KEY_COUNT + 1 || !lines[KEY_COUNT].is_empty() {
        return Err(CatalogError::WrongLength);
    }
    let mut entries = Vec::with_capacity(KEY_COUNT);
    for line in &lines[..KEY_COUNT] {
        let entry = match line.strip_prefix('\x1f') {
            Some(forms) => Entry::Counted(
                forms
                    .split('\x1f')
                    .map(|form| form.split_once(':').unwrap_or(("other", form)))
                    .collect(),
            ),
            None => Entry::Text(line),
        };
        entries.push(entry);
    }
    let lang: &'static str = String::leak(lang.to_owned());
    let locale = match locale.trim() {
        "" => lang,
        tag => String::leak(tag.to_owned()),
    };
    Ok(Catalog {
        lang,
        locale,
        entries,
    })
}

/// Runs `f` with the installed catalog; outside a browser (native tests)
/// English is installed on first use.
fn with<T>(f: impl FnOnce(Option<&Catalog>) -> T) -> T {
    CATALOG.with(|cell| {
        #[cfg(not(target_arch = "wasm32"))]
        if cell.get().is_none() {
            let _ = cell.set(parse(ENGLISH, "").expect("build.rs writes a valid English"));
        }
        f(cell.get())
    })
}

/// The language of the installed catalog: `de`, `pt-BR`; `en` before one
/// is installed.
pub fn lang() -> &'static str {
    with(|catalog| catalog.map_or("en", |c| c.lang))
}

/// The locale numbers are formatted for: the visitor's tag that chose the
/// catalog (`de-AT`), else the catalog's.
pub fn locale() -> &'static str {
    with(|catalog| catalog.map_or("en", |c| c.locale))
}

/// Whether the language is written right to left (`meta.dir = rtl`).
pub fn right_to_left() -> bool {
    t(Key::MetaDir) == "rtl"
}

/// The text of `key`; for a counted phrase, its `other` form.
pub fn t(key: Key) -> &'static str {
    form(key, "other")
}

fn form(key: Key, wanted: &str) -> &'static str {
    with(|catalog| {
        let Some(entry) = catalog.and_then(|c| c.entries.get(key as usize)) else {
            return "";
        };
        match entry {
            Entry::Text(text) => text,
            Entry::Counted(forms) => forms
                .iter()
                .find(|(name, _)| *name == wanted)
                .or_else(|| forms.iter().find(|(name, _)| *name == "other"))
                .map_or("", |(_, text)| text),
        }
    })
}

/// The text of `key` with each `{name}` replaced by its value in `args`.
pub fn fill(key: Key, args: &[(&str, &str)]) -> String {
    replace(t(key), args)
}

/// The counted phrase `key` for `n`, in the plural form of the language,
/// with `{count}` the formatted `n` and the other `args` filled in.
pub fn count(key: Key, n: f64, formatted: &str, args: &[(&str, &str)]) -> String {
    let text = form(key, &plural_form(n));
    let filled = replace(text, args);
    // Every `{count}`, as `str::replace` would.
    let mut out = String::with_capacity(filled.len());
    let mut rest = filled.as_str();
    while let Some(at) = find_text(rest, "{count}") {
        out.push_str(&rest[..at]);
        out.push_str(formatted);
        rest = &rest[at + "{count}".len()..];
    }
    out.push_str(rest);
    out
}

/// Where `needle` first occurs in `text`. A byte comparison at each place:
/// the standard library's substring search (`str::find` with a `&str`)
/// is 0.6 KB of wasm, more than the catalog's texts need.
pub fn find_text(text: &str, needle: &str) -> Option<usize> {
    // A match starts where `needle`'s first character does, so on a
    // character boundary of `text`.
    (0..=text.len().checked_sub(needle.len())?)
        .find(|&at| text.as_bytes()[at..].starts_with(needle.as_bytes()))
}

fn replace(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}').map(|e| start + e) else {
            break;
        };
        out.push_str(&rest[..start]);
        let name = &rest[start + 1..end];
        match args.iter().find(|(arg, _)| *arg == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[start..=end]),
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The plural form (`one`, `few`, `other`, ...) of `n` in the language.
#[cfg(target_arch = "wasm32")]
fn plural_form(n: f64) -> String {
    PLURALS.with(|cell| {
        let mut rules = cell.borrow_mut();
        let rules = rules.get_or_insert_with(|| PluralRules::new(lang()).ok());
        match rules {
            Some(rules) => rules.select(n),
            None => "other".to_owned(),
        }
    })
}

/// English's rule, outside a browser.
#[cfg(not(target_arch = "wasm32"))]
fn plural_form(n: f64) -> String {
    if n == 1.0 { "one" } else { "other" }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(
            replace("{a} and {b}, {c}", &[("a", "1"), ("b", "two")]),
            "1 and two, {c}"
        );
        assert_eq!(replace("no braces", &[]), "no braces");
        assert_eq!(replace("open { only", &[]), "open { only");
    }

    #[test]
    fn texts_are_found_as_str_find_finds_them() {
        for (text, needle) in [
            ("Your biggest lever: {signal}", "{signal}"),
            ("{count} of {count}", "{count}"),
            ("Größe {count}", "{count}"),
            ("none here", "{count}"),
            ("", "{count}"),
            ("{coun", "{count}"),
            ("abc", ""),
        ] {
            assert_eq!(find_text(text, needle), text.find(needle), "{text:?}");
        }
    }

    #[test]
    fn a_catalog_of_other_keys_or_length_is_refused() {
        let english = parse(ENGLISH, "en-GB").expect("English");
        assert_eq!((english.lang, english.locale), ("en", "en-GB"));
        assert_eq!(
            parse("#social8020 en 00000000\n", "").err(),
            Some(CatalogError::OtherVersion)
        );
        let short = format!("#social8020 en {KEYS_HASH}\nonly one\n");
        assert_eq!(parse(&short, "").err(), Some(CatalogError::WrongLength));
        let missing_newline = ENGLISH.trim_end();
        assert_eq!(
            parse(missing_newline, "").err(),
            Some(CatalogError::WrongLength)
        );
    }

    #[test]
    fn english_is_there_outside_a_browser() {
        assert_eq!(lang(), "en");
        assert_eq!(t(Key::MetaDir), "ltr");
        assert!(!right_to_left());
    }
}
