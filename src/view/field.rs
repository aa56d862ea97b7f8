//! A labelled text field with its error message tied to it.

use social8020_core::scenario::Problem;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::view::class_list;
use crate::view::problem::problem_paragraph;

/// What a text field shows. Not a component: [`TextField::view`] renders
/// it inside its parent, which saves the Yew machinery each component
/// brings into the wasm (docs/spec.md §8).
pub struct TextField {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// What is wrong with the value, if anything; shown with how to fix it.
    pub error: Option<Problem>,
    /// A short explanation shown under the field.
    pub hint: Option<AttrValue>,
    /// `decimal` for numbers: a text field keeps whatever was typed, which a
    /// `type="number"` field would silently throw away.
    pub inputmode: Option<AttrValue>,
    /// A class of the field's box besides `field`.
    pub class: &'static str,
    /// Hides the label visually (it stays the field's accessible name) where
    /// a column header already shows it.
    pub compact: bool,
    pub maxlength: Option<AttrValue>,
    /// The id of a `<datalist>` of suggestions.
    pub list: Option<AttrValue>,
    pub oninput: Callback<String>,
}

impl TextField {
    /// A field with no error, hint, input mode, extra class or limit.
    pub fn new(
        id: AttrValue,
        label: AttrValue,
        value: AttrValue,
        oninput: Callback<String>,
    ) -> TextField {
        TextField {
            id,
            label,
            value,
            error: None,
            hint: None,
            inputmode: None,
            class: "",
            compact: false,
            maxlength: None,
            list: None,
            oninput,
        }
    }

    pub fn view(&self) -> Html {
        let error_id = format!("{}-error", self.id);
        let hint_id = format!("{}-hint", self.id);
        let described_by = [
            self.error.as_ref().map(|_| error_id.as_str()),
            self.hint.as_ref().map(|_| hint_id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let oninput = self
            .oninput
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        let invalid = self.error.is_some();
        html! {
            <div class={class_list(&["field", self.class, if invalid { "field--invalid" } else { "" }])}>
                <label for={self.id.clone()} class={class_list(&["field__label", if self.compact { "field__label--compact" } else { "" }])}>
                    {self.label.clone()}
                </label>
                <input
                    id={self.id.clone()}
                    type="text"
                    class="field__input"
                    value={self.value.clone()}
                    inputmode={self.inputmode.clone()}
                    maxlength={self.maxlength.clone()}
                    list={self.list.clone()}
                    autocomplete="off"
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                    {oninput}
                />
                if let Some(hint) = &self.hint {
                    <p id={hint_id} class="field__hint">{hint.clone()}</p>
                }
                if let Some(error) = self.error {
                    {problem_paragraph(&crate::text::Problem::Field(error), "field__error", Some(error_id))}
                }
            </div>
        }
    }
}
