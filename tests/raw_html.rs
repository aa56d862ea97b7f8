//! No raw HTML and no text run as code (ARCHITECTURE.md, "Invariants";
//! README, "Security"): no source of the widget, the loader or the embed
//! builder names an API that parses a string as HTML or as script. Every
//! text reaches the page as a text node or an attribute value, so a name
//! from a link or a file cannot become markup, whatever it holds.
//!
//! wasm-bindgen's JS glue in `dist/` has an `innerHTML` setter all the
//! same: Yew links it for its raw-HTML node, which only
//! `from_html_unchecked` makes, and that is one of the names below.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// The sinks: the DOM's, web-sys's and Yew's names for them.
const SINKS: [&str; 16] = [
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "setHTMLUnsafe",
    "parseHTMLUnsafe",
    "createContextualFragment",
    "DOMParser",
    "document.write",
    "srcdoc",
    "eval(",
    "new Function",
    "set_inner_html",
    "set_outer_html",
    "insert_adjacent_html",
    "set_srcdoc",
    "from_html_unchecked",
];

/// The files that run in a visitor's or a host page's browser, or write
/// what does (the build script and the post-build hook).
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = [
        "boot.js",
        "start.js",
        "embed.js",
        "builder.js",
        "builder.html",
        "index.html",
        "build.rs",
        "tools/post-build.mjs",
    ]
    .iter()
    .map(|f| root.join(f))
    .collect();
    for dir in ["src", "core/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    files
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// Where `text` names a sink: `(line, sink)`, a name counted only where it
/// starts a word (`eval(` is not `retrieval(`).
fn sinks_in(text: &str) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        for sink in SINKS {
            let starts_word = line.match_indices(sink).any(|(at, _)| {
                !line[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            if starts_word {
                found.push((number + 1, sink));
            }
        }
    }
    found
}

#[test]
fn no_source_names_a_raw_html_or_code_sink() {
    let files = sources();
    assert!(files.len() > 40, "the sources were not found: {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (line, sink) in sinks_in(&text) {
            found.push(format!("{}:{line}: {sink}", file.display()));
        }
    }
    assert!(
        found.is_empty(),
        "raw HTML or text run as code (write text nodes and attributes instead):\n{}",
        found.join("\n")
    );
}

/// Each sink is found after a `.`, a `::`, a space or at the start of a
/// line, once; the samples are made from [`SINKS`], so that no line of this
/// file reads as a call of one.
#[test]
fn each_sink_is_found_where_it_starts_a_word() {
    for sink in SINKS {
        for call in [
            format!("el.{sink}"),
            format!("js_sys::{sink}"),
            format!("x = {sink}"),
            sink.to_owned(),
        ] {
            assert_eq!(sinks_in(&call), [(1, sink)], "{call}");
        }
    }
    for harmless in ["retrieval(x)", "medieval(x)", "the inner html"] {
        assert!(sinks_in(harmless).is_empty(), "{harmless}");
    }
    let second_line = format!("a\nb.{}\n", SINKS[1]);
    assert_eq!(sinks_in(&second_line), [(2, SINKS[1])]);
}
