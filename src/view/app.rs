//! The root component: the insight first, the inputs second.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use social8020_core::scenario::ResultUnit;
use yew::prelude::*;

use crate::browser::format::{browser_locale, Formatter};
use crate::state::{Action, State};
use crate::view::activities::Activities;
use crate::view::headline::{sentences, Insight};
use crate::view::settings::Settings;
use crate::view::signals::Signals;

/// How long input must rest before results are announced to screen readers.
const ANNOUNCE_AFTER_MS: u32 = 900;

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let locale = use_memo((), |_| browser_locale());

    let shown = state.last_valid.clone();
    let unit = shown
        .as_ref()
        .map_or_else(ResultUnit::default, |s| s.unit().clone());
    let formatter = use_memo((Rc::clone(&locale), unit), |(locale, unit)| {
        Formatter::new(locale, unit)
    });
    let headline = use_memo((shown, Rc::clone(&formatter)), |(shown, formatter)| {
        shown.as_ref().map(|s| sentences(s, formatter))
    });

    let hours_label = format!("Hours per {}", state.draft.period.key());
    let unit_text = state.draft.unit.trim();
    let results_label = if unit_text.is_empty() {
        "Results".to_owned()
    } else {
        format!("Results ({unit_text})")
    };

    let announcement = (*headline)
        .as_ref()
        .map(|s| format!("{} {}", s.main, s.detail))
        .unwrap_or_default();
    let on_clear = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::ClearAll))
    };
    let on_example = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::LoadExample))
    };

    html! {
        <div class="app">
            <header class="app__header">
                <p class="app__brand">{"Social 80/20"}</p>
                <h1 class="app__title">{"Where do your social media results really come from?"}</h1>
            </header>
            <Insight sentences={(*headline).clone()} stale={state.is_stale()} />
            <UndoBar state={state.clone()} />
            <div class="card inputs">
                <Settings state={state.clone()} />
                <Activities
                    state={state.clone()}
                    hours_label={hours_label}
                    results_label={results_label}
                />
                <div class="inputs__footer">
                    <button type="button" class="button button--quiet" onclick={on_clear}>{"Clear all"}</button>
                    <button type="button" class="button button--quiet" onclick={on_example}>{"Show the example"}</button>
                </div>
            </div>
            <div class="card">
                <Signals state={state.clone()} />
            </div>
            <footer class="app__footer">
                <p>{"Everything stays in your browser: nothing you type is sent anywhere."}</p>
            </footer>
            <Announcer message={announcement} />
        </div>
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
