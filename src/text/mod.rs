//! Where typed facts become words.
//!
//! Components hold errors, notices and undo points as types until they
//! render; this module is the one place that words them, and
//! [`crate::view::problem`] the one place that shows a
//! problem. The errors of the core (`LinkError`, field problems, import
//! problems) still carry their English sentences as `Display`; they are
//! reached from here only, so a catalog of another language replaces them
//! in one place.
//!
//! The singular-or-plural choice is [`plural`], for every counted noun.

pub mod catalog;
pub mod chart;

pub use catalog::{count, fill, t, Key};

use social8020_core::codec::{LinkError, TooLargeToShare};
use social8020_core::encoding::FileError;
use social8020_core::import::RowProblem;
use social8020_core::pareto::{NoBreakdown, NoProjection};
use social8020_core::scenario;
use social8020_core::score::NoScore;

use crate::browser::download::DownloadError;

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
    /// The problem in words, saying how to fix it where the visitor can.
    pub fn words(&self) -> String {
        match self {
            Problem::Link(error) => error.to_string(),
            Problem::TooLarge(error) => error.to_string(),
            Problem::NothingComplete => {
                "Enter at least one complete activity: a name, its hours and its results."
                    .to_owned()
            }
            Problem::NoBreakdown(reason) => reason.to_string(),
            Problem::NoScore(reason) => reason.to_string(),
            Problem::NoProjection(reason) => match reason {
                NoProjection::NoTrivialMany => {
                    "Every activity is part of your vital few, so there are no hours to move."
                }
                NoProjection::NoHoursToMove => {
                    "Your other activities take no hours, so there are no hours to move."
                }
                NoProjection::VitalFewUntimed => {
                    "Enter the hours of your vital few to see what more time on them would bring."
                }
            }
            .to_owned(),
            Problem::Download(error) => error.to_string(),
            Problem::Field(problem) => problem.to_string(),
            Problem::ImportRow(problem) => problem.to_string(),
            Problem::FileTooLarge => {
                "That file is larger than 1 MB; import a smaller CSV file.".to_owned()
            }
            Problem::FileUnreadable => {
                "That file could not be read; save it as CSV (UTF-8) and try again.".to_owned()
            }
            Problem::FileNotText(error) => error.to_string(),
        }
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

    #[test]
    fn every_problem_has_words() {
        let problems = [
            Problem::Link(LinkError::Damaged),
            Problem::NothingComplete,
            Problem::NoBreakdown(NoBreakdown::NoResults),
            Problem::NoProjection(NoProjection::NoHoursToMove),
            Problem::Download(DownloadError::File),
            Problem::FileTooLarge,
            Problem::FileUnreadable,
        ];
        for problem in problems {
            let words = problem.words();
            assert!(words.ends_with('.') && words.len() > 30, "{words}");
        }
    }
}
