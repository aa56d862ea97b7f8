//! The following-vs-community score: the meter, the biggest lever with its
//! advice, and the "How is this calculated?" panel.

use std::rc::Rc;

use social8020_core::analysis::Analysis;
use social8020_core::number::decimal;
use social8020_core::pareto::Breakdown;
use social8020_core::score::{Band, Score, ScoreConfig, Signal};
use yew::prelude::*;

use crate::browser::format::Formatter;
use crate::text::Problem;
use crate::view::problem::problem_paragraph;

#[derive(Properties, PartialEq)]
pub struct ScoreCardProps {
    pub analysis: Rc<Analysis>,
    pub formatter: Rc<Formatter>,
}

#[component]
pub fn ScoreCard(props: &ScoreCardProps) -> Html {
    let config = Rc::new(*props.analysis.config());
    let body = match props.analysis.score() {
        Err(reason) => html! {
            {problem_paragraph(&Problem::NoScore(reason), "score__missing", None)}
        },
        Ok(score) => html! {
            <>
                <Meter score={score.clone()} config={Rc::clone(&config)} />
                if let Ok(breakdown) = props.analysis.breakdown() {
                    <p class="score__vital">{vital_few_sentence(breakdown)}</p>
                }
                <Levers score={score.clone()} config={Rc::clone(&config)} />
                <HowCalculated
                    score={score.clone()}
                    config={Rc::clone(&config)}
                    formatter={Rc::clone(&props.formatter)}
                />
            </>
        },
    };
    html! {
        <section class="card score" aria-labelledby="score-title">
            <h2 id="score-title" class="section-title">{"Following or community?"}</h2>
            <p class="section-lead">
                {"A following buys once and goes quiet. A community buys again, refers, shares and talks."}
            </p>
            {body}
        </section>
    }
}

fn vital_few_sentence(breakdown: &Breakdown) -> String {
    let community = breakdown.community_in_vital_few();
    match (breakdown.vital_count(), community) {
        (1, 1) => "Your one vital-few activity is a community activity.".to_owned(),
        (1, _) => "Your one vital-few activity is not a community activity.".to_owned(),
        (n, 0) => format!("None of your {n} vital-few activities are community activities."),
        (n, c) if c == n => {
            format!("All {n} of your vital-few activities are community activities.")
        }
        (n, c) => format!("{c} of your {n} vital-few activities are community activities."),
    }
}

#[derive(Properties, PartialEq)]
struct MeterProps {
    score: Score,
    config: Rc<ScoreConfig>,
}

/// The score on a scale that reads from Following to Community.
#[component]
fn Meter(props: &MeterProps) -> Html {
    let score = &props.score;
    let value = score.value;
    let bands = Band::ALL.map(|band| (band, props.config.band_range(band)));
    html! {
        <div class="meter-block">
            <div
                class="meter"
                role="meter"
                aria-label="Following vs community score"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow={value.to_string()}
                aria-valuetext={format!("{value} out of 100: {}", score.band.label())}
                data-testid="score-meter"
            >
                <p class="meter__figure">
                    <span class="meter__value">{value}</span>
                    <span class="meter__max">{"/100"}</span>
                </p>
                <p class={classes!("meter__band", format!("meter__band--{}", score.band.key()))}>
                    {score.band.label()}
                </p>
            </div>
            <div class="meter__scale" aria-hidden="true">
                <svg class="meter__track" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                    for (band, range) in bands.iter() {
                        <rect
                            class={format!("meter__segment meter__segment--{}", band.key())}
                            x={range.start().to_string()}
                            y="2"
                            width={(range.end().saturating_sub(*range.start()) + 1).min(100).to_string()}
                            height="6"
                        />
                    }
                    <rect class="meter__marker" x={decimal((f64::from(value.min(99)) - 0.5).max(0.0), 1)} y="0" width="1.5" height="10" />
                </svg>
                <div class="meter__labels">
                    <span>{"Following"}</span>
                    <span>{"Community"}</span>
                </div>
            </div>
            <p class="meter__basis">
                {format!("Based on {} of 5 signals.", score.signals_used)}
                if score.signals_used < 5 {
                    {" Add the missing ones below for a fuller picture."}
                }
            </p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LeversProps {
    score: Score,
    config: Rc<ScoreConfig>,
}

/// The signal with the most weighted headroom, with advice, and the next.
#[component]
fn Levers(props: &LeversProps) -> Html {
    let Some(lever) = props.score.biggest_lever() else {
        return html! {
            <p class="lever__none">{"Every signal is at full marks: keep doing what you do."}</p>
        };
    };
    let advice = lever.signal.advice(&props.config);
    let next = props.score.next_lever();
    html! {
        <div class="lever" data-testid="biggest-lever">
            <h3 class="lever__title">
                {"Your biggest lever: "}<span class="lever__signal">{lever.signal.label()}</span>
            </h3>
            <p class="lever__headline">{advice.headline}</p>
            <dl class="lever__advice">
                <div>
                    <dt>{"The gap"}</dt>
                    <dd>{advice.gap}</dd>
                </div>
                <div>
                    <dt>{"What closes it this week"}</dt>
                    <dd>{advice.tools}</dd>
                </div>
                <div>
                    <dt>{"What to watch"}</dt>
                    <dd>{advice.metric}</dd>
                </div>
            </dl>
            if let Some(next) = next {
                <p class="lever__next">
                    <strong>{format!("Then: {}. ", next.signal.label())}</strong>
                    {next.signal.advice(&props.config).headline}
                </p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct HowProps {
    score: Score,
    config: Rc<ScoreConfig>,
    formatter: Rc<Formatter>,
}

/// The formula, the values in force and each input's contribution.
#[component]
fn HowCalculated(props: &HowProps) -> Html {
    let f = &props.formatter;
    let config = &props.config;
    let bands = config.bands();
    html! {
        <details class="how">
            <summary>{"How is this calculated?"}</summary>
            <p>
                {"Each of five signals becomes a sub-score from 0 to 100. The score is their weighted average, rounded. A signal you have not entered is left out and the others count for more."}
            </p>
            <div class="table-scroll" role="region" aria-label="Signals and their contributions" tabindex="0">
                <table class="how__table">
                    <thead>
                        <tr>
                            <th scope="col">{"Signal"}</th>
                            <th scope="col">{"Measure"}</th>
                            <th scope="col" class="num">{"Your value"}</th>
                            <th scope="col" class="num">{"Sub-score"}</th>
                            <th scope="col" class="num">{"Weight"}</th>
                            <th scope="col" class="num">{"Points"}</th>
                        </tr>
                    </thead>
                    <tbody>
                        for s in props.score.signals.iter() {
                            <tr class={classes!((!s.is_used()).then_some("is-missing"))}>
                                <th scope="row">{s.signal.label()}</th>
                                <td>
                                    {s.signal.measure_text()}
                                    {target_text(s.signal, s.target, f)}
                                </td>
                                if s.is_used() {
                                    <td class="num">{s.measure.map(|m| f.percent_precise(m)).unwrap_or_default()}</td>
                                    <td class="num">{s.sub_score.map(|v| f.number(v.round())).unwrap_or_default()}</td>
                                    <td class="num">{format!("{} ({})", f.number(s.weight), f.percent(s.weight_share))}</td>
                                    <td class="num">{f.number((s.contribution * 10.0).round() / 10.0)}</td>
                                } else {
                                    <td colspan="4" class="how__missing">
                                        {format!("Not counted: enter {}.", s.signal.needs())}
                                    </td>
                                }
                            </tr>
                        }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="5">{"Score (sum of points, rounded)"}</th>
                            <td class="num">{props.score.value}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p>
                {format!(
                    "Bands: Following 0–{}, Growing community {}–{}, Community {}–100.",
                    bands.growing.saturating_sub(1),
                    bands.growing,
                    bands.community.saturating_sub(1),
                    bands.community,
                )}
            </p>
            <h4 class="how__subtitle">{"Where the measures come from"}</h4>
            <dl class="how__sources">
                for signal in Signal::ALL {
                    <div>
                        <dt>{signal.label()}</dt>
                        <dd>{signal.explanation(config)}</dd>
                    </div>
                }
            </dl>
        </details>
    }
}

fn target_text(signal: Signal, target: Option<f64>, f: &Formatter) -> String {
    match (signal, target) {
        (_, Some(t)) => format!("; full marks at {}", f.percent_precise(t)),
        _ => String::new(),
    }
}
