//! The insight first: the Pareto headline in words.

use social8020_core::pareto::{Breakdown, Headline, NoBreakdown};
use social8020_core::scenario::Period;
use yew::prelude::*;

use crate::browser::format::Formatter;
use crate::text::{plural, Problem};

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
            main: "No results to break down yet.".to_owned(),
            detail: Problem::NoBreakdown(none).words(),
        },
    }
}

fn words(h: &Headline, period: Period, threshold: f64, f: &Formatter) -> Sentences {
    let noun = plural(h.activity_count as f64, "activity", "activities");
    let verb = plural(h.vital_count as f64, "brings", "bring");
    let lead = format!(
        "{} of {} {noun} ({}) {verb} {} of your results",
        f.number(h.vital_count as f64),
        f.number(h.activity_count as f64),
        f.percent(h.vital_count_share),
        f.percent(h.vital_result_share),
    );
    let per = period.key();
    let main = match h.vital_time_share {
        Some(time) => format!("{lead}, using {} of your time.", f.percent(time)),
        None => format!("{lead}."),
    };
    let detail = if h.vital_time_share.is_none() {
        "Add the hours each activity takes to see how much of your time they use.".to_owned()
    } else if h.vital_count == h.activity_count {
        format!(
            "Every one of your activities is needed to reach {} of your results.",
            f.percent(threshold)
        )
    } else {
        let unit = plural(h.trivial_hours, "hour", "hours");
        format!(
            "You spend {} {unit} a {per} on activities that bring {} of your results.",
            f.number(h.trivial_hours),
            f.percent(h.trivial_result_share),
        )
    };
    Sentences { main, detail }
}

/// The text with every "38 %" kept on one line. The text itself keeps its
/// plain spaces, so it reads and copies exactly as written.
fn unbroken_percents(text: &str) -> Html {
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

#[derive(Properties, PartialEq)]
pub struct InsightProps {
    /// `None` when the visitor has not entered a complete activity yet.
    pub sentences: Option<Sentences>,
    /// The form has errors, so these are the last valid results.
    pub stale: bool,
}

#[component]
pub fn Insight(props: &InsightProps) -> Html {
    html! {
        <section class="insight" aria-labelledby="insight-title">
            <h2 id="insight-title" class="insight__eyebrow">{"Your 80/20"}</h2>
            if let Some(s) = &props.sentences {
                <p class="insight__headline" data-testid="headline">{unbroken_percents(&s.main)}</p>
                <p class="insight__detail">{unbroken_percents(&s.detail)}</p>
            } else {
                <p class="insight__headline" data-testid="headline">{"Start with one activity."}</p>
                <p class="insight__detail">
                    {"Enter its name, the hours it takes and what it brings in; your 80/20 appears here."}
                </p>
            }
            if props.stale {
                <p class="insight__stale">
                    {"Showing your last complete numbers. Fix the marked fields to update them."}
                </p>
            }
        </section>
    }
}
