//! Rows pasted from a spreadsheet or read from a CSV file (docs/spec.md §6).
//!
//! [`parse_rows`] turns the text into activity rows for the form. Every row
//! goes through [`Scenario::new`], the same check as the form and share
//! links, so a row it returns is one the scenario accepts. A bad row is
//! listed with its line number and the reason (the app words it with what to
//! do about it); the good rows around it are kept. Nothing here panics, and the work is linear in the input,
//! which is refused outright above [`MAX_INPUT_BYTES`].
//!
//! ```
//! use social8020_core::import::{parse_rows, Reason};
//! use social8020_core::number::NumberError;
//! use social8020_core::scenario::{ActivityKind, Column, Problem};
//!
//! // A paste from a spreadsheet: tab separated, with a header row.
//! let import = parse_rows("Activity\tHours\tRevenue\tType\n\
//!                          Replies\t2,5\t$1,200\tcommunity\n\
//!                          Ads\tabc\t50\n");
//! assert_eq!(import.rows.len(), 1);
//! let replies = &import.rows[0].activity;
//! assert_eq!((replies.name.as_str(), replies.kind), ("Replies", ActivityKind::Community));
//! assert_eq!((replies.hours.as_str(), replies.results.as_str()), ("2.5", "1200"));
//! let problem = &import.problems[0];
//! assert_eq!(problem.line, 3);
//! assert_eq!(
//!     problem.reason,
//!     Reason::Cell {
//!         column: Column::Hours,
//!         text: "abc".to_owned(),
//!         problem: Problem::Number(NumberError::NotANumber),
//!     },
//! );
//! ```
//!
//! # What is read
//!
//! - **Delimiter**, chosen once per input from its first 20 lines that are
//!   not blank, outside quotes. Each line gives each of tab, `;` and `,` a
//!   point per time it holds it, at most two (a row of name, hours and
//!   results holds its delimiter twice); the most points win, and ties go
//!   to the tab, then to `;`. So a spreadsheet paste is read by its tabs even
//!   with `1,200` in it; `Posts;2,5;120` is `;`-separated, as CSV files are
//!   where `2,5` is a number; and a `;` or a tab in a name does not outvote
//!   the commas of a CSV file. A first line `sep=;` (which Excel writes)
//!   names the delimiter and is skipped.
//! - **Quotes** as RFC 4180 has them, in all three forms: a cell in double
//!   quotes may hold the delimiter, line breaks and doubled quotes. A line
//!   break inside a cell becomes a space. A cell that opens a quote but does
//!   not close it where the cell ends is read as typed, quotes and all, up
//!   to the next delimiter, so one stray quote never swallows the rows after
//!   it. Lines end in LF, CRLF or CR; a byte-order mark is ignored.
//! - **Columns**: without a header, name, hours, results and an optional
//!   type, and any further cells are ignored. A first row that names at
//!   least two columns is a header, and columns are then found by name,
//!   ignoring case, a note in brackets such as `(USD)` and a trailing
//!   `per week` or `per month`: `name`, `activity` or `activity name`;
//!   `hours` or `time`; `results`, `result`, `revenue`, `sales` or `value`;
//!   `type` or `kind`. Other columns are ignored, so the app's own CSV
//!   export (`rank,activity,type,hours,results,…`) reads back as it was.
//! - **Names** are trimmed and cleaned as [`Scenario::new`] cleans them
//!   ([`crate::text::visible`]). The `'`s that the CSV export puts into a
//!   name to defuse a formula ([`crate::export::push_csv_cell`]) are taken
//!   off again, exactly: a name comes back as it was exported.
//! - **Numbers** are read by [`parse_amount`], so `2,5`, `2.5` and `1,234`
//!   mean what they do in the form; a currency symbol before or after the
//!   number, as a spreadsheet copies a formatted cell (`$1,200.00`,
//!   `1.200,00 €`), is ignored. In `;`-separated text, digits grouped in
//!   threes by dots alone (`1.200`) are a whole number, as they are where
//!   such files come from; `parse_amount` alone reads a single dot as the
//!   decimal mark. Rows carry the number in the form's plain spelling
//!   (`2.5`, `1200`).
//! - **Type**: `following` or `community`, or just `f` or `c`, in any case;
//!   an empty or missing type is Following.
//! - **Blank rows**, whose cells are all empty, are skipped without a word.
//!
//! Only as many rows as there is room for are taken (see
//! [`parse_rows_with_room`]); the rows from the first one that does not fit
//! are left out with one problem that says so. The problems of at most
//! [`MAX_LISTED_ROWS`] bad rows are listed; one more problem counts the rest.

use crate::draft::ActivityDraft;
use crate::export::restore_cell;
use crate::number::{parse_amount, Amount, NumberError};
use crate::scenario::{
    Activity, ActivityKind, Column, Field, Problem, Scenario, ScenarioParts, MAX_ACTIVITIES,
};
use crate::text::visible;

/// Largest text that is read at all: 1 MB, hundreds of times what 100 rows
/// take, so only a wrong file or paste comes near it.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// Most bad rows whose problems are listed one by one; more would bury the
/// list on screen.
pub const MAX_LISTED_ROWS: usize = 50;

/// How many lines from the start the delimiter is guessed from.
const SAMPLE_LINES: usize = 20;

/// Cells kept per row; the rest of a very wide row is read and dropped, so
/// that a line of commas cannot take memory out of proportion.
const MAX_CELLS: usize = 64;

/// Characters of a cell quoted in a problem before it is cut short.
const QUOTED_CHARS: usize = 24;

/// What came out of a paste or a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Import {
    /// The good rows, in the order of the input.
    pub rows: Vec<ImportedRow>,
    /// What was wrong, in line order.
    pub problems: Vec<RowProblem>,
}

impl Import {
    /// True when the input held neither rows nor problems: it was empty,
    /// blank or a header alone.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.problems.is_empty()
    }

    /// How many rows were left out for a problem of their own: each bad row
    /// once, however many of its cells are wrong, plus the rows that a
    /// [`Reason::MoreProblems`] stands for. Rows that did not fit, and a
    /// problem with the input as a whole, are not counted.
    pub fn rows_to_fix(&self) -> usize {
        let mut count = 0;
        let mut last_line = 0;
        for problem in &self.problems {
            match problem.reason {
                Reason::MoreProblems { rows } => count += rows,
                Reason::Cell { .. } | Reason::UnknownType { .. } if problem.line != last_line => {
                    count += 1;
                    last_line = problem.line;
                }
                _ => {}
            }
        }
        count
    }
}

/// A row that the scenario accepts, ready for the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedRow {
    /// Line of the input where the row starts, from 1.
    pub line: usize,
    /// The name trimmed, hours and results spelt plainly (`2.5`, `1200`).
    pub activity: ActivityDraft,
}

/// Why a row, or the whole input, was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// Line of the input where the row starts, from 1; 0 for a problem with
    /// the input as a whole.
    pub line: usize,
    pub reason: Reason,
}

/// What is wrong with a row, or with the input as a whole. The app words it
/// with how to fix the row; the row number is the line number, which is the
/// row number in the spreadsheet that the text came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The scenario does not accept this name, hours or results cell.
    /// `text` is the cell as found, trimmed and cut short (with `…`) to
    /// quote.
    Cell {
        column: Column,
        text: String,
        problem: Problem,
    },
    /// A type other than following or community.
    UnknownType { text: String },
    /// The header row names no column for this.
    MissingColumn(Column),
    /// The row is one more than there was room for; it and the rows after
    /// it were not read.
    NoRoom { room: usize },
    /// This many bad rows, from this one on, are not listed one by one.
    MoreProblems { rows: usize },
    /// The input is larger than [`MAX_INPUT_BYTES`]; nothing was read.
    InputTooLarge,
}

/// Reads rows for a form that is empty: at most [`MAX_ACTIVITIES`].
pub fn parse_rows(text: &str) -> Import {
    parse_rows_with_room(text, MAX_ACTIVITIES)
}

/// Reads rows for a form that has room for `room` more activities (at most
/// [`MAX_ACTIVITIES`], whatever is asked). Rows beyond that are left out,
/// with one problem at the first of them.
pub fn parse_rows_with_room(text: &str, room: usize) -> Import {
    let room = room.min(MAX_ACTIVITIES);
    let mut import = Import::default();
    if text.len() > MAX_INPUT_BYTES {
        import.problems.push(RowProblem {
            line: 0,
            reason: Reason::InputTooLarge,
        });
        return import;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (delimiter, start, start_line) = detect_delimiter(text);
    let mut reader = Reader {
        text,
        pos: start,
        line: start_line,
        delimiter,
    };
    let mut columns = Columns::POSITIONAL;
    let mut first = true;
    let mut bad_rows = 0;
    let mut unlisted: Option<(usize, usize)> = None;
    while let Some(record) = reader.next_record() {
        if record.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if std::mem::take(&mut first) {
            if let Some(header) = Columns::from_header(&record.cells) {
                match header {
                    Ok(found) => columns = found,
                    Err(column) => {
                        import.problems.push(RowProblem {
                            line: record.line,
                            reason: Reason::MissingColumn(column),
                        });
                        return import;
                    }
                }
                continue;
            }
        }
        if import.rows.len() >= room {
            import.problems.push(RowProblem {
                line: record.line,
                reason: Reason::NoRoom { room },
            });
            break;
        }
        match read_row(&record.cells, &columns, delimiter == ';') {
            Ok(activity) => import.rows.push(ImportedRow {
                line: record.line,
                activity,
            }),
            Err(reasons) => {
                bad_rows += 1;
                if bad_rows <= MAX_LISTED_ROWS {
                    import
                        .problems
                        .extend(reasons.into_iter().map(|reason| RowProblem {
                            line: record.line,
                            reason,
                        }));
                } else {
                    unlisted.get_or_insert((record.line, 0)).1 += 1;
                }
            }
        }
    }
    if let Some((line, rows)) = unlisted {
        // The list is in line order, and the first unlisted row may come
        // before a later "no room".
        let at = import.problems.partition_point(|p| p.line < line);
        import.problems.insert(
            at,
            RowProblem {
                line,
                reason: Reason::MoreProblems { rows },
            },
        );
    }
    import
}

// ---------------------------------------------------------------------------
// Rows

/// Where each field is among a row's cells.
struct Columns {
    name: usize,
    hours: usize,
    results: usize,
    kind: Option<usize>,
}

impl Columns {
    /// Name, hours, results and type, in this order.
    const POSITIONAL: Columns = Columns {
        name: 0,
        hours: 1,
        results: 2,
        kind: Some(3),
    };

    /// `None` when `cells` is not a header; otherwise the columns it names,
    /// or the first required column that it lacks.
    fn from_header(cells: &[String]) -> Option<Result<Columns, Column>> {
        let roles: Vec<Option<Role>> = cells.iter().map(|c| Role::of_header(c)).collect();
        if roles.iter().flatten().count() < 2 {
            return None;
        }
        let find = |role| roles.iter().position(|r| *r == Some(role));
        let columns = (|| {
            Ok(Columns {
                name: find(Role::Name).ok_or(Column::Name)?,
                hours: find(Role::Hours).ok_or(Column::Hours)?,
                results: find(Role::Results).ok_or(Column::Results)?,
                kind: find(Role::Kind),
            })
        })();
        Some(columns)
    }
}

/// What a header cell names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Name,
    Hours,
    Results,
    Kind,
}

impl Role {
    fn of_header(cell: &str) -> Option<Role> {
        // ASCII only: the known names are English, and full Unicode case
        // mapping would add its tables to the wasm.
        let mut text = cell.trim().to_ascii_lowercase();
        // A note in brackets at the end: "Revenue (USD)", "Hours [h]".
        if let Some(at) = text.find(['(', '[']) {
            if text.ends_with([')', ']']) {
                text.truncate(at);
            }
        }
        let text = text.trim();
        let text = ["per week", "per month"]
            .iter()
            .find_map(|suffix| text.strip_suffix(suffix))
            .unwrap_or(text)
            .trim();
        match text {
            "name" | "activity" | "activity name" => Some(Role::Name),
            "hours" | "time" => Some(Role::Hours),
            "results" | "result" | "revenue" | "sales" | "value" => Some(Role::Results),
            "type" | "kind" => Some(Role::Kind),
            _ => None,
        }
    }
}

/// Reads one row through the scenario's constructor: the activity as the
/// form should show it, or every reason the row was refused, in column
/// order.
///
/// `dot_groups` is set for `;`-separated text, which comes from where `,` is
/// the decimal mark and `.` groups thousands: there `1.200` is read as
/// twelve hundred, where [`parse_amount`] alone would read 1.2.
fn read_row(
    cells: &[String],
    columns: &Columns,
    dot_groups: bool,
) -> Result<ActivityDraft, Vec<Reason>> {
    let cell = |at: usize| cells.get(at).map_or("", String::as_str);
    // Cleaned as the scenario cleans it, so the form shows what the
    // scenario will hold.
    let name = visible(&name_text(cell(columns.name))).trim().to_owned();
    let hours_text = cell(columns.hours);
    let results_text = cell(columns.results);
    let hours = read_number(hours_text, dot_groups);
    let results = read_number(results_text, dot_groups);
    let kind = match columns.kind.map(cell).map(str::trim).unwrap_or_default() {
        "" => Ok(ActivityKind::Following),
        text => kind_of(text).ok_or_else(|| Reason::UnknownType {
            text: shorten(text),
        }),
    };

    let checked = Scenario::new(ScenarioParts {
        activities: vec![Activity {
            name: name.clone(),
            kind: kind.as_ref().ok().copied().unwrap_or_default(),
            hours: hours.unwrap_or_default(),
            results: results.unwrap_or_default(),
        }],
        ..ScenarioParts::default()
    });

    // Per cell, a number that could not be read, else what the scenario
    // says of the value.
    let number_errors = [
        (Column::Hours, hours.err()),
        (Column::Results, results.err()),
    ]
    .into_iter()
    .filter_map(|(column, error)| Some((column, Problem::Number(error?))));
    // Only the row's own cells can be refused, since every other part of
    // the scenario is a valid default.
    let scenario_errors = checked.as_ref().err().into_iter().flat_map(|invalid| {
        invalid.errors().iter().map(|error| match error.field {
            Field::Activity(_, column) => (column, error.problem),
            _ => (Column::Name, error.problem),
        })
    });
    let candidates: Vec<(Column, Problem)> = number_errors.chain(scenario_errors).collect();
    // The first refusal of each cell, in column order.
    let mut reasons: Vec<Reason> = [Column::Name, Column::Hours, Column::Results]
        .into_iter()
        .filter_map(|column| candidates.iter().find(|(c, _)| *c == column).copied())
        .map(|(column, problem)| Reason::Cell {
            column,
            text: shorten(match column {
                Column::Name => &name,
                Column::Hours => hours_text,
                Column::Results => results_text,
            }),
            problem,
        })
        .collect();
    match (hours, results, kind) {
        (Ok(hours), Ok(results), Ok(kind)) if reasons.is_empty() => Ok(ActivityDraft {
            name,
            kind,
            hours: hours.to_string(),
            results: results.to_string(),
        }),
        (_, _, kind) => {
            reasons.extend(kind.err());
            Err(reasons)
        }
    }
}

/// The name as the form should hold it: line breaks from a multi-line
/// spreadsheet cell become spaces, and the export's formula guard comes off.
fn name_text(cell: &str) -> String {
    let cell = restore_cell(cell.trim());
    let mut name = String::with_capacity(cell.len());
    let mut in_break = false;
    for c in cell.chars() {
        if matches!(c, '\r' | '\n') {
            if !in_break {
                name.push(' ');
            }
            in_break = true;
        } else {
            name.push(c);
            in_break = false;
        }
    }
    name.trim().to_owned()
}

/// Reads a number cell, without the currency symbol of a formatted cell.
fn read_number(cell: &str, dot_groups: bool) -> Result<Amount, NumberError> {
    let text = cell.trim_matches(|c: char| c.is_whitespace() || is_currency_symbol(c));
    if dot_groups && is_dot_grouped(text) {
        parse_amount(&text.replace('.', ""))
    } else {
        parse_amount(text)
    }
}

/// True for digits grouped in threes by dots alone: `1.200`, `12.345.678`.
fn is_dot_grouped(text: &str) -> bool {
    let mut groups = text.split('.');
    let all_digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && all_digits(g));
    let mut rest = groups.peekable();
    first_ok && rest.peek().is_some() && rest.all(|g| g.len() == 3 && all_digits(g))
}

fn is_currency_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '¢'
            | '₹'
            | '₩'
            | '₽'
            | '₺'
            | '₴'
            | '₦'
            | '₱'
            | '₫'
            | '₪'
            | '฿'
            | '₿'
    )
}

fn kind_of(text: &str) -> Option<ActivityKind> {
    if text.eq_ignore_ascii_case("f") {
        Some(ActivityKind::Following)
    } else if text.eq_ignore_ascii_case("c") {
        Some(ActivityKind::Community)
    } else {
        ActivityKind::from_key(text)
    }
}

/// A cell as a problem quotes it: trimmed, and cut short if long.
fn shorten(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// Delimited text

/// The delimiter, and where the rows start: past a `sep=` line if there is
/// one, as a byte offset and a line number.
fn detect_delimiter(text: &str) -> (char, usize, usize) {
    if let Some(rest) = text.strip_prefix("sep=") {
        let mut chars = rest.chars();
        if let Some(delimiter @ (',' | ';' | '\t')) = chars.next() {
            let after = chars.as_str();
            let line_end = match after.as_bytes() {
                [b'\r', b'\n', ..] => Some(2),
                [b'\r' | b'\n', ..] => Some(1),
                [] => Some(0),
                _ => None,
            };
            if let Some(skip) = line_end {
                return (delimiter, text.len() - after.len() + skip, 2);
            }
        }
    }
    let mut sample = Sample::default();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\r' | '\n' => {
                sample.end_line();
                if sample.lines >= SAMPLE_LINES {
                    break;
                }
            }
            c => sample.count(c),
        }
    }
    sample.end_line();
    let delimiter = sample.delimiter();
    (delimiter, 0, 1)
}

/// Scores of the candidate delimiters over the first lines, outside quotes:
/// each line counts each delimiter up to twice, because a row needs two to
/// hold name, hours and results, and a few more in a name or a number must
/// not outvote the delimiter of every line.
#[derive(Default)]
struct Sample {
    /// Lines with anything but spaces on them.
    lines: usize,
    /// Tab, `;` and `,`: the score so far, and the count on this line.
    scores: [usize; 3],
    on_line: [usize; 3],
    text: bool,
}

impl Sample {
    const CANDIDATES: [char; 3] = ['\t', ';', ','];

    fn count(&mut self, c: char) {
        if let Some(at) = Self::CANDIDATES.iter().position(|d| *d == c) {
            self.on_line[at] += 1;
        }
        self.text |= c != ' ';
    }

    fn end_line(&mut self) {
        if self.text {
            self.lines += 1;
            for (score, count) in self.scores.iter_mut().zip(self.on_line) {
                *score += count.min(2);
            }
        }
        (self.on_line, self.text) = ([0; 3], false);
    }

    /// The best-scoring delimiter; ties go to the tab, then `;`.
    fn delimiter(&self) -> char {
        let mut best = 2;
        for at in [1, 0] {
            if self.scores[at] >= self.scores[best] {
                best = at;
            }
        }
        Self::CANDIDATES[best]
    }
}

/// One record: the line it starts on and its first [`MAX_CELLS`] cells.
struct Record {
    line: usize,
    cells: Vec<String>,
}

/// What ended a cell.
enum End {
    Delimiter,
    Line,
}

/// Reads records one by one. Each byte is looked at a bounded number of
/// times: a failed quoted cell is scanned once to its end and then read as
/// typed, and a later quoted cell inside the scanned stretch meets only
/// doubled quotes, so it closes at once.
struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// The line `pos` is on, from 1.
    line: usize,
    delimiter: char,
}

impl Reader<'_> {
    fn next_record(&mut self) -> Option<Record> {
        if self.pos >= self.text.len() {
            return None;
        }
        let mut record = Record {
            line: self.line,
            cells: Vec::new(),
        };
        loop {
            let (cell, end) = self.read_cell();
            if record.cells.len() < MAX_CELLS {
                record.cells.push(cell);
            }
            if matches!(end, End::Line) {
                return Some(record);
            }
        }
    }

    fn is_padding(&self, c: char) -> bool {
        c == ' ' || (c == '\t' && self.delimiter != '\t')
    }

    /// Reads one cell and what ends it, and moves past both.
    fn read_cell(&mut self) -> (String, End) {
        let rest = &self.text[self.pos..];
        let padded = rest.trim_start_matches(|c| self.is_padding(c));
        if let Some(inside) = padded.strip_prefix('"') {
            let open = self.text.len() - inside.len();
            if let Some((cell, after)) = self.quoted(open) {
                let breaks = line_breaks(&self.text[open..after]);
                if let Some(end) = self.end_at(after) {
                    self.line += breaks;
                    return (cell, end);
                }
            }
        }
        // Not quoted, or quoted wrongly: the cell is read as typed.
        let delimiter = self.delimiter;
        let length = rest.find([delimiter, '\r', '\n']).unwrap_or(rest.len());
        let cell = rest[..length].to_owned();
        let end = self.end_at(self.pos + length).unwrap_or(End::Line);
        (cell, end)
    }

    /// The text of a quoted cell whose opening quote ends at `open`, and
    /// where its closing quote ends; `None` if it is never closed.
    fn quoted(&self, open: usize) -> Option<(String, usize)> {
        let mut cell = String::new();
        let mut at = open;
        loop {
            let quote = at + self.text[at..].find('"')?;
            cell.push_str(&self.text[at..quote]);
            if self.text[quote + 1..].starts_with('"') {
                cell.push('"');
                at = quote + 2;
            } else {
                return Some((cell, quote + 1));
            }
        }
    }

    /// If `at` (after padding) is the end of a cell, moves past it and says
    /// what ended it; otherwise leaves the reader where it was.
    fn end_at(&mut self, at: usize) -> Option<End> {
        let rest = &self.text[at..];
        let padded = rest.trim_start_matches(|c| self.is_padding(c));
        let at = self.text.len() - padded.len();
        let mut chars = padded.chars();
        let (end, next) = match chars.next() {
            None => (End::Line, at),
            Some(c) if c == self.delimiter => (End::Delimiter, at + c.len_utf8()),
            Some('\r') if padded[1..].starts_with('\n') => (End::Line, at + 2),
            Some('\r' | '\n') => (End::Line, at + 1),
            Some(_) => return None,
        };
        if matches!(end, End::Line) && next > at {
            self.line += 1;
        }
        self.pos = next;
        Some(end)
    }
}

/// Line breaks in `text`: LF, CRLF and CR each count once.
fn line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<(usize, Vec<String>)> {
        let (delimiter, pos, line) = detect_delimiter(text);
        let mut reader = Reader {
            text,
            pos,
            line,
            delimiter,
        };
        std::iter::from_fn(|| reader.next_record())
            .map(|r| (r.line, r.cells))
            .collect()
    }

    #[test]
    fn records_split_as_rfc_4180_says() {
        let owned = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            cells("a,\"b,\"\"c\"\"\r\nd\",e\r\nf,g"),
            vec![
                (1, owned(&["a", "b,\"c\"\r\nd", "e"])),
                (3, owned(&["f", "g"]))
            ]
        );
        assert_eq!(
            cells("\"a\" ,b\n\"x\"y,z\n"),
            vec![(1, owned(&["a", "b"])), (2, owned(&["\"x\"y", "z"]))]
        );
        assert_eq!(
            cells("sep=;\r\na;b\rc;d"),
            vec![(2, owned(&["a", "b"])), (3, owned(&["c", "d"]))]
        );
        assert_eq!(cells("a,b,"), vec![(1, owned(&["a", "b", ""]))]);
    }
}
