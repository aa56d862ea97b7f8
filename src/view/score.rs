//! The following-vs-community score: the meter, the biggest lever with its
//! advice, and the "How is this calculated?" panel.

use social8020_core::analysis::Analysis;
use social8020_core::number::decimal;
use social8020_core::pareto::Breakdown;
use social8020_core::score::{Band, Score, ScoreConfig, Signal};
use yew::prelude::*;

use crate::browser::format::Formatter;
use crate::text::catalog::find_text;
use crate::text::score::{advice, band_name, headline, measure, not_counted, signal_name, source};
use crate::text::{count, counted, fill, t, Key, Problem};
use crate::view::class_list;
use crate::view::problem::problem_paragraph;

/// The score section: why there is no score, or the meter, the vital few's
/// kinds, the levers and how it is calculated.
pub fn score_card(analysis: &Analysis, formatter: &Formatter) -> Html {
    let config = analysis.config();
    let body = match analysis.score() {
        Err(reason) => html! {
            {problem_paragraph(&Problem::NoScore(reason), "score__missing", None)}
        },
        Ok(score) => html! {
            <>
                {meter(score, config, formatter)}
                if let Ok(breakdown) = analysis.breakdown() {
                    <p class="score__vital">{vital_few_sentence(breakdown)}</p>
                }
                {levers(score, config, formatter)}
                {how_calculated(score, config, formatter)}
            </>
        },
    };
    html! {
        <section class="card score" aria-labelledby="score-title">
            <h2 id="score-title" class="section-title">{t(Key::ScoreTitle)}</h2>
            <p class="section-lead">{t(Key::ScoreLead)}</p>
            {body}
        </section>
    }
}

fn vital_few_sentence(breakdown: &Breakdown) -> String {
    let community = breakdown.community_in_vital_few();
    match (breakdown.vital_count(), community) {
        (1, 1) => t(Key::ScoreVitalOneCommunity).to_owned(),
        (1, _) => t(Key::ScoreVitalOneNot).to_owned(),
        (n, 0) => counted(Key::ScoreVitalNone, n),
        (n, c) if c == n => counted(Key::ScoreVitalAll, n),
        (n, c) => count(
            Key::ScoreVitalSome,
            c as f64,
            &c.to_string(),
            &[("total", &n.to_string())],
        ),
    }
}

/// The score on a scale that reads from Following to Community.
fn meter(score: &Score, config: &ScoreConfig, formatter: &Formatter) -> Html {
    let value = score.value;
    let bands = Band::ALL.map(|band| (band, config.band_range(band)));
    let band = band_name(score.band);
    let value_text = fill(
        Key::ScoreMeterValue,
        &[
            ("value", &formatter.number(value.into())),
            ("max", &formatter.number(100.0)),
            ("band", band),
        ],
    );
    let total = Signal::ALL.len();
    let basis = if score.signals_used < total {
        Key::ScoreBasisPartial
    } else {
        Key::ScoreBasis
    };
    html! {
        <div class="meter-block">
            <div
                class="meter"
                role="meter"
                aria-label={t(Key::ScoreMeterName)}
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow={value.to_string()}
                aria-valuetext={value_text}
                data-testid="score-meter"
            >
                <p class="meter__figure">
                    <span class="meter__value">{value}</span>
                    <span class="meter__max">{"/100"}</span>
                </p>
                <p class={format!("meter__band meter__band--{}", score.band.key())}>
                    {band}
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
                    <span>{band_name(Band::Following)}</span>
                    <span>{band_name(Band::Community)}</span>
                </div>
            </div>
            <p class="meter__basis">
                {fill(basis, &[
                    ("count", &formatter.number(score.signals_used as f64)),
                    ("total", &formatter.number(total as f64)),
                ])}
            </p>
        </div>
    }
}

/// The signal with the most weighted headroom, with advice, and the next.
fn levers(score: &Score, config: &ScoreConfig, formatter: &Formatter) -> Html {
    let Some(lever) = score.biggest_lever() else {
        return html! {
            <p class="lever__none">{t(Key::ScoreLeverNone)}</p>
        };
    };
    let advice = advice(lever.signal.advice(config), formatter);
    let next = score.next_lever();
    // The signal's name is set apart inside the title's sentence.
    let (before, after) = around(t(Key::ScoreLeverTitle), "{signal}");
    html! {
        <div class="lever" data-testid="biggest-lever">
            <h3 class="lever__title">
                {before}<span class="lever__signal">{signal_name(lever.signal)}</span>{after}
            </h3>
            <p class="lever__headline">{advice.headline}</p>
            <dl class="lever__advice">
                <div>
                    <dt>{t(Key::ScoreLeverGap)}</dt>
                    <dd>{advice.gap}</dd>
                </div>
                <div>
                    <dt>{t(Key::ScoreLeverThisWeek)}</dt>
                    <dd>{advice.this_week}</dd>
                </div>
                <div>
                    <dt>{t(Key::ScoreLeverWatch)}</dt>
                    <dd>{advice.watch}</dd>
                </div>
            </dl>
            if let Some(next) = next {
                <p class="lever__next">
                    <strong>
                        {fill(Key::ScoreLeverThen, &[("signal", signal_name(next.signal))])}
                        {" "}
                    </strong>
                    {headline(next.signal)}
                </p>
            }
        </div>
    }
}

/// The text before and after `placeholder` in `text`; all of it before
/// when the placeholder is missing.
fn around<'a>(text: &'a str, placeholder: &str) -> (&'a str, &'a str) {
    match find_text(text, placeholder) {
        Some(at) => (&text[..at], &text[at + placeholder.len()..]),
        None => (text, ""),
    }
}

/// The formula, the values in force and each input's contribution.
fn how_calculated(score: &Score, config: &ScoreConfig, f: &Formatter) -> Html {
    let range = |band| {
        let range = config.band_range(band);
        format!(
            "{}–{}",
            f.number((*range.start()).into()),
            f.number((*range.end()).into())
        )
    };
    let bands = fill(
        Key::ScoreHowBands,
        &[
            ("following", &range(Band::Following)),
            ("growing", &range(Band::GrowingCommunity)),
            ("community", &range(Band::Community)),
        ],
    );
    let intro = fill(
        Key::ScoreHowIntro,
        &[("min", &f.number(0.0)), ("max", &f.number(100.0))],
    );
    html! {
        <details class="how">
            <summary>{t(Key::ScoreHowSummary)}</summary>
            <p>{intro}</p>
            <div class="table-scroll" role="region" aria-label={t(Key::ScoreHowTable)} tabindex="0">
                <table class="how__table">
                    <thead>
                        <tr>
                            <th scope="col">{t(Key::ScoreHowSignal)}</th>
                            <th scope="col">{t(Key::ScoreHowMeasure)}</th>
                            <th scope="col" class="num">{t(Key::ScoreHowValue)}</th>
                            <th scope="col" class="num">{t(Key::ScoreHowSubScore)}</th>
                            <th scope="col" class="num">{t(Key::ScoreHowWeight)}</th>
                            <th scope="col" class="num">{t(Key::ScoreHowPoints)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        for s in score.signals.iter() {
                            <tr class={class_list(&[if s.is_used() { "" } else { "is-missing" }])}>
                                <th scope="row">{signal_name(s.signal)}</th>
                                <td>{measure(s.signal, s.target, f)}</td>
                                if s.is_used() {
                                    <td class="num">{s.measure.map(|m| f.percent_precise(m)).unwrap_or_default()}</td>
                                    <td class="num">{s.sub_score.map(|v| f.number(v.round())).unwrap_or_default()}</td>
                                    <td class="num">{format!("{} ({})", f.number(s.weight), f.percent(s.weight_share))}</td>
                                    <td class="num">{f.number((s.contribution * 10.0).round() / 10.0)}</td>
                                } else {
                                    <td colspan="4" class="how__missing">{not_counted(s.signal)}</td>
                                }
                            </tr>
                        }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="5">{t(Key::ScoreHowTotal)}</th>
                            <td class="num">{score.value}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p>{bands}</p>
            <h4 class="how__subtitle">{t(Key::ScoreHowSources)}</h4>
            <dl class="how__sources">
                for signal in Signal::ALL {
                    <div>
                        <dt>{signal_name(signal)}</dt>
                        <dd>{source(signal, config.targets().get(signal), f)}</dd>
                    </div>
                }
            </dl>
        </details>
    }
}
