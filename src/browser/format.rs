//! Numbers formatted for the visitor's locale with the browser's `Intl`.

use js_sys::{Object, Reflect};
use social8020_core::scenario::ResultUnit;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.NumberFormat`, bound here with `catch` because its constructor
    /// throws a `RangeError` on a malformed locale or currency.
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<NumberFormat, JsValue>;

    #[wasm_bindgen(method)]
    fn format(this: &NumberFormat, value: f64) -> String;
}

/// The locale used when neither the host nor the browser gives a usable one.
const FALLBACK_LOCALE: &str = "en-US";

/// The locale numbers are formatted for (docs/spec.md §9): the host's
/// `locale` setting, else the visitor's tag that chose the language.
pub fn page_locale() -> String {
    crate::browser::frame::host()
        .settings
        .locale
        .clone()
        .unwrap_or_else(|| crate::text::catalog::locale().to_owned())
}

/// Formats the numbers of one scenario: plain numbers, and results in the
/// scenario's unit.
pub struct Formatter {
    number: Option<NumberFormat>,
    money: Option<NumberFormat>,
    /// What the locale writes before and after the number of a
    /// percentage: `("", " %")`.
    percent: (String, String),
    locale: String,
    unit: ResultUnit,
}

/// Two formatters are the same when made for the same locale and unit.
impl PartialEq for Formatter {
    fn eq(&self, other: &Self) -> bool {
        self.locale == other.locale && self.unit == other.unit
    }
}

impl Formatter {
    pub fn new(locale: &str, unit: &ResultUnit) -> Formatter {
        let number = build(locale, &[("maximumFractionDigits", 2.into())]);
        let money = match unit {
            ResultUnit::Currency(code) => build(
                locale,
                &[
                    ("style", "currency".into()),
                    ("currency", code.as_str().into()),
                    ("maximumFractionDigits", 2.into()),
                    ("minimumFractionDigits", 0.into()),
                ],
            ),
            ResultUnit::Count(_) => None,
        };
        Formatter {
            number,
            money,
            percent: percent_affixes(locale),
            locale: locale.to_owned(),
            unit: unit.clone(),
        }
    }

    /// A formatter that does not ask `Intl`: plain numbers with up to two
    /// decimals, results followed by their unit. For tests that run
    /// outside a browser.
    #[cfg(test)]
    pub fn plain(unit: &ResultUnit) -> Formatter {
        Formatter {
            number: None,
            money: None,
            percent: percent_affixes("en"),
            locale: String::new(),
            unit: unit.clone(),
        }
    }

    /// A plain number with up to two decimals: `1,234.5`.
    pub fn number(&self, value: f64) -> String {
        match &self.number {
            Some(format) => format.format(value),
            None => plain(value),
        }
    }

    /// A number of results in the scenario's unit: `$1,234` or `1,234 leads`.
    pub fn results(&self, value: f64) -> String {
        match (&self.money, &self.unit) {
            (Some(money), _) => money.format(value),
            (None, ResultUnit::Currency(code)) => format!("{} {code}", self.number(value)),
            (None, ResultUnit::Count(label)) => format!("{} {label}", self.number(value)),
        }
    }

    /// A share from 0 to 1 as a whole percentage: `38 %` in English
    /// (house style, with a space), as `Intl` writes it for other locales
    /// (`38 %` with a no-break space in German, `38%` in Brazil); `<1 %`
    /// for a share above nothing that would round to 0, and `0 %` for what
    /// is not a number. Every percentage on the page and in the chart is
    /// written by this formatter.
    pub fn percent(&self, share: f64) -> String {
        let percent = if share.is_finite() {
            share.clamp(0.0, 1.0) * 100.0
        } else {
            0.0
        };
        if percent > 0.0 && percent < 0.5 {
            return format!("<{}", self.with_percent(1.0));
        }
        self.with_percent(percent.round())
    }

    /// A share with one decimal where it has one: `37.5 %`, `40 %`.
    pub fn percent_precise(&self, share: f64) -> String {
        self.with_percent((share * 1000.0).round() / 10.0)
    }

    /// `percent`, a number of percent, with the locale's percent sign.
    fn with_percent(&self, percent: f64) -> String {
        let (before, after) = &self.percent;
        format!("{before}{}{after}", self.number(percent))
    }

    /// A change as a signed whole percentage: `+173 %`, `−4 %`, `±0 %`.
    pub fn signed_percent(&self, change: f64) -> String {
        let whole = (change * 100.0).round();
        let sign = if whole > 0.0 {
            "+"
        } else if whole < 0.0 {
            "−"
        } else {
            "±"
        };
        format!("{sign}{}", self.with_percent(whole.abs()))
    }
}

/// What `locale` writes around the number of a percentage: for English
/// the house style (docs/glossary/en.md), a space before `%`; else what
/// `Intl` writes around a zero (`0 %`, `0%`, `%0`), so that the number
/// itself still comes from [`Formatter::number`]. The house style also
/// where `Intl` writes zero in other digits.
fn percent_affixes(locale: &str) -> (String, String) {
    let language = social8020_core::text::up_to(locale, b"-_");
    let written = if language.eq_ignore_ascii_case("en") {
        None
    } else {
        build(locale, &[("style", "percent".into())]).map(|f| f.format(0.0))
    };
    let (before, after) = written
        .as_deref()
        .and_then(|zero| zero.split_once('0'))
        .unwrap_or(("", " %"));
    (before.to_owned(), after.to_owned())
}

fn build(locale: &str, options: &[(&str, JsValue)]) -> Option<NumberFormat> {
    let object = Object::new();
    for (key, value) in options {
        Reflect::set(&object, &JsValue::from_str(key), value).ok()?;
    }
    NumberFormat::new(locale, &object)
        .or_else(|_| NumberFormat::new(FALLBACK_LOCALE, &object))
        .ok()
}

fn plain(value: f64) -> String {
    social8020_core::number::decimal(value, 2)
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn percentages_follow_the_locale_and_english_keeps_its_space() {
        let unit = ResultUnit::default();
        let cases = [
            ("en-US", 0.38, "38 %"),
            ("en", 0.003, "<1 %"),
            ("de", 0.38, "38\u{a0}%"),
            ("de-AT", 0.003, "<1\u{a0}%"),
            ("pt-BR", 0.38, "38%"),
            ("es-MX", 0.38, "38%"),
        ];
        for (locale, share, expected) in cases {
            assert_eq!(
                Formatter::new(locale, &unit).percent(share),
                expected,
                "{locale}"
            );
        }
        let german = Formatter::new("de", &unit);
        assert_eq!(german.percent_precise(0.375), "37,5\u{a0}%");
        assert_eq!(german.signed_percent(-0.04), "−4\u{a0}%");
        let french = Formatter::new("fr", &unit).percent(0.38);
        assert!(french.starts_with("38") && french.ends_with('%') && french.chars().count() == 4);
    }
}
