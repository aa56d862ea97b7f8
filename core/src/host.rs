//! Host settings: what a consultancy sets when it embeds the widget
//! (docs/spec.md §5), read from the query string of the widget's own URL.
//!
//! The loader (`embed.js`) turns `data-*` attributes into query parameters
//! of the same names (`data-cta-url` becomes `cta-url`); a plain `<iframe>`
//! can write them by hand. Every value is checked here: a value that fails
//! is dropped with a [`Warning`] for the console, and the widget carries on
//! with its standard behaviour. Nothing in a share link (the fragment) can
//! reach these settings, and nothing here reaches a share link.
//!
//! The accent colour also yields a [`Palette`]: the shades the stylesheet
//! needs, chosen so that text keeps a contrast of at least 4.5:1 (WCAG 2.2
//! relative luminance) whatever colour the host picks.
//!
//! ```
//! use social8020_core::host::{HostSettings, Theme};
//!
//! let (host, warnings) = HostSettings::from_query(
//!     "?accent=%230b7285&theme=dark&currency=EUR&cta-url=javascript:alert(1)",
//! );
//! assert_eq!(host.accent.map(|c| c.hex()), Some("#0b7285".to_owned()));
//! assert_eq!(host.theme, Theme::Dark);
//! assert_eq!(host.example().unit().text(), "EUR");
//! // The script URL never becomes a link; the console says why.
//! assert!(host.cta.is_none());
//! assert_eq!(warnings[0].setting, "cta-url");
//! ```

use std::fmt;

use crate::example;
use crate::scenario::{ResultUnit, Scenario};
use crate::score::{BandEdges, ScoreConfig, Targets, Weights};

/// The longest call-to-action label, in characters.
pub const MAX_CTA_LABEL_CHARS: usize = 40;
/// The longest locale tag, in characters.
pub const MAX_LOCALE_CHARS: usize = 35;
/// The longest URL accepted for the call to action or the share page.
pub const MAX_URL_CHARS: usize = 2000;
/// The label of the call to action when the host gives a URL but no label.
pub const DEFAULT_CTA_LABEL: &str = "Book a free call";

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Rgb {
    pub const WHITE: Rgb = Rgb::new(255, 255, 255);
    pub const BLACK: Rgb = Rgb::new(0, 0, 0);

    pub const fn new(r: u8, g: u8, b: u8) -> Rgb {
        Rgb { r, g, b }
    }

    /// Reads `#rgb` or `#rrggbb` (either case). Names, `rgb()` and alpha
    /// are refused, so the value can go into a stylesheet as it is.
    pub fn parse(text: &str) -> Option<Rgb> {
        let digits = text
            .strip_prefix('#')?
            .bytes()
            .map(|b| char::from(b).to_digit(16).map(|d| d as u8))
            .collect::<Option<Vec<u8>>>()?;
        match digits[..] {
            [r, g, b] => Some(Rgb::new(r * 17, g * 17, b * 17)),
            [r1, r2, g1, g2, b1, b2] => Some(Rgb::new(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
            _ => None,
        }
    }

    /// `#rrggbb` in lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// WCAG 2.2 relative luminance, from 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let linear = |channel: u8| {
            let c = f64::from(channel) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// The WCAG contrast ratio of two colours, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The colour `t` of the way from `self` to `other` (0 is `self`).
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let channel = |a: u8, b: u8| {
            let value = f64::from(a) + (f64::from(b) - f64::from(a)) * t;
            value.round().clamp(0.0, 255.0) as u8
        };
        Rgb::new(
            channel(self.r, other.r),
            channel(self.g, other.g),
            channel(self.b, other.b),
        )
    }

    /// White or black, whichever text reads on this colour: white when it
    /// reaches 4.5:1, else black, which then always does (the two meet at a
    /// luminance of about 0.18, where both give 4.58:1).
    pub fn text_on(self) -> Rgb {
        if Rgb::WHITE.contrast(self) >= TEXT_CONTRAST {
            Rgb::WHITE
        } else {
            Rgb::BLACK
        }
    }
}

/// `x^2.4` for `x` from 0.05 to 1 (luminance needs 0.09 and up):
/// `x² · ⁵√(x²)`, the fifth root by Newton's method from 1, which is above
/// it, so the steps fall steadily to it. `powf` would add a libm routine to
/// the wasm for this one use.
fn pow_2_4(x: f64) -> f64 {
    let square = x * x;
    if square <= 0.0 {
        return 0.0;
    }
    let mut root = 1.0;
    for _ in 0..12 {
        root = (4.0 * root + square / (root * root * root * root)) / 5.0;
    }
    square * root
}

/// The least contrast of text with its background (WCAG 1.4.3, AA).
pub const TEXT_CONTRAST: f64 = 4.5;
/// The least contrast of a control or a chart mark with its surroundings
/// (WCAG 1.4.11, AA).
pub const MARK_CONTRAST: f64 = 3.0;

/// The surfaces of one theme, as in `styles/00-tokens.css`; keep the two in
/// step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Surfaces {
    pub surface: Rgb,
    pub bg: Rgb,
    pub sunk: Rgb,
    pub text: Rgb,
}

impl Surfaces {
    pub const LIGHT: Surfaces = Surfaces {
        surface: Rgb::new(0xff, 0xff, 0xff),
        bg: Rgb::new(0xf4, 0xf6, 0xf8),
        sunk: Rgb::new(0xf8, 0xf9, 0xfb),
        text: Rgb::new(0x17, 0x21, 0x2b),
    };
    pub const DARK: Surfaces = Surfaces {
        surface: Rgb::new(0x18, 0x20, 0x28),
        bg: Rgb::new(0x0f, 0x14, 0x19),
        sunk: Rgb::new(0x13, 0x1a, 0x21),
        text: Rgb::new(0xe8, 0xed, 0xf2),
    };

    fn all(self) -> [Rgb; 3] {
        [self.surface, self.bg, self.sunk]
    }

    /// Black for a light theme, white for a dark one: the way to go for
    /// more contrast.
    fn away(self) -> Rgb {
        if self.surface.luminance() > 0.5 {
            Rgb::BLACK
        } else {
            Rgb::WHITE
        }
    }
}

/// The accent's shades for one theme. Each name matches a custom property
/// of `styles/00-tokens.css`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shades {
    /// Buttons, bars, borders: at least 3:1 on every surface.
    pub accent: Rgb,
    /// Text on `accent`: at least 4.5:1.
    pub on_accent: Rgb,
    /// The accent as text, on every surface and on `accent_soft`: at least
    /// 4.5:1.
    pub accent_strong: Rgb,
    /// Text on `accent_strong` (a hovered button): at least 4.5:1.
    pub on_accent_strong: Rgb,
    /// A tint behind text.
    pub accent_soft: Rgb,
    pub accent_mid: Rgb,
    pub accent_line: Rgb,
}

impl Shades {
    /// The shades of `accent` on the given surfaces.
    pub fn new(accent: Rgb, surfaces: Surfaces) -> Shades {
        let away = surfaces.away();
        let accent = shift_until(accent, away, |c| {
            surfaces
                .all()
                .iter()
                .all(|s| c.contrast(*s) >= MARK_CONTRAST)
        });
        let tint = |share: f64| surfaces.surface.mix(accent, share);
        let accent_soft = tint(if away == Rgb::BLACK { 0.12 } else { 0.22 });
        let accent_strong = shift_until(accent, away, |c| {
            surfaces
                .all()
                .iter()
                .chain([&accent_soft])
                .all(|s| c.contrast(*s) >= TEXT_CONTRAST)
        });
        Shades {
            accent,
            on_accent: accent.text_on(),
            accent_strong,
            on_accent_strong: accent_strong.text_on(),
            accent_soft,
            accent_mid: tint(0.5),
            accent_line: tint(if away == Rgb::BLACK { 0.4 } else { 0.35 }),
        }
    }

    /// `(name, colour)` for each shade, names as in the stylesheet without
    /// the leading `--`.
    pub fn named(&self) -> [(&'static str, Rgb); 7] {
        [
            ("accent", self.accent),
            ("on-accent", self.on_accent),
            ("accent-strong", self.accent_strong),
            ("on-accent-strong", self.on_accent_strong),
            ("accent-soft", self.accent_soft),
            ("accent-mid", self.accent_mid),
            ("accent-line", self.accent_line),
        ]
    }
}

/// The first colour on the way from `start` to `end`, in steps of 5 %,
/// that `good` accepts; `end` if none does.
fn shift_until(start: Rgb, end: Rgb, good: impl Fn(Rgb) -> bool) -> Rgb {
    (0..=20)
        .map(|step| start.mix(end, f64::from(step) / 20.0))
        .find(|c| good(*c))
        .unwrap_or(end)
}

/// The accent's shades in both themes, so that the stylesheet can follow
/// the visitor's colour scheme when the host leaves the theme on `auto`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub light: Shades,
    pub dark: Shades,
}

impl Palette {
    pub fn new(accent: Rgb) -> Palette {
        Palette {
            light: Shades::new(accent, Surfaces::LIGHT),
            dark: Shades::new(accent, Surfaces::DARK),
        }
    }

    /// The custom properties to set on the root element:
    /// `--host-<shade>-light` and `--host-<shade>-dark`, which
    /// `styles/60-embed.css` maps onto the tokens.
    pub fn properties(&self) -> Vec<(String, String)> {
        [("light", &self.light), ("dark", &self.dark)]
            .into_iter()
            .flat_map(|(theme, shades)| {
                shades
                    .named()
                    .map(|(name, colour)| (format!("--host-{name}-{theme}"), colour.hex()))
            })
            .collect()
    }
}

/// The colour scheme the host asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the visitor's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.key() == key)
    }
}

/// The host's call to action: a checked label and a checked URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cta {
    pub label: String,
    /// `https:` (or `http:` for `localhost` and `127.0.0.1`), nothing else.
    pub url: String,
}

/// Everything a host can set. [`HostSettings::default`] is the widget on its
/// own page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HostSettings {
    /// `embed=1`: lay out for a frame even when the frame cannot be seen.
    pub embed: bool,
    pub accent: Option<Rgb>,
    pub theme: Theme,
    /// An ISO 4217 code: the unit of the example and of new scenarios.
    pub currency: Option<String>,
    /// A BCP 47 tag for number formatting; the browser's `Intl` still falls
    /// back when it does not know it.
    pub locale: Option<String>,
    pub cta: Option<Cta>,
    /// The host page that share links open, without a fragment.
    pub share_url: Option<String>,
    /// The score's weights, targets and band edges in force.
    pub score: ScoreConfig,
}

/// A setting that was ignored, for the console. The value itself is left
/// out: it may be long, and it is in the page's URL anyway.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The parameter name, such as `cta-url`.
    pub setting: &'static str,
    /// How to fix it.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Social 80/20: the host setting \"{}\" was ignored. {}",
            self.setting, self.message
        )
    }
}

impl HostSettings {
    /// Reads the settings from a query string (with or without the `?`),
    /// encoded as `URLSearchParams` writes it. Unknown parameters are
    /// ignored; the first of repeated ones counts.
    pub fn from_query(query: &str) -> (HostSettings, Vec<Warning>) {
        let pairs = query_pairs(query);
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
        };
        let mut warnings = Vec::new();
        let mut warn = |setting: &'static str, message: &str| {
            warnings.push(Warning {
                setting,
                message: message.to_owned(),
            })
        };
        let mut settings = HostSettings {
            embed: get("embed").is_some_and(|v| v == "1" || v == "true"),
            ..HostSettings::default()
        };

        if let Some(text) = get("accent") {
            settings.accent = Rgb::parse(text.trim());
            if settings.accent.is_none() {
                warn("accent", "Use a colour such as #0b7285 or #08c.");
            }
        }
        if let Some(text) = get("theme") {
            match Theme::from_key(text.trim()) {
                Some(theme) => settings.theme = theme,
                None => warn("theme", "Use light, dark or auto."),
            }
        }
        if let Some(text) = get("currency") {
            let code = text.trim();
            if crate::scenario::is_currency_code(code) {
                settings.currency = Some(code.to_owned());
            } else {
                warn("currency", "Use an ISO 4217 code in capitals, such as EUR.");
            }
        }
        if let Some(text) = get("locale") {
            if is_locale(text.trim()) {
                settings.locale = Some(text.trim().to_owned());
            } else {
                warn("locale", "Use a language tag such as de-DE or en-GB.");
            }
        }
        // The start script (boot.js) has already chosen the catalog from
        // `lang` (docs/spec.md §9), or warned that none serves it; here it
        // is only judged, so that it is in force or ignored like the others.
        if get("lang").is_some_and(|text| !is_locale(text.trim())) {
            warn("lang", "Use a language tag such as de or pt-BR.");
        }
        let label = match get("cta-label").map(str::trim) {
            None => None,
            Some(text) if is_label(text) => Some(text.to_owned()),
            Some(_) => {
                warn(
                    "cta-label",
                    "Use 1 to 40 characters of plain text, such as \"Book a free call\".",
                );
                None
            }
        };
        match get("cta-url").map(|text| safe_url(text.trim())) {
            Some(Some(url)) => {
                settings.cta = Some(Cta {
                    label: label.unwrap_or_else(|| DEFAULT_CTA_LABEL.to_owned()),
                    url,
                })
            }
            Some(None) => warn("cta-url", URL_RULE),
            None if label.is_some() => warn(
                "cta-label",
                "Set cta-url as well: a label alone shows nothing.",
            ),
            None => {}
        }
        if let Some(text) = get("share-url") {
            match safe_url(text.trim()) {
                Some(url) => {
                    let page = url.split('#').next().unwrap_or_default();
                    settings.share_url = Some(page.to_owned());
                }
                None => warn("share-url", URL_RULE),
            }
        }
        match score_config(get("weights"), get("targets"), get("bands")) {
            Ok(config) => settings.score = config,
            Err((setting, message)) => warn(
                setting,
                &format!("{message} The standard weights and targets are used instead."),
            ),
        }
        (settings, warnings)
    }

    /// The names of the settings in `query` that are in force, in the
    /// order of [`SETTINGS`]: given, and not ignored with a warning. A
    /// score setting counts only when the whole score was accepted, since
    /// a refused one brings back the standard score. The embed builder
    /// writes its snippet from these, so that it offers exactly what the
    /// widget accepts.
    pub fn accepted(query: &str) -> Vec<&'static str> {
        let (settings, warnings) = HostSettings::from_query(query);
        let given = query_pairs(query);
        let refused = |name: &str| warnings.iter().any(|w| w.setting == name);
        let score_refused = SCORE_SETTINGS.iter().any(|name| refused(name));
        SETTINGS
            .into_iter()
            .filter(|name| given.iter().any(|(key, _)| key == name))
            .filter(|name| !refused(name))
            .filter(|name| !(score_refused && SCORE_SETTINGS.contains(name)))
            .filter(|name| *name != "cta-label" || settings.cta.is_some())
            .collect()
    }

    /// The unit of the example and of new scenarios.
    pub fn unit(&self) -> ResultUnit {
        self.currency
            .clone()
            .map_or_else(ResultUnit::default, ResultUnit::Currency)
    }

    /// The worked example in the host's currency.
    pub fn example(&self) -> Scenario {
        let bakery = example::bakery();
        let mut parts = bakery.clone().into_parts();
        parts.unit = self.unit();
        Scenario::new(parts).unwrap_or(bakery)
    }

    /// The accent's shades, when the host set an accent.
    pub fn palette(&self) -> Option<Palette> {
        self.accent.map(Palette::new)
    }
}

/// Every setting a host can give, in the order of the README's table.
pub const SETTINGS: [&str; 11] = [
    "accent",
    "theme",
    "currency",
    "locale",
    "lang",
    "cta-url",
    "cta-label",
    "share-url",
    "weights",
    "targets",
    "bands",
];

/// The settings of the score, taken or refused together.
const SCORE_SETTINGS: [&str; 3] = ["weights", "targets", "bands"];

/// Where the widget runs, as far as the browser tells it (docs/spec.md §11).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// In a tab of its own: nobody embeds it.
    Alone,
    /// In a frame of another page, whose origin (`https://example.com`) is
    /// known when the browser reveals it (`location.ancestorOrigins`, else
    /// the referrer that the loader's frame sends).
    Framed { embedder: Option<String> },
}

impl HostSettings {
    /// The settings of a widget whose page has the query string `query`
    /// and runs at `placement`: [`HostSettings::from_query`], then the
    /// trust rule for settings that carry a URL.
    ///
    /// - **Alone**, `cta-url` and `share-url` are ignored (with a warning):
    ///   anybody can write a query string, so a link that opened the widget
    ///   on its own page must not put a call to action or a share page of
    ///   theirs on the consultancy's widget address.
    /// - **Framed**, `share-url` must have the origin of the embedding page;
    ///   when the browser does not tell that origin, or it differs, the
    ///   setting is ignored (with a warning), so share links, which carry
    ///   the visitor's scenario, cannot be sent to another site.
    ///
    /// ```
    /// use social8020_core::host::{HostSettings, Placement};
    ///
    /// let query = "?cta-url=https://evil.example/login&share-url=https://evil.example/grab";
    /// let (alone, warnings) = HostSettings::from_page(query, &Placement::Alone);
    /// assert!(alone.cta.is_none() && alone.share_url.is_none());
    /// assert_eq!(warnings.len(), 2);
    ///
    /// let host = Placement::Framed { embedder: Some("https://consultancy.example".into()) };
    /// let (framed, _) = HostSettings::from_page(query, &host);
    /// assert!(framed.cta.is_some());
    /// assert!(framed.share_url.is_none());
    /// ```
    pub fn from_page(query: &str, placement: &Placement) -> (HostSettings, Vec<Warning>) {
        let (mut settings, mut warnings) = HostSettings::from_query(query);
        let mut ignore = |setting: &'static str, message: &str| {
            warnings.push(Warning {
                setting,
                message: message.to_owned(),
            })
        };
        match placement {
            Placement::Alone => {
                if settings.cta.take().is_some() {
                    ignore("cta-url", ALONE_RULE);
                }
                if settings.share_url.take().is_some() {
                    ignore("share-url", ALONE_RULE);
                }
            }
            Placement::Framed { embedder } => {
                let page = settings.share_url.as_deref().and_then(origin_of);
                if page.is_some() && page.as_deref() != embedder.as_deref() {
                    settings.share_url = None;
                    ignore(
                        "share-url",
                        "Use an address on the origin of the page that embeds the widget, \
                         and embed it with embed.js.",
                    );
                }
            }
        }
        (settings, warnings)
    }
}

const ALONE_RULE: &str = "Addresses count only when the widget is embedded in a frame.";

/// The origin of an `http(s)` URL as a browser writes it: scheme and host
/// in lower case, and the port unless it is the scheme's default
/// (`https://Example.com:443/x` is `https://example.com`).
pub fn origin_of(url: &str) -> Option<String> {
    // By character, as in `safe_url`: a string pattern would bring a
    // substring search into the wasm.
    let (scheme, rest) = url.split_once(':')?;
    let rest = rest.strip_prefix("//")?;
    let scheme = scheme.to_ascii_lowercase();
    let authority = crate::text::up_to(rest, b"/?#").to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    let authority = authority.strip_suffix(default_port).unwrap_or(&authority);
    (!authority.is_empty()).then(|| format!("{scheme}://{authority}"))
}

const URL_RULE: &str = "Use an https:// address (http:// only for localhost or 127.0.0.1).";

/// The URL if it is safe to put in an `href` and to show: `https:`, or
/// `http:` on this machine, with a host name, no user name, no spaces or
/// control characters and no characters that could leave an attribute.
/// The scheme is written in lower case; the rest is kept as given.
pub fn safe_url(text: &str) -> Option<String> {
    if text.is_empty() || text.chars().count() > MAX_URL_CHARS {
        return None;
    }
    // A scheme, then `//` (searched by character: a string pattern would
    // bring a substring search into the wasm).
    let (scheme, rest) = text.split_once(':')?;
    let rest = rest.strip_prefix('/')?.strip_prefix('/')?;
    let scheme = scheme.to_ascii_lowercase();
    let authority = crate::text::up_to(rest, b"/?#");
    let host = host_of(authority)?;
    let local = host == "localhost" || host == "127.0.0.1";
    let allowed = scheme == "https" || (scheme == "http" && local);
    let clean = !text.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '\\' | '"' | '\'' | '<' | '>' | '`')
    }) && matches!(crate::text::visible(text), std::borrow::Cow::Borrowed(_));
    (allowed && clean).then(|| format!("{scheme}://{rest}"))
}

/// The host name of `host[:port]`, in ASCII lower case; `None` for a user
/// name, an empty host or a bad port.
fn host_of(authority: &str) -> Option<String> {
    if authority.contains('@') {
        return None;
    }
    // The last `:`, by byte (a reverse character search would bring a
    // searcher of its own into the wasm).
    let (host, port) = match authority.bytes().rposition(|b| b == b':') {
        Some(at) => (&authority[..at], Some(&authority[at + 1..])),
        None => (authority, None),
    };
    if let Some(port) = port {
        port.parse::<u16>().ok()?;
    }
    // Letters, digits, `-` and `.`; any character beyond ASCII passes too,
    // for international names, since spaces and controls are refused by
    // the caller. (Unicode's letter tables would weigh on the wasm.)
    let valid = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '.' || !c.is_ascii();
    let first = host.as_bytes().first();
    (host.chars().all(valid) && !matches!(first, None | Some(b'.' | b'-')))
        .then(|| host.to_ascii_lowercase())
}

/// A BCP 47-like tag (the `locale` and `lang` settings): subtags of 1 to 8
/// ASCII letters or digits joined by hyphens, the first of 2 to 8 letters,
/// 35 characters at most.
fn is_locale(text: &str) -> bool {
    let mut subtags = text.split('-');
    let first_ok = subtags
        .next()
        .is_some_and(|s| (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && text.len() <= MAX_LOCALE_CHARS
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A label to show as it is: 1 to 40 characters, none of which
/// [`crate::text::visible`] would change (no controls, bidi overrides or
/// invisible characters).
fn is_label(text: &str) -> bool {
    (1..=MAX_CTA_LABEL_CHARS).contains(&text.chars().count())
        && matches!(crate::text::visible(text), std::borrow::Cow::Borrowed(_))
}

/// Weights, targets and band edges, each a comma-separated list; the
/// standard value for each one not given. Any bad one refuses them all.
fn score_config(
    weights: Option<&str>,
    targets: Option<&str>,
    bands: Option<&str>,
) -> Result<ScoreConfig, (&'static str, String)> {
    let standard = ScoreConfig::standard();
    let weights = match weights {
        None => standard.weights(),
        Some(text) => match numbers::<5>(text) {
            Some([time, results, conversation, loyalty, advocacy]) => Weights {
                time_on_community: time,
                results_from_community: results,
                conversation,
                loyalty,
                advocacy,
            },
            None => {
                return Err((
                    "weights",
                    "Give five numbers of 0 or more, such as 20,25,15,20,20 (time, results, \
                     conversation, loyalty, advocacy)."
                        .to_owned(),
                ))
            }
        },
    };
    let targets = match targets {
        None => standard.targets(),
        Some(text) => match numbers::<3>(text) {
            Some([conversation, loyalty, advocacy]) => Targets {
                conversation,
                loyalty,
                advocacy,
            },
            None => {
                return Err((
                    "targets",
                    "Give three fractions above 0 and at most 1, such as 0.4,0.4,0.5 \
                     (conversation, loyalty, advocacy)."
                        .to_owned(),
                ))
            }
        },
    };
    let bands = match bands {
        None => standard.bands(),
        Some(text) => match numbers::<2>(text) {
            Some([growing, community])
                if [growing, community]
                    .iter()
                    .all(|v| v.fract() == 0.0 && (0.0..=100.0).contains(v)) =>
            {
                BandEdges {
                    growing: growing as u8,
                    community: community as u8,
                }
            }
            _ => {
                return Err((
                    "bands",
                    "Give two whole numbers, such as 40,70: where a growing community and a \
                     community begin."
                        .to_owned(),
                ))
            }
        },
    };
    ScoreConfig::new(weights, targets, bands).map_err(|e| {
        let setting = match e {
            crate::score::ConfigError::Weight(_) | crate::score::ConfigError::NoWeight => "weights",
            crate::score::ConfigError::Target(_) => "targets",
            crate::score::ConfigError::Bands => "bands",
        };
        (setting, e.to_string())
    })
}

/// Exactly `N` plain decimals separated by commas.
fn numbers<const N: usize>(text: &str) -> Option<[f64; N]> {
    let mut out = [0.0; N];
    let mut parts = text.split(',');
    for slot in &mut out {
        *slot = decimal(parts.next()?.trim())?;
    }
    parts.next().is_none().then_some(out)
}

/// A decimal such as `20`, `0.4` or `.5`: digits with at most one point, no
/// sign or exponent, 15 digits at most so that the value is exact. Written
/// out rather than `str::parse::<f64>`, whose tables would add to the wasm.
fn decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = whole.len() + fraction.len();
    if digits == 0
        || digits > 15
        || !(whole.bytes().chain(fraction.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let number = |part: &str| part.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let scale = (0..fraction.len()).fold(1u64, |n, _| n * 10);
    Some(number(whole) as f64 + number(fraction) as f64 / scale as f64)
}

/// The `name=value` pairs of a query string, decoded as
/// `application/x-www-form-urlencoded` (`+` is a space). A pair whose
/// escapes do not decode to UTF-8 is dropped.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            Some((decode(name)?, decode(value)?))
        })
        .collect()
}

fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_names_what_is_in_force() {
        let cases = [
            ("", vec![]),
            (
                "?accent=%23abc&theme=dark&currency=EUR",
                vec!["accent", "theme", "currency"],
            ),
            ("?currency=eur&locale=de-DE", vec!["locale"]),
            ("?lang=de&locale=de-CH", vec!["locale", "lang"]),
            ("?lang=de_DE&theme=dark", vec!["theme"]),
            ("?cta-label=Call", vec![]),
            (
                "?cta-label=Call&cta-url=https://example.com",
                vec!["cta-url", "cta-label"],
            ),
            ("?cta-url=https://example.com:99999/", vec![]),
            (
                "?weights=1,1,1,1,1&targets=0.5,0.5,0.5",
                vec!["weights", "targets"],
            ),
            ("?weights=1,1,1,1,Infinity&targets=0.5,0.5,0.5", vec![]),
            ("?weights=1e21,1,1,1,1", vec![]),
            ("?targets=0.00001,0.5,0.5", vec!["targets"]),
            ("?embed=1&unknown=2", vec![]),
        ];
        for (query, expected) in cases {
            assert_eq!(HostSettings::accepted(query), expected, "{query}");
        }
        let long = format!(
            "?share-url=https://example.com/{}",
            "a".repeat(MAX_URL_CHARS)
        );
        assert!(HostSettings::accepted(&long).is_empty());
    }

    /// What one query string becomes: each setting as text (`-` when not
    /// set), and the names of the settings that were refused.
    fn check(query: &str, expected: &[(&str, &str)], refused: &[&str]) {
        let (host, warnings) = HostSettings::from_query(query);
        let weights = host.score.weights();
        let targets = host.score.targets();
        let bands = host.score.bands();
        let shown = |value: Option<String>| value.unwrap_or_else(|| "-".to_owned());
        let actual = [
            ("embed", host.embed.to_string()),
            ("accent", shown(host.accent.map(Rgb::hex))),
            ("theme", host.theme.key().to_owned()),
            ("currency", shown(host.currency.clone())),
            ("locale", shown(host.locale.clone())),
            (
                "cta",
                shown(
                    host.cta
                        .as_ref()
                        .map(|c| format!("{} <{}>", c.label, c.url)),
                ),
            ),
            ("share", shown(host.share_url.clone())),
            (
                "weights",
                format!(
                    "{},{},{},{},{}",
                    weights.time_on_community,
                    weights.results_from_community,
                    weights.conversation,
                    weights.loyalty,
                    weights.advocacy
                ),
            ),
            (
                "targets",
                format!(
                    "{},{},{}",
                    targets.conversation, targets.loyalty, targets.advocacy
                ),
            ),
            ("bands", format!("{},{}", bands.growing, bands.community)),
        ];
        for (name, want) in expected {
            let got = actual
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str());
            assert_eq!(got, Some(*want), "{name} from {query:?}");
        }
        let names: Vec<&str> = warnings.iter().map(|w| w.setting).collect();
        assert_eq!(names, refused, "warnings from {query:?}");
        for warning in &warnings {
            assert!(warning
                .to_string()
                .starts_with("Social 80/20: the host setting"));
        }
    }

    const STANDARD: [(&str, &str); 3] = [
        ("weights", "20,25,15,20,20"),
        ("targets", "0.4,0.4,0.5"),
        ("bands", "40,70"),
    ];

    #[test]
    fn nothing_set_is_the_standard_widget() {
        check("", &STANDARD, &[]);
        check(
            "?",
            &[
                ("embed", "false"),
                ("accent", "-"),
                ("theme", "auto"),
                ("currency", "-"),
                ("locale", "-"),
                ("cta", "-"),
                ("share", "-"),
            ],
            &[],
        );
        check("?unknown=1&s=1abc", &STANDARD, &[]);
    }

    #[test]
    fn embed() {
        check("?embed=1", &[("embed", "true")], &[]);
        check("embed=true", &[("embed", "true")], &[]);
        check("?embed=0", &[("embed", "false")], &[]);
    }

    #[test]
    fn accent() {
        check("?accent=%230b7285", &[("accent", "#0b7285")], &[]);
        check("?accent=%23ABC", &[("accent", "#aabbcc")], &[]);
        check("?accent=+%23fff+", &[("accent", "#ffffff")], &[]);
        for bad in [
            "0b7285",
            "%23abcd",
            "%230b72",
            "%230b7285ff",
            "red",
            "%23ggg",
            "%23",
            "",
            "rgb(1,2,3)",
            "%23%2B12",
        ] {
            check(&format!("?accent={bad}"), &[("accent", "-")], &["accent"]);
        }
    }

    #[test]
    fn theme() {
        for theme in ["light", "dark", "auto"] {
            check(&format!("?theme={theme}"), &[("theme", theme)], &[]);
        }
        for bad in ["Dark", "blue", ""] {
            check(&format!("?theme={bad}"), &[("theme", "auto")], &["theme"]);
        }
    }

    #[test]
    fn currency() {
        check("?currency=EUR", &[("currency", "EUR")], &[]);
        for bad in ["eur", "EURO", "E1R", "", "€"] {
            check(
                &format!("?currency={bad}"),
                &[("currency", "-")],
                &["currency"],
            );
        }
        let (host, _) = HostSettings::from_query("?currency=GBP");
        assert_eq!(host.example().unit(), &ResultUnit::Currency("GBP".into()));
        assert_eq!(host.example().activities(), example::bakery().activities());
        let (standard, _) = HostSettings::from_query("");
        assert_eq!(standard.example(), example::bakery());
    }

    #[test]
    fn locale() {
        for good in [
            "de-DE",
            "en",
            "fr-CA",
            "zh-Hant-TW",
            "es-419",
            "de-DE-u-nu-latn",
        ] {
            check(&format!("?locale={good}"), &[("locale", good)], &[]);
        }
        let long = format!("en-{}", ["abcdefgh"; 4].join("-"));
        for bad in [
            "",
            "e",
            "de_DE",
            "de-",
            "-de",
            "de--DE",
            "12-DE",
            "de-DE%3Bx",
            "de-toolongsubtag",
            long.as_str(),
        ] {
            check(&format!("?locale={bad}"), &[("locale", "-")], &["locale"]);
        }
    }

    /// The same check as `locale`: a well-formed tag is in force, whether
    /// or not a catalog serves it (the start script warns about that one).
    #[test]
    fn lang() {
        for good in ["de", "pt-BR", "en-XA", "ja", "+fr+"] {
            check(&format!("?lang={good}"), &[], &[]);
            assert_eq!(HostSettings::accepted(&format!("?lang={good}")), ["lang"]);
        }
        for bad in ["", "d", "pt_BR", "de-", "12", "de%3Bx", "portuguese"] {
            check(&format!("?lang={bad}"), &[], &["lang"]);
        }
    }

    #[test]
    fn call_to_action() {
        let book = "https://example.com/book?ref=widget";
        check(
            "?cta-url=https%3A%2F%2Fexample.com%2Fbook%3Fref%3Dwidget&cta-label=Talk+to+us",
            &[("cta", &format!("Talk to us <{book}>"))],
            &[],
        );
        check(
            "?cta-url=https://example.com/book",
            &[("cta", "Book a free call <https://example.com/book>")],
            &[],
        );
        check(
            "?cta-url=HTTPS://Example.com/",
            &[("cta", "Book a free call <https://Example.com/>")],
            &[],
        );
        for local in [
            "http://localhost:8080/x",
            "http://127.0.0.1/book",
            "https://[::1]/",
        ] {
            let expected: &[&str] = if local.contains('[') {
                &["cta-url"]
            } else {
                &[]
            };
            check(&format!("?cta-url={local}"), &[], expected);
        }
        for bad in [
            "javascript:alert(1)",
            "javascript://example.com/%0Aalert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<b>x</b>",
            "http://example.com/book",
            "http://localhost.evil.com/",
            "//example.com/book",
            "example.com",
            "https://",
            "https://user@example.com/",
            "https://example.com:99999/",
            "https://example.com/a b",
            "https://example.com/\"onmouseover=",
            "https://exa<mple.com/",
            "ftp://example.com/",
            "vbscript:msgbox",
        ] {
            let query = format!(
                "?cta-url={}&cta-label=Go",
                bad.replace('%', "%25").replace('&', "%26")
            );
            check(&query, &[("cta", "-")], &["cta-url"]);
        }
        check("?cta-label=Go", &[("cta", "-")], &["cta-label"]);
        let long = "x".repeat(41);
        check(
            &format!("?cta-label={long}&cta-url=https://a.example/"),
            &[("cta", "Book a free call <https://a.example/>")],
            &["cta-label"],
        );
        check(
            &format!("?cta-label={}&cta-url=https://a.example/", "é".repeat(40)),
            &[("cta", &format!("{} <https://a.example/>", "é".repeat(40)))],
            &[],
        );
        check(
            "?cta-label=+++&cta-url=https://a.example/",
            &[("cta", "Book a free call <https://a.example/>")],
            &["cta-label"],
        );
    }

    #[test]
    fn share_url() {
        check(
            "?share-url=https%3A%2F%2Fexample.com%2F80-20%3Fp%3D1%23old",
            &[("share", "https://example.com/80-20?p=1")],
            &[],
        );
        check(
            "?share-url=http://localhost:5000/host.html",
            &[("share", "http://localhost:5000/host.html")],
            &[],
        );
        for bad in [
            "javascript:alert(1)",
            "http://example.com/",
            "/relative",
            "",
        ] {
            check(
                &format!("?share-url={bad}"),
                &[("share", "-")],
                &["share-url"],
            );
        }
    }

    #[test]
    fn score_settings() {
        check(
            "?weights=40,15,15,15,15&targets=0.3,0.5,1&bands=30,60",
            &[
                ("weights", "40,15,15,15,15"),
                ("targets", "0.3,0.5,1"),
                ("bands", "30,60"),
            ],
            &[],
        );
        check(
            "?weights=+1,+0,+0,+0,+0+",
            &[("weights", "1,0,0,0,0"), ("targets", "0.4,0.4,0.5")],
            &[],
        );
        for (query, refused) in [
            ("?weights=1,2,3,4", "weights"),
            ("?weights=1,2,3,4,5,6", "weights"),
            ("?weights=0,0,0,0,0", "weights"),
            ("?weights=-1,2,3,4,5", "weights"),
            ("?weights=a,2,3,4,5", "weights"),
            ("?weights=NaN,2,3,4,5", "weights"),
            ("?weights=inf,2,3,4,5", "weights"),
            ("?targets=0.4,0.4", "targets"),
            ("?targets=40,40,50", "targets"),
            ("?targets=0,0.4,0.5", "targets"),
            ("?bands=70,40", "bands"),
            ("?bands=0,70", "bands"),
            ("?bands=40.5,70", "bands"),
            ("?bands=40,170", "bands"),
            // One bad value refuses the others too.
            ("?weights=40,15,15,15,15&targets=2,2,2", "targets"),
        ] {
            check(query, &STANDARD, &[refused]);
        }
    }

    #[test]
    fn queries_decode_like_url_search_params() {
        assert_eq!(
            query_pairs("?a=1&b=x+y&c=%C3%A9&d&=e&a=2&bad=%E9&worse=%zz&f=%2"),
            [
                ("a", "1"),
                ("b", "x y"),
                ("c", "é"),
                ("d", ""),
                ("", "e"),
                ("a", "2")
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
        // The first of repeated parameters counts.
        check("?theme=dark&theme=light", &[("theme", "dark")], &[]);
    }

    #[test]
    fn decimals_and_powers_match_the_standard_library() {
        for text in [
            "0",
            "20",
            "0.4",
            ".5",
            "5.",
            "007",
            "12.345",
            "999999999999999",
        ] {
            assert_eq!(decimal(text), text.parse::<f64>().ok(), "{text}");
        }
        for bad in [
            "",
            ".",
            "-1",
            "+1",
            "1e3",
            "inf",
            "NaN",
            "1.2.3",
            "1,5",
            " 1",
            "1000000000000000",
        ] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
        for step in 50..=1000 {
            let x = f64::from(step) / 1000.0;
            assert!((pow_2_4(x) - x.powf(2.4)).abs() < 1e-12, "{x}");
        }
    }

    #[test]
    fn contrast_follows_wcag() {
        let ratio = |a: &str, b: &str| {
            let (a, b) = (Rgb::parse(a).unwrap(), Rgb::parse(b).unwrap());
            (a.contrast(b) * 100.0).round() / 100.0
        };
        assert_eq!(ratio("#000", "#fff"), 21.0);
        assert_eq!(ratio("#fff", "#fff"), 1.0);
        assert_eq!(ratio("#777", "#fff"), 4.48);
        assert_eq!(ratio("#0b7285", "#fff"), 5.59);
        assert_eq!(ratio("#fff", "#0b7285"), 5.59);
        assert_eq!(Rgb::parse("#777").unwrap().text_on(), Rgb::BLACK);
        assert_eq!(Rgb::parse("#767676").unwrap().text_on(), Rgb::WHITE);
        assert_eq!(Rgb::parse("#ffdd00").unwrap().text_on(), Rgb::BLACK);
    }

    #[test]
    fn every_accent_keeps_text_readable_in_both_themes() {
        let steps = (0..=255u8).step_by(15);
        for r in steps.clone() {
            for g in steps.clone() {
                for b in steps.clone() {
                    let accent = Rgb::new(r, g, b);
                    let palette = Palette::new(accent);
                    for (shades, surfaces) in [
                        (palette.light, Surfaces::LIGHT),
                        (palette.dark, Surfaces::DARK),
                    ] {
                        let at_least = |min: f64, a: Rgb, b: Rgb, what: &str| {
                            assert!(
                                a.contrast(b) >= min,
                                "{what} for {}: {} on {} is {:.2}",
                                accent.hex(),
                                a.hex(),
                                b.hex(),
                                a.contrast(b)
                            );
                        };
                        at_least(TEXT_CONTRAST, shades.on_accent, shades.accent, "on-accent");
                        at_least(
                            TEXT_CONTRAST,
                            shades.on_accent_strong,
                            shades.accent_strong,
                            "on-accent-strong",
                        );
                        at_least(TEXT_CONTRAST, surfaces.text, shades.accent_soft, "text");
                        at_least(
                            TEXT_CONTRAST,
                            shades.accent_strong,
                            shades.accent_soft,
                            "strong on soft",
                        );
                        for surface in surfaces.all() {
                            at_least(TEXT_CONTRAST, shades.accent_strong, surface, "strong");
                            at_least(MARK_CONTRAST, shades.accent, surface, "accent");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_readable_accent_is_kept_as_it_is() {
        let accent = Rgb::parse("#0b7285").unwrap();
        let light = Shades::new(accent, Surfaces::LIGHT);
        assert_eq!((light.accent, light.accent_strong), (accent, accent));
        assert_eq!(light.on_accent, Rgb::WHITE);
        // Too dark to read on the dark theme's surfaces: lightened there.
        let dark = Shades::new(accent, Surfaces::DARK);
        assert!(dark.accent_strong.luminance() > accent.luminance());
        let properties = Palette::new(accent).properties();
        assert_eq!(properties.len(), 14);
        assert_eq!(
            properties[0],
            ("--host-accent-light".to_owned(), "#0b7285".to_owned())
        );
        assert!(properties
            .iter()
            .any(|(name, _)| name == "--host-on-accent-strong-dark"));
    }
}

#[cfg(test)]
mod never_panics {
    use super::HostSettings;
    use proptest::prelude::*;

    proptest! {
        /// Any query string a host page (or anyone editing the iframe's
        /// address) could write is read without a panic.
        #[test]
        fn on_any_query(query in ".{0,300}") {
            let _ = HostSettings::from_query(&query);
        }

        #[test]
        fn on_queries_made_of_our_own_keys(
            pairs in proptest::collection::vec(
                (
                    prop_oneof![
                        Just("accent"), Just("theme"), Just("currency"), Just("locale"), Just("lang"),
                        Just("cta-url"), Just("cta-label"), Just("share-url"),
                        Just("weights"), Just("targets"), Just("bands"), Just("embed"),
                    ],
                    "[ -~éЖ€%#&=+]{0,40}",
                ),
                0..12,
            )
        ) {
            let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = HostSettings::from_query(&format!("?{}", query.join("&")));
        }
    }
}
