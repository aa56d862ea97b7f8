//! The insight first: the Pareto headline in words.

use social8020_core::pareto::{Breakdown, Headline, NoBreakdown};
use social8020_core::scenario::Period;
use yew::prelude::*;

use crate::browser::format::Formatter;
use crate::text::{count, fill, t, Key, Problem};

/// The headline in two sentences, ready to show and to announce.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentences {
    pub main: String,
    pub detail: String,
}

/// Words for the breakdown, or what to enter when there is none.
pub fn sentences(breakdown: Result<&Breakdown, NoBreakdown>, format: &Formatter) -> Sentences {
    match breakdown {
        Ok(breakdown) => {
            let scenario = breakdown.scenario();
            words(
                &breakdown.headline(),
                scenario.period(),
                scenario.threshold().fraction(),
                format,
            )
        }
        Err(none) => Sentences {
            main: t(Key::HeadlineNoResults).to_owned(),
            detail: Problem::NoBreakdown(none).words(),
        },
    }
}

fn words(h: &Headline, period: Period, threshold: f64, f: &Formatter) -> Sentences {
    let vital = f.number(h.vital_count as f64);
    let total = f.number(h.activity_count as f64);
    let share = f.percent(h.vital_count_share);
    let results = f.percent(h.vital_result_share);
    let time = h.vital_time_share.map(|time| f.percent(time));
    let args = [
        ("count", vital.as_str()),
        ("total", total.as_str()),
        ("share", share.as_str()),
        ("results", results.as_str()),
        ("time", time.as_deref().unwrap_or_default()),
    ];
    // The verb agrees with the vital few; the noun, in English, with all
    // activities, which is singular only when there is one.
    let main = match (h.activity_count == 1, time.is_some()) {
        (true, true) => fill(Key::HeadlineSingle, &args),
        (true, false) => fill(Key::HeadlineSingleUntimed, &args),
        (false, true) => count(Key::HeadlineVital, h.vital_count as f64, &vital, &args),
        (false, false) => count(
            Key::HeadlineVitalUntimed,
            h.vital_count as f64,
            &vital,
            &args,
        ),
    };
    let detail = if time.is_none() {
        t(Key::HeadlineAddHours).to_owned()
    } else if h.vital_count == h.activity_count {
        fill(
            Key::HeadlineAllNeeded,
            &[("threshold", &f.percent(threshold))],
        )
    } else {
        let key = match period {
            Period::Week => Key::HeadlineTrivialWeek,
            Period::Month => Key::HeadlineTrivialMonth,
        };
        count(
            key,
            h.trivial_hours,
            &f.number(h.trivial_hours),
            &[("share", &f.percent(h.trivial_result_share))],
        )
    };
    Sentences { main, detail }
}

/// The text with every "38 %" kept on one line. The text itself keeps its
/// plain spaces, so it reads and copies exactly as written.
pub fn unbroken_percents(text: &str) -> Html {
    let words: Vec<&str> = text.split(' ').collect();
    let mut parts = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        if i > 0 {
            parts.push(html! { {" "} });
        }
        match words.get(i + 1) {
            Some(next) if next.starts_with('%') => {
                parts.push(html! { <span class="nowrap">{format!("{word} {next}")}</span> });
                i += 2;
            }
            _ => {
                parts.push(html! { {word.to_owned()} });
                i += 1;
            }
        }
    }
    parts.into_iter().collect()
}

/// The headline: `sentences` is `None` until the visitor has entered a
/// complete activity; `stale` when the form has errors, so these are the
/// last valid results.
pub fn insight(sentences: Option<&Sentences>, stale: bool) -> Html {
    html! {
        <section class="insight" aria-labelledby="insight-title">
            <h2 id="insight-title" class="insight__eyebrow">{t(Key::HeadlineEyebrow)}</h2>
            if let Some(s) = sentences {
                <p class="insight__headline" data-testid="headline">{unbroken_percents(&s.main)}</p>
                <p class="insight__detail">{unbroken_percents(&s.detail)}</p>
            } else {
                <p class="insight__headline" data-testid="headline">{t(Key::HeadlineStart)}</p>
                <p class="insight__detail">{t(Key::HeadlineStartDetail)}</p>
            }
            if stale {
                <p class="insight__stale">{t(Key::HeadlineStale)}</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use social8020_core::pareto;
    use social8020_core::scenario::ResultUnit;
    use social8020_core::testing::line;

    use super::*;

    /// Each case: a scenario line, then the two sentences.
    #[test]
    fn the_headline_agrees_with_its_counts_and_period() {
        let cases = [
            (
                "A:1/300 B:1/100 C:2/100 D:0/0",
                "2 of 4 activities (50 %) bring 80 % of your results, using 50 % of your time.",
                "You spend 2 hours a month on activities that bring 20 % of your results.",
            ),
            (
                "A:1/900 B:1/100",
                "1 of 2 activities (50 %) brings 90 % of your results, using 50 % of your time.",
                "You spend 1 hour a month on activities that bring 10 % of your results.",
            ),
            (
                "A:1/300 B:1/300",
                "2 of 2 activities (100 %) bring 100 % of your results, using 100 % of your time.",
                "Every one of your activities is needed to reach 80 % of your results.",
            ),
            (
                "A:2/5",
                "1 of 1 activity (100 %) brings 100 % of your results, using 100 % of your time.",
                "Every one of your activities is needed to reach 80 % of your results.",
            ),
            (
                "A:0/5",
                "1 of 1 activity (100 %) brings 100 % of your results.",
                "Add the hours each activity takes to see how much of your time they use.",
            ),
            (
                "A:0/300 B:0/300 C:0/100",
                "2 of 3 activities (67 %) bring 86 % of your results.",
                "Add the hours each activity takes to see how much of your time they use.",
            ),
        ];
        let format = Formatter::plain(&ResultUnit::default());
        for (scenario, main, detail) in cases {
            let breakdown = pareto::breakdown(line(scenario).threshold(80).build());
            let said = sentences(breakdown.as_ref().map_err(|e| *e), &format);
            assert_eq!((said.main.as_str(), said.detail.as_str()), (main, detail));
        }
        let week = pareto::breakdown(line("A:1/900 B:1.5/100").week().build());
        let said = sentences(week.as_ref().map_err(|e| *e), &format);
        assert_eq!(
            said.detail,
            "You spend 1.5 hours a week on activities that bring 10 % of your results."
        );
    }
}
