//! Where typed facts become words.
//!
//! Components hold errors, notices and undo points as types until they
//! render; this module is the one place that words them, and
//! [`crate::view::problem`] the one place that shows a problem. The core
//! returns facts (which error, which limit, which cell); every sentence is
//! the catalog's, in the visitor's language, with the core's limits as
//! numbers formatted for the page. The score's words are in [`score`].
//!
//! The singular-or-plural choice is [`plural`], for every counted noun.

pub mod catalog;
pub mod chart;
pub mod score;

pub use catalog::{count, fill, t, Key};

use social8020_core::codec::{LinkError, TooLargeToShare};
use social8020_core::encoding::FileError;
use social8020_core::import::{Reason, RowProblem, MAX_INPUT_BYTES};
use social8020_core::number::{NumberError, MAX_DECIMALS};
use social8020_core::pareto::{NoBreakdown, NoProjection};
use social8020_core::scenario::{
    self, Column, ResultUnit, Threshold, MAX_ACTIVITIES, MAX_HOURS, MAX_LABEL_CHARS,
    MAX_NAME_CHARS, MAX_RESULTS, MAX_SIGNAL,
};
use social8020_core::score::NoScore;

use crate::browser::download::DownloadError;
use crate::browser::format::Formatter;

/// `one` when `count` is exactly 1, else `other`: "1 activity",
/// "0 activities", "1.5 hours".
pub fn plural<'a>(count: f64, one: &'a str, other: &'a str) -> &'a str {
    if count == 1.0 {
        one
    } else {
        other
    }
}

/// A counted phrase for a whole number of things: "Added 3 activities.".
pub fn counted(key: Key, n: usize) -> String {
    count(key, n as f64, &n.to_string(), &[])
}

/// Everything the widget can tell a visitor went wrong, typed until it is
/// shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A share link could not be opened.
    Link(LinkError),
    /// The scenario does not fit in a share link.
    TooLarge(TooLargeToShare),
    /// Nothing complete to share or report yet.
    NothingComplete,
    /// No results, so no breakdown to export.
    NoBreakdown(NoBreakdown),
    /// No signal to score.
    NoScore(NoScore),
    /// No hours to move in the what-if.
    NoProjection(NoProjection),
    /// The browser refused to save a file.
    Download(DownloadError),
    /// A field's value breaks a rule of the scenario.
    Field(scenario::Problem),
    /// A pasted or imported row that was not added.
    ImportRow(RowProblem),
    /// An imported file over [`crate::view::import::MAX_FILE_BYTES`].
    FileTooLarge,
    /// An imported file the browser could not read.
    FileUnreadable,
    /// An imported file whose bytes are not text in an encoding the core
    /// reads.
    FileNotText(FileError),
}

impl Problem {
    /// The problem in words, saying how to fix it where the visitor can,
    /// with its numbers formatted for the page.
    pub fn words(&self) -> String {
        with_page_format(|format| self.words_in(format))
    }

    /// [`Problem::words`] with the numbers formatted by `format`.
    fn words_in(&self, format: &Formatter) -> String {
        let max = |key, limit: f64| fill(key, &[("max", &format.number(limit))]);
        match self {
            Problem::Link(error) => match error {
                LinkError::Empty => t(Key::ProblemLinkEmpty).to_owned(),
                LinkError::TooLong | LinkError::Oversized => t(Key::ProblemLinkTooLong).to_owned(),
                LinkError::NewerVersion => t(Key::ProblemLinkNewer).to_owned(),
                LinkError::Damaged | LinkError::NotCanonical => {
                    t(Key::ProblemLinkDamaged).to_owned()
                }
                LinkError::TooManyActivities => max(Key::ProblemLinkTooMany, MAX_ACTIVITIES as f64),
                LinkError::Invalid(_) => t(Key::ProblemLinkInvalid).to_owned(),
            },
            Problem::TooLarge(TooLargeToShare { .. }) => t(Key::ProblemTooLargeToShare).to_owned(),
            Problem::NothingComplete => t(Key::ProblemNothingComplete).to_owned(),
            Problem::NoBreakdown(NoBreakdown::NoResults) => t(Key::ProblemNoBreakdown).to_owned(),
            Problem::NoScore(NoScore::NoSignals) => t(Key::ProblemNoScore).to_owned(),
            Problem::NoProjection(reason) => t(match reason {
                NoProjection::NoTrivialMany => Key::ProblemNoProjectionAllVital,
                NoProjection::NoHoursToMove => Key::ProblemNoProjectionNoHours,
                NoProjection::VitalFewUntimed => Key::ProblemNoProjectionVitalUntimed,
            })
            .to_owned(),
            Problem::Download(error) => t(match error {
                DownloadError::NoPage => Key::ProblemDownloadNoPage,
                DownloadError::File => Key::ProblemDownloadFile,
                DownloadError::Link => Key::ProblemDownloadLink,
            })
            .to_owned(),
            Problem::Field(problem) => field_words(*problem, format),
            Problem::ImportRow(problem) => row_words(problem, format),
            Problem::FileTooLarge => max(
                Key::ProblemFileTooLarge,
                crate::view::import::MAX_FILE_BYTES / MEGABYTE,
            ),
            Problem::FileUnreadable => t(Key::ProblemFileUnreadable).to_owned(),
            // One answer for every refusal: what to do is the same.
            Problem::FileNotText(FileError::BadUtf8 | FileError::BadUtf16 | FileError::NotText) => {
                t(Key::ProblemFileNotText).to_owned()
            }
        }
    }
}

/// The bytes of the megabyte that file limits are given in.
const MEGABYTE: f64 = 1_048_576.0;

/// The whole number and the decimal that problems give as examples of a
/// number: "such as 12 or 2.5".
const EXAMPLE_WHOLE: f64 = 12.0;
const EXAMPLE_DECIMAL: f64 = 2.5;

/// Runs `f` with the formatter of the page's numbers (the host's `locale`,
/// else the catalog's), for the limits in problems, which are shown where
/// no scenario's formatter is at hand. Made once: the locale does not
/// change while the page is open.
#[cfg(not(test))]
fn with_page_format<T>(f: impl FnOnce(&Formatter) -> T) -> T {
    thread_local! {
        static FORMAT: std::cell::OnceCell<Formatter> = const { std::cell::OnceCell::new() };
    }
    FORMAT.with(|cell| {
        f(cell.get_or_init(|| {
            let host = crate::browser::frame::host();
            let locale = host.settings.locale.as_deref().unwrap_or(catalog::locale());
            Formatter::new(locale, &ResultUnit::Count(String::new()))
        }))
    })
}

/// Outside a browser, numbers as the core writes them (`10000`).
#[cfg(test)]
fn with_page_format<T>(f: impl FnOnce(&Formatter) -> T) -> T {
    f(&Formatter::plain(&ResultUnit::Count(String::new())))
}

/// What is wrong with a field's value, and how to fix it.
fn field_words(problem: scenario::Problem, format: &Formatter) -> String {
    use scenario::Problem as P;
    let max = |key, limit: f64| fill(key, &[("max", &format.number(limit))]);
    let key = match problem {
        P::Number(NumberError::Empty) => Key::ProblemFieldNumberEmpty,
        P::Number(NumberError::NotANumber) => {
            return fill(
                Key::ProblemFieldNotANumber,
                &[
                    ("whole", &format.number(EXAMPLE_WHOLE)),
                    ("decimal", &format.number(EXAMPLE_DECIMAL)),
                ],
            )
        }
        P::Number(NumberError::Negative) => Key::ProblemFieldNegative,
        P::Number(NumberError::TooManyDecimals) => {
            let decimals = MAX_DECIMALS as f64;
            return count(
                Key::ProblemFieldDecimals,
                decimals,
                &format.number(decimals),
                &[],
            );
        }
        P::NameMissing => Key::ProblemFieldNameMissing,
        P::NameTooLong => return max(Key::ProblemFieldNameTooLong, MAX_NAME_CHARS as f64),
        P::HoursTooLarge => return max(Key::ProblemFieldHoursTooLarge, MAX_HOURS.as_f64()),
        P::ResultsTooLarge => return max(Key::ProblemFieldTooLarge, MAX_RESULTS.as_f64()),
        P::SignalTooLarge => return max(Key::ProblemFieldTooLarge, MAX_SIGNAL.as_f64()),
        P::NotWhole => Key::ProblemFieldNotWhole,
        P::UnitMissing => Key::ProblemFieldUnitMissing,
        P::UnitTooLong => return max(Key::ProblemFieldUnitTooLong, MAX_LABEL_CHARS as f64),
        P::ThresholdOutOfRange => {
            let percent = |p: u8| format.percent(f64::from(p) / 100.0);
            return fill(
                Key::ProblemFieldThreshold,
                &[
                    ("min", &percent(Threshold::MIN)),
                    ("max", &percent(Threshold::MAX)),
                    ("step", &format.number(Threshold::STEP.into())),
                ],
            );
        }
        P::NoActivities => Key::ProblemFieldNoActivities,
        P::TooManyActivities => {
            return max(Key::ProblemFieldTooManyActivities, MAX_ACTIVITIES as f64)
        }
        P::CustomersMissing => Key::ProblemFieldCustomersMissing,
        P::MoreThanCustomers => Key::ProblemFieldMoreThanCustomers,
    };
    t(key).to_owned()
}

/// "Row 4: hours "abc" is not a number; use digits such as 2.5." The row
/// number is the line number, which is the row number in the spreadsheet
/// that the text came from.
fn row_words(problem: &RowProblem, format: &Formatter) -> String {
    let max = |key, limit: f64| fill(key, &[("max", &format.number(limit))]);
    let reason = match &problem.reason {
        // A problem with the input as a whole stands alone.
        Reason::InputTooLarge => {
            return max(
                Key::ProblemImportTooLarge,
                MAX_INPUT_BYTES as f64 / MEGABYTE,
            )
        }
        Reason::Cell {
            column,
            text,
            problem,
        } => cell_words(*column, text, *problem, format),
        Reason::UnknownType { text } => fill(Key::ProblemImportUnknownType, &[("text", text)]),
        Reason::MissingColumn(column) => t(match column {
            Column::Name => Key::ProblemImportNoNameColumn,
            Column::Hours => Key::ProblemImportNoHoursColumn,
            Column::Results => Key::ProblemImportNoResultsColumn,
        })
        .to_owned(),
        Reason::NoRoom { room: 0 } => max(Key::ProblemImportFull, MAX_ACTIVITIES as f64),
        Reason::NoRoom { room } if *room >= MAX_ACTIVITIES => {
            max(Key::ProblemImportRoomAll, *room as f64)
        }
        Reason::NoRoom { room } => {
            count(Key::ProblemImportRoom, *room as f64, &room.to_string(), &[])
        }
        Reason::MoreProblems { rows: 0 | 1 } => t(Key::ProblemImportMoreOne).to_owned(),
        Reason::MoreProblems { rows } => {
            let more = rows - 1;
            count(Key::ProblemImportMore, more as f64, &more.to_string(), &[])
        }
    };
    fill(
        Key::ProblemImportRow,
        &[("row", &problem.line.to_string()), ("problem", &reason)],
    )
}

/// What is wrong with a cell of an imported row, quoting it.
fn cell_words(
    column: Column,
    text: &str,
    problem: scenario::Problem,
    format: &Formatter,
) -> String {
    use scenario::Problem as P;
    let hours = column == Column::Hours;
    let pick = |for_hours, for_results| if hours { for_hours } else { for_results };
    let quoted = |key, name, value: &str| fill(key, &[("text", text), (name, value)]);
    match (column, problem) {
        (_, P::NameMissing) => t(Key::ProblemImportNameMissing).to_owned(),
        (_, P::NameTooLong) => quoted(
            Key::ProblemImportNameTooLong,
            "max",
            &format.number(MAX_NAME_CHARS as f64),
        ),
        (Column::Hours | Column::Results, P::Number(error)) => match error {
            NumberError::Empty => t(pick(
                Key::ProblemImportHoursMissing,
                Key::ProblemImportResultsMissing,
            ))
            .to_owned(),
            NumberError::NotANumber => quoted(
                pick(
                    Key::ProblemImportHoursNotANumber,
                    Key::ProblemImportResultsNotANumber,
                ),
                "decimal",
                &format.number(EXAMPLE_DECIMAL),
            ),
            NumberError::Negative => fill(
                pick(
                    Key::ProblemImportHoursNegative,
                    Key::ProblemImportResultsNegative,
                ),
                &[("text", text)],
            ),
            NumberError::TooManyDecimals => {
                let decimals = MAX_DECIMALS as f64;
                count(
                    pick(
                        Key::ProblemImportHoursDecimals,
                        Key::ProblemImportResultsDecimals,
                    ),
                    decimals,
                    &format.number(decimals),
                    &[("text", text)],
                )
            }
        },
        (_, P::HoursTooLarge) => quoted(
            Key::ProblemImportHoursTooLarge,
            "max",
            &format.number(MAX_HOURS.as_f64()),
        ),
        (_, P::ResultsTooLarge) => quoted(
            Key::ProblemImportResultsTooLarge,
            "max",
            &format.number(MAX_RESULTS.as_f64()),
        ),
        // No other problem belongs to a cell of a row; should one ever be
        // reported, the field's own words still say what to do.
        (_, other) => field_words(other, format),
    }
}

/// Something said once to a screen reader (and, where it shows, on
/// screen), with the results it led to.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    LinkCopied,
    /// The clipboard is blocked; the link is shown to copy by hand.
    CopyByHand,
    /// A file was saved under this name.
    Downloaded(String),
    /// An import added rows; some others may need fixing.
    Imported(ImportSummary),
    /// Something went wrong.
    Problem(Problem),
}

impl Notice {
    pub fn words(&self) -> String {
        match self {
            Notice::LinkCopied => t(Key::NoticeLinkCopied).to_owned(),
            Notice::CopyByHand => t(Key::NoticeCopyByHand).to_owned(),
            Notice::Downloaded(name) => fill(Key::NoticeDownloaded, &[("file", name)]),
            Notice::Imported(summary) => summary.words(),
            Notice::Problem(problem) => problem.words(),
        }
    }
}

/// What an import did: rows added, rows that need fixing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub to_fix: usize,
}

impl ImportSummary {
    pub fn words(&self) -> String {
        let added = match self.added {
            0 => t(Key::ImportNoneAdded).to_owned(),
            n => counted(Key::ImportAdded, n),
        };
        match self.to_fix {
            0 => added,
            n => format!("{added} {}", counted(Key::ImportToFix, n)),
        }
    }
}

/// What "Undo" would bring back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undone {
    /// Activity `number` (from 1), with the name it had, if any.
    Removed {
        number: usize,
        name: String,
    },
    Cleared,
    LoadedExample,
    /// This many imported rows.
    Imported(usize),
}

impl Undone {
    pub fn words(&self) -> String {
        match self {
            Undone::Removed { number, name } if name.is_empty() => fill(
                Key::UndoneRemovedUnnamed,
                &[("number", &number.to_string())],
            ),
            Undone::Removed { name, .. } => fill(Key::UndoneRemoved, &[("name", name)]),
            Undone::Cleared => t(Key::UndoneCleared).to_owned(),
            Undone::LoadedExample => t(Key::UndoneExample).to_owned(),
            Undone::Imported(count) => counted(Key::ImportAdded, *count),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_nouns_agree() {
        let cases = [
            (
                ImportSummary {
                    added: 0,
                    to_fix: 0,
                },
                "No rows were added.",
            ),
            (
                ImportSummary {
                    added: 1,
                    to_fix: 0,
                },
                "Added 1 activity.",
            ),
            (
                ImportSummary {
                    added: 2,
                    to_fix: 1,
                },
                "Added 2 activities. 1 row needs fixing.",
            ),
            (
                ImportSummary {
                    added: 0,
                    to_fix: 3,
                },
                "No rows were added. 3 rows need fixing.",
            ),
        ];
        for (summary, expected) in cases {
            assert_eq!(summary.words(), expected);
        }
        assert_eq!(Undone::Imported(1).words(), "Added 1 activity.");
        let removed = |name: &str| Undone::Removed {
            number: 4,
            name: name.to_owned(),
        };
        assert_eq!(removed("").words(), "Removed activity 4.");
        assert_eq!(removed("Ads").words(), "Removed “Ads”.");
    }

    /// A problem's words with numbers as the core writes them (no `Intl`
    /// outside a browser: `10000`, not `10,000`).
    fn words(problem: Problem) -> String {
        problem.words()
    }

    fn row(line: usize, reason: Reason) -> Problem {
        Problem::ImportRow(RowProblem { line, reason })
    }

    fn cell(line: usize, column: Column, text: &str, problem: scenario::Problem) -> Problem {
        row(
            line,
            Reason::Cell {
                column,
                text: text.to_owned(),
                problem,
            },
        )
    }

    #[test]
    fn problems_are_worded_with_their_numbers() {
        use scenario::Problem as P;
        use Column::*;
        let cases = [
            (
                Problem::Field(P::Number(NumberError::NotANumber)),
                "Enter a number using digits, such as 12 or 2.5.",
            ),
            (
                Problem::Field(P::Number(NumberError::TooManyDecimals)),
                "Use at most 2 decimal places.",
            ),
            (
                Problem::Field(P::NameTooLong),
                "Shorten the name to 60 characters or fewer.",
            ),
            (
                Problem::Field(P::HoursTooLarge),
                "Enter at most 10000 hours.",
            ),
            (
                Problem::Field(P::SignalTooLarge),
                "Enter at most 1000000000.",
            ),
            (
                Problem::Field(P::ThresholdOutOfRange),
                "Choose a threshold from 50 % to 95 %, in steps of 5.",
            ),
            (
                Problem::Link(LinkError::TooManyActivities),
                "This share link holds more than 100 activities, more than this calculator \
                 takes. Ask the sender for a link with fewer activities.",
            ),
            (
                Problem::FileTooLarge,
                "That file is larger than 1 MB; import a smaller CSV file.",
            ),
            (
                cell(4, Hours, "abc", P::Number(NumberError::NotANumber)),
                "Row 4: hours \"abc\" is not a number; use digits such as 2.5.",
            ),
            (
                cell(6, Results, "1.005", P::Number(NumberError::TooManyDecimals)),
                "Row 6: results \"1.005\" has more than 2 decimals; round it to 2.",
            ),
            (
                cell(9, Results, "", P::Number(NumberError::Empty)),
                "Row 9: no results; enter a number, 0 if there is none.",
            ),
            (
                cell(11, Name, "xx…", P::NameTooLong),
                "Row 11: the name \"xx…\" is longer than 60 characters; shorten it.",
            ),
            (
                row(3, Reason::NoRoom { room: 2 }),
                "Row 3: only 2 more activities fit; this row and the rows after it were not \
                 added.",
            ),
            (
                row(4, Reason::NoRoom { room: 1 }),
                "Row 4: only 1 more activity fits; this row and the rows after it were not added.",
            ),
            (
                row(101, Reason::NoRoom { room: 100 }),
                "Row 101: only 100 activities fit; this row and the rows after it were not added.",
            ),
            (
                row(2, Reason::NoRoom { room: 0 }),
                "Row 2: no more activities fit (at most 100); this row and the rows after it \
                 were not added.",
            ),
            (
                row(51, Reason::MoreProblems { rows: 10 }),
                "Row 51: this row and 9 more have problems too and were not added; fix the \
                 rows above and import again.",
            ),
            (
                row(1, Reason::MissingColumn(Results)),
                "Row 1: the header has no results column; call one column results, revenue, \
                 sales or value.",
            ),
            (
                row(0, Reason::InputTooLarge),
                "The text is larger than 1 MB, so nothing was read; import only the rows of \
                 your activities.",
            ),
        ];
        for (problem, expected) in cases {
            assert_eq!(words(problem), expected);
        }
    }

    #[test]
    fn every_problem_has_a_whole_sentence() {
        use scenario::Problem as P;
        let field = [
            P::Number(NumberError::Empty),
            P::Number(NumberError::NotANumber),
            P::Number(NumberError::Negative),
            P::Number(NumberError::TooManyDecimals),
            P::NameMissing,
            P::NameTooLong,
            P::HoursTooLarge,
            P::ResultsTooLarge,
            P::SignalTooLarge,
            P::NotWhole,
            P::UnitMissing,
            P::UnitTooLong,
            P::ThresholdOutOfRange,
            P::NoActivities,
            P::TooManyActivities,
            P::CustomersMissing,
            P::MoreThanCustomers,
        ];
        let mut problems: Vec<Problem> = field.into_iter().map(Problem::Field).collect();
        for column in [Column::Name, Column::Hours, Column::Results] {
            problems.extend(field.map(|p| cell(5, column, "x", p)));
            problems.push(row(1, Reason::MissingColumn(column)));
        }
        problems.extend([
            Problem::Link(LinkError::Empty),
            Problem::Link(LinkError::TooLong),
            Problem::Link(LinkError::Oversized),
            Problem::Link(LinkError::NewerVersion),
            Problem::Link(LinkError::Damaged),
            Problem::Link(LinkError::NotCanonical),
            Problem::Link(LinkError::TooManyActivities),
            Problem::Link(LinkError::Invalid(scenario::Invalid(Vec::new()))),
            Problem::TooLarge(TooLargeToShare { len: 20_000 }),
            Problem::NothingComplete,
            Problem::NoBreakdown(NoBreakdown::NoResults),
            Problem::NoScore(NoScore::NoSignals),
            Problem::NoProjection(NoProjection::NoTrivialMany),
            Problem::NoProjection(NoProjection::NoHoursToMove),
            Problem::NoProjection(NoProjection::VitalFewUntimed),
            Problem::Download(DownloadError::NoPage),
            Problem::Download(DownloadError::File),
            Problem::Download(DownloadError::Link),
            Problem::FileTooLarge,
            Problem::FileUnreadable,
            Problem::FileNotText(FileError::BadUtf8),
            Problem::FileNotText(FileError::BadUtf16),
            Problem::FileNotText(FileError::NotText),
            row(2, Reason::UnknownType { text: "x".into() }),
            row(2, Reason::MoreProblems { rows: 1 }),
            row(2, Reason::MoreProblems { rows: 2 }),
        ]);
        for problem in problems {
            let words = words(problem);
            assert!(
                words.ends_with('.') && words.len() > 20 && !words.contains('{'),
                "{words}"
            );
        }
        // Each refusal of a download says what to do instead.
        for error in [
            DownloadError::NoPage,
            DownloadError::File,
            DownloadError::Link,
        ] {
            let message = words(Problem::Download(error));
            assert!(message.starts_with("Your browser blocked the download; "));
        }
    }
}
