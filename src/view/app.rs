//! The root component: the insight first, the inputs second.
//!
//! [`App`] lays out the page. The effects live in [`crate::view::hooks`],
//! the host settings in [`frame::host`], and each child gets only its
//! slice of the state and its callbacks.

use std::rc::Rc;

use gloo::events::EventListener;
use social8020_core::compare::Comparison;
use social8020_core::host::HostSettings;
use social8020_core::scenario::{Field, Period, ResultUnit, Scenario, SignalField, Threshold};
use yew::prelude::*;

use crate::browser::format::{page_locale, Formatter};
use crate::browser::frame::{self, Value};
use crate::browser::location;
use crate::state::{Action, State};
use crate::text::{catalog, fill, t, Key, Problem, Undone};
use crate::view::activities::{activities, use_removal_focus};
use crate::view::breakdown::Numbers;
use crate::view::chart::ParetoChart;
use crate::view::class_list;
use crate::view::compare::{self, Compare};
use crate::view::exports::exports;
use crate::view::headline::{insight, sentences};
use crate::view::hooks::{
    use_analysis, use_autosave, use_host_messages, use_notice, use_settled, use_shared_links,
};
use crate::view::import::use_import_rows;
use crate::view::saved::set_aside_notice;
use crate::view::score::score_card;
use crate::view::settings::Settings;
use crate::view::share::{link_banner, own_form, share_link, use_copy_link};
use crate::view::signals::signals;

/// What a visitor sees first: a shared scenario when the page was opened
/// from a share link, else their own saved one, else the worked example. A
/// link that cannot be opened says why and never touches what was saved.
/// The example and a fresh form use the host's currency.
fn initial_state(host: &HostSettings) -> State {
    let own = State::from_draft(own_form(host));
    let state = match location::shared_scenario() {
        None => own,
        Some(Ok(shared)) => own.then(Action::OpenShared(Rc::new(shared))),
        Some(Err(problem)) => {
            let draft = own.draft.clone();
            own.then(Action::LinkFailed(problem, draft))
        }
    };
    match compared() {
        Some(action) => state.then(action),
        None => state,
    }
}

/// The comparison a link asks for (`&b=`), or why it cannot be opened.
pub fn compared() -> Option<Action> {
    Some(match location::shared_before()? {
        Ok(before) => Action::Compare(Rc::new(before)),
        Err(problem) => Action::CompareFailed(problem),
    })
}

/// The widget. The host settings come from [`frame::host`], read once
/// before the first element exists (their look applied then: in an effect,
/// buttons would fade from the standard accent to the host's).
#[component]
pub fn App() -> Html {
    let host = frame::host();
    let state = {
        let host = Rc::clone(&host);
        use_reducer(move || initial_state(&host.settings))
    };
    let locale = use_memo((), |_| page_locale());
    let root = use_node_ref();
    let (notice, on_notice) = use_notice();

    use_shared_links(state.dispatcher());
    use_autosave(state.last_valid.clone(), state.origin);
    let analysis = use_analysis(state.last_valid.clone(), host.settings.score);
    use_host_messages(
        Rc::clone(&host),
        root.clone(),
        analysis.clone(),
        state.replaced,
    );

    let unit = state
        .last_valid
        .as_ref()
        .map_or_else(ResultUnit::default, |s| s.unit().clone());
    let formatter = use_memo((Rc::clone(&locale), unit), |(locale, unit)| {
        Formatter::new(locale, unit)
    });
    let headline = use_memo(
        (analysis.clone(), Rc::clone(&formatter)),
        |(analysis, formatter)| {
            analysis
                .as_ref()
                .map(|a| sentences(a.breakdown().map(|b| b.as_ref()), formatter))
        },
    );

    let hours_label = AttrValue::Static(match state.draft.period {
        Period::Week => t(Key::PageHoursPerWeek),
        Period::Month => t(Key::PageHoursPerMonth),
    });
    let unit_text = state.draft.unit.trim();
    let results_label = AttrValue::from(if unit_text.is_empty() {
        t(Key::PageResults).to_owned()
    } else {
        fill(Key::PageResultsIn, &[("unit", unit_text)])
    });

    let comparison = use_memo(
        (state.before.clone(), analysis.clone()),
        |(before, analysis)| match (before, analysis) {
            (Some(before), Some(now)) => Some(Rc::new(Comparison::with_now(
                Rc::clone(before),
                (**now).clone(),
            ))),
            _ => None,
        },
    );
    let comparison = (*comparison).clone();
    let mut results_text = (*headline)
        .as_ref()
        .map(|s| format!("{} {}", s.main, s.detail))
        .unwrap_or_default();
    if let Some(comparison) = &comparison {
        let score = compare::score_sentence(comparison, &formatter);
        results_text.push(' ');
        results_text.push_str(&fill(Key::CompareAnnounce, &[("score", &score)]));
    }
    // A notice is spoken with the results it led to, then retired, so that
    // an import is heard as "Added 2 activities." and its new headline.
    let announcement = match &notice {
        Some(said) => format!("{} {results_text}", said.words()),
        None => results_text,
    };

    let dispatch = state.dispatcher();
    let on_clear = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: MouseEvent, _| {
            dispatch.dispatch(Action::ClearAll)
        })
    };
    let on_example = {
        let dispatch = dispatch.clone();
        let unit = host.settings.unit().text().to_owned();
        use_callback((), move |_: MouseEvent, _| {
            dispatch.dispatch(Action::LoadExample);
            // The example in the host's currency; one undo brings back
            // what was there before.
            dispatch.dispatch(Action::SetUnit(unit.clone()));
        })
    };
    let score_value = analysis
        .as_ref()
        .and_then(|a| a.score().ok().map(|s| s.value));
    let on_cta = Callback::from(move |_: MouseEvent| {
        let score = score_value.map_or(Value::Missing, |v| Value::Number(v.into()));
        frame::post_event("cta", &[("score", score)]);
    });
    let on_share = {
        let activities = state
            .last_valid
            .as_ref()
            .map_or(0, |s| s.activities().len());
        Callback::from(move |clipboard: bool| {
            frame::post_event(
                "share",
                &[
                    ("activities", Value::Number(activities as f64)),
                    ("clipboard", Value::Number(u8::from(clipboard).into())),
                ],
            )
        })
    };
    let breakdown = analysis.as_ref().map(|a| a.breakdown().cloned());

    // The settings' and the signals' callbacks.
    let on_period = {
        let dispatch = dispatch.clone();
        Callback::from(move |period: Period| dispatch.dispatch(Action::SetPeriod(period)))
    };
    let on_unit = {
        let dispatch = dispatch.clone();
        Callback::from(move |text: String| dispatch.dispatch(Action::SetUnit(text)))
    };
    let on_threshold = {
        let dispatch = dispatch.clone();
        Callback::from(move |threshold: Threshold| {
            dispatch.dispatch(Action::SetThreshold(threshold))
        })
    };
    let on_signal = {
        let dispatch = dispatch.clone();
        Callback::from(move |(field, text): (SignalField, String)| {
            dispatch.dispatch(Action::SetSignal(field, text))
        })
    };
    let errors = state.checked.as_ref().err();
    let unit_error = errors.and_then(|e| e.at(Field::Unit));
    let signal_errors =
        SignalField::ALL.map(|field| errors.and_then(|e| e.at(Field::Signal(field))));

    let on_removed = use_removal_focus(state.draft.activities.len());
    let import_rows = use_import_rows();
    let copy_link = use_copy_link();
    // Why the last export failed.
    let export_problem = use_state(|| None::<Problem>);
    let printed = use_printed(state.last_valid.clone(), state.before.clone());
    // The one polite status region repeats the results once input has
    // settled, so a screen reader is not interrupted on every keystroke.
    let spoken = use_settled(announcement);

    html! {
        <div class={class_list(&["app", if host.embedded() { "app--embed" } else { "" }])} ref={root}>
            <header class="app__header">
                <p class="app__brand">{"Social 80/20"}</p>
                <h1 class="app__title">{t(Key::PageTitle)}</h1>
            </header>
            {link_banner(state.origin, state.link_problem.as_ref(), &state.last_valid, &dispatch)}
            {set_aside_notice()}
            {insight((*headline).as_ref(), state.is_stale())}
            if let Some(Ok(breakdown)) = &breakdown {
                <div class="card chart-card">
                    <ParetoChart breakdown={Rc::clone(breakdown)} formatter={Rc::clone(&formatter)} />
                </div>
            }
            <div class="toolbar" role="group" aria-label={t(Key::PageShareAndExport)}>
                {copy_link.view(state.last_valid.clone(), state.before.clone(), &on_notice, on_share)}
                {exports(&analysis, &comparison, &on_notice, &export_problem)}
            </div>
            if let Some(analysis) = &analysis {
                {score_card(analysis, &formatter)}
            }
            if analysis.is_some() {
                <Compare
                    comparison={comparison.clone()}
                    problem={state.before_problem.clone()}
                    formatter={Rc::clone(&formatter)}
                    dispatch={dispatch.clone()}
                    on_notice={on_notice.clone()}
                />
            }
            if let Some(cta) = &host.settings.cta {
                // The URL was checked in the core: https (or http on this
                // machine) only, so no script URL can get here.
                <p class="cta">
                    <a class="button cta__link" href={cta.url.clone()} target="_blank" rel="noopener" onclick={on_cta}>
                        {cta.label.clone()}
                    </a>
                </p>
            }
            if let Some(point) = &state.undo {
                {undo_bar(&point.what, &dispatch)}
            }
            <div class="card inputs">
                {Settings {
                    period: state.draft.period,
                    unit: AttrValue::from(state.draft.unit.clone()),
                    unit_error,
                    threshold: state.draft.threshold,
                    on_period,
                    on_unit,
                    on_threshold,
                }.view(&formatter)}
                {activities(&state, &hours_label, &results_label, &on_notice, &on_removed, &import_rows)}
                <div class="inputs__footer">
                    <button type="button" class="button button--quiet" onclick={on_clear}>{t(Key::PageClearAll)}</button>
                    <button type="button" class="button button--quiet" onclick={on_example}>{t(Key::PageShowExample)}</button>
                </div>
            </div>
            <div class="card signals-card">
                {signals(state.draft.period, &state.draft.signals, signal_errors, &on_signal)}
            </div>
            if let Some(Ok(breakdown)) = &breakdown {
                <Numbers breakdown={Rc::clone(breakdown)} formatter={Rc::clone(&formatter)} />
            }
            if let Some(printed) = &*printed {
                {print_footer(printed)}
            }
            <footer class="app__footer">
                <p>{t(Key::PagePrivacy)}</p>
            </footer>
            <div class="visually-hidden" role="status" aria-live="polite" data-testid="status">
                {spoken}
            </div>
        </div>
    }
}

/// A callback that dispatches the same action on every click.
fn send(dispatch: &UseReducerDispatcher<State>, action: fn() -> Action) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.dispatch(action()))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A `Date`, bound here for `toLocaleDateString` with `catch`: it
    /// throws a `RangeError` on a malformed locale.
    #[wasm_bindgen(js_name = Date)]
    type Today;

    #[wasm_bindgen(constructor, js_class = "Date")]
    fn new() -> Today;

    #[wasm_bindgen(method, catch, js_class = "Date", js_name = toLocaleDateString)]
    fn local_date(this: &Today, locale: &str) -> Result<String, wasm_bindgen::JsValue>;
}

/// What the printed report's footer says: the date, and the share link of
/// the scenario on screen (with the earlier one while comparing).
struct Printed {
    date: String,
    link: Option<String>,
}

/// The printed report's footer, made when printing starts: encoding a link
/// costs a deflate, and the first date formatted loads the locale's date
/// data, so neither is made on every keystroke or on load (where the
/// prerendered page, tools/prerender.mjs, would carry the build's date).
/// `None` until then.
#[hook]
fn use_printed(
    scenario: Option<Rc<Scenario>>,
    before: Option<Rc<Scenario>>,
) -> UseStateHandle<Option<Printed>> {
    let host = frame::host();
    let printed = use_state(|| None::<Printed>);
    {
        let printed = printed.clone();
        use_effect_with((scenario, before), move |(scenario, before)| {
            let (scenario, before) = (scenario.clone(), before.clone());
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "beforeprint", move |_| {
                    printed.set(Some(Printed {
                        date: today(),
                        link: scenario
                            .as_deref()
                            .and_then(|s| share_link(s, before.as_deref(), &host).ok()),
                    }));
                })
            });
            move || drop(listener)
        });
    }
    printed
}

/// Today's date as the visitor's locale writes it; a malformed tag (a host
/// may give one) falls back to the catalog's own, which is well formed.
fn today() -> String {
    let today = Today::new();
    today
        .local_date(catalog::locale())
        .or_else(|_| today.local_date(catalog::lang()))
        .unwrap_or_default()
}

/// The share link and the date, shown only on the printed report.
fn print_footer(printed: &Printed) -> Html {
    html! {
        <footer class="print-only print-footer">
            <p>{fill(Key::PrintReport, &[("date", &printed.date)])}</p>
            if let Some(link) = &printed.link {
                <p>{fill(Key::PrintOpenAgain, &[("link", link)])}</p>
            }
        </footer>
    }
}

/// Offers to undo the last destructive action, `what` it would bring back.
fn undo_bar(what: &Undone, dispatch: &UseReducerDispatcher<State>) -> Html {
    html! {
        <div class="undo-bar">
            <p class="undo-bar__text">{what.words()}</p>
            <button type="button" class="button button--small" onclick={send(dispatch, || Action::Undo)}>{t(Key::PageUndo)}</button>
            <button type="button" class="icon-button" aria-label={t(Key::PageDismiss)} onclick={send(dispatch, || Action::DismissUndo)}>
                <span aria-hidden="true">{"✕"}</span>
            </button>
        </div>
    }
}
