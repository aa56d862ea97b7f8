//! Period, result unit and the 80/20 threshold.

use social8020_core::scenario::{Field, Period, Threshold};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::{Action, State};
use crate::view::field::TextField;

/// Units offered as suggestions; any ISO 4217 code or label may be typed.
const UNIT_SUGGESTIONS: [&str; 10] = [
    "USD",
    "EUR",
    "GBP",
    "CAD",
    "AUD",
    "leads",
    "sign-ups",
    "donations",
    "bookings",
    "enquiries",
];

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub state: UseReducerHandle<State>,
}

#[component]
pub fn Settings(props: &SettingsProps) -> Html {
    let state = &props.state;
    let dispatch = state.dispatcher();
    let on_period = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(period) = Period::from_key(&value) {
                dispatch.dispatch(Action::SetPeriod(period));
            }
        })
    };
    let on_unit = {
        let dispatch = dispatch.clone();
        Callback::from(move |text: String| dispatch.dispatch(Action::SetUnit(text)))
    };
    let on_threshold = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(threshold) = value.parse().ok().and_then(|p| Threshold::new(p).ok()) {
                dispatch.dispatch(Action::SetThreshold(threshold));
            }
        })
    };
    let unit_error = state
        .checked
        .as_ref()
        .err()
        .and_then(|e| e.at(Field::Unit))
        .map(|p| AttrValue::from(p.to_string()));
    let threshold = state.draft.threshold.percent();
    html! {
        <section class="settings" aria-label="Settings">
            <div class="field settings__period">
                <label for="period" class="field__label">{"Period"}</label>
                <select id="period" class="field__input" onchange={on_period}>
                    for period in Period::ALL {
                        <option value={period.key()} selected={state.draft.period == period}>
                            {format!("Per {}", period.key())}
                        </option>
                    }
                </select>
            </div>
            <div class="settings__unit">
                <TextField
                    id="unit"
                    label="Result unit"
                    value={state.draft.unit.clone()}
                    error={unit_error}
                    hint="A currency code (USD, EUR) or what you count (leads)."
                    maxlength="40"
                    list="unit-suggestions"
                    oninput={on_unit}
                />
                <datalist id="unit-suggestions">
                    for unit in UNIT_SUGGESTIONS {
                        <option value={unit} />
                    }
                </datalist>
            </div>
            <div class="field settings__threshold">
                <label for="threshold" class="field__label">{"Threshold"}</label>
                <div class="range">
                    <input
                        id="threshold"
                        type="range"
                        min={Threshold::MIN.to_string()}
                        max={Threshold::MAX.to_string()}
                        step={Threshold::STEP.to_string()}
                        value={threshold.to_string()}
                        aria-valuetext={format!("{threshold} %")}
                        aria-describedby="threshold-hint"
                        oninput={on_threshold}
                    />
                    <span class="range__value" aria-hidden="true">{format!("{threshold} %")}</span>
                </div>
                <p id="threshold-hint" class="field__hint">{"Share of results the vital few must reach."}</p>
            </div>
        </section>
    }
}
