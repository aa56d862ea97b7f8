//! The optional audience signals.

use social8020_core::scenario::{Field, Period, SignalField};
use yew::prelude::*;

use crate::state::{Action, State};
use crate::view::field::TextField;

/// The label (the accessible name of PRODUCT.md §7), the id, and a hint.
fn describe(field: SignalField, period: Period) -> (&'static str, &'static str, Option<String>) {
    let period = period.key();
    match field {
        SignalField::Likes => ("Likes per post", "likes", None),
        SignalField::Comments => ("Comments per post", "comments", None),
        SignalField::Shares => ("Shares per post", "shares", None),
        SignalField::Customers => (
            "Customers",
            "customers",
            Some(format!("Won through social media this {period}.")),
        ),
        SignalField::RepeatCustomers => (
            "Repeat customers",
            "repeat-customers",
            Some("Of them, bought two or more times.".to_owned()),
        ),
        SignalField::ReferredCustomers => (
            "Referred customers",
            "referred-customers",
            Some("Of them, came by referral or word of mouth.".to_owned()),
        ),
    }
}

#[derive(Properties, PartialEq)]
pub struct SignalsProps {
    pub state: UseReducerHandle<State>,
}

#[component]
pub fn Signals(props: &SignalsProps) -> Html {
    let state = &props.state;
    let errors = state.checked.as_ref().err();
    let field = |signal: SignalField| {
        let (label, id, hint) = describe(signal, state.draft.period);
        let dispatch = state.dispatcher();
        let error = errors
            .and_then(|e| e.at(Field::Signal(signal)))
            .map(|p| AttrValue::from(p.to_string()));
        html! {
            <TextField
                id={id}
                {label}
                inputmode={if signal.is_whole() { "numeric" } else { "decimal" }}
                value={state.draft.signal(signal).to_owned()}
                {error}
                hint={hint.map(AttrValue::from)}
                oninput={Callback::from(move |text| dispatch.dispatch(Action::SetSignal(signal, text)))}
            />
        }
    };
    html! {
        <section class="signals" aria-labelledby="signals-title">
            <h2 id="signals-title" class="section-title">{"Your audience"}<span class="section-title__aside">{" (optional)"}</span></h2>
            <p class="section-lead">
                {"These tell a following from a community: applause, or conversation, loyalty and word of mouth. Leave blank what you don't know."}
            </p>
            <div class="signals__group">
                <h3 class="signals__heading">{"On a typical post"}</h3>
                <div class="signals__fields">
                    {field(SignalField::Likes)}
                    {field(SignalField::Comments)}
                    {field(SignalField::Shares)}
                </div>
            </div>
            <div class="signals__group">
                <h3 class="signals__heading">{"Customers from social media"}</h3>
                <div class="signals__fields">
                    {field(SignalField::Customers)}
                    {field(SignalField::RepeatCustomers)}
                    {field(SignalField::ReferredCustomers)}
                </div>
            </div>
        </section>
    }
}
