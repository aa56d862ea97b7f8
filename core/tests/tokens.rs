//! The contrast proof in `host.rs` works out an accent's shades against Rust
//! copies of the themes' surfaces ([`Surfaces`]). The stylesheet is what the
//! visitor sees, so the copies must be the colours of
//! `styles/00-tokens.css`, in every block that sets them.

use std::collections::HashMap;

use social8020_core::host::{Rgb, Surfaces};

/// The custom properties set in the first block that follows `selector`
/// (for an `@media` rule, in the rule nested inside it).
fn block<'a>(css: &'a str, selector: &str) -> HashMap<&'a str, &'a str> {
    let start = css
        .find(selector)
        .unwrap_or_else(|| panic!("00-tokens.css has no {selector}"));
    let body = &css[start..];
    let body = &body[..body.find('}').expect("a closed block")];
    body.split([';', '{'])
        .filter_map(|declaration| declaration.trim().split_once(':'))
        .filter(|(name, _)| name.starts_with("--"))
        .map(|(name, value)| (name.trim(), value.trim()))
        .collect()
}

#[test]
fn the_contrast_proof_uses_the_stylesheets_surfaces() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../styles/00-tokens.css");
    let css = std::fs::read_to_string(path).expect("styles/00-tokens.css");
    for (selector, surfaces) in [
        (":root {", Surfaces::LIGHT),
        ("@media (prefers-color-scheme: dark)", Surfaces::DARK),
        (":root[data-theme=\"dark\"]", Surfaces::DARK),
    ] {
        let tokens = block(&css, selector);
        for (property, colour) in [
            ("--surface", surfaces.surface),
            ("--bg", surfaces.bg),
            ("--surface-sunk", surfaces.sunk),
            ("--text", surfaces.text),
        ] {
            let in_css = tokens.get(property).and_then(|value| Rgb::parse(value));
            assert_eq!(
                in_css.map(Rgb::hex),
                Some(colour.hex()),
                "{property} in {selector} of styles/00-tokens.css"
            );
        }
    }
}
