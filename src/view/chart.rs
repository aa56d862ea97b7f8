//! The Pareto chart (docs/spec.md §2, "Chart"): an inline SVG of the
//! geometry that [`social8020_core::chart`] computes, a toggle between its
//! two views and a legend. This file only prints the numbers it is given,
//! with the words of [`crate::text::chart`] and the catalog.
//!
//! Hooks for end-to-end tests: the SVG has `data-testid="pareto-chart"`;
//! every activity's result bar has the class `chart__bar` (one per activity
//! in both views; time bars are `chart__time-bar`), vital ones also
//! `chart__bar--vital`; the threshold line has
//! `data-testid="threshold-line"`.

use std::rc::Rc;

use social8020_core::chart::{self, Axes, Bar, Cumulative, ThresholdLine, TimeChart, HATCH_ID};
use social8020_core::number::decimal;
use social8020_core::pareto::Breakdown;
use yew::prelude::*;

use crate::browser::format::Formatter;
use crate::text::chart as words;
use crate::text::{fill, t, Key};
use crate::view::class_list;

const TITLE_ID: &str = "pareto-chart-title";
const DESC_ID: &str = "pareto-chart-desc";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    /// Result shares, the running total and the threshold.
    Pareto,
    /// Result shares beside time shares.
    Time,
}

impl View {
    const ALL: [View; 2] = [View::Pareto, View::Time];

    fn label(self) -> &'static str {
        t(match self {
            View::Pareto => Key::ChartViewPareto,
            View::Time => Key::ChartViewTime,
        })
    }
}

/// One of the two views, computed, with its words.
#[derive(PartialEq)]
enum Drawn {
    Pareto(chart::ParetoChart),
    Time(TimeChart),
}

/// The text of a chart: the words for its marks, made once per change.
#[derive(PartialEq)]
struct Words {
    title: &'static str,
    summary: String,
    /// One `<title>` per bar, in ranked order.
    bars: Vec<String>,
    /// The y axis's labels, bottom first.
    ticks: Vec<String>,
    threshold: String,
}

#[derive(Properties, PartialEq)]
pub struct ParetoChartProps {
    pub breakdown: Rc<Breakdown>,
    pub formatter: Rc<Formatter>,
}

/// The chart of the breakdown, with its two views. Shown only when there is
/// a breakdown; the data table beside it is another component. The SVG is
/// left to right in every language: the core lays out ranks from the left,
/// and its labels' anchors (`start`, `end`) are meant that way.
#[component]
pub fn ParetoChart(props: &ParetoChartProps) -> Html {
    let view = use_state(|| View::Pareto);
    let drawn = use_memo(
        (
            *view,
            Rc::clone(&props.breakdown),
            Rc::clone(&props.formatter),
        ),
        |(view, breakdown, format)| {
            let drawn = match view {
                View::Pareto => Drawn::Pareto(chart::pareto_chart(breakdown)),
                View::Time => Drawn::Time(chart::time_vs_results_chart(breakdown)),
            };
            let axes = match &drawn {
                Drawn::Pareto(c) => &c.axes,
                Drawn::Time(c) => &c.axes,
            };
            let (title, summary, bars) = match view {
                View::Pareto => (
                    t(Key::ChartParetoTitle),
                    words::pareto_summary(breakdown, format),
                    breakdown
                        .rows()
                        .map(|r| words::pareto_bar(&r, format))
                        .collect(),
                ),
                View::Time => (
                    t(Key::ChartTimeTitle),
                    words::time_summary(breakdown, format),
                    breakdown
                        .rows()
                        .map(|r| words::time_bar(&r, format))
                        .collect(),
                ),
            };
            let words = Words {
                title,
                summary,
                bars,
                ticks: axes
                    .ticks
                    .iter()
                    .map(|t| words::axis_percent(t.percent, format))
                    .collect(),
                threshold: words::axis_percent(breakdown.scenario().threshold().percent(), format),
            };
            (drawn, words)
        },
    );
    let (drawn, text) = &*drawn;

    let toggle = View::ALL.into_iter().map(|option| {
        let onclick = {
            let view = view.clone();
            Callback::from(move |_| view.set(option))
        };
        let pressed = if *view == option { "true" } else { "false" };
        html! {
            <button type="button" class="chart__view" aria-pressed={pressed} {onclick}>
                {option.label()}
            </button>
        }
    });

    let (axes, marks, legend) = match drawn {
        Drawn::Pareto(c) => (&c.axes, pareto_marks(c, text), pareto_legend(text)),
        Drawn::Time(c) => (&c.axes, time_marks(c, text), time_legend(c.time_known)),
    };
    let named = if axes.names.is_empty() {
        ""
    } else {
        "chart__svg--named"
    };
    let svg_class = class_list(&["chart__svg", named]);

    html! {
        <div class="chart">
            <div class="chart__views" role="group" aria-label={t(Key::ChartViews)}>
                {for toggle}
            </div>
            <div class="chart__frame">
                <svg
                    class={svg_class}
                    data-testid="pareto-chart"
                    role="img"
                    aria-labelledby={format!("{TITLE_ID} {DESC_ID}")}
                    width="100%"
                    viewBox={axes.frame.view_box.clone()}
                    preserveAspectRatio="xMidYMin slice"
                    direction="ltr"
                >
                    <title id={TITLE_ID}>{text.title}</title>
                    <desc id={DESC_ID}>{text.summary.clone()}</desc>
                    <defs>
                        <pattern
                            id={HATCH_ID}
                            patternUnits="userSpaceOnUse"
                            width="8"
                            height="8"
                            patternTransform="rotate(45)"
                        >
                            <rect class="chart__hatch" width="3" height="8" />
                        </pattern>
                    </defs>
                    {grid(axes)}
                    {marks}
                    {labels(axes, text)}
                </svg>
            </div>
            {legend}
            <p class="chart__note">{fill(Key::ChartNote, &[("top", "1")])}</p>
        </div>
    }
}

/// A coordinate as an attribute value.
fn n(value: f64) -> AttrValue {
    AttrValue::from(decimal(value, 1))
}

/// The bars of the trivial many are hatched, so that they differ from the
/// solid vital few in more than colour.
fn hatch() -> AttrValue {
    AttrValue::from(format!("url(#{HATCH_ID})"))
}

fn grid(axes: &Axes) -> Html {
    let lines = axes.ticks.iter().enumerate().map(|(i, t)| {
        let class = if i == 0 { "chart__axis" } else { "chart__grid" };
        html! { <line class={class_list(&[class])} x1={n(t.x1)} y1={n(t.y)} x2={n(t.x2)} y2={n(t.y)} /> }
    });
    html! { <g aria-hidden="true">{for lines}</g> }
}

fn labels(axes: &Axes, text: &Words) -> Html {
    let ticks = axes.ticks.iter().zip(&text.ticks).map(|(t, label)| {
        html! {
            <text class="chart__text chart__tick" x={n(t.label_x)} y={n(t.y)}
                text-anchor="end" dominant-baseline="central">{label.clone()}</text>
        }
    });
    let ranks = axes.ranks.iter().map(|r| {
        html! {
            <text class="chart__text chart__rank" x={n(r.x)} y={n(r.y)}
                text-anchor="middle">{r.text.clone()}</text>
        }
    });
    let names = axes.names.iter().map(|name| {
        html! {
            <text class="chart__text chart__name" x={n(name.x)} y={n(name.y)}
                text-anchor="end" transform={name.transform.clone()}>
                <title>{name.full.clone()}</title>
                {name.text.clone()}
            </text>
        }
    });
    let vital = axes.vital.as_ref().map(|v| {
        html! {
            <>
                <path class="chart__bracket" d={v.path.clone()} />
                <text class="chart__text chart__vital-label" x={n(v.label_x)} y={n(v.label_y)}>
                    {t(Key::ChartVitalLabel)}
                </text>
            </>
        }
    });
    html! {
        <g>
            {for ticks}
            {for ranks}
            {for names}
            {vital}
        </g>
    }
}

/// A result bar: solid when vital, hatched otherwise.
fn result_bar(bar: &Bar, title: &str) -> Html {
    let (class, fill) = if bar.is_vital {
        ("chart__bar chart__bar--vital", None)
    } else {
        ("chart__bar chart__bar--trivial", Some(hatch()))
    };
    html! {
        <rect class={class_list(&[class])} {fill}
            x={n(bar.x)} y={n(bar.y)} width={n(bar.width)} height={n(bar.height)}>
            <title>{title.to_owned()}</title>
        </rect>
    }
}

fn time_bar(bar: &Bar, title: &str) -> Html {
    html! {
        <rect class="chart__time-bar"
            x={n(bar.x)} y={n(bar.y)} width={n(bar.width)} height={n(bar.height)}>
            <title>{title.to_owned()}</title>
        </rect>
    }
}

fn threshold_line(t: &ThresholdLine, label: &str) -> Html {
    html! {
        <g>
            <line class="chart__threshold" data-testid="threshold-line"
                x1={n(t.x1)} y1={n(t.y)} x2={n(t.x2)} y2={n(t.y)} stroke-dasharray="10 6" />
            <text class="chart__text chart__threshold-label" x={n(t.label_x)} y={n(t.y)}
                dominant-baseline="central">{label.to_owned()}</text>
        </g>
    }
}

fn cumulative_line(c: &Cumulative) -> Html {
    let markers = c.markers.then(|| {
        let dots = c.points.iter().map(|p| {
            html! { <circle class="chart__marker" cx={n(p.x)} cy={n(p.y)} r="4.5" /> }
        });
        html! { <g>{for dots}</g> }
    });
    html! {
        <g aria-hidden="true">
            <polyline class="chart__line" points={c.points_attr.clone()} />
            {markers}
        </g>
    }
}

/// The title of the bar of rank `rank`.
fn bar_title(text: &Words, rank: usize) -> &str {
    text.bars
        .get(rank.wrapping_sub(1))
        .map_or("", String::as_str)
}

fn pareto_marks(c: &chart::ParetoChart, text: &Words) -> Html {
    let bars = c
        .bars
        .iter()
        .map(|bar| result_bar(bar, bar_title(text, bar.rank)));
    html! {
        <>
            <g>{for bars}</g>
            {threshold_line(&c.threshold, &text.threshold)}
            {cumulative_line(&c.cumulative)}
        </>
    }
}

fn time_marks(c: &TimeChart, text: &Words) -> Html {
    let pairs = c.pairs.iter().map(|pair| {
        let title = bar_title(text, pair.result.rank);
        html! {
            <>
                {result_bar(&pair.result, title)}
                {pair.time.as_ref().map(|bar| time_bar(bar, title))}
            </>
        }
    });
    html! { <g>{for pairs}</g> }
}

/// One entry of the legend: a sample of the mark and what it means.
fn key(swatch: &'static str, text: impl Into<Html>) -> Html {
    html! {
        <li class="chart__key">
            <span class={class_list(&["chart__swatch", swatch])} aria-hidden="true"></span>
            {text.into()}
        </li>
    }
}

fn pareto_legend(text: &Words) -> Html {
    html! {
        <ul class="chart__legend">
            {key("chart__swatch--vital", t(Key::ChartLegendVital))}
            {key("chart__swatch--trivial", t(Key::ChartLegendTrivial))}
            {key("chart__swatch--line", t(Key::ChartLegendLine))}
            {key(
                "chart__swatch--threshold",
                fill(Key::ChartLegendThreshold, &[("threshold", &text.threshold)]),
            )}
        </ul>
    }
}

fn time_legend(time_known: bool) -> Html {
    let time = if time_known {
        key("chart__swatch--time", t(Key::ChartLegendTime))
    } else {
        html! {
            <li class="chart__key chart__key--note">
                {t(Key::ChartLegendNoTime)}
            </li>
        }
    };
    html! {
        <ul class="chart__legend">
            {key("chart__swatch--vital", t(Key::ChartLegendTimeVital))}
            {key("chart__swatch--trivial", t(Key::ChartLegendTimeTrivial))}
            {time}
        </ul>
    }
}
