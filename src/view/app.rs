//! The root component: the insight first, the inputs second.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use social8020_core::host::HostSettings;
use social8020_core::pareto::{self, Breakdown, NoBreakdown};
use social8020_core::scenario::{ResultUnit, Scenario};
use social8020_core::score::{self, NoScore, Score, ScoreConfig};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::browser::format::{browser_locale, Formatter};
use crate::browser::frame::{self, HeightReporter, Host, Value};
use crate::browser::location;
use crate::browser::storage;
use crate::state::{Action, Origin, State};
use crate::view::activities::Activities;
use crate::view::breakdown::{BreakdownTable, WhatIf};
use crate::view::chart::ParetoChart;
use crate::view::exports::Exports;
use crate::view::headline::{sentences, Insight};
use crate::view::score::ScoreCard;
use crate::view::settings::Settings;
use crate::view::share::{own_form, share_link, CopyLink, LinkBanner};
use crate::view::signals::Signals;

/// How long a notice (a copy, an import) stays part of the announcement.
const NOTICE_FOR_MS: u32 = 4_000;

/// How long input must rest before results are announced to screen readers.
const ANNOUNCE_AFTER_MS: u32 = 900;
/// How long results must rest before the host page hears of them.
const RESULT_EVENT_AFTER_MS: u32 = 800;

/// Everything computed from the scenario on screen, once per change.
#[derive(PartialEq)]
struct Analysis {
    scenario: Rc<Scenario>,
    /// `None` when all results are zero.
    breakdown: Option<Rc<Breakdown>>,
    score: Rc<Result<Score, NoScore>>,
}

impl Analysis {
    fn of(scenario: &Rc<Scenario>, config: &ScoreConfig) -> Analysis {
        Analysis {
            scenario: Rc::clone(scenario),
            breakdown: pareto::breakdown(scenario).ok().map(Rc::new),
            score: Rc::new(score::score(scenario, config)),
        }
    }

    fn with_breakdown(&self) -> Option<(Rc<Scenario>, Rc<Breakdown>)> {
        let breakdown = self.breakdown.as_ref()?;
        Some((Rc::clone(&self.scenario), Rc::clone(breakdown)))
    }

    /// The `result` event for the host page: numbers and fixed keys only.
    /// Shares are whole percentages, as in the headline.
    fn result_detail(&self) -> Vec<(&'static str, Value)> {
        let number = |n: Option<f64>| n.map_or(Value::Missing, Value::Number);
        let percent = |share: Option<f64>| number(share.map(|s| (s * 100.0).round()));
        let score = self.score.as_ref().as_ref().ok();
        let headline = self.breakdown.as_ref().map(|b| b.headline(&self.scenario));
        let headline = headline.as_ref();
        vec![
            ("score", number(score.map(|s| s.value.into()))),
            (
                "band",
                score.map_or(Value::Missing, |s| Value::Key(s.band.key())),
            ),
            ("signalsUsed", number(score.map(|s| s.signals_used as f64))),
            (
                "activities",
                number(Some(self.scenario.activities().len() as f64)),
            ),
            ("vitalFew", number(headline.map(|h| h.vital_count as f64))),
            (
                "resultSharePct",
                percent(headline.map(|h| h.vital_result_share)),
            ),
            (
                "timeSharePct",
                percent(headline.and_then(|h| h.vital_time_share)),
            ),
        ]
    }
}

/// What a visitor sees first: a shared scenario when the page was opened
/// from a share link, else their own saved one, else the worked example. A
/// link that cannot be opened says why and never touches what was saved.
/// The example and a fresh form use the host's currency.
fn initial_state(host: &HostSettings) -> State {
    let own = State::from_draft(own_form(host));
    match location::shared_scenario() {
        None => own,
        Some(Ok(shared)) => State::shared(&shared),
        Some(Err(problem)) => own.with_link_problem(problem.to_string()),
    }
}

#[component]
pub fn App() -> Html {
    // The host's settings come from this page's query string, which does
    // not change while the page is open; a share link only changes the
    // fragment, so it can never change them. Their look is applied here,
    // before the first element exists, rather than in an effect: buttons
    // would otherwise fade from the standard accent to the host's.
    let host = use_memo((), |_| {
        let host = Host::read();
        frame::apply_look(&host.settings);
        host
    });
    let state = {
        let host = Rc::clone(&host);
        use_reducer(move || initial_state(&host.settings))
    };
    let locale = use_memo((), |_| {
        host.settings.locale.clone().unwrap_or_else(browser_locale)
    });
    let root = use_node_ref();
    // Something said once (a copy confirmation), announced instead of the
    // results until they next change.
    let notice = use_state(|| None::<String>);

    // A share link opened while the page is open changes only the fragment.
    {
        let dispatch = state.dispatcher();
        let host = Rc::clone(&host);
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(
                    &window,
                    "hashchange",
                    move |_| match location::shared_scenario() {
                        None => {}
                        Some(Ok(shared)) => dispatch.dispatch(Action::OpenShared(Rc::new(shared))),
                        Some(Err(problem)) => dispatch.dispatch(Action::LinkFailed(
                            problem.to_string(),
                            own_form(&host.settings),
                        )),
                    },
                )
            });
            move || drop(listener)
        });
    }

    // Once: why any host settings were ignored; and, in a frame, the
    // content's height for the host page, and that the widget is ready.
    {
        let (host, root) = (Rc::clone(&host), root.clone());
        use_effect_with((), move |_| {
            host.warnings.iter().for_each(frame::warn);
            let reporter = host
                .framed
                .then(|| root.cast::<HtmlElement>())
                .flatten()
                .and_then(|element| HeightReporter::start(&element));
            frame::post_event("ready", &[]);
            move || drop(reporter)
        });
    }

    // Autosave the visitor's own scenario; a shared one waits until kept.
    use_effect_with(
        (state.last_valid.clone(), state.origin),
        |(scenario, origin)| {
            if *origin == Origin::Own {
                storage::save(scenario.as_deref());
            }
        },
    );

    let shown = state.last_valid.clone();
    let unit = shown
        .as_ref()
        .map_or_else(ResultUnit::default, |s| s.unit().clone());
    let formatter = use_memo((Rc::clone(&locale), unit), |(locale, unit)| {
        Formatter::new(locale, unit)
    });
    let config = use_memo((), |_| host.settings.score);
    let analysis = use_memo((shown, Rc::clone(&config)), |(shown, config)| {
        shown.as_ref().map(|s| Analysis::of(s, config))
    });
    let headline = use_memo(
        (Rc::clone(&analysis), Rc::clone(&formatter)),
        |(analysis, formatter)| {
            analysis.as_ref().as_ref().map(|a| {
                let breakdown = a.breakdown.as_deref().ok_or(NoBreakdown::NoResults);
                sentences(&a.scenario, breakdown, formatter)
            })
        },
    );

    let hours_label = format!("Hours per {}", state.draft.period.key());
    let unit_text = state.draft.unit.trim();
    let results_label = if unit_text.is_empty() {
        "Results".to_owned()
    } else {
        format!("Results ({unit_text})")
    };

    let results_text = (*headline)
        .as_ref()
        .map(|s| format!("{} {}", s.main, s.detail))
        .unwrap_or_default();
    // A notice is spoken with the results it led to, then retired, so that
    // an import is heard as "Added 2 activities." and its new headline.
    {
        let notice = notice.clone();
        use_effect_with((*notice).clone(), move |said| {
            let timer = said
                .is_some()
                .then(|| Timeout::new(NOTICE_FOR_MS, move || notice.set(None)));
            move || drop(timer)
        });
    }
    let announcement = match &*notice {
        Some(said) => format!("{said} {results_text}"),
        None => results_text,
    };
    let on_announce = {
        let notice = notice.clone();
        Callback::from(move |text: String| notice.set(Some(text)))
    };
    let on_clear = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::ClearAll))
    };
    let on_example = {
        let dispatch = state.dispatcher();
        let unit = host.settings.unit().text().to_owned();
        Callback::from(move |_| {
            dispatch.dispatch(Action::LoadExample);
            // The example in the host's currency; one undo brings back
            // what was there before.
            dispatch.dispatch(Action::SetUnit(unit.clone()));
        })
    };

    // The host page hears of the results once they have settled.
    let result_detail = use_memo(Rc::clone(&analysis), |analysis| {
        analysis.as_ref().as_ref().map(Analysis::result_detail)
    });
    {
        let framed = host.framed;
        use_effect_with(result_detail, move |detail| {
            let detail = (**detail).clone().filter(|_| framed);
            let timer = detail.map(|detail| {
                Timeout::new(RESULT_EVENT_AFTER_MS, move || {
                    frame::post_event("result", &detail)
                })
            });
            move || drop(timer)
        });
    }
    let score_value = analysis
        .as_ref()
        .as_ref()
        .and_then(|a| a.score.as_ref().as_ref().ok().map(|s| s.value));
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

    html! {
        <div class={classes!("app", host.embedded().then_some("app--embed"))} ref={root}>
            <header class="app__header">
                <p class="app__brand">{"Social 80/20"}</p>
                <h1 class="app__title">{"Where do your social media results really come from?"}</h1>
            </header>
            <LinkBanner state={state.clone()} />
            <Insight sentences={(*headline).clone()} stale={state.is_stale()} />
            if let Some((scenario, breakdown)) = analysis.as_ref().as_ref().and_then(Analysis::with_breakdown) {
                <div class="card chart-card">
                    <ParetoChart {scenario} {breakdown} />
                </div>
            }
            <div class="toolbar" role="group" aria-label="Share and export">
                <CopyLink scenario={state.last_valid.clone()} on_announce={on_announce.clone()} {on_share} />
                <Exports
                    scenario={state.last_valid.clone()}
                    breakdown={analysis.as_ref().as_ref().and_then(|a| a.breakdown.clone())}
                    score={analysis.as_ref().as_ref().map(|a| Rc::clone(&a.score))}
                    config={Rc::clone(&config)}
                    on_announce={on_announce.clone()}
                />
            </div>
            if let Some(a) = analysis.as_ref() {
                <ScoreCard
                    scenario={Rc::clone(&a.scenario)}
                    score={Rc::clone(&a.score)}
                    breakdown={a.breakdown.clone()}
                    config={Rc::clone(&config)}
                    formatter={Rc::clone(&formatter)}
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
            <UndoBar state={state.clone()} />
            <div class="card inputs">
                <Settings state={state.clone()} />
                <Activities
                    state={state.clone()}
                    hours_label={hours_label}
                    results_label={results_label}
                    {on_announce}
                />
                <div class="inputs__footer">
                    <button type="button" class="button button--quiet" onclick={on_clear}>{"Clear all"}</button>
                    <button type="button" class="button button--quiet" onclick={on_example}>{"Show the example"}</button>
                </div>
            </div>
            <div class="card signals-card">
                <Signals state={state.clone()} />
            </div>
            if let Some((scenario, breakdown)) = analysis.as_ref().as_ref().and_then(Analysis::with_breakdown) {
                <section class="card numbers" aria-labelledby="numbers-title">
                    <h2 id="numbers-title" class="section-title">{"The numbers behind your 80/20"}</h2>
                    <BreakdownTable
                        scenario={Rc::clone(&scenario)}
                        breakdown={Rc::clone(&breakdown)}
                        formatter={Rc::clone(&formatter)}
                    />
                    <WhatIf {scenario} {breakdown} formatter={Rc::clone(&formatter)} />
                </section>
            }
            <PrintFooter scenario={state.last_valid.clone()} />
            <footer class="app__footer">
                <p>{"Everything stays in your browser: nothing you type is sent anywhere."}</p>
            </footer>
            <Announcer message={announcement} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PrintFooterProps {
    scenario: Option<Rc<Scenario>>,
}

/// The share link and the date, shown only on the printed report.
#[component]
fn PrintFooter(props: &PrintFooterProps) -> Html {
    // Encoding a link costs a deflate, so it is made when printing starts,
    // not on every keystroke.
    let link = use_state(|| None::<String>);
    {
        let link = link.clone();
        use_effect_with(props.scenario.clone(), move |scenario| {
            let scenario = scenario.clone();
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "beforeprint", move |_| {
                    link.set(scenario.as_deref().and_then(|s| share_link(s).ok()));
                })
            });
            move || drop(listener)
        });
    }
    let date = use_memo((), |_| {
        js_sys::Date::new_0()
            .to_locale_date_string("default", &js_sys::Object::new())
            .as_string()
            .unwrap_or_default()
    });
    html! {
        <footer class="print-only print-footer">
            <p>{format!("Social 80/20 report, {}.", *date)}</p>
            if let Some(link) = &*link {
                <p>{"Open these numbers again: "}{link.clone()}</p>
            }
        </footer>
    }
}

#[derive(Properties, PartialEq)]
struct UndoBarProps {
    state: UseReducerHandle<State>,
}

/// Offers to undo the last destructive action.
#[component]
fn UndoBar(props: &UndoBarProps) -> Html {
    let Some(point) = &props.state.undo else {
        return html! {};
    };
    let dispatch = props.state.dispatcher();
    let on_undo = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Undo))
    };
    let on_dismiss = Callback::from(move |_| dispatch.dispatch(Action::DismissUndo));
    html! {
        <div class="undo-bar">
            <p class="undo-bar__text">{point.what.clone()}</p>
            <button type="button" class="button button--small" onclick={on_undo}>{"Undo"}</button>
            <button type="button" class="icon-button" aria-label="Dismiss" onclick={on_dismiss}>
                <span aria-hidden="true">{"✕"}</span>
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AnnouncerProps {
    message: String,
}

/// The one polite status region. It repeats the results once input has
/// settled, so a screen reader is not interrupted on every keystroke.
#[component]
fn Announcer(props: &AnnouncerProps) -> Html {
    let spoken = use_state(String::new);
    {
        let spoken = spoken.clone();
        use_effect_with(props.message.clone(), move |message| {
            let message = message.clone();
            let timer = Timeout::new(ANNOUNCE_AFTER_MS, move || spoken.set(message));
            move || drop(timer)
        });
    }
    html! {
        <div class="visually-hidden" role="status" aria-live="polite" data-testid="status">
            {(*spoken).clone()}
        </div>
    }
}
