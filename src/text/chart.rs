//! The words of the Pareto chart: its titles, the title of each bar, the
//! labels of the axis and the text summary that screen readers read. The
//! geometry is the core's ([`social8020_core::chart`]); the numbers are
//! formatted by the same [`Formatter`] as the rest of the page.

use social8020_core::pareto::{Breakdown, Ranked, TOLERANCE};

use super::plural;
use crate::browser::format::Formatter;

pub const PARETO_TITLE: &str = "Share of results by activity, with the running total";
pub const TIME_TITLE: &str = "Share of results beside share of time, by activity";
pub const VITAL_LABEL: &str = "Vital few";

/// A percentage label of the axis or the threshold line: "80 %".
pub fn axis_percent(percent: impl Into<f64>, format: &Formatter) -> String {
    format.percent(percent.into() / 100.0)
}

/// "2. Replying to comments (vital few)".
fn heading(row: &Ranked) -> String {
    let vital = if row.vital { " (vital few)" } else { "" };
    format!("{}. {}{vital}", row.rank, row.activity.name)
}

/// The `<title>` of a bar in the Pareto view.
pub fn pareto_bar(row: &Ranked, format: &Formatter) -> String {
    format!(
        "{}: {} of results, {} cumulative",
        heading(row),
        format.percent(row.figures.result_share),
        format.percent(row.figures.cumulative_share),
    )
}

/// The `<title>` of a bar pair in the time view.
pub fn time_bar(row: &Ranked, format: &Formatter) -> String {
    let results = format.percent(row.figures.result_share);
    match row.figures.time_share {
        Some(time) => format!(
            "{}: {results} of results, {} of time",
            heading(row),
            format.percent(time)
        ),
        None => format!("{}: {results} of results", heading(row)),
    }
}

/// "Bar chart of 1 activity" or "Bar chart of 8 activities sorted by
/// results".
fn bar_chart_of(count: usize) -> String {
    match count {
        1 => "Bar chart of 1 activity".to_owned(),
        n => format!("Bar chart of {n} activities sorted by results"),
    }
}

/// The Pareto view in sentences.
pub fn pareto_summary(breakdown: &Breakdown, format: &Formatter) -> String {
    let Some(top) = breakdown.rows().next() else {
        return String::new();
    };
    let count = breakdown.len();
    let threshold = breakdown.scenario().threshold();
    let threshold_text = format.percent(threshold.fraction());
    let vital_share = breakdown.vital_result_share();
    let past_or_at = if vital_share > threshold.fraction() + TOLERANCE {
        "past"
    } else {
        "at"
    };
    let line = format!("{past_or_at} the {threshold_text} threshold line");
    let name = &top.activity.name;
    if count == 1 {
        return format!(
            "Bar chart of 1 activity, {name}, which brings all of the results, {line}."
        );
    }
    let intro = format!("{}.", bar_chart_of(count));
    let top_share = format.percent(top.figures.result_share);
    match breakdown.vital_count() {
        1 => format!(
            "{intro} The top activity, {name}, is the vital few on its own: it brings \
             {top_share} of results, {line}."
        ),
        vital if vital == count => format!(
            "{intro} All {count} are needed to reach the {threshold_text} threshold line. \
             The top activity, {name}, brings {top_share}."
        ),
        vital => format!(
            "{intro} The first {vital}, the vital few, reach {} of results, {line}. \
             The top activity, {name}, brings {top_share}.",
            format.percent(vital_share)
        ),
    }
}

/// The time view in sentences.
pub fn time_summary(breakdown: &Breakdown, format: &Formatter) -> String {
    let Some(top) = breakdown.rows().next() else {
        return String::new();
    };
    let count = breakdown.len();
    let headline = breakdown.headline();
    let Some(vital_time) = headline.vital_time_share else {
        return format!(
            "{}, showing each one's share of results. Shares of time are not shown \
             because no hours were entered.",
            bar_chart_of(count)
        );
    };
    let intro = format!(
        "{}, with each one's share of results beside its share of time.",
        bar_chart_of(count)
    );
    let (vital, time) = (
        format.percent(headline.vital_result_share),
        format.percent(vital_time),
    );
    let group = match breakdown.vital_count() {
        1 if count == 1 => String::new(),
        1 => format!(
            " The vital few, the top activity alone, brings {vital} of results using {time} \
             of time."
        ),
        v if v == count => format!(
            " All {count} are needed to reach the {} threshold.",
            format.percent(breakdown.scenario().threshold().fraction())
        ),
        v => {
            format!(" The vital few, the first {v}, bring {vital} of results using {time} of time.")
        }
    };
    format!(
        "{intro}{group} The top activity, {}, brings {} of results using {} of time.",
        top.activity.name,
        format.percent(top.figures.result_share),
        format.percent(top.figures.time_share.unwrap_or(0.0)),
    )
}

/// "8 activities" for the legend of a row group.
pub fn activities(count: usize) -> String {
    format!("{count} {}", plural(count as f64, "activity", "activities"))
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
