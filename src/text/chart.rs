//! The words of the Pareto chart: the title of each bar, the labels of the
//! axis and the text summary that screen readers read, from the catalog
//! (`chart.*` keys). The geometry is the core's
//! ([`social8020_core::chart`]); the numbers are formatted by the same
//! [`Formatter`] as the rest of the page.
//!
//! A summary is whole sentences joined by spaces; each sentence is one
//! catalog text, so its words can be ordered as each language needs.

use social8020_core::pareto::{Breakdown, Ranked, TOLERANCE};

use super::{count, fill, Key};
use crate::browser::format::Formatter;

/// A percentage label of the axis or the threshold line: "80 %".
pub fn axis_percent(percent: impl Into<f64>, format: &Formatter) -> String {
    format.percent(percent.into() / 100.0)
}

/// "2. Replying to comments (vital few)".
fn heading(row: &Ranked) -> String {
    let key = if row.vital {
        Key::ChartBarNameVital
    } else {
        Key::ChartBarName
    };
    fill(
        key,
        &[
            ("rank", &row.rank.to_string()),
            ("name", &row.activity.name),
        ],
    )
}

/// The `<title>` of a bar in the Pareto view.
pub fn pareto_bar(row: &Ranked, format: &Formatter) -> String {
    fill(
        Key::ChartBarPareto,
        &[
            ("bar", &heading(row)),
            ("share", &format.percent(row.figures.result_share)),
            ("cumulative", &format.percent(row.figures.cumulative_share)),
        ],
    )
}

/// The `<title>` of a bar pair in the time view.
pub fn time_bar(row: &Ranked, format: &Formatter) -> String {
    let bar = heading(row);
    let share = format.percent(row.figures.result_share);
    match row.figures.time_share {
        Some(time) => fill(
            Key::ChartBarTime,
            &[
                ("bar", &bar),
                ("share", &share),
                ("time", &format.percent(time)),
            ],
        ),
        None => fill(Key::ChartBarUntimed, &[("bar", &bar), ("share", &share)]),
    }
}

/// The Pareto view in sentences.
pub fn pareto_summary(breakdown: &Breakdown, format: &Formatter) -> String {
    let Some(top) = breakdown.rows().next() else {
        return String::new();
    };
    let total = breakdown.len();
    let threshold = breakdown.scenario().threshold().fraction();
    let vital_share = breakdown.vital_result_share();
    let past = vital_share > threshold + TOLERANCE;
    let name = top.activity.name.as_str();
    let count_text = format.number(total as f64);
    let threshold_text = format.percent(threshold);
    let top_share = format.percent(top.figures.result_share);
    if total == 1 {
        // One activity brings all of the results, and the threshold is at
        // most 95 %: it is always past the line.
        return fill(
            Key::ChartSummarySingle,
            &[
                ("count", &count_text),
                ("name", name),
                ("threshold", &threshold_text),
            ],
        );
    }
    let intro = fill(Key::ChartSummaryIntro, &[("count", &count_text)]);
    let top_sentence = fill(Key::ChartSummaryTop, &[("name", name), ("top", &top_share)]);
    match breakdown.vital_count() {
        1 => {
            let key = if past {
                Key::ChartSummaryTopPast
            } else {
                Key::ChartSummaryTopAt
            };
            let alone = fill(
                key,
                &[
                    ("name", name),
                    ("top", &top_share),
                    ("threshold", &threshold_text),
                ],
            );
            format!("{intro} {alone}")
        }
        vital if vital == total => {
            let all = fill(
                Key::ChartSummaryAll,
                &[("count", &count_text), ("threshold", &threshold_text)],
            );
            format!("{intro} {all} {top_sentence}")
        }
        vital => {
            let key = if past {
                Key::ChartSummaryVitalPast
            } else {
                Key::ChartSummaryVitalAt
            };
            let reach = fill(
                key,
                &[
                    ("count", &format.number(vital as f64)),
                    ("share", &format.percent(vital_share)),
                    ("threshold", &threshold_text),
                ],
            );
            format!("{intro} {reach} {top_sentence}")
        }
    }
}

/// The time view in sentences.
pub fn time_summary(breakdown: &Breakdown, format: &Formatter) -> String {
    let Some(top) = breakdown.rows().next() else {
        return String::new();
    };
    let total = breakdown.len();
    let count_text = format.number(total as f64);
    let headline = breakdown.headline();
    let Some(vital_time) = headline.vital_time_share else {
        return count(Key::ChartTimeUntimed, total as f64, &count_text, &[]);
    };
    let intro = count(Key::ChartTimeIntro, total as f64, &count_text, &[]);
    let (share, time) = (
        format.percent(headline.vital_result_share),
        format.percent(vital_time),
    );
    let group = match breakdown.vital_count() {
        1 if total == 1 => None,
        1 => Some(fill(
            Key::ChartTimeTopAlone,
            &[("share", &share), ("time", &time)],
        )),
        vital if vital == total => Some(fill(
            Key::ChartTimeAll,
            &[
                ("count", &count_text),
                (
                    "threshold",
                    &format.percent(breakdown.scenario().threshold().fraction()),
                ),
            ],
        )),
        vital => Some(fill(
            Key::ChartTimeVital,
            &[
                ("count", &format.number(vital as f64)),
                ("share", &share),
                ("time", &time),
            ],
        )),
    };
    let top_sentence = fill(
        Key::ChartTimeTop,
        &[
            ("name", &top.activity.name),
            ("top", &format.percent(top.figures.result_share)),
            (
                "top_time",
                &format.percent(top.figures.time_share.unwrap_or(0.0)),
            ),
        ],
    );
    match group {
        Some(group) => format!("{intro} {group} {top_sentence}"),
        None => format!("{intro} {top_sentence}"),
    }
}

#[cfg(test)]
mod tests {
    use social8020_core::pareto;
    use social8020_core::scenario::ResultUnit;
    use social8020_core::testing::hundredths;

    use super::*;

    /// `(name, hours, results)`, in hundredths.
    type Row<'a> = (&'a str, u64, u64);

    /// A scenario of these rows at a threshold in percent.
    fn breakdown(rows: &[Row], threshold: u8) -> Breakdown {
        pareto::breakdown(hundredths(rows).threshold(threshold).build()).expect("results")
    }

    fn format() -> Formatter {
        Formatter::plain(&ResultUnit::default())
    }

    /// Each case: rows, threshold, and a part of the Pareto summary.
    #[test]
    fn the_pareto_summary_says_where_the_vital_few_end() {
        let cases: [(&[Row], u8, &str); 8] = [
            (&[("Posts", 100, 100)], 80, "Bar chart of 1 activity, Posts, which brings all of the results, past the 80 % threshold line."),
            (&[("A", 0, 300), ("B", 0, 100)], 75, "at the 75 % threshold line"),
            (&[("A", 0, 300), ("B", 0, 100)], 80, "All 2 are needed to reach the 80 % threshold line."),
            (&[("A", 100, 900), ("B", 100, 100)], 80, "The top activity, A, is the vital few on its own: it brings 90 % of results, past the 80 % threshold line."),
            (&[("Big", 1, 100_000_000_000_000), ("Tiny", 1, 1)], 95, "brings 100 % of results"),
            (&[("A", 100, 100); 12], 50, "reach 50 % of results, at the 50 % threshold line"),
            (&[("A", 1, 1), ("B", 1, 100_000)], 95, "on its own: it brings 100 %"),
            (&[("A", 100, 500), ("B", 100, 300), ("C", 100, 200)], 80, "Bar chart of 3 activities sorted by results. The first 2, the vital few, reach 80 % of results, at the 80 % threshold line. The top activity, A, brings 50 %."),
        ];
        for (rows, threshold, expected) in cases {
            let summary = pareto_summary(&breakdown(rows, threshold), &format());
            assert!(summary.contains(expected), "{summary}");
        }
    }

    #[test]
    fn the_time_summary_gives_both_shares_or_says_hours_are_missing() {
        let three = breakdown(&[("A", 100, 300), ("B", 300, 300), ("C", 100, 400)], 80);
        assert_eq!(
            time_summary(&three, &format()),
            "Bar chart of 3 activities sorted by results, with each one's share of results \
             beside its share of time. All 3 are needed to reach the 80 % threshold. The top \
             activity, C, brings 40 % of results using 20 % of time."
        );
        let untimed = breakdown(&[("A", 0, 300), ("B", 0, 100)], 80);
        assert!(time_summary(&untimed, &format()).contains("no hours were entered"));
    }

    #[test]
    fn bar_titles_name_the_activity_and_its_shares() {
        let two = breakdown(&[("Ads", 100, 100), ("Replies", 100, 900)], 80);
        let rows: Vec<_> = two.rows().collect();
        assert_eq!(
            pareto_bar(&rows[0], &format()),
            "1. Replies (vital few): 90 % of results, 90 % cumulative"
        );
        assert_eq!(
            time_bar(&rows[1], &format()),
            "2. Ads: 10 % of results, 50 % of time"
        );
        assert_eq!(axis_percent(25, &format()), "25 %");
    }
}
