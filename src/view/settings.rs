//! Period, result unit and the 80/20 threshold.

use social8020_core::scenario::{Period, Problem, Threshold};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

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
    pub period: Period,
    /// The result unit as typed.
    pub unit: AttrValue,
    pub unit_error: Option<Problem>,
    pub threshold: Threshold,
    pub on_period: Callback<Period>,
    pub on_unit: Callback<String>,
    pub on_threshold: Callback<Threshold>,
}

#[component]
pub fn Settings(props: &SettingsProps) -> Html {
    // The DOM events become typed values here; a value the controls cannot
    // produce is ignored.
    let on_period = {
        let on_period = props.on_period.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(period) = Period::from_key(&value) {
                on_period.emit(period);
            }
        })
    };
    let on_threshold = {
        let on_threshold = props.on_threshold.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(threshold) = value.parse().ok().and_then(|p| Threshold::new(p).ok()) {
                on_threshold.emit(threshold);
            }
        })
    };
    let threshold = props.threshold.percent();
    let threshold_text = format!("{threshold} %");
    html! {
        <section class="settings" aria-label="Settings">
            <div class="field settings__period">
                <label for="period" class="field__label">{"Period"}</label>
                <select id="period" class="field__input" onchange={on_period}>
                    for period in Period::ALL {
                        <option value={period.key()} selected={props.period == period}>
                            {format!("Per {}", period.key())}
                        </option>
                    }
                </select>
            </div>
            <div class="settings__unit">
                <TextField
                    id="unit"
                    label="Result unit"
                    value={props.unit.clone()}
                    error={props.unit_error}
                    hint="A currency code (USD, EUR) or what you count (leads)."
                    maxlength="40"
                    list="unit-suggestions"
                    oninput={props.on_unit.clone()}
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
                        aria-valuetext={threshold_text.clone()}
                        aria-describedby="threshold-hint"
                        oninput={on_threshold}
                    />
                    <span class="range__value" aria-hidden="true">{threshold_text}</span>
                </div>
                <p id="threshold-hint" class="field__hint">{"Share of results the vital few must reach."}</p>
            </div>
        </section>
    }
}
