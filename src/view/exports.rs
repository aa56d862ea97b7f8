//! "Export CSV" and "Export JSON": the breakdown and the full report as
//! files, made in the browser. The file names follow the visitor's
//! language (docs/spec.md §9); what is in the files does not.

use std::rc::Rc;

use social8020_core::analysis::Analysis;
use social8020_core::compare::Comparison;
use social8020_core::export;
use yew::prelude::*;

use crate::browser::download::{self, today_iso, CSV_MIME, JSON_MIME};
use crate::text::{fill, t, Key, Notice, Problem};
use crate::view::problem::problem_inline;
use crate::view::share::share_link;

/// The export buttons. `analysis` is `None` until the visitor has one
/// complete activity; while comparing, the JSON report holds `comparison`
/// too. `problem` (state of App) is why the last export failed.
pub fn exports(
    analysis: &Option<Rc<Analysis>>,
    comparison: &Option<Rc<Comparison>>,
    on_notice: &Callback<Notice>,
    problem: &UseStateHandle<Option<Problem>>,
) -> Html {
    let host = crate::browser::frame::host();
    let report = {
        let problem = problem.clone();
        let notice = on_notice.clone();
        move |result: Result<String, Problem>| match result {
            Ok(file_name) => {
                problem.set(None);
                notice.emit(Notice::Downloaded(file_name));
            }
            Err(trouble) => {
                notice.emit(Notice::Problem(trouble.clone()));
                problem.set(Some(trouble));
            }
        }
    };
    let on_csv = {
        let analysis = analysis.clone();
        let report = report.clone();
        Callback::from(move |_| {
            report(match analysis.as_deref().map(Analysis::breakdown) {
                Some(Ok(breakdown)) => save(
                    &export::breakdown_csv(breakdown),
                    Key::ExportFileBreakdown,
                    "csv",
                    CSV_MIME,
                ),
                Some(Err(none)) => Err(Problem::NoBreakdown(none)),
                None => Err(Problem::NothingComplete),
            })
        })
    };
    let on_json = {
        let analysis = analysis.clone();
        let comparison = comparison.clone();
        Callback::from(move |_| {
            report(match &analysis {
                Some(analysis) => {
                    let before = comparison.as_ref().map(|c| c.before().scenario().as_ref());
                    let link = share_link(analysis.scenario(), before, &host).ok();
                    let json = match &comparison {
                        Some(comparison) => {
                            export::comparison_report_json(comparison, link.as_deref())
                        }
                        None => export::report_json(analysis, link.as_deref()),
                    };
                    save(&json, Key::ExportFileReport, "json", JSON_MIME)
                }
                None => Err(Problem::NothingComplete),
            })
        })
    };
    html! {
        <div class="exports">
            <button type="button" class="button button--quiet" onclick={on_csv}>{t(Key::ExportCsv)}</button>
            <button type="button" class="button button--quiet" onclick={on_json}>{t(Key::ExportJson)}</button>
            if let Some(problem) = &**problem {
                {problem_inline(problem, "exports__problem")}
            }
        </div>
    }
}

/// Downloads `content` under today's file name in the visitor's language
/// (`name`), which it returns.
pub fn save(content: &str, name: Key, extension: &str, mime: &str) -> Result<String, Problem> {
    let date = today_iso();
    let name = file_name(&fill(name, &[("date", &date)]), &date, extension);
    download::download(&name, mime, content)
        .map(|()| name)
        .map_err(Problem::Download)
}

/// The file name of an export: `stem` (the language's name with the date
/// filled in) and `extension`, as in `social-80-20-aufschluesselung-2026-11-25.csv`.
/// A stem that is not ASCII lowercase letters, digits and hyphens (as in
/// the pseudo-locales of the tests) gives the core's English name,
/// `social-80-20-2026-11-25.csv`, so every name is safe for a file system.
fn file_name(stem: &str, date_iso: &str, extension: &str) -> String {
    let safe = stem
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if safe && !stem.is_empty() {
        format!("{stem}.{extension}")
    } else {
        export::file_name(date_iso, extension)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// `(language, text)` of `key` in every catalog of `i18n/`.
    pub(crate) fn in_every_catalog(key: &str) -> Vec<(&'static str, &'static str)> {
        let catalogs = [
            ("en", include_str!("../../i18n/en.txt")),
            ("de", include_str!("../../i18n/de.txt")),
            ("es", include_str!("../../i18n/es.txt")),
            ("fr", include_str!("../../i18n/fr.txt")),
            ("pt-BR", include_str!("../../i18n/pt-BR.txt")),
        ];
        let prefix = format!("{key} = ");
        catalogs
            .into_iter()
            .filter_map(|(lang, text)| {
                let line = text.lines().find(|line| line.starts_with(&prefix))?;
                Some((lang, &line[prefix.len()..]))
            })
            .collect()
    }

    #[test]
    fn file_names_follow_the_language_and_stay_safe() {
        let cases = [
            (
                "social-80-20-2026-11-25",
                "csv",
                "social-80-20-2026-11-25.csv",
            ),
            (
                "social-80-20-aufschluesselung-2026-11-25",
                "csv",
                "social-80-20-aufschluesselung-2026-11-25.csv",
            ),
            (
                "⟦šöçíál-80-20-2026-11-25⟧ ẋẋ",
                "json",
                "social-80-20-2026-11-25.json",
            ),
            ("Social 80/20", "csv", "social-80-20-2026-11-25.csv"),
            ("", "csv", "social-80-20-2026-11-25.csv"),
        ];
        for (stem, extension, expected) in cases {
            assert_eq!(file_name(stem, "2026-11-25", extension), expected);
        }
        let english = fill(Key::ExportFileBreakdown, &[("date", "2026-11-25")]);
        assert_eq!(
            file_name(&english, "2026-11-25", "csv"),
            "social-80-20-2026-11-25.csv"
        );
    }

    #[test]
    fn every_language_names_its_files_safely() {
        for key in ["export.file_breakdown", "export.file_report"] {
            let names = in_every_catalog(key);
            assert_eq!(names.len(), 5, "{key} in every catalog");
            for (lang, name) in names {
                let filled = name.replace("{date}", "2026-11-25");
                assert!(
                    filled.starts_with("social-80-20-") && filled.ends_with("2026-11-25"),
                    "{lang} {key}: {name}"
                );
                assert_eq!(
                    file_name(&filled, "2026-11-25", "csv"),
                    format!("{filled}.csv"),
                    "{lang} {key}: {name}"
                );
            }
        }
    }
}
