//! Reads the catalogs in `i18n/` (docs/spec.md §9), fails the build on a
//! missing or extra key or a placeholder that differs from English, and
//! writes:
//!
//! - `$OUT_DIR/keys.rs`: the `Key` enum, one variant per English key of
//!   the widget in the order of `i18n/en.txt`, and the hash of that key
//!   list;
//! - `$OUT_DIR/en.txt`: the widget's English in the compact form, for tests;
//! - `target/web/i18n/<tag>.txt`: every catalog in the compact form the
//!   widget downloads, plus the two pseudo-locales of the tests;
//! - `target/web/i18n/<tag>.builder.txt`: the same for the embed builder
//!   page: its own keys (`builder.*`) and `meta.*`. The widget's catalogs
//!   leave the builder's words out, since every visitor of the widget
//!   downloads one (docs/spec.md §8; 0.8 KB brotli a language);
//! - `manifest.json`: tags, names, and for each of the two kinds of
//!   catalog its hash and keys in order, for the embed builder, which reads
//!   the compact files in JavaScript.
//!
//! `tools/post-build.mjs` copies the catalogs into the bundle under
//! content-hashed names.
//!
//! The compact form carries values only, in key order: the wasm holds no
//! key names. Its first line is `#social8020 <tag> <hash>`; each further
//! line is one value, or for a counted phrase `\x1f<form>:<text>` per
//! plural form (`one`, `other`, ...).
//!
//! Keys that no `Key::Name` in `src/` uses, and that no file of [`PAGES`]
//! names in quotes (`"builder.title"`), are reported as warnings.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "tools/catalog_rules.rs"]
mod rules;
use rules::{compare, parse, Catalog, Value};

/// The files outside `src/` that use catalog keys by name: the embed
/// builder page, and the build step that writes the loader's frame titles.
const PAGES: [&str; 3] = ["builder.html", "builder.js", "tools/post-build.mjs"];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let dir = root.join("i18n");
    println!("cargo:rerun-if-changed=i18n");
    println!("cargo:rerun-if-changed=tools/catalog_rules.rs");
    println!("cargo:rerun-if-changed=src");
    for page in PAGES {
        println!("cargo:rerun-if-changed={page}");
    }

    let mut problems = Vec::new();
    let mut catalogs = Vec::new();
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("i18n/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for path in &paths {
        let tag = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let source = fs::read_to_string(path).expect("catalog is UTF-8");
        catalogs.push(parse(tag, &source, &mut problems));
    }
    let Some(english) = catalogs.iter().position(|c| c.tag == "en") else {
        panic!("i18n/en.txt is missing: it defines the keys");
    };
    let english = catalogs.remove(english);
    for catalog in &catalogs {
        compare(&english, catalog, &mut problems);
    }
    if !problems.is_empty() {
        panic!(
            "\n\nThe catalogs in i18n/ do not match English:\n  {}\n\n",
            problems.join("\n  ")
        );
    }

    let widget = part(&english, Part::Widget);
    let builder = part(&english, Part::Builder);
    let hash = fnv(&key_list(&widget).join("\n"));
    let builder_hash = fnv(&key_list(&builder).join("\n"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    fs::write(out.join("keys.rs"), keys_rs(&widget, &hash)).expect("OUT_DIR is writable");
    fs::write(out.join("en.txt"), compact(&widget, &hash)).expect("OUT_DIR is writable");

    let web = root.join("target/web/i18n");
    fs::create_dir_all(&web).expect("target/ is writable");
    let mut tags = vec![english.tag.clone()];
    let pseudo = [pseudo_long(&english), pseudo_rtl(&english)];
    for catalog in std::iter::once(&english)
        .chain(&catalogs)
        .chain(pseudo.iter())
    {
        write_if_changed(
            &web.join(format!("{}.txt", catalog.tag)),
            &compact(&part(catalog, Part::Widget), &hash),
        );
        write_if_changed(
            &web.join(format!("{}.builder.txt", catalog.tag)),
            &compact(&part(catalog, Part::Builder), &builder_hash),
        );
        if catalog.tag != "en" {
            tags.push(catalog.tag.clone());
        }
    }
    let names: Vec<String> = std::iter::once(&english)
        .chain(&catalogs)
        .map(|c| format!("\"{}\":\"{}\"", c.tag, lookup(c, "meta.name")))
        .collect();
    let quoted = |list: &[&str]| {
        list.iter()
            .map(|k| format!("\"{k}\""))
            .collect::<Vec<_>>()
            .join(",")
    };
    let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
    let manifest = format!(
        "{{\"hash\":\"{hash}\",\"tags\":[{}],\"names\":{{{}}},\"keys\":[{}],\
         \"builder\":{{\"hash\":\"{builder_hash}\",\"keys\":[{}]}}}}\n",
        quoted(&tags),
        names.join(","),
        quoted(&key_list(&widget)),
        quoted(&key_list(&builder)),
    );
    write_if_changed(&web.join("manifest.json"), &manifest);

    report_unused(&root, &english);
}

/// Which catalog a key goes into.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    /// Every key but the embed builder's own.
    Widget,
    /// The embed builder's keys and the `meta.*` keys it also reads.
    Builder,
}

/// The entries of `catalog` that go into `wanted`, in their order.
fn part(catalog: &Catalog, wanted: Part) -> Catalog {
    let of = |key: &str| match key.split('.').next() {
        Some("builder") => Part::Builder,
        Some("meta") => wanted,
        _ => Part::Widget,
    };
    Catalog {
        tag: catalog.tag.clone(),
        entries: catalog
            .entries
            .iter()
            .filter(|(key, _)| of(key) == wanted)
            .cloned()
            .collect(),
    }
}

fn key_list(catalog: &Catalog) -> Vec<&str> {
    catalog.entries.iter().map(|(k, _)| k.as_str()).collect()
}

fn lookup<'a>(catalog: &'a Catalog, key: &str) -> &'a str {
    match catalog.entries.iter().find(|(k, _)| k == key) {
        Some((_, Value::Text(text))) => text,
        _ => "",
    }
}

/// Writes only when the bytes differ, so that Trunk's watcher is not woken
/// by a build that changed nothing.
fn write_if_changed(path: &Path, text: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).expect("target/ is writable");
    }
}

/// FNV-1a, 32 bits, in hex: the version of the key list.
fn fnv(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{hash:08x}")
}

fn variant(key: &str) -> String {
    key.split(['.', '_'])
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn keys_rs(english: &Catalog, hash: &str) -> String {
    let mut out = String::from(
        "/// A text of the catalog (`i18n/en.txt`), named after its key.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq)]\n\
         pub enum Key {\n",
    );
    for (key, value) in &english.entries {
        let text = match value {
            Value::Text(text) => text.clone(),
            Value::Plural(forms) => forms["other"].clone(),
        };
        let _ = writeln!(
            out,
            "    /// `{key}`: {}\n    {},",
            text.replace('`', "'"),
            variant(key)
        );
    }
    let _ = writeln!(
        out,
        "}}\n\n/// How many keys there are.\npub const KEY_COUNT: usize = {};\n\n\
         /// The version of the key list, in the first line of every compact catalog.\n\
         pub const KEYS_HASH: &str = \"{hash}\";",
        english.entries.len()
    );
    out
}

fn compact(catalog: &Catalog, hash: &str) -> String {
    let mut out = format!("#social8020 {} {hash}\n", catalog.tag);
    for (_, value) in &catalog.entries {
        match value {
            Value::Text(text) => out.push_str(text),
            Value::Plural(forms) => {
                for (form, text) in forms {
                    let _ = write!(out, "\x1f{form}:{text}");
                }
            }
        }
        out.push('\n');
    }
    out
}

/// Maps every text of a catalog, leaving `{placeholders}` as they are.
fn map_texts(english: &Catalog, tag: &str, f: impl Fn(&str) -> String) -> Catalog {
    let each = |text: &str| {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let end = rest[start..]
                .find('}')
                .map_or(rest.len(), |e| start + e + 1);
            out.push_str(&f(&rest[..start]));
            out.push_str(&rest[start..end]);
            rest = &rest[end..];
        }
        out + &f(rest)
    };
    let entries = english
        .entries
        .iter()
        .map(|(key, value)| {
            let value = match (key.starts_with("meta."), value) {
                (true, value) => value.clone(),
                (false, Value::Text(text)) => Value::Text(each(text)),
                (false, Value::Plural(forms)) => Value::Plural(
                    forms
                        .iter()
                        .map(|(form, text)| (form.clone(), each(text)))
                        .collect(),
                ),
            };
            (key.clone(), value)
        })
        .collect();
    Catalog {
        tag: tag.to_owned(),
        entries,
    }
}

/// `en-XA`: every letter accented and every text 40 % longer, in brackets,
/// to find clipped and hard-coded text.
fn pseudo_long(english: &Catalog) -> Catalog {
    let accent = |c: char| match c {
        'a' => 'á',
        'e' => 'é',
        'i' => 'í',
        'o' => 'ö',
        'u' => 'ü',
        'c' => 'ç',
        'n' => 'ñ',
        's' => 'š',
        'y' => 'ý',
        'A' => 'Å',
        'E' => 'É',
        'O' => 'Ö',
        'S' => 'Š',
        other => other,
    };
    let mut catalog = map_texts(english, "en-XA", |text| text.chars().map(accent).collect());
    // 40 % more letters at the end of each whole text (not between its
    // placeholders), in brackets that show where a text is cut off.
    let longer = |text: &mut String| {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let mut pad = letters * 2 / 5;
        while pad > 0 {
            let word = pad.min(6);
            text.push(' ');
            text.extend(std::iter::repeat_n('ẋ', word));
            pad -= word;
        }
        *text = format!("⟦{text}⟧");
    };
    for (key, value) in &mut catalog.entries {
        match value {
            _ if key.starts_with("meta.") => {}
            Value::Text(text) => longer(text),
            Value::Plural(forms) => forms.values_mut().for_each(longer),
        }
    }
    set_meta(&mut catalog, "meta.name", "Pseudo (long)");
    catalog
}

/// `ar-XB`: right to left, every word's letters in a right-to-left
/// override (so words read mirrored and untranslated text stands out),
/// numbers and punctuation left to the bidi algorithm as in a real
/// right-to-left language, to check that the layout mirrors.
fn pseudo_rtl(english: &Catalog) -> Catalog {
    let mut catalog = map_texts(english, "ar-XB", |text| {
        let mut out = String::new();
        let mut in_word = false;
        for c in text.chars() {
            if c.is_alphabetic() != in_word {
                out.push(if in_word { '\u{202c}' } else { '\u{202e}' });
                in_word = !in_word;
            }
            out.push(c);
        }
        if in_word {
            out.push('\u{202c}');
        }
        out
    });
    set_meta(&mut catalog, "meta.dir", "rtl");
    set_meta(&mut catalog, "meta.name", "Pseudo (right to left)");
    catalog
}

fn set_meta(catalog: &mut Catalog, key: &str, text: &str) {
    if let Some((_, value)) = catalog.entries.iter_mut().find(|(k, _)| k == key) {
        *value = Value::Text(text.to_owned());
    }
}

/// Warns of keys that no `Key::Variant` in `src/` names and no file of
/// [`PAGES`] names in quotes.
fn report_unused(root: &Path, english: &Catalog) {
    let pages: String = PAGES
        .iter()
        .map(|page| fs::read_to_string(root.join(page)).unwrap_or_default())
        .collect();
    let mut code = String::new();
    let mut stack = vec![root.join("src")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                code += &fs::read_to_string(&path).unwrap_or_default();
            }
        }
    }
    for (key, _) in &english.entries {
        let name = variant(key);
        let used = code.match_indices(&name).any(|(at, _)| {
            let after = code[at + name.len()..].chars().next();
            code[..at].ends_with("Key::") && !after.is_some_and(|c| c.is_alphanumeric())
        });
        let named = pages.contains(&format!("\"{key}\""));
        if !used && !named && !key.starts_with("meta.") {
            println!(
                "cargo:warning=catalog key `{key}` is not used by any Key::{name} in src/ \
                 nor named in {}",
                PAGES.join(", ")
            );
        }
    }
}
