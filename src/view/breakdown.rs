//! The full 80/20 breakdown: the table of every activity, and the
//! reallocation what-if.

use std::rc::Rc;

use social8020_core::pareto::{Breakdown, Ranked};
use social8020_core::scenario::Period;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::view::activities::kind_words;

use crate::browser::format::Formatter;
use crate::text::{count, t, Key, Problem};
use crate::view::class_list;
use crate::view::headline::unbroken_percents;
use crate::view::problem::problem_paragraph;

/// Every activity in sorted order with every figure; the vital few and the
/// trivial many in separate row groups.
pub fn breakdown_table(b: &Breakdown, f: &Formatter) -> Html {
    let vital_share = b.vital_result_share();
    let group = |title: String, rows: Vec<Ranked>, vital: bool| {
        if rows.is_empty() {
            return html! {};
        }
        // Every item of the loop must be the keyed row itself: an `if`
        // inside the loop would wrap each row in an unkeyed fragment, and
        // Yew would then rebuild every row that changes place instead of
        // moving it.
        html! {
            <tbody class={class_list(&["breakdown__group", if vital { "breakdown__group--vital" } else { "" }])}>
                <tr class="breakdown__group-head">
                    <th scope="rowgroup" colspan="10">{title}</th>
                </tr>
                for row in rows {
                    {breakdown_row(&row, f)}
                }
            </tbody>
        }
    };
    let group_title = |key: Key, n: usize, share: f64| {
        count(
            key,
            n as f64,
            &f.number(n as f64),
            &[
                ("share", &f.percent(share)),
                ("threshold", &f.percent(b.scenario().threshold().fraction())),
            ],
        )
    };
    let vital_title = group_title(Key::BreakdownVitalGroup, b.vital_count(), vital_share);
    let trivial_title = group_title(
        Key::BreakdownTrivialGroup,
        b.len() - b.vital_count(),
        (1.0 - vital_share).max(0.0),
    );
    html! {
        <div class="table-scroll" role="region" aria-labelledby="breakdown-caption" tabindex="0">
            <table class="breakdown" data-testid="breakdown-table">
                <caption id="breakdown-caption">{t(Key::BreakdownCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="num">{t(Key::BreakdownColRank)}</th>
                        <th scope="col">{t(Key::BreakdownColActivity)}</th>
                        <th scope="col">{t(Key::BreakdownColType)}</th>
                        <th scope="col" class="num">{t(Key::BreakdownColHours)}</th>
                        <th scope="col" class="num">{t(Key::BreakdownColResults)}</th>
                        <th scope="col" class="num">{t(Key::BreakdownColResultShare)}</th>
                        <th scope="col" class="num">{t(Key::BreakdownColCumulative)}</th>
                        <th scope="col" class="num">{t(Key::BreakdownColTimeShare)}</th>
                        <th scope="col" class="num">{t(Key::BreakdownColPerHour)}</th>
                        <th scope="col" class="num">{t(Key::BreakdownColLeverage)}</th>
                    </tr>
                </thead>
                {group(vital_title, b.vital().collect(), true)}
                {group(trivial_title, b.trivial().collect(), false)}
            </table>
        </div>
    }
}

/// One activity's row, keyed by its entry number so that Yew moves a row
/// that changes place instead of rebuilding it.
fn breakdown_row(row: &Ranked, f: &Formatter) -> Html {
    let r = &row.figures;
    let activity = &row.activity;
    let none = || html! { <span class="none" aria-label={t(Key::BreakdownNone)}>{"—"}</span> };
    let kind = kind_words(activity.kind);
    html! {
        <tr key={row.number} class={class_list(&[if row.vital { "is-vital" } else { "" }])}>
            <td class="num">{row.rank}</td>
            <th scope="row" class="breakdown__name">{activity.name.clone()}</th>
            <td>{kind}</td>
            <td class="num">{f.number(activity.hours.as_f64())}</td>
            <td class="num">{f.results(activity.results.as_f64())}</td>
            <td class="num">{f.percent_precise(r.result_share)}</td>
            <td class="num">{f.percent_precise(r.cumulative_share)}</td>
            <td class="num">{r.time_share.map_or_else(none, |t| html! { {f.percent_precise(t)} })}</td>
            <td class="num">{r.results_per_hour.map_or_else(none, |v| html! { {f.results(v)} })}</td>
            <td class="num">{r.leverage.map_or_else(none, |v| html! { {format!("{}×", f.number(v))} })}</td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
pub struct WhatIfProps {
    pub breakdown: Rc<Breakdown>,
    pub formatter: Rc<Formatter>,
}

/// Percent of the trivial many's hours moved when the panel first shows.
const DEFAULT_MOVE: u8 = 50;

/// Moves a share of the trivial many's hours into the vital few and shows
/// what that would bring, with the assumption beside the figure.
#[component]
pub fn WhatIf(props: &WhatIfProps) -> Html {
    let percent = use_state(|| DEFAULT_MOVE);
    let f = &props.formatter;
    let period = props.breakdown.scenario().period();
    let on_input = {
        let percent = percent.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(p) = value.parse::<u8>() {
                percent.set(p.min(100));
            }
        })
    };
    let share = f64::from(*percent) / 100.0;
    let share_text = f.percent(share);
    let content = match props.breakdown.reallocate(share) {
        Err(reason) => html! {
            {problem_paragraph(&Problem::NoProjection(reason), "what-if__none", None)}
        },
        Ok(p) => html! { <>
            <div class="field">
                <label for="what-if-share" class="field__label">{t(Key::WhatIfShare)}</label>
                <div class="range">
                    <input
                        id="what-if-share"
                        type="range"
                        min="0"
                        max="100"
                        step="10"
                        value={percent.to_string()}
                        aria-valuetext={share_text.clone()}
                        oninput={on_input}
                    />
                    <span class="range__value" aria-hidden="true">{share_text}</span>
                </div>
            </div>
            <p class="what-if__result" data-testid="what-if">
                {unbroken_percents(&count(
                    match period {
                        Period::Week => Key::WhatIfResultWeek,
                        Period::Month => Key::WhatIfResultMonth,
                    },
                    p.moved_hours,
                    &f.number(p.moved_hours),
                    &[
                        ("current", &f.results(p.current_results)),
                        ("projected", &f.results(p.projected_results)),
                        ("change", &f.signed_percent(p.change)),
                    ],
                ))}
            </p>
            <p class="what-if__assumption">{t(Key::WhatIfAssumption)}</p>
        </> },
    };
    html! {
        <section class="what-if" aria-labelledby="what-if-title">
            <h3 id="what-if-title" class="subsection-title">{t(Key::WhatIfTitle)}</h3>
            {content}
        </section>
    }
}
