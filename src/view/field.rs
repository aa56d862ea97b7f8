//! A labelled text field with its error message tied to it.

use social8020_core::scenario::Problem;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::view::problem::problem_paragraph;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// What is wrong with the value, if anything; shown with how to fix it.
    #[prop_or_default]
    pub error: Option<Problem>,
    /// A short explanation shown under the field.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// `decimal` for numbers: a text field keeps whatever was typed, which a
    /// `type="number"` field would silently throw away.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    /// Hides the label visually (it stays the field's accessible name) where
    /// a column header already shows it.
    #[prop_or_default]
    pub compact: bool,
    #[prop_or_default]
    pub maxlength: Option<AttrValue>,
    /// The id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    pub oninput: Callback<String>,
}

#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described_by = [
        props.error.as_ref().map(|_| error_id.as_str()),
        props.hint.as_ref().map(|_| hint_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let oninput = props
        .oninput
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let invalid = props.error.is_some();
    html! {
        <div class={classes!("field", props.class.clone(), invalid.then_some("field--invalid"))}>
            <label for={props.id.clone()} class={classes!("field__label", props.compact.then_some("field__label--compact"))}>
                {props.label.clone()}
            </label>
            <input
                id={props.id.clone()}
                type="text"
                class="field__input"
                value={props.value.clone()}
                inputmode={props.inputmode.clone()}
                maxlength={props.maxlength.clone()}
                list={props.list.clone()}
                autocomplete="off"
                aria-invalid={invalid.then_some("true")}
                aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                {oninput}
            />
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="field__hint">{hint.clone()}</p>
            }
            if let Some(error) = props.error {
                {problem_paragraph(&crate::text::Problem::Field(error), "field__error", Some(error_id))}
            }
        </div>
    }
}
