//! Sharing: "Copy link", and the banners shown when a link is opened.

use std::rc::Rc;

use social8020_core::codec;
use social8020_core::draft::ScenarioDraft;
use social8020_core::host::HostSettings;
use social8020_core::scenario::Scenario;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser::{clipboard, frame, location, storage};
use crate::state::{Action, Origin, State};

/// The share link for a scenario: the host's share page (or this page
/// without its query string, which holds the host settings), `#s=` and the
/// payload. A link never carries host settings.
pub fn share_link(scenario: &Scenario) -> Result<String, String> {
    let payload = codec::encode(scenario).map_err(|e| e.to_string())?;
    let base = frame::share_base().unwrap_or_default();
    Ok(format!("{base}#s={payload}"))
}

/// What happened when the visitor asked for a link.
#[derive(Clone, Debug, PartialEq)]
enum Copied {
    /// On the clipboard.
    Done,
    /// The clipboard is blocked here: the link is shown to copy by hand.
    ByHand(String),
    Failed(String),
}

#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    pub scenario: Option<Rc<Scenario>>,
    /// Tells the App what to announce.
    pub on_announce: Callback<String>,
    /// A link was made: `true` when it went on the clipboard.
    #[prop_or_default]
    pub on_share: Callback<bool>,
}

#[component]
pub fn CopyLink(props: &CopyLinkProps) -> Html {
    let copied = use_state(|| None::<Copied>);
    let field = use_node_ref();
    let onclick = {
        let copied = copied.clone();
        let scenario = props.scenario.clone();
        let announce = props.on_announce.clone();
        let on_share = props.on_share.clone();
        Callback::from(move |_| {
            let link = match scenario.as_deref().map(share_link) {
                Some(Ok(link)) => link,
                Some(Err(message)) => {
                    announce.emit(message.clone());
                    copied.set(Some(Copied::Failed(message)));
                    return;
                }
                None => {
                    let message = "Enter at least one complete activity to share.".to_owned();
                    announce.emit(message.clone());
                    copied.set(Some(Copied::Failed(message)));
                    return;
                }
            };
            let copied = copied.clone();
            let announce = announce.clone();
            let on_share = on_share.clone();
            spawn_local(async move {
                let on_clipboard = clipboard::copy(&link).await;
                on_share.emit(on_clipboard);
                if on_clipboard {
                    announce.emit("Link copied.".to_owned());
                    copied.set(Some(Copied::Done));
                } else {
                    announce.emit("Copy the link from the field below.".to_owned());
                    copied.set(Some(Copied::ByHand(link)));
                }
            });
        })
    };
    // Select the link as soon as the field shows, so Ctrl+C copies it.
    {
        let field = field.clone();
        use_effect_with((*copied).clone(), move |copied| {
            if let (Some(Copied::ByHand(_)), Some(input)) =
                (copied, field.cast::<HtmlInputElement>())
            {
                let _ = input.focus();
                input.select();
            }
        });
    }
    html! {
        <div class="copy-link">
            <button type="button" class="button" {onclick}>{"Copy link"}</button>
            {match &*copied {
                Some(Copied::Done) => html! { <span class="copy-link__done">{"✓ Link copied"}</span> },
                Some(Copied::ByHand(link)) => html! {
                    <div class="field copy-link__manual">
                        <label for="share-link" class="field__label">{"Share link"}</label>
                        <input id="share-link" ref={field} class="field__input" type="text" readonly=true value={link.clone()} />
                        <p class="field__hint">{"Your browser blocked copying here: press Ctrl+C (⌘C on a Mac) to copy the selected link."}</p>
                    </div>
                },
                Some(Copied::Failed(message)) => html! { <span class="copy-link__failed">{message.clone()}</span> },
                None => html! {},
            }}
        </div>
    }
}

/// The visitor's own form: their saved scenario, else the empty form they
/// saved after "Clear all", else the worked example; new forms and the
/// example use the host's currency.
pub fn own_form(host: &HostSettings) -> ScenarioDraft {
    match storage::load() {
        Some(storage::Saved::Scenario(scenario)) => ScenarioDraft::from_scenario(&scenario),
        Some(storage::Saved::Cleared) => ScenarioDraft {
            unit: host.unit().text().to_owned(),
            ..ScenarioDraft::default()
        },
        None => ScenarioDraft::from_scenario(&host.example()),
    }
}

#[derive(Properties, PartialEq)]
pub struct LinkBannerProps {
    pub state: UseReducerHandle<State>,
}

/// Once the visitor has chosen (and what they kept can be saved), the link
/// is used up: out of this page's address and, when framed, out of the host
/// page's.
fn forget_link() {
    location::forget_fragment();
    frame::post_link_settled();
}

/// Says that a shared scenario is on screen (and offers to keep it), or that
/// a link could not be opened.
#[component]
pub fn LinkBanner(props: &LinkBannerProps) -> Html {
    let state = &props.state;
    let dispatch = state.dispatcher();
    if let Some(problem) = &state.link_problem {
        let on_dismiss = Callback::from(move |_| dispatch.dispatch(Action::DismissLinkProblem));
        return html! {
            <div class="banner banner--problem" role="alert" data-testid="link-problem">
                <p class="banner__text">
                    <strong>{"This link could not be opened. "}</strong>
                    {problem.clone()}
                    {" You are seeing your own numbers instead."}
                </p>
                <button type="button" class="button button--small button--quiet" onclick={on_dismiss}>{"Dismiss"}</button>
            </div>
        };
    }
    if state.origin != Origin::Shared {
        return html! {};
    }
    let on_keep = {
        let dispatch = dispatch.clone();
        let scenario = state.last_valid.clone();
        Callback::from(move |_| {
            // Kept, it is saved like the visitor's own numbers, and only
            // once the browser has taken that write does the link leave the
            // address. Without storage (blocked in many third-party frames,
            // or full) the link is the only copy, so it stays for a reload
            // to find.
            if storage::save(scenario.as_deref()).is_ok() {
                forget_link();
            }
            dispatch.dispatch(Action::KeepShared);
        })
    };
    let on_back = Callback::from(move |_| {
        forget_link();
        dispatch.dispatch(Action::BackToMine(own_form(&frame::Host::read().settings)));
    });
    html! {
        <div class="banner" data-testid="shared-banner">
            <p class="banner__text">
                <strong>{"You are looking at a shared scenario. "}</strong>
                {"Your own numbers are safe until you choose to keep this one."}
            </p>
            <div class="banner__actions">
                <button type="button" class="button button--small" onclick={on_keep}>{"Keep this one"}</button>
                <button type="button" class="button button--small button--quiet" onclick={on_back}>{"Back to mine"}</button>
            </div>
        </div>
    }
}
