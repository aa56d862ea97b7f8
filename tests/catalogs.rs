//! The rules that `build.rs` applies to the catalogs (tools/catalog_rules.rs,
//! docs/spec.md §9): each one catches what it should, and the catalogs in
//! i18n/ pass them all.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../tools/catalog_rules.rs"]
#[allow(dead_code)]
mod rules;

const ENGLISH: &str = "\
meta.name = English
greeting = Hello, {name}.
rows.added[one] = Added {count} row.
rows.added[other] = Added {count} rows.
";

/// The problems of `source` as language `xx` against [`ENGLISH`].
fn problems(source: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let english = rules::parse("en", ENGLISH, &mut problems);
    let other = rules::parse("xx", source, &mut problems);
    rules::compare(&english, &other, &mut problems);
    problems
}

#[test]
fn a_complete_translation_passes() {
    let german = "\
# a comment
meta.name = Deutsch
greeting = Hallo, {name}.
rows.added[one] = Eine Zeile hinzugefügt.
rows.added[other] = {count} Zeilen hinzugefügt.
";
    assert_eq!(problems(german), Vec::<String>::new());
}

#[test]
fn each_rule_catches_its_mistake() {
    let cases = [
        ("meta.name = X\nrows.added[other] = {count}\n", "`greeting` is missing"),
        ("meta.name = X\ngreeting = Hi {name}\nrows.added[other] = {count}\nextra = 1\n", "`extra` is not an English key"),
        ("meta.name = X\ngreeting = Hi {nom}\nrows.added[other] = {count}\n", "`greeting` has placeholders"),
        ("meta.name = X\ngreeting = Hi\nrows.added[other] = {count}\n", "`greeting` has placeholders"),
        ("meta.name = X\ngreeting = Hi {name}\nrows.added = {count} rows\n", "must be counted exactly where English is"),
        ("meta.name = X\ngreeting = Hi {name}\nrows.added[one] = one\n", "has no [other] form"),
        ("meta.name = X\ngreeting = Hi {name}\nrows.added[other] = rows\n", "`rows.added[other]` has placeholders"),
        ("meta.name = X\ngreeting = Hi {name}\nrows.added[several] = {count}\nrows.added[other] = {count}\n", "is not a plural form"),
        ("meta.name = X\ngreeting = Hi {name}\ngreeting = Hey {name}\nrows.added[other] = {count}\n", "is given twice"),
        ("meta.name = X\ngreeting: Hi {name}\nrows.added[other] = {count}\n", "expected `key = text`"),
        ("meta.name = X\nGreeting = Hi {name}\nrows.added[other] = {count}\n", "is not lower_case.dotted"),
    ];
    for (source, expected) in cases {
        let found = problems(source);
        assert!(
            found.iter().any(|p| p.contains(expected)),
            "{expected:?} not among {found:?} for\n{source}"
        );
    }
}

#[test]
fn the_catalogs_of_the_widget_pass() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/i18n");
    let read = |tag: &str| std::fs::read_to_string(format!("{dir}/{tag}.txt")).expect("catalog");
    let mut problems = Vec::new();
    let english = rules::parse("en", &read("en"), &mut problems);
    for tag in ["de", "es", "fr", "pt-BR"] {
        let other = rules::parse(tag, &read(tag), &mut problems);
        rules::compare(&english, &other, &mut problems);
    }
    assert_eq!(problems, Vec::<String>::new());
}
