//! Before and after (docs/spec.md §10): the way in ("Compare with an
//! earlier result": a link or an exported JSON report), and the comparison
//! itself: the score then and now, each signal's change, hours on community
//! activities, both headlines, a picture of the shift and the "Before and
//! after" table. The visitor's own scenario is never touched: the earlier
//! one lives beside it in the state ([`Action::Compare`]).

use std::rc::Rc;

use js_sys::Uint8Array;
use social8020_core::codec::LinkError;
use social8020_core::compare::{Basis, Change, Comparison, Move, Status};
use social8020_core::earlier;
use social8020_core::encoding::decode_file;
use social8020_core::export;
use social8020_core::number::decimal;
use social8020_core::scenario::{Period, Scenario};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser::download::CSV_MIME;
use crate::browser::format::Formatter;
use crate::browser::frame::{self, Value};
use crate::state::{Action, State};
use crate::text::score::signal_name;
use crate::text::{fill, t, Key, Notice, Problem};
use crate::view::class_list;
use crate::view::exports::save;
use crate::view::headline::sentences;
use crate::view::import::MAX_FILE_BYTES;
use crate::view::problem::problem_inline;

/// Why an earlier result was not taken.
enum Refused {
    Link(LinkError),
    File(LinkError),
    FileUnreadable,
}

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// While comparing: the earlier result beside the scenario on screen.
    pub comparison: Option<Rc<Comparison>>,
    /// Why the earlier result of a comparison link did not open.
    pub problem: Option<LinkError>,
    pub formatter: Rc<Formatter>,
    pub dispatch: UseReducerDispatcher<State>,
    pub on_notice: Callback<Notice>,
}

#[component]
pub fn Compare(props: &CompareProps) -> Html {
    let open = use_state(|| false);
    // Why the last earlier result was not taken, worded: the same type as
    // other states of the page, so that Yew's state machinery is not
    // compiled once more for a type of its own.
    let refused = use_state(|| None::<String>);
    let field = use_node_ref();
    let csv_problem = use_state(|| None::<CsvProblem>);
    let take = {
        let dispatch = props.dispatch.clone();
        let refused = refused.clone();
        let open = open.clone();
        move |read: Result<Scenario, Refused>| match read {
            Ok(before) => {
                refused.set(None);
                open.set(false);
                dispatch.dispatch(Action::Compare(Rc::new(before)));
            }
            Err(why) => refused.set(Some(refused_words(&why))),
        }
    };
    let on_link = {
        let take = take.clone();
        let field = field.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = field.cast::<HtmlInputElement>() {
                take(earlier::from_link(&input.value()).map_err(Refused::Link));
            }
        })
    };
    let on_file = Callback::from(move |e: Event| {
        let input = e.target_unchecked_into::<HtmlInputElement>();
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > MAX_FILE_BYTES {
            take(Err(Refused::File(LinkError::Oversized)));
            return;
        }
        let take = take.clone();
        spawn_local(async move {
            let bytes = JsFuture::from(file.array_buffer())
                .await
                .ok()
                .map(|buffer| Uint8Array::new(&buffer).to_vec());
            take(match bytes.map(|bytes| decode_file(&bytes)) {
                Some(Ok(text)) => earlier::from_report(&text).map_err(Refused::File),
                Some(Err(_)) => Err(Refused::File(LinkError::Damaged)),
                None => Err(Refused::FileUnreadable),
            });
        });
    });
    let toggle = {
        let open = open.clone();
        let refused = refused.clone();
        Callback::from(move |_: MouseEvent| {
            refused.set(None);
            open.set(!*open);
        })
    };
    let stop = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::StopComparing))
    };
    use_effect_with(props.comparison.clone(), |comparison| {
        if let Some(comparison) = comparison {
            frame::post_event("compare", &compare_event(comparison));
        }
    });

    if let Some(comparison) = &props.comparison {
        return html! {
            <section class="card compare" aria-labelledby="compare-title">
                <h2 id="compare-title" class="section-title">{t(Key::CompareTitle)}</h2>
                {view(comparison, &props.formatter)}
                <div class="compare__actions">
                    {compare_csv(comparison, &props.on_notice, &csv_problem)}
                    <button type="button" class="button button--quiet" onclick={stop}>{t(Key::CompareStop)}</button>
                </div>
            </section>
        };
    }
    html! {
        <div class="compare-open">
            if let Some(problem) = &props.problem {
                <div class="banner banner--alert" role="alert">
                    <p>{fill(Key::CompareLinkProblem, &[("reason", &Problem::Link(problem.clone()).words())])}</p>
                    <button type="button" class="button button--quiet" onclick={stop}>{t(Key::PageDismiss)}</button>
                </div>
            }
            <button type="button" class="button button--quiet" aria-expanded={open.to_string()} onclick={toggle.clone()}>
                {t(Key::CompareOpen)}
            </button>
            if *open {
                <form class="compare-open__form" onsubmit={on_link}>
                    <p class="field__hint">{t(Key::CompareIntro)}</p>
                    <div class="field">
                        <label for="earlier-link" class="field__label">{t(Key::CompareLinkLabel)}</label>
                        <input id="earlier-link" ref={field} class="field__input" type="text" inputmode="url"
                            autocomplete="off" aria-describedby="earlier-link-hint" />
                        <p class="field__hint" id="earlier-link-hint">{t(Key::CompareLinkHint)}</p>
                    </div>
                    <div class="compare-open__actions">
                        <button type="submit" class="button">{t(Key::CompareLinkSubmit)}</button>
                        <label class="button button--quiet">
                            {t(Key::CompareFileLabel)}
                            <input type="file" class="visually-hidden" accept=".json,application/json"
                                aria-describedby="earlier-file-hint" onchange={on_file} />
                        </label>
                        <button type="button" class="button button--quiet" onclick={toggle}>{t(Key::CompareCancel)}</button>
                    </div>
                    <p class="field__hint" id="earlier-file-hint">{t(Key::CompareFileHint)}</p>
                    if let Some(why) = &*refused {
                        <p class="field__error" role="alert">{why.clone()}</p>
                    }
                </form>
            }
        </div>
    }
}

fn refused_words(why: &Refused) -> String {
    let key = match why {
        Refused::Link(problem) => return Problem::Link(problem.clone()).words(),
        Refused::File(LinkError::NewerVersion) => Key::CompareFileNewer,
        Refused::File(LinkError::TooManyActivities) => Key::CompareFileTooMany,
        Refused::File(LinkError::Invalid(_)) => Key::CompareFileInvalid,
        Refused::File(_) => Key::CompareFileDamaged,
        Refused::FileUnreadable => Key::CompareFileUnreadable,
    };
    t(key).to_owned()
}

/// Why "Export comparison CSV" failed, and the earlier scenario of the
/// comparison it failed for: the problem shows only while that comparison
/// lasts (a new earlier result is a new `Rc`), as it would if the button
/// were a component of its own, which would cost the wasm more.
type CsvProblem = (Rc<Scenario>, Problem);

/// "Export comparison CSV", and why it last failed for this comparison.
fn compare_csv(
    comparison: &Rc<Comparison>,
    on_notice: &Callback<Notice>,
    problem: &UseStateHandle<Option<CsvProblem>>,
) -> Html {
    let before = comparison.before().scenario();
    let onclick = {
        let comparison = Rc::clone(comparison);
        let notice = on_notice.clone();
        let problem = problem.clone();
        Callback::from(move |_| {
            let csv = export::comparison_csv(&comparison);
            match save(&csv, Key::CompareFileName, "csv", CSV_MIME) {
                Ok(name) => {
                    problem.set(None);
                    notice.emit(Notice::Downloaded(name));
                }
                Err(trouble) => {
                    notice.emit(Notice::Problem(trouble.clone()));
                    let before = Rc::clone(comparison.before().scenario());
                    problem.set(Some((before, trouble)));
                }
            }
        })
    };
    let shown = problem
        .as_ref()
        .filter(|(failed_for, _)| Rc::ptr_eq(failed_for, before))
        .map(|(_, problem)| problem);
    html! {
        <>
            <button type="button" class="button" {onclick}>{t(Key::CompareExportCsv)}</button>
            if let Some(problem) = shown {
                {problem_inline(problem, "")}
            }
        </>
    }
}

/// The `compare` event for the host page: numbers only.
fn compare_event(comparison: &Comparison) -> [(&'static str, Value); 6] {
    let score = |score: Option<u8>| score.map_or(Value::Missing, |v| Value::Number(v.into()));
    let mut counts = [0.0; 3];
    for row in comparison.rows() {
        counts[row.status as usize] += 1.0;
    }
    [
        (
            "scoreBefore",
            score(comparison.score_before().ok().map(|s| s.value)),
        ),
        (
            "scoreNow",
            score(comparison.score_now().ok().map(|s| s.value)),
        ),
        (
            "scoreChange",
            comparison
                .score_change()
                .map_or(Value::Missing, |c| Value::Number(c.into())),
        ),
        ("matched", Value::Number(counts[Status::Matched as usize])),
        ("new", Value::Number(counts[Status::New as usize])),
        ("dropped", Value::Number(counts[Status::Dropped as usize])),
    ]
}

/// The score then and now as a sentence, for the page and the status
/// region.
pub fn score_sentence(comparison: &Comparison, f: &Formatter) -> String {
    match (comparison.score_before(), comparison.score_now()) {
        (Ok(before), Ok(now)) if before.value == now.value => fill(
            Key::CompareScoreSame,
            &[("now", &f.number(now.value.into()))],
        ),
        (Ok(before), Ok(now)) => fill(
            Key::CompareScore,
            &[
                ("before", &f.number(before.value.into())),
                ("now", &f.number(now.value.into())),
                (
                    "change",
                    &signed(
                        f64::from(now.value) - f64::from(before.value),
                        f,
                        Formatter::number,
                    ),
                ),
            ],
        ),
        _ => t(Key::CompareScoreMissing).to_owned(),
    }
}

/// `+2.5`, `−1`, `±0`, each number as `write` formats it.
fn signed(change: f64, f: &Formatter, write: fn(&Formatter, f64) -> String) -> String {
    let sign = if change > 0.0 {
        "+"
    } else if change < 0.0 {
        "−"
    } else {
        "±"
    };
    format!("{sign}{}", write(f, change.abs()))
}

/// A figure, or a dash where it is absent or unknown.
fn cell(value: Option<f64>, f: &Formatter, write: fn(&Formatter, f64) -> String) -> String {
    value.map_or_else(|| t(Key::CompareAbsent).to_owned(), |v| write(f, v))
}

fn change_cell(change: Option<f64>, f: &Formatter, write: fn(&Formatter, f64) -> String) -> String {
    change.map_or_else(|| t(Key::CompareAbsent).to_owned(), |c| signed(c, f, write))
}

fn view(comparison: &Comparison, f: &Formatter) -> Html {
    let now = comparison.now().scenario();
    let before = comparison.before().scenario();
    let shares = comparison.basis() == Basis::Shares;
    let hours: fn(&Formatter, f64) -> String = Formatter::number;
    let results: fn(&Formatter, f64) -> String = if shares {
        Formatter::percent
    } else {
        Formatter::results
    };
    let headline = |side: &social8020_core::analysis::Analysis| {
        sentences(side.breakdown().map(|b| b.as_ref()), f).main
    };
    let community = comparison.community_hours();
    let community_key = match now.period() {
        Period::Week => Key::CompareCommunityWeek,
        Period::Month => Key::CompareCommunityMonth,
    };
    let total = comparison.total_hours();
    let share_of = |part: Option<f64>, whole: Option<f64>| match (part, whole) {
        (Some(part), Some(whole)) if whole > 0.0 => Some(part / whole),
        _ => None,
    };
    let bars = [
        (
            Key::CompareVisualBefore,
            share_of(community.before, total.before),
        ),
        (Key::CompareVisualNow, share_of(community.now, total.now)),
    ];
    let conversion = comparison.conversion().map(|conversion| {
        t(match conversion.from {
            Period::Week => Key::CompareConvertedWeek,
            Period::Month => Key::CompareConvertedMonth,
        })
        .to_owned()
    });
    let units = shares.then(|| {
        fill(
            Key::CompareShares,
            &[("before", before.unit().text()), ("now", now.unit().text())],
        )
    });
    let notes = conversion.into_iter().chain(units);
    let results_cols = if shares {
        (Key::CompareColSharesBefore, Key::CompareColSharesNow)
    } else {
        (Key::CompareColResultsBefore, Key::CompareColResultsNow)
    };
    html! {
        <>
            for note in notes {
                <p class="compare__note">{note}</p>
            }
            <p class="compare__score">{score_sentence(comparison, f)}</p>
            <h3 class="compare__subtitle">{t(Key::CompareSignalsTitle)}</h3>
            <ul class="compare__signals">
                for change in comparison.signal_changes() {
                    <li>{signal_line(signal_name(change.signal), &change.sub_score, f)}</li>
                }
            </ul>
            <p>{fill(community_key, &[
                ("before", &cell(community.before, f, hours)),
                ("now", &cell(community.now, f, hours)),
                ("change", &change_cell(community.change, f, hours)),
            ])}</p>
            <figure class="compare__shift">
                <figcaption>{t(Key::CompareVisualTitle)}</figcaption>
                for (label, share) in bars {
                    <div class="compare__bar">
                        <span class="compare__bar-label">{t(label)}</span>
                        <svg class="compare__bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                            <rect class="compare__bar-fill" width={decimal(share.unwrap_or(0.0) * 100.0, 1)} height="10" />
                        </svg>
                        <span class="compare__bar-value">{cell(share, f, Formatter::percent)}</span>
                    </div>
                }
            </figure>
            <ul class="compare__headlines">
                for (key, side) in [
                    (Key::CompareHeadlineBefore, comparison.before()),
                    (Key::CompareHeadlineNow, comparison.now()),
                ] {
                    <li>{fill(key, &[("headline", &headline(side))])}</li>
                }
            </ul>
            <div class="table-scroll" role="region" aria-labelledby="compare-caption" tabindex="0">
                <table class="breakdown compare__table">
                    <caption id="compare-caption">{t(Key::CompareCaption)}</caption>
                    <thead>
                        <tr>
                            for (key, class) in [
                                (Key::CompareColActivity, ""),
                                (Key::CompareColHoursBefore, "num"),
                                (Key::CompareColHoursNow, "num"),
                                (Key::CompareColChange, "num"),
                                (results_cols.0, "num"),
                                (results_cols.1, "num"),
                                (Key::CompareColChange, "num"),
                                (Key::CompareColVital, ""),
                            ] {
                                <th scope="col" class={class_list(&[class])}>{t(key)}</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        for row in comparison.rows() {
                            <tr class={class_list(&[row.status.key()])}>
                                <th scope="row">
                                    {row.name.to_owned()}
                                    if let Some(tag) = match row.status {
                                        Status::Matched => None,
                                        Status::New => Some(Key::CompareNew),
                                        Status::Dropped => Some(Key::CompareDropped),
                                    } {
                                        <span class="tag">{t(tag)}</span>
                                    }
                                </th>
                                for (change, write) in [
                                    (&row.hours, hours),
                                    (if shares { &row.result_share } else { &row.results }, results),
                                ] {
                                    for text in [
                                        cell(change.before, f, write),
                                        cell(change.now, f, write),
                                        change_cell(change.change, f, write),
                                    ] {
                                        <td class="num">{text}</td>
                                    }
                                }
                                <td>{t(match row.movement {
                                    Move::Entered => Key::CompareEntered,
                                    Move::Left => Key::CompareLeft,
                                    Move::StayedIn => Key::CompareStayedIn,
                                    Move::StayedOut => Key::CompareStayedOut,
                                })}</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </>
    }
}

fn signal_line(name: &str, sub_score: &Change, f: &Formatter) -> String {
    match (sub_score.before, sub_score.now, sub_score.change) {
        (Some(before), Some(now), Some(change)) => fill(
            Key::CompareSignal,
            &[
                ("signal", name),
                ("before", &f.number(before.round())),
                ("now", &f.number(now.round())),
                ("change", &signed(change.round(), f, Formatter::number)),
            ],
        ),
        _ => fill(Key::CompareSignalMissing, &[("signal", name)]),
    }
}
