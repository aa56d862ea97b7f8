//! The CSV export's guard against formulas (docs/spec.md §11): no cell, read
//! with `,`, `;` or tab as the separator, starts with `=`, `+`, `-`, `@`,
//! tab or carriage return once a spreadsheet splits it. Each name below is
//! built to break a weaker rule; each goes through [`check`], which reads
//! the exported CSV the way a spreadsheet would with each separator.

use proptest::prelude::*;
use social8020_core::export::{
    breakdown_csv, defuse_cell, push_csv_cell, restore_cell, CSV_DANGER,
};
use social8020_core::pareto;
use social8020_core::scenario::Scenario;
use social8020_core::testing::{rows, F};

/// Names built to break a rule that only looks at the start of a cell, or
/// only at one separator.
const ATTACKS: &[&str] = &[
    "x;=1+1;y",
    "x\t=1+1",
    "x,=1+1",
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1,1)",
    "x; =1+1",
    "x;\"=1+1\"",
    "x\";=1+1",
    "x;;=1+1",
    "x;\t=1+1",
    "x\r=1+1",
    "x\n=1+1",
    "x\r\n@cmd",
    "x;+cmd|' /C calc'!A0",
    "a,b;c\t-d",
    "x;＝1+1",
    "\"=1\"",
    " =1+1",
    "'=1+1",
    "x;'=1+1",
    "x;''=1+1",
    "' '=1",
    "\t=1",
    "\r=1",
];

/// The cells a spreadsheet makes of `csv` when it splits on `separator`
/// and honours double quotes only where a cell starts with one, as
/// LibreOffice Calc and Excel do.
fn spreadsheet_cells(csv: &str, separator: char) -> Vec<String> {
    let mut cells = Vec::new();
    let mut chars = csv.chars().peekable();
    let mut cell = String::new();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if at_start && c == '"' {
            // A quoted cell: to the closing quote, quotes doubled inside.
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    Some('"') | None => break,
                    Some(inner) => cell.push(inner),
                }
            }
            at_start = false;
        } else if c == separator || c == '\n' || c == '\r' {
            cells.push(std::mem::take(&mut cell));
            at_start = true;
        } else {
            cell.push(c);
            at_start = false;
        }
    }
    cells.push(cell);
    cells
}

/// The cells of `csv` split on `separator` and line breaks with no regard
/// for quotes at all, leading spaces and quotes dropped: stricter than any
/// spreadsheet.
fn naive_cells(csv: &str, separator: char) -> Vec<String> {
    csv.split([separator, '\r', '\n'])
        .map(|piece| piece.trim_start_matches([' ', '"']).to_owned())
        .collect()
}

#[track_caller]
fn check(csv: &str, what: &str) {
    for separator in [',', ';', '\t'] {
        for cell in spreadsheet_cells(csv, separator)
            .into_iter()
            .chain(naive_cells(csv, separator))
        {
            assert!(
                !cell.starts_with(CSV_DANGER),
                "{what:?} split on {separator:?} gives the cell {cell:?} in {csv:?}"
            );
        }
    }
}

/// Following activities of these names, 1 hour each; the n-th brings n.
fn scenario(names: &[&str]) -> Scenario {
    let results: Vec<String> = (1..=names.len()).map(|i| i.to_string()).collect();
    let table: Vec<_> = names
        .iter()
        .zip(&results)
        .map(|(name, results)| (*name, F, "1", results.as_str()))
        .collect();
    rows(&table).build()
}

#[test]
fn no_split_of_the_exported_csv_starts_a_formula() {
    for name in ATTACKS {
        let breakdown = pareto::breakdown(scenario(&[name, "Posts"])).expect("results");
        check(&breakdown_csv(&breakdown), name);
    }
    let breakdown = pareto::breakdown(scenario(ATTACKS)).expect("results");
    check(&breakdown_csv(&breakdown), "all at once");
}

#[test]
fn the_rule_holds_for_any_text_in_any_cell() {
    // The rule is for every CSV, not only names the scenario has cleaned:
    // tabs and line breaks included.
    for text in ATTACKS {
        let mut csv = String::from("1,");
        push_csv_cell(&mut csv, text);
        csv.push_str(",following\r\n");
        check(&csv, text);
    }
}

#[test]
fn cells_read_back_as_they_were() {
    for text in ATTACKS {
        let defused = defuse_cell(text);
        assert_eq!(restore_cell(&defused), *text, "{defused:?}");
        assert_eq!(
            spreadsheet_cells(
                &{
                    let mut out = String::new();
                    push_csv_cell(&mut out, text);
                    out
                },
                ','
            )
            .concat(),
            defused,
            "{text:?}"
        );
    }
    // Plain text is left alone.
    for text in ["Posts", "Q&A - live", "a=b", "It's fine", "1,5 €"] {
        assert_eq!(defuse_cell(text), text);
    }
}

proptest! {
    #[test]
    fn no_text_can_start_a_formula(text in "[=+@\\-;,\t\r\n \"'a＝]{0,12}") {
        let mut csv = String::from("1,");
        push_csv_cell(&mut csv, &text);
        csv.push_str(",x\r\n");
        check(&csv, &text);
        prop_assert_eq!(restore_cell(&defuse_cell(&text)), text);
    }
}
