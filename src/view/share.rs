//! Sharing: "Copy link", and the banners shown when a link is opened.

use std::rc::Rc;

use social8020_core::codec::{self, LinkError, TooLargeToShare};
use social8020_core::draft::ScenarioDraft;
use social8020_core::host::HostSettings;
use social8020_core::scenario::Scenario;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser::frame::{self, Host};
use crate::browser::{clipboard, location, storage};
use crate::state::{Action, Origin, State};
use crate::text::{t, Key, Notice, Problem};
use crate::view::problem::problem_inline;

/// The share link for a scenario: the host's share page (or this page
/// without its query string, which holds the host settings), `#s=` and the
/// payload; while comparing, `&b=` and the earlier scenario's payload
/// (docs/spec.md §10). A link never carries host settings.
pub fn share_link(
    scenario: &Scenario,
    before: Option<&Scenario>,
    host: &Host,
) -> Result<String, TooLargeToShare> {
    let payload = codec::encode(scenario)?;
    let base = frame::share_base(&host.settings).unwrap_or_default();
    let mut link = format!("{base}#s={payload}");
    if let Some(before) = before {
        link.push_str("&b=");
        link.push_str(&codec::encode(before)?);
    }
    Ok(link)
}

/// What happened when the visitor asked for a link.
#[derive(Clone, Debug, PartialEq)]
enum Copied {
    /// On the clipboard.
    Done,
    /// The clipboard is blocked here: the link is shown to copy by hand.
    ByHand(String),
    Failed(Problem),
}

/// "Copy link": what it did last, and the field that shows a link to copy
/// by hand. State of App ([`use_copy_link`]), rendered by [`CopyLink::view`].
pub struct CopyLink {
    copied: UseStateHandle<Option<Copied>>,
    field: NodeRef,
}

/// The state of "Copy link". The link shown to copy by hand is selected as
/// soon as its field shows, so Ctrl+C copies it.
#[hook]
pub fn use_copy_link() -> CopyLink {
    let copied = use_state(|| None::<Copied>);
    let field = use_node_ref();
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
    CopyLink { copied, field }
}

impl CopyLink {
    /// The button and what it did. The link is of `scenario`, and of
    /// `before` while comparing (it opens the comparison); `on_notice`
    /// tells the App what to announce, `on_share` that a link was made
    /// (`true` when it went on the clipboard).
    pub fn view(
        &self,
        scenario: Option<Rc<Scenario>>,
        before: Option<Rc<Scenario>>,
        on_notice: &Callback<Notice>,
        on_share: Callback<bool>,
    ) -> Html {
        let host = crate::browser::frame::host();
        let onclick = {
            let copied = self.copied.clone();
            let notice = on_notice.clone();
            Callback::from(move |_| {
                let link = match scenario
                    .as_deref()
                    .map(|s| share_link(s, before.as_deref(), &host))
                {
                    Some(Ok(link)) => link,
                    failed => {
                        let problem = match failed {
                            Some(Err(too_large)) => Problem::TooLarge(too_large),
                            _ => Problem::NothingComplete,
                        };
                        notice.emit(Notice::Problem(problem.clone()));
                        copied.set(Some(Copied::Failed(problem)));
                        return;
                    }
                };
                let copied = copied.clone();
                let notice = notice.clone();
                let on_share = on_share.clone();
                spawn_local(async move {
                    let on_clipboard = clipboard::copy(&link).await;
                    on_share.emit(on_clipboard);
                    if on_clipboard {
                        notice.emit(Notice::LinkCopied);
                        copied.set(Some(Copied::Done));
                    } else {
                        notice.emit(Notice::CopyByHand);
                        copied.set(Some(Copied::ByHand(link)));
                    }
                });
            })
        };
        html! {
            <div class="copy-link">
                <button type="button" class="button" {onclick}>{t(Key::ShareCopy)}</button>
                {match &*self.copied {
                    Some(Copied::Done) => html! { <span class="copy-link__done">{t(Key::ShareCopied)}</span> },
                    Some(Copied::ByHand(link)) => html! {
                        <div class="field copy-link__manual">
                            <label for="share-link" class="field__label">{t(Key::ShareLinkLabel)}</label>
                            <input id="share-link" ref={self.field.clone()} class="field__input" type="text" readonly=true value={link.clone()} />
                            <p class="field__hint">{t(Key::ShareCopyByHand)}</p>
                        </div>
                    },
                    Some(Copied::Failed(problem)) => html! {
                        {problem_inline(problem, "copy-link__failed")}
                    },
                    None => html! {},
                }}
            </div>
        }
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

/// Once the visitor has chosen (and what they kept can be saved), the link
/// is used up: out of this page's address and, when framed, out of the host
/// page's.
fn forget_link() {
    location::forget_fragment();
    frame::post_link_settled();
}

/// Says that a shared scenario is on screen (and offers to keep it, which
/// saves `scenario`), or why the last share link could not be opened.
pub fn link_banner(
    origin: Origin,
    problem: Option<&LinkError>,
    scenario: &Option<Rc<Scenario>>,
    dispatch: &UseReducerDispatcher<State>,
) -> Html {
    let host = crate::browser::frame::host();
    let dispatch = dispatch.clone();
    if let Some(problem) = problem {
        let on_dismiss = Callback::from(move |_| dispatch.dispatch(Action::DismissLinkProblem));
        return html! {
            <div class="banner banner--problem" role="alert" data-testid="link-problem">
                <p class="banner__text">
                    <strong>{t(Key::ShareFailedTitle)}</strong>{" "}
                    {problem_inline(&Problem::Link(problem.clone()), "")}{" "}
                    {t(Key::ShareFailedInstead)}
                </p>
                <button type="button" class="button button--small button--quiet" onclick={on_dismiss}>{t(Key::ShareDismiss)}</button>
            </div>
        };
    }
    if origin != Origin::Shared {
        return html! {};
    }
    let on_keep = {
        let dispatch = dispatch.clone();
        let scenario = scenario.clone();
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
        dispatch.dispatch(Action::BackToMine(own_form(&host.settings)));
    });
    html! {
        <div class="banner" data-testid="shared-banner">
            <p class="banner__text">
                <strong>{t(Key::ShareSharedTitle)}</strong>{" "}
                {t(Key::ShareSharedSafe)}
            </p>
            <div class="banner__actions">
                <button type="button" class="button button--small" onclick={on_keep}>{t(Key::ShareKeep)}</button>
                <button type="button" class="button button--small button--quiet" onclick={on_back}>{t(Key::ShareBack)}</button>
            </div>
        </div>
    }
}
