//! The full 80/20 breakdown card: the table of every activity, and the
//! reallocation what-if.

use std::rc::Rc;

use js_sys::Function;
use social8020_core::number::parse_u8;
use social8020_core::pareto::{Breakdown, Ranked};
use social8020_core::scenario::Period;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::view::activities::kind_words;

use crate::browser::format::Formatter;
use crate::text::{count, t, Key, Problem};
use crate::view::class_list;
use crate::view::headline::unbroken_percents;
use crate::view::problem::problem_paragraph;

#[derive(Properties, PartialEq)]
pub struct NumbersProps {
    pub breakdown: Rc<Breakdown>,
    pub formatter: Rc<Formatter>,
}

/// Every activity in sorted order with every figure; the vital few and the
/// trivial many each under a heading row.
///
/// Both groups are one keyed list of rows in one `<tbody>`, so that a row
/// which changes group (an edit that re-ranks it, a new threshold) is moved.
/// With a `<tbody>` per group, Yew, which moves keyed rows only within one
/// parent, removed every such row from one group and rebuilt it in the
/// other (make bench, an edit that re-ranks one of 100 activities: script
/// 10.8 -> 6.2 ms, layout 11.2 -> 8.5 ms). Chromium's accessibility tree
/// is the same either way: it leaves the `<tbody>` out and reads a heading
/// row's `th` as a row header.
fn breakdown_table(b: &Breakdown, f: &Formatter) -> Html {
    let vital_share = b.vital_result_share();
    let head = |title: String, vital: bool| {
        let (key, class) = if vital {
            (
                "vital",
                "breakdown__group-head breakdown__group-head--vital",
            )
        } else {
            ("trivial", "breakdown__group-head")
        };
        html! {
            <tr {key} {class}>
                <th scope="rowgroup" colspan="10">{title}</th>
            </tr>
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
    // Every item of the list must be a keyed row itself: an `if` inside a
    // loop of `html!` would wrap each in an unkeyed fragment, and Yew would
    // rebuild rows instead of moving them. There is always a vital few.
    let mut rows = Vec::with_capacity(b.len() + 2);
    rows.push(head(vital_title, true));
    let mut trivial_title = Some(trivial_title);
    for row in b.rows() {
        if !row.vital {
            if let Some(title) = trivial_title.take() {
                rows.push(head(title, false));
            }
        }
        rows.push(breakdown_row(&row, f));
    }
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
                <tbody>{for rows}</tbody>
            </table>
        </div>
    }
}

/// One activity's row, keyed by its entry number so that Yew moves a row
/// that changes place instead of rebuilding it. The vital few's mark is on
/// the first cell, not the row: a class on the row that a rule reads in its
/// cells makes the browser restyle all ten cells of every row that changes
/// group.
fn breakdown_row(row: &Ranked, f: &Formatter) -> Html {
    let r = &row.figures;
    let activity = &row.activity;
    let none = || html! { <span class="none" aria-label={t(Key::BreakdownNone)}>{"—"}</span> };
    let kind = kind_words(activity.kind);
    html! {
        <tr key={row.number}>
            <td class={class_list(&["num", if row.vital { "is-vital" } else { "" }])}>{row.rank}</td>
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

/// Percent of the trivial many's hours moved when the panel first shows.
const DEFAULT_MOVE: u8 = 50;

/// The breakdown card: the table, and the what-if whose share is its state.
///
/// While the browser skips drawing the card (`content-visibility: auto`, far
/// from the viewport: boot.js marks `<html>` `data-skipped`), a change of
/// the breakdown leaves the card as it was for the frame that shows the
/// edit, and the card is drawn in a task of its own once that frame is: an
/// edit that re-ranks 100 activities leaves rewriting the 100-row table, off
/// screen, out of the frame the visitor waits for. A card on screen, and
/// every card in a browser that does not say when it skips, is drawn with
/// the edit.
pub struct Numbers {
    /// The share of the trivial many's hours the what-if moves, in percent.
    percent: u8,
    /// Whether the card waits for the frame to be drawn.
    waiting: bool,
    /// A frame callback, and the task it queues, which runs once that frame
    /// is drawn and draws the card; both made once.
    on_frame: Closure<dyn FnMut()>,
    _draw: Closure<dyn FnMut()>,
}

pub enum NumbersMsg {
    /// The what-if's share, in percent.
    Move(u8),
    /// The frame the card waited for is drawn: draw the card.
    Draw,
}

impl Component for Numbers {
    type Message = NumbersMsg;
    type Properties = NumbersProps;

    fn create(ctx: &Context<Self>) -> Self {
        let draw = ctx.link().callback(|()| NumbersMsg::Draw);
        let draw = Closure::<dyn FnMut()>::new(move || draw.emit(()));
        let task = draw.as_ref().unchecked_ref::<Function>().clone();
        let on_frame = Closure::<dyn FnMut()>::new(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&task);
            }
        });
        Self {
            percent: DEFAULT_MOVE,
            waiting: false,
            on_frame,
            _draw: draw,
        }
    }

    fn update(&mut self, _: &Context<Self>, msg: NumbersMsg) -> bool {
        match msg {
            NumbersMsg::Move(percent) => self.percent = percent,
            NumbersMsg::Draw => self.waiting = false,
        }
        true
    }

    fn changed(&mut self, _: &Context<Self>, _: &NumbersProps) -> bool {
        let skipped = gloo::utils::document()
            .document_element()
            .is_some_and(|html| html.has_attribute("data-skipped"));
        if skipped && !self.waiting {
            if let Some(window) = web_sys::window() {
                self.waiting = window
                    .request_animation_frame(self.on_frame.as_ref().unchecked_ref())
                    .is_ok();
            }
        }
        !self.waiting
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let NumbersProps {
            breakdown,
            formatter,
        } = ctx.props();
        let on_move = ctx.link().batch_callback(|e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            parse_u8(&value).map(|percent| NumbersMsg::Move(percent.min(100)))
        });
        html! {
            <section class="card numbers" aria-labelledby="numbers-title">
                <h2 id="numbers-title" class="section-title">{t(Key::BreakdownTitle)}</h2>
                {breakdown_table(breakdown, formatter)}
                {what_if(breakdown, formatter, self.percent, on_move)}
            </section>
        }
    }
}

/// Moves a share of the trivial many's hours into the vital few and shows
/// what that would bring, with the assumption beside the figure.
fn what_if(
    breakdown: &Breakdown,
    f: &Formatter,
    percent: u8,
    on_input: Callback<InputEvent>,
) -> Html {
    let period = breakdown.scenario().period();
    let share = f64::from(percent) / 100.0;
    let share_text = f.percent(share);
    let content = match breakdown.reallocate(share) {
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
