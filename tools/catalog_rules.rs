//! The rules of the catalogs (i18n/README.md): how a catalog file is read
//! and how a language is checked against English. Shared by `build.rs`,
//! which fails the build on a problem, and by `tests/catalogs.rs`, which
//! shows that each rule catches what it should.

use std::collections::{BTreeMap, BTreeSet};

/// The plural forms of `Intl.PluralRules`, as `[form]` after a key.
pub const FORMS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One key's value: a text, or a text per plural form.
#[derive(Clone, Debug)]
pub enum Value {
    Text(String),
    Plural(BTreeMap<String, String>),
}

/// One catalog file, read.
pub struct Catalog {
    pub tag: String,
    /// Base keys in the order of the file, each with its value.
    pub entries: Vec<(String, Value)>,
}

/// Reads the catalog of language `tag`; what breaks the format goes to
/// `problems`.
pub fn parse(tag: &str, source: &str, problems: &mut Vec<String>) -> Catalog {
    let mut entries: Vec<(String, Value)> = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("i18n/{tag}.txt line {}", number + 1);
        let Some((key, value)) = line.split_once(" = ") else {
            problems.push(format!("{at}: expected `key = text`"));
            continue;
        };
        let (key, form) = match key.split_once('[') {
            Some((base, form)) => (base, form.strip_suffix(']')),
            None => (key, None),
        };
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_')
        {
            problems.push(format!("{at}: the key `{key}` is not lower_case.dotted"));
            continue;
        }
        let value = value.trim().to_owned();
        let existing = entries.iter_mut().find(|(k, _)| k == key);
        match (form, existing) {
            (None, None) => entries.push((key.to_owned(), Value::Text(value))),
            (Some(form), existing) if FORMS.contains(&form) => match existing {
                None => entries.push((
                    key.to_owned(),
                    Value::Plural(BTreeMap::from([(form.to_owned(), value)])),
                )),
                Some((_, Value::Plural(forms))) => {
                    if forms.insert(form.to_owned(), value).is_some() {
                        problems.push(format!("{at}: `{key}[{form}]` is given twice"));
                    }
                }
                Some(_) => problems.push(format!("{at}: `{key}` is both a text and counted")),
            },
            (Some(form), _) => problems.push(format!(
                "{at}: `[{form}]` is not a plural form (use one of {})",
                FORMS.join(", ")
            )),
            (None, Some(_)) => problems.push(format!("{at}: `{key}` is given twice")),
        }
    }
    for (key, value) in &entries {
        if let Value::Plural(forms) = value {
            if !forms.contains_key("other") {
                problems.push(format!("i18n/{tag}.txt: `{key}` has no [other] form"));
            }
        }
    }
    Catalog {
        tag: tag.to_owned(),
        entries,
    }
}

/// The `{name}` placeholders of a text.
pub fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        names.insert(&rest[start + 1..start + end]);
        rest = &rest[start + end + 1..];
    }
    names
}

/// Checks `other` against English: every key and no other, counted where
/// English is counted, the same placeholders.
pub fn compare(english: &Catalog, other: &Catalog, problems: &mut Vec<String>) {
    let file = format!("i18n/{}.txt", other.tag);
    let theirs: BTreeMap<&str, &Value> =
        other.entries.iter().map(|(k, v)| (k.as_str(), v)).collect();
    for (key, value) in &english.entries {
        let Some(translated) = theirs.get(key.as_str()) else {
            problems.push(format!("{file}: `{key}` is missing"));
            continue;
        };
        let expected = match value {
            Value::Text(text) => placeholders(text),
            Value::Plural(forms) => placeholders(&forms["other"]),
        };
        match (value, translated) {
            (Value::Text(_), Value::Text(text)) => {
                if placeholders(text) != expected {
                    problems.push(format!(
                        "{file}: `{key}` has placeholders {:?}, English has {expected:?}",
                        placeholders(text)
                    ));
                }
            }
            (Value::Plural(_), Value::Plural(forms)) => {
                for (form, text) in forms {
                    let found = placeholders(text);
                    let fits = if form == "other" {
                        found == expected
                    } else {
                        found.is_subset(&expected)
                    };
                    if !fits {
                        problems.push(format!(
                            "{file}: `{key}[{form}]` has placeholders {found:?}, English has {expected:?}"
                        ));
                    }
                }
            }
            _ => problems.push(format!(
                "{file}: `{key}` must be counted exactly where English is ([one]/[other] forms)"
            )),
        }
    }
    let ours: BTreeSet<&str> = english.entries.iter().map(|(k, _)| k.as_str()).collect();
    for (key, _) in &other.entries {
        if !ours.contains(key.as_str()) {
            problems.push(format!("{file}: `{key}` is not an English key"));
        }
    }
}
