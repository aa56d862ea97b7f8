//! The widget inside a host's page (docs/spec.md §5): whether it is framed,
//! the host settings in its own URL and their look on the page, and the
//! messages it posts to the page around it.
//!
//! The messages are protocol version [`PROTOCOL_VERSION`], documented in the
//! README ("Embedding on your site"):
//!
//! - `{type: "social8020:height", version: 1, height}`: the content's height
//!   in whole CSS pixels, whenever it changes by [`HEIGHT_STEP`] or more, at
//!   most once per animation frame. The height is the app's own box, never
//!   the document's, so a frame that grows to fit cannot make it grow again.
//! - `{type: "social8020:event", version: 1, name, detail}`: `ready`,
//!   `result`, `share` and `cta`. A detail holds numbers and fixed keys only
//!   ([`Value`]): nothing the visitor typed can be put into one.
//! - `{type: "social8020:settings", version: 1, accepted, warnings}`: the
//!   names of the host settings in force and `[setting, message]` for each
//!   one ignored. Posted once, and only to a parent of the widget's own
//!   origin: the embed builder beside it, which writes its snippet from
//!   the widget's own reading of the settings instead of a copy of the
//!   rules.
//! - `{type: "social8020:link-settled", version: 1}`: the visitor chose
//!   "Keep this one" or "Back to mine" for the share link the page passed
//!   in, so the page may drop that link's `#s=` from its own address.
//! - `{type: "social8020:scroll", version: 1, top, bottom}`: a band of the
//!   content, in whole CSS pixels from its top, that the host page should
//!   bring into view: the loader scrolls the page only when the band is
//!   above the viewport (its top then goes to the viewport's top) or below
//!   it (its bottom to the viewport's bottom; never for an empty band).
//!   Sent with `0, 0` when an action replaced most of the content (an
//!   import, clear all, a shared link), so that a frame whose top had
//!   scrolled above the viewport shows its new top;
//!   and with a focused control's band when keyboard focus moves inside
//!   the frame, because WebKit does not scroll a page to show focus inside
//!   a frame of another origin (Chromium and Firefox do; the message is then
//!   a no-op). The widget never takes focus by itself on load.
//!
//! Messages go to the parent's origin when the browser tells it
//! (`location.ancestorOrigins`, else the origin of `document.referrer`),
//! never to `"*"`: when the origin is unknown (Firefox, with a host page
//! that sends no referrer) nothing is posted, and the frame keeps the
//! loader's first height. A named origin keeps every message from a page
//! that replaced the host's in the frame's parent in the meantime.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use js_sys::{Function, Object, Reflect};
use social8020_core::host::{HostSettings, Placement, Theme, Warning};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

/// The version of the messages the widget posts.
pub const PROTOCOL_VERSION: u32 = 1;
/// The least change of height, in pixels, worth a message.
pub const HEIGHT_STEP: i32 = 2;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(message: &str);

    /// `ResizeObserver`, bound with `catch`: a browser without it loses
    /// auto-height, not the widget.
    type ResizeObserver;

    #[wasm_bindgen(constructor, catch)]
    fn new(callback: &Function) -> Result<ResizeObserver, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn observe(this: &ResizeObserver, target: &Element, options: &Object) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    fn disconnect(this: &ResizeObserver);

    /// An element's inline style (CSSOM), which the CSP allows where it
    /// refuses `style` attributes.
    type InlineStyle;

    #[wasm_bindgen(method, catch, js_name = setProperty)]
    fn set_property(this: &InlineStyle, name: &str, value: &str) -> Result<(), JsValue>;
}

/// The host settings of this page and whether it is framed, read once.
#[derive(Clone, Debug, PartialEq)]
pub struct Host {
    pub settings: HostSettings,
    /// Settings that were ignored, for the console.
    pub warnings: Vec<Warning>,
    /// The names of the settings given and in force.
    pub accepted: Vec<&'static str>,
    /// The page runs in a frame of another page.
    pub framed: bool,
}

thread_local! {
    /// The host settings of this page, read once: they come from the
    /// page's query string, which does not change while the page is open.
    static HOST: std::cell::OnceCell<Rc<Host>> = const { std::cell::OnceCell::new() };
}

/// The host settings of this page, read (and their look applied) the first
/// time they are asked for. Every component asks here: the settings never
/// change while the page is open, so a Yew context, whose point is to
/// re-render what reads it when the value changes, would only add weight.
pub fn host() -> Rc<Host> {
    HOST.with(|cell| {
        Rc::clone(cell.get_or_init(|| {
            let host = Host::read();
            apply_look(&host.settings);
            Rc::new(host)
        }))
    })
}

impl Host {
    /// Reads the settings from this page's query string, keeping those
    /// that carry a URL only where docs/spec.md §11 allows them
    /// ([`HostSettings::from_page`]): in a frame, and a share page only on
    /// the embedding page's origin.
    pub fn read() -> Host {
        let framed = is_framed();
        let placement = if framed {
            Placement::Framed {
                embedder: embedder_origin(),
            }
        } else {
            Placement::Alone
        };
        let query = search();
        let (settings, warnings) = HostSettings::from_page(&query, &placement);
        Host {
            settings,
            warnings,
            accepted: HostSettings::accepted(&query),
            framed,
        }
    }

    /// Framed, or asked to look framed (`embed=1`): no page chrome.
    pub fn embedded(&self) -> bool {
        self.framed || self.settings.embed
    }
}

fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// True when another page holds this one in a frame. Comparing window
/// proxies is allowed across origins, so this never throws.
pub fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.parent() {
        Ok(Some(parent)) => JsValue::from(parent) != JsValue::from(window),
        _ => false,
    }
}

/// Where a share link points: the host's share page when it set one, else
/// this page without its query string (the host settings) or fragment.
pub fn share_base(settings: &HostSettings) -> Option<String> {
    if let Some(url) = &settings.share_url {
        return Some(url.clone());
    }
    let href = web_sys::window()?.location().href().ok()?;
    Some(social8020_core::text::up_to(&href, b"?#").to_owned())
}

/// Says on the console why a host setting was ignored.
pub fn warn(warning: &Warning) {
    console_warn(&warning.to_string());
}

/// Applies the theme (`data-theme` on the root element) and the accent
/// palette (custom properties set through CSSOM, then `data-accent`, which
/// `styles/60-embed.css` keys on).
pub fn apply_look(settings: &HostSettings) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match settings.theme {
        Theme::Auto => root.remove_attribute("data-theme"),
        theme => root.set_attribute("data-theme", theme.key()),
    };
    let Some(palette) = settings.palette() else {
        return;
    };
    let Ok(style) = Reflect::get(&root, &JsValue::from_str("style")) else {
        return;
    };
    if !style.is_object() {
        return;
    }
    let style = style.unchecked_into::<InlineStyle>();
    let all_set = palette
        .properties()
        .iter()
        .all(|(name, value)| style.set_property(name, value).is_ok());
    if all_set {
        let _ = root.set_attribute("data-accent", "");
    }
}

/// A value in an event's detail: a number, a fixed key, or nothing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Key(&'static str),
    Missing,
}

/// Posts an event to the host page; does nothing when not framed.
pub fn post_event(name: &'static str, detail: &[(&'static str, Value)]) {
    let details = Object::new();
    for (key, value) in detail {
        let value = match value {
            Value::Number(n) if n.is_finite() => JsValue::from_f64(*n),
            Value::Key(k) => JsValue::from_str(k),
            _ => JsValue::NULL,
        };
        let _ = Reflect::set(&details, &JsValue::from_str(key), &value);
    }
    post(
        "social8020:event",
        &[
            ("name", JsValue::from_str(name)),
            ("detail", details.into()),
        ],
    );
}

/// Tells the host page that the share link it passed in has been dealt
/// with; the loader then removes the link's `#s=` from the page's address,
/// so that a reload shows what the visitor chose, not the link again.
pub fn post_link_settled() {
    post("social8020:link-settled", &[]);
}

/// Tells the embed builder which settings the widget took and why it
/// ignored the others; does nothing unless the parent page has the
/// widget's own origin.
pub fn post_settings_report(host: &Host) {
    let own = web_sys::window().and_then(|w| w.location().origin().ok());
    if own.is_none() || own != embedder_origin() {
        return;
    }
    let accepted = js_sys::Array::new();
    for name in &host.accepted {
        accepted.push(&JsValue::from_str(name));
    }
    // The settings as the host page itself would have them read: the
    // builder is not that page, so the rule that a share page must be on
    // the embedding page's origin is not the builder's to report.
    let (_, judged) = HostSettings::from_query(&search());
    let warnings = js_sys::Array::new();
    for warning in &judged {
        let pair = js_sys::Array::of2(
            &JsValue::from_str(warning.setting),
            &JsValue::from_str(&warning.message),
        );
        warnings.push(&pair);
    }
    post(
        "social8020:settings",
        &[("accepted", accepted.into()), ("warnings", warnings.into())],
    );
}

/// Asks the host page to bring the frame's top into view if it has
/// scrolled above the viewport: most of the content was just replaced, and
/// its new headline is at the top.
pub fn post_scroll_request() {
    post_scroll(0, 0);
}

/// Room kept around a focused control brought into view, in CSS pixels.
const FOCUS_MARGIN: f64 = 16.0;
/// The largest offset into the content the loader accepts in a band.
const MAX_BAND: f64 = 20_000.0;

/// Asks the host page to bring the element that has just taken keyboard
/// focus into view. Only for keyboard focus (`:focus-visible`): a click
/// lands on what the visitor already sees.
fn reveal_focused(element: &Element) {
    if !element.matches(":focus-visible").unwrap_or(false) {
        return;
    }
    let scrolled = web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0);
    let rect = element.get_bounding_client_rect();
    // Within what the loader accepts, as for heights.
    let top = (rect.top() + scrolled - FOCUS_MARGIN).clamp(0.0, MAX_BAND);
    let bottom = (rect.bottom() + scrolled + FOCUS_MARGIN).clamp(top, MAX_BAND);
    post_scroll(top.round() as i32, bottom.round() as i32);
}

fn post_scroll(top: i32, bottom: i32) {
    post(
        "social8020:scroll",
        &[
            ("top", JsValue::from(top)),
            ("bottom", JsValue::from(bottom)),
        ],
    );
}

/// While kept, keyboard focus moving inside `root` is brought into view on
/// the host page (see the module documentation for why).
pub fn reveal_focus(root: &HtmlElement) -> EventListener {
    EventListener::new(root, "focusin", |event| {
        if let Some(element) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            reveal_focused(&element);
        }
    })
}

fn post_height(height: i32) {
    post("social8020:height", &[("height", JsValue::from(height))]);
}

fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let (Some(parent), Some(origin)) = (parent(), embedder_origin()) else {
        return;
    };
    let message = Object::new();
    let version = JsValue::from(PROTOCOL_VERSION);
    let all = [("type", JsValue::from_str(kind)), ("version", version)];
    for (key, value) in all.iter().chain(fields) {
        let _ = Reflect::set(&message, &JsValue::from_str(key), value);
    }
    let _ = parent.post_message(&message, &origin);
}

fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    (JsValue::from(&parent) != JsValue::from(window)).then_some(parent)
}

/// The origin of the page that frames this one, when the browser tells it:
/// `location.ancestorOrigins`, else the origin of `document.referrer` (the
/// loader's frame sends it, with `referrerpolicy`). `None` when not framed.
pub fn embedder_origin() -> Option<String> {
    if !is_framed() {
        return None;
    }
    ancestor_origin()
        .or_else(referrer_origin)
        .filter(|origin| origin.starts_with("http"))
}

fn ancestor_origin() -> Option<String> {
    let location = web_sys::window()?.location();
    let list = Reflect::get(&location, &JsValue::from_str("ancestorOrigins")).ok()?;
    if !list.is_object() {
        return None;
    }
    Reflect::get(&list, &JsValue::from(0)).ok()?.as_string()
}

fn referrer_origin() -> Option<String> {
    let referrer = web_sys::window()?.document()?.referrer();
    Some(web_sys::Url::new(&referrer).ok()?.origin())
}

/// Posts the height of an element whenever it changes. Stops when dropped.
pub struct HeightReporter {
    observer: ResizeObserver,
    pending: Rc<Cell<Option<i32>>>,
    _on_resize: Closure<dyn FnMut()>,
    _on_frame: Closure<dyn FnMut()>,
}

impl HeightReporter {
    /// Watches `element`, the app's root box. `None` when the browser has
    /// no `ResizeObserver`.
    pub fn start(element: &HtmlElement) -> Option<HeightReporter> {
        let window = web_sys::window()?;
        let pending = Rc::new(Cell::new(None::<i32>));
        let last = Rc::new(Cell::new(0));
        let on_frame = {
            let (pending, element) = (Rc::clone(&pending), element.clone());
            Closure::<dyn FnMut()>::new(move || {
                pending.set(None);
                // The bottom of the app's box: its height and where it
                // starts, never the height of the frame around it.
                let height = element.offset_top().saturating_add(element.offset_height());
                if (height - last.get()).abs() >= HEIGHT_STEP {
                    last.set(height);
                    post_height(height);
                }
            })
        };
        let frame_callback: Function = on_frame.as_ref().unchecked_ref::<Function>().clone();
        // A burst of resizes in one frame is measured once, in the next.
        let on_resize = {
            let pending = Rc::clone(&pending);
            Closure::<dyn FnMut()>::new(move || {
                if pending.get().is_none() {
                    if let Ok(id) = window.request_animation_frame(&frame_callback) {
                        pending.set(Some(id));
                    }
                }
            })
        };
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        let options = Object::new();
        let _ = Reflect::set(&options, &"box".into(), &"border-box".into());
        observer.observe(element, &options).ok()?;
        Some(HeightReporter {
            observer,
            pending,
            _on_resize: on_resize,
            _on_frame: on_frame,
        })
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
        if let (Some(id), Some(window)) = (self.pending.take(), web_sys::window()) {
            let _ = window.cancel_animation_frame(id);
        }
    }
}
