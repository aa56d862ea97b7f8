//! The list of activity rows.

use social8020_core::draft::ActivityDraft;
use social8020_core::scenario::{ActivityKind, Column, Field, Invalid, Problem, MAX_ACTIVITIES};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::{Action, State};
use crate::text::{counted, fill, t, Key, Notice};
use crate::view::field::TextField;
use crate::view::import::{paste_handler, ImportRows};

/// Moves keyboard focus after a row is removed: its button is gone, so
/// focus goes to the row that took its place, or to "Add activity" when it
/// was the last. `count` is the number of rows; the callback takes the
/// index of the removed row.
#[hook]
pub fn use_removal_focus(count: usize) -> Callback<usize> {
    let refocus = use_state(|| None::<usize>);
    {
        let refocus = refocus.clone();
        use_effect_with((*refocus, count), move |(target, _)| {
            if let Some(index) = *target {
                focus_after_removal(index);
                refocus.set(None);
            }
        });
    }
    // The same callback on every render: a new one would differ from the
    // last and make every row render again on each keystroke.
    use_callback((), move |index: usize, _| refocus.set(Some(index)))
}

/// The activities section: a row per activity, "Add activity" and the
/// import. `hours_label` is "Hours per month", `results_label` "Results
/// (USD)"; `on_notice` says what an import did, for screen readers;
/// `on_removed` comes from [`use_removal_focus`], and `import` holds the
/// import's state.
pub fn activities(
    state: &UseReducerHandle<State>,
    hours_label: &AttrValue,
    results_label: &AttrValue,
    on_notice: &Callback<Notice>,
    on_removed: &Callback<usize>,
    import: &ImportRows,
) -> Html {
    let dispatch = state.dispatcher();
    let errors = state.checked.as_ref().err();
    let count = state.draft.activities.len();
    let on_add = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::AddActivity))
    };
    html! {
        <section class="activities" aria-labelledby="activities-title">
            <h2 id="activities-title" class="section-title">{t(Key::ActivitiesTitle)}</h2>
            <p class="section-lead">{t(Key::ActivitiesLead)}</p>
            <div class="activities__head" aria-hidden="true">
                <span>{t(Key::ActivitiesColumnActivity)}</span>
                <span>{t(Key::ActivitiesType)}</span>
                <span>{hours_label.clone()}</span>
                <span>{results_label.clone()}</span>
                <span></span>
            </div>
            <div class="activities__list" onpaste={paste_handler(state.clone(), on_notice.clone())}>
                for (index, (row, key)) in state.draft.activities.iter().zip(&state.keys).enumerate() {
                    <ActivityRow
                        key={*key}
                        row_key={*key}
                        {index}
                        row={row.clone()}
                        errors={RowErrors::of(errors, index, row)}
                        hours_label={hours_label.clone()}
                        results_label={results_label.clone()}
                        dispatch={dispatch.clone()}
                        on_removed={on_removed.clone()}
                    />
                }
            </div>
            <div class="activities__actions">
                <button type="button" id="add-activity" class="button" onclick={on_add} disabled={count >= MAX_ACTIVITIES}>
                    <span aria-hidden="true" class="button__icon">{"+"}</span>
                    {t(Key::ActivitiesAdd)}
                </button>
                if count >= MAX_ACTIVITIES {
                    <p class="field__hint">{counted(Key::ActivitiesAtMost, MAX_ACTIVITIES)}</p>
                }
            </div>
            {import.view(state, on_notice)}
        </section>
    }
}

/// The messages to show on one row. A row nobody has typed in shows none.
#[derive(Clone, Default, PartialEq)]
pub struct RowErrors {
    name: Option<Problem>,
    hours: Option<Problem>,
    results: Option<Problem>,
}

impl RowErrors {
    fn of(errors: Option<&Invalid>, index: usize, row: &ActivityDraft) -> RowErrors {
        let Some(errors) = errors.filter(|_| !row.is_blank()) else {
            return RowErrors::default();
        };
        let at = |column| errors.at(Field::Activity(index, column));
        RowErrors {
            name: at(Column::Name),
            hours: at(Column::Hours),
            results: at(Column::Results),
        }
    }
}

#[derive(Properties, PartialEq)]
struct ActivityRowProps {
    row_key: u32,
    index: usize,
    row: ActivityDraft,
    errors: RowErrors,
    hours_label: AttrValue,
    results_label: AttrValue,
    dispatch: UseReducerDispatcher<State>,
    on_removed: Callback<usize>,
}

/// Focuses the remove button of the row now at `index`, else "Add activity".
/// The buttons are found by their class and position, not by their
/// accessible name, which is in the visitor's language.
fn focus_after_removal(index: usize) {
    let document = gloo::utils::document();
    let target = document
        .query_selector_all(".activity__remove")
        .ok()
        .and_then(|buttons| buttons.item(u32::try_from(index).ok()?))
        .or_else(|| document.get_element_by_id("add-activity").map(Into::into));
    if let Some(element) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

#[component]
fn ActivityRow(props: &ActivityRowProps) -> Html {
    let index = props.index;
    let number = index + 1;
    let id = |part: &str| AttrValue::from(format!("activity-{}-{part}", props.row_key));
    let send = |make: fn(usize, String) -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |text: String| dispatch.dispatch(make(index, text)))
    };
    let on_kind = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(kind) = ActivityKind::from_key(&value) {
                dispatch.dispatch(Action::SetKind(index, kind));
            }
        })
    };
    let on_remove = {
        let dispatch = props.dispatch.clone();
        let removed = props.on_removed.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::RemoveActivity(index));
            removed.emit(index);
        })
    };
    let kind_id = id("type");
    let number_text = number.to_string();
    let group = fill(Key::ActivitiesGroup, &[("number", &number_text)]);
    let remove = fill(Key::ActivitiesRemove, &[("number", &number_text)]);
    html! {
        <div class="activity" role="group" aria-label={group}>
            // `data-label` is the word the narrow layout writes before the
            // number ("Activity 1").
            <span class="activity__number" aria-hidden="true" data-label={t(Key::ActivitiesColumnActivity)}>{number}</span>
            {TextField {
                class: "activity__name",
                compact: true,
                maxlength: Some("200".into()),
                error: props.errors.name,
                ..TextField::new(id("name"), t(Key::ActivitiesName).into(), props.row.name.clone().into(), send(Action::EditName))
            }.view()}
            <div class="field activity__type">
                <label for={kind_id.clone()} class="field__label field__label--compact">{t(Key::ActivitiesType)}</label>
                <select id={kind_id} class="field__input" onchange={on_kind}>
                    for kind in ActivityKind::ALL {
                        <option value={kind.key()} selected={props.row.kind == kind}>{kind_words(kind)}</option>
                    }
                </select>
            </div>
            {TextField {
                class: "activity__hours",
                compact: true,
                inputmode: Some("decimal".into()),
                error: props.errors.hours,
                ..TextField::new(id("hours"), props.hours_label.clone(), props.row.hours.clone().into(), send(Action::EditHours))
            }.view()}
            {TextField {
                class: "activity__results",
                compact: true,
                inputmode: Some("decimal".into()),
                error: props.errors.results,
                ..TextField::new(id("results"), props.results_label.clone(), props.row.results.clone().into(), send(Action::EditResults))
            }.view()}
            <button
                type="button"
                class="icon-button activity__remove"
                aria-label={remove.clone()}
                title={remove}
                onclick={on_remove}
            >
                <span aria-hidden="true">{"✕"}</span>
            </button>
        </div>
    }
}

/// The name of an activity type in the visitor's language; the select's
/// values stay the machine keys `following` and `community`.
pub fn kind_words(kind: ActivityKind) -> &'static str {
    t(match kind {
        ActivityKind::Following => Key::ActivityKindFollowing,
        ActivityKind::Community => Key::ActivityKindCommunity,
    })
}
