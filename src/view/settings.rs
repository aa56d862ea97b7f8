//! Period, result unit and the 80/20 threshold.

use social8020_core::scenario::{Period, Problem, Threshold};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::browser::format::Formatter;
use crate::text::{t, Key};
use crate::view::field::TextField;

/// The period, the result unit as typed, the threshold, and what each
/// control sends.
pub struct Settings {
    pub period: Period,
    /// The result unit as typed.
    pub unit: AttrValue,
    pub unit_error: Option<Problem>,
    pub threshold: Threshold,
    pub on_period: Callback<Period>,
    pub on_unit: Callback<String>,
    pub on_threshold: Callback<Threshold>,
}

impl Settings {
    /// `format` writes the threshold's percentage.
    pub fn view(&self, format: &Formatter) -> Html {
        // The DOM events become typed values here; a value the controls cannot
        // produce is ignored.
        let on_period = {
            let on_period = self.on_period.clone();
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                if let Some(period) = Period::from_key(&value) {
                    on_period.emit(period);
                }
            })
        };
        let on_threshold = {
            let on_threshold = self.on_threshold.clone();
            Callback::from(move |e: InputEvent| {
                let value = e.target_unchecked_into::<HtmlInputElement>().value();
                if let Some(threshold) = value.parse().ok().and_then(|p| Threshold::new(p).ok()) {
                    on_threshold.emit(threshold);
                }
            })
        };
        let threshold = self.threshold.percent();
        let threshold_text = format.percent(f64::from(threshold) / 100.0);
        html! {
            <section class="settings" aria-label={t(Key::SettingsLabel)}>
                <div class="field settings__period">
                    <label for="period" class="field__label">{t(Key::SettingsPeriod)}</label>
                    <select id="period" class="field__input" onchange={on_period}>
                        for period in Period::ALL {
                            <option value={period.key()} selected={self.period == period}>
                                {t(match period {
                                    Period::Week => Key::SettingsPeriodWeek,
                                    Period::Month => Key::SettingsPeriodMonth,
                                })}
                            </option>
                        }
                    </select>
                </div>
                <div class="settings__unit">
                    {TextField {
                        error: self.unit_error,
                        hint: Some(t(Key::SettingsUnitHint).into()),
                        maxlength: Some("40".into()),
                        list: Some("unit-suggestions".into()),
                        ..TextField::new("unit".into(), t(Key::SettingsUnit).into(), self.unit.clone(), self.on_unit.clone())
                    }.view()}
                    <datalist id="unit-suggestions">
                        // Any ISO 4217 code or label may be typed; these are
                        // the language's likely currencies and counts.
                        for unit in t(Key::SettingsUnitSuggestions).split(',') {
                            <option value={unit.trim()} />
                        }
                    </datalist>
                </div>
                <div class="field settings__threshold">
                    <label for="threshold" class="field__label">{t(Key::SettingsThreshold)}</label>
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
                    <p id="threshold-hint" class="field__hint">{t(Key::SettingsThresholdHint)}</p>
                </div>
            </section>
        }
    }
}

#[cfg(test)]
mod tests {
    use social8020_core::scenario::{is_currency_code, ResultUnit};

    use crate::view::exports::tests::in_every_catalog;

    #[test]
    fn every_suggested_unit_is_a_valid_unit() {
        let lists = in_every_catalog("settings.unit_suggestions");
        assert_eq!(lists.len(), 5);
        for (lang, list) in lists {
            let units: Vec<&str> = list.split(',').map(str::trim).collect();
            assert!(units.iter().any(|u| is_currency_code(u)), "{lang}: {list}");
            assert!(units.iter().any(|u| !is_currency_code(u)), "{lang}: {list}");
            for unit in units {
                let parsed = ResultUnit::parse(unit);
                assert!(
                    parsed.is_ok_and(|parsed| parsed.text() == unit),
                    "{lang}: {unit:?}"
                );
            }
        }
    }
}
