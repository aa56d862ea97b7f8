//! The root component's effects and derived values, one hook each, so that
//! [`crate::view::app`] only lays out the page.
//!
//! - [`use_analysis`]: the breakdown and score of the scenario on screen.
//! - [`use_shared_links`]: a share link opened while the page is open.
//! - [`use_autosave`]: the visitor's own scenario into local storage.
//! - [`use_host_messages`]: `ready`, the height and `result` for the host.
//! - [`use_notice`]: something said once, with the results it led to.
//! - [`use_settled`]: what the status region says, once input has rested.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use social8020_core::analysis::Analysis;
use social8020_core::scenario::Scenario;
use social8020_core::score::ScoreConfig;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::browser::frame::{self, HeightReporter, Host, Value};
use crate::browser::{location, storage};
use crate::state::{Action, Origin, State};
use crate::text::Notice;
use crate::view::share::own_form;

/// How long results must rest before the host page hears of them.
const RESULT_EVENT_AFTER_MS: u32 = 800;
/// How long a notice (a copy, an import) stays part of the announcement.
const NOTICE_FOR_MS: u32 = 4_000;
/// How long input must rest before results are announced to screen readers.
const ANNOUNCE_AFTER_MS: u32 = 900;

/// Everything computed from the scenario on screen, once per change; `None`
/// until the visitor has a complete scenario.
#[hook]
pub fn use_analysis(shown: Option<Rc<Scenario>>, config: ScoreConfig) -> Option<Rc<Analysis>> {
    use_memo((shown, config), |(shown, config)| {
        shown
            .as_ref()
            .map(|scenario| Rc::new(Analysis::new(Rc::clone(scenario), *config)))
    })
    .as_ref()
    .clone()
}

/// A share link opened while the page is open changes only the fragment.
#[hook]
pub fn use_shared_links(dispatch: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                match location::shared_scenario() {
                    None => {}
                    Some(Ok(shared)) => dispatch.dispatch(Action::OpenShared(Rc::new(shared))),
                    Some(Err(problem)) => dispatch.dispatch(Action::LinkFailed(
                        problem,
                        own_form(&frame::host().settings),
                    )),
                }
                if let Some(action) = crate::view::app::compared() {
                    dispatch.dispatch(action);
                }
            })
        });
        move || drop(listener)
    });
}

/// Autosaves the visitor's own scenario; a shared one waits until kept.
#[hook]
pub fn use_autosave(scenario: Option<Rc<Scenario>>, origin: Origin) {
    use_effect_with((scenario, origin), |(scenario, origin)| {
        if *origin == Origin::Own {
            // Best effort: a refused write costs autosave only.
            let _ = storage::save(scenario.as_deref());
        }
    });
}

/// In a frame: the content's height whenever it changes, keyboard focus
/// kept in view on the host page, `ready` once, `result` whenever the
/// results have rested, and a request to bring the frame's top into view
/// whenever an action replaced most of the content (`replaced` counts
/// them; never on load). Also says on the console why any host setting was
/// ignored.
#[hook]
pub fn use_host_messages(
    host: Rc<Host>,
    root: NodeRef,
    analysis: Option<Rc<Analysis>>,
    replaced: u32,
) {
    {
        let host = Rc::clone(&host);
        use_effect_with((), move |_| {
            host.warnings.iter().for_each(frame::warn);
            frame::post_settings_report(&host);
            let framed_root = host.framed.then(|| root.cast::<HtmlElement>()).flatten();
            let reporter = framed_root.as_ref().and_then(HeightReporter::start);
            let focus = framed_root.as_ref().map(frame::reveal_focus);
            frame::post_event("ready", &[]);
            move || drop((reporter, focus))
        });
    }
    use_effect_with(replaced, |replaced| {
        if *replaced > 0 {
            frame::post_scroll_request();
        }
    });
    let detail = use_memo(analysis, |analysis| analysis.as_deref().map(result_detail));
    use_effect_with(detail, move |detail| {
        let detail = (**detail).clone().filter(|_| host.framed);
        let timer = detail.map(|detail| {
            Timeout::new(RESULT_EVENT_AFTER_MS, move || {
                frame::post_event("result", &detail)
            })
        });
        move || drop(timer)
    });
}

/// The `result` event for the host page: numbers and fixed keys only.
/// Shares are whole percentages, as in the headline.
fn result_detail(analysis: &Analysis) -> Vec<(&'static str, Value)> {
    let number = |n: Option<f64>| n.map_or(Value::Missing, Value::Number);
    let percent = |share: Option<f64>| number(share.map(|s| (s * 100.0).round()));
    let score = analysis.score().ok();
    let headline = analysis.breakdown().ok().map(|b| b.headline());
    vec![
        ("score", number(score.map(|s| s.value.into()))),
        (
            "band",
            score.map_or(Value::Missing, |s| Value::Key(s.band.key())),
        ),
        ("signalsUsed", number(score.map(|s| s.signals_used as f64))),
        (
            "activities",
            number(Some(analysis.scenario().activities().len() as f64)),
        ),
        ("vitalFew", number(headline.map(|h| h.vital_count as f64))),
        (
            "resultSharePct",
            percent(headline.map(|h| h.vital_result_share)),
        ),
        (
            "timeSharePct",
            percent(headline.and_then(|h| h.vital_time_share)),
        ),
    ]
}

/// Something said once (a copy, an import), announced with the results it
/// led to and retired after [`NOTICE_FOR_MS`]; and the callback that says
/// it.
#[hook]
pub fn use_notice() -> (Option<Notice>, Callback<Notice>) {
    let notice = use_state(|| None::<Notice>);
    {
        let notice = notice.clone();
        use_effect_with((*notice).clone(), move |said| {
            let timer = said
                .is_some()
                .then(|| Timeout::new(NOTICE_FOR_MS, move || notice.set(None)));
            move || drop(timer)
        });
    }
    let say = {
        let notice = notice.clone();
        use_callback((), move |said: Notice, _| notice.set(Some(said)))
    };
    ((*notice).clone(), say)
}

/// `message` once it has stayed the same for [`ANNOUNCE_AFTER_MS`]: what
/// the polite status region says, so that a screen reader is not
/// interrupted on every keystroke.
#[hook]
pub fn use_settled(message: String) -> String {
    let spoken = use_state(String::new);
    {
        let spoken = spoken.clone();
        use_effect_with(message, move |message| {
            let message = message.clone();
            let timer = Timeout::new(ANNOUNCE_AFTER_MS, move || spoken.set(message));
            move || drop(timer)
        });
    }
    (*spoken).clone()
}
