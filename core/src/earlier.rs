//! An earlier result to compare with (docs/spec.md §10): a share link,
//! pasted whole or as its fragment, or the JSON report the widget exported.
//!
//! Both ways in end in a checked [`Scenario`] or a [`LinkError`], so that a
//! damaged or newer file is told the same things as a damaged or newer link.
//! The report is read by a small JSON reader of our own: the widget reads
//! only the `scenario` object of its own format, and a general JSON crate
//! would cost more wasm than the rest of this module.

use crate::codec::{self, LinkError};
use crate::number::parse_amount;
use crate::scenario::{
    Activity, ActivityKind, AudienceSignals, Period, ResultUnit, Scenario, ScenarioParts,
    Threshold, MAX_ACTIVITIES,
};

/// The payload under `key` in a URL fragment (`#s=1abc&b=1def`), with or
/// without the `#`; the first one wins.
pub fn fragment_payload<'a>(fragment: &'a str, key: &str) -> Option<&'a str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
}

/// The scenario of an earlier share link as a visitor pastes it: the whole
/// URL, its fragment (`#s=...`) or the fragment without `#`. A comparison
/// link (`#s=<now>&b=<before>`) gives its now side, the result it shows.
pub fn from_link(text: &str) -> Result<Scenario, LinkError> {
    let text = text.trim();
    let fragment = text.split_once('#').map_or(text, |(_, fragment)| fragment);
    let payload = fragment_payload(fragment, "s").ok_or(LinkError::Empty)?;
    codec::decode(payload)
}

/// The scenario of a JSON report this widget exported
/// ([`crate::export::report_json`]), from the file's text.
pub fn from_report(text: &str) -> Result<Scenario, LinkError> {
    let mut reader = Reader {
        text,
        at: 0,
        depth: 0,
    };
    let report = reader.value().ok_or(LinkError::Damaged)?;
    reader.space();
    if reader.at != text.len() || report.get("format")?.text()? != "social8020-report" {
        return Err(LinkError::Damaged);
    }
    // Version 2 only left out English labels; the scenario is the same.
    match report.get("version")?.number()? {
        "1" | "2" => {}
        version if version.bytes().all(|b| b.is_ascii_digit()) => {
            return Err(LinkError::NewerVersion)
        }
        _ => return Err(LinkError::Damaged),
    }
    let scenario = report.get("scenario")?;
    let unit = scenario.get("unit")?;
    let unit_text = unit.get("text")?.text()?.to_owned();
    let unit = match unit.get("kind")?.text()? {
        "currency" => ResultUnit::Currency(unit_text),
        "count" => ResultUnit::Count(unit_text),
        _ => return Err(LinkError::Damaged),
    };
    let threshold = scenario.get("threshold_pct")?.number()?;
    let threshold = threshold
        .parse::<u8>()
        .ok()
        .and_then(|percent| Threshold::new(percent).ok())
        .ok_or(LinkError::Damaged)?;
    let Value::List(rows) = scenario.get("activities")? else {
        return Err(LinkError::Damaged);
    };
    if rows.len() > MAX_ACTIVITIES {
        return Err(LinkError::TooManyActivities);
    }
    let activities = rows
        .iter()
        .map(|row| {
            Ok(Activity {
                name: row.get("name")?.text()?.to_owned(),
                kind: ActivityKind::from_key(row.get("type")?.text()?).ok_or(LinkError::Damaged)?,
                hours: amount(row.get("hours")?)?,
                results: amount(row.get("results")?)?,
            })
        })
        .collect::<Result<Vec<_>, LinkError>>()?;
    let signals = scenario.get("signals")?;
    let signal = |key: &str| match signals.get(key)? {
        Value::Null => Ok(None),
        value => amount(value).map(Some),
    };
    let parts = ScenarioParts {
        period: Period::from_key(scenario.get("period")?.text()?).ok_or(LinkError::Damaged)?,
        unit,
        threshold,
        activities,
        signals: AudienceSignals {
            likes: signal("likes")?,
            comments: signal("comments")?,
            shares: signal("shares")?,
            customers: signal("customers")?,
            repeat_customers: signal("repeat_customers")?,
            referred_customers: signal("referred_customers")?,
        },
    };
    Scenario::new(parts).map_err(LinkError::Invalid)
}

fn amount(value: &Value) -> Result<crate::number::Amount, LinkError> {
    parse_amount(value.number()?).map_err(|_| LinkError::Damaged)
}

/// A JSON value; numbers are kept as written.
#[derive(Debug, PartialEq)]
enum Value<'a> {
    Null,
    Bool,
    Number(&'a str),
    Text(String),
    List(Vec<Value<'a>>),
    Object(Vec<(String, Value<'a>)>),
}

impl<'a> Value<'a> {
    fn get(&self, key: &str) -> Result<&Value<'a>, LinkError> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
        .ok_or(LinkError::Damaged)
    }

    fn text(&self) -> Result<&str, LinkError> {
        match self {
            Value::Text(text) => Ok(text),
            _ => Err(LinkError::Damaged),
        }
    }

    fn number(&self) -> Result<&'a str, LinkError> {
        match self {
            Value::Number(number) => Ok(number),
            _ => Err(LinkError::Damaged),
        }
    }
}

/// Nesting deeper than this is not a report, and would only spend the
/// stack.
const MAX_DEPTH: usize = 16;

struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn space(&mut self) {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.space();
        let found = self.text[self.at..].starts_with(token);
        if found {
            self.at += token.len();
        }
        found
    }

    fn value(&mut self) -> Option<Value<'a>> {
        self.space();
        if self.eat("null") {
            return Some(Value::Null);
        }
        if self.eat("true") || self.eat("false") {
            return Some(Value::Bool);
        }
        if self.text[self.at..].starts_with('"') {
            return self.string().map(Value::Text);
        }
        if matches!(self.text.as_bytes().get(self.at), Some(b'[' | b'{')) {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return None;
            }
            let value = self.container();
            self.depth -= 1;
            return value;
        }
        let rest = &self.text[self.at..];
        let length = rest
            .find(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
            .unwrap_or(rest.len());
        (length > 0).then(|| {
            self.at += length;
            Value::Number(&rest[..length])
        })
    }

    fn container(&mut self) -> Option<Value<'a>> {
        let object = self.eat("{");
        if !object {
            self.eat("[");
        }
        let close = if object { "}" } else { "]" };
        let mut list = Vec::new();
        let mut fields = Vec::new();
        if !self.eat(close) {
            loop {
                if object {
                    self.space();
                    let key = self.string()?;
                    if !self.eat(":") {
                        return None;
                    }
                    fields.push((key, self.value()?));
                } else {
                    list.push(self.value()?);
                }
                if self.eat(close) {
                    break;
                }
                if !self.eat(",") {
                    return None;
                }
            }
        }
        Some(if object {
            Value::Object(fields)
        } else {
            Value::List(list)
        })
    }

    /// A string at the reader, without its quotes, escapes read.
    fn string(&mut self) -> Option<String> {
        let mut chars = self.text[self.at..].strip_prefix('"')?.char_indices();
        let mut out = String::new();
        let mut high: Option<u32> = None;
        loop {
            let (i, c) = chars.next()?;
            let c = match c {
                '"' => {
                    self.at += i + 2;
                    return high.is_none().then_some(out);
                }
                '\\' => match chars.next()?.1 {
                    'u' => {
                        let hex: String = (0..4)
                            .filter_map(|_| chars.next().map(|(_, c)| c))
                            .collect();
                        let unit = u32::from_str_radix(&hex, 16).ok()?;
                        match (high.take(), unit) {
                            (None, 0xd800..=0xdbff) => {
                                high = Some(unit);
                                continue;
                            }
                            (Some(h), 0xdc00..=0xdfff) => {
                                char::from_u32(0x10000 + ((h - 0xd800) << 10) + (unit - 0xdc00))?
                            }
                            (None, _) => char::from_u32(unit)?,
                            (Some(_), _) => return None,
                        }
                    }
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    c @ ('"' | '\\' | '/') => c,
                    _ => return None,
                },
                c if c < ' ' => return None,
                c => c,
            };
            if high.is_some() {
                return None;
            }
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::example::bakery;
    use crate::export::report_json;

    #[test]
    fn a_report_reads_back_as_its_scenario() {
        let scenario = bakery();
        let report = report_json(&Analysis::new(scenario.clone(), Default::default()), None);
        assert_eq!(from_report(&report), Ok(scenario));
    }

    #[test]
    fn a_link_reads_whole_or_as_its_fragment() {
        let scenario = bakery();
        let payload = codec::encode(&scenario).expect("fits");
        for text in [
            format!("https://example.com/tools/?embed=1#s={payload}"),
            format!("  #s={payload}\n"),
            format!("s={payload}"),
            format!("https://example.com/#s={payload}&b=1xyz"),
        ] {
            assert_eq!(from_link(&text).as_ref(), Ok(&scenario), "{text}");
        }
        assert_eq!(from_link("https://example.com/"), Err(LinkError::Empty));
        assert_eq!(from_link("#s=1AAAA"), Err(LinkError::Damaged));
        assert_eq!(fragment_payload("#s=1a&b=1b", "b"), Some("1b"));
        assert_eq!(fragment_payload("#bs=1a", "b"), None);
    }

    #[test]
    fn a_version_1_report_reads_too() {
        let scenario = bakery();
        let report = report_json(&Analysis::new(scenario.clone(), Default::default()), None);
        let old = report.replace("\"version\": 2", "\"version\": 1");
        assert_ne!(old, report);
        assert_eq!(from_report(&old), Ok(scenario));
    }

    #[test]
    fn a_damaged_or_newer_report_is_told_like_a_link() {
        let report = report_json(&Analysis::new(bakery(), Default::default()), None);
        let cases: [(String, LinkError); 9] = [
            (String::new(), LinkError::Damaged),
            ("{}".to_owned(), LinkError::Damaged),
            (report[..report.len() / 2].to_owned(), LinkError::Damaged),
            (format!("{report}x"), LinkError::Damaged),
            (
                report.replace("\"version\": 2", "\"version\": 3"),
                LinkError::NewerVersion,
            ),
            (
                report.replace("social8020-report", "other-report"),
                LinkError::Damaged,
            ),
            (report.replace("\"month\"", "\"year\""), LinkError::Damaged),
            ("[".repeat(10_000), LinkError::Damaged),
            (
                report.replace("\"hours\": 22", "\"hours\": -22"),
                LinkError::Damaged,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                from_report(&text),
                Err(expected),
                "{}",
                &text[..text.len().min(80)]
            );
        }
    }

    #[test]
    fn strings_read_their_escapes() {
        let read = |json: &str| {
            Reader {
                text: json,
                at: 0,
                depth: 0,
            }
            .string()
        };
        assert_eq!(
            read(r#""a\"b\\c\n\u00e9\ud83d\ude00""#).as_deref(),
            Some("a\"b\\c\né😀")
        );
        assert_eq!(read(r#""\ud83d""#), None);
        assert_eq!(read("\"tab\tinside\""), None);
        assert_eq!(read(r#""\x""#), None);
    }
}
