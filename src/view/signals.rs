//! The optional audience signals.

use social8020_core::scenario::{Period, Problem, SignalField};
use yew::prelude::*;

use crate::text::{t, Key};
use crate::view::field::TextField;

/// The label (the accessible name of docs/spec.md §7), the id, and a hint.
fn describe(
    field: SignalField,
    period: Period,
) -> (&'static str, &'static str, Option<&'static str>) {
    match field {
        SignalField::Likes => (t(Key::SignalsLikes), "likes", None),
        SignalField::Comments => (t(Key::SignalsComments), "comments", None),
        SignalField::Shares => (t(Key::SignalsShares), "shares", None),
        SignalField::Customers => (
            t(Key::SignalsCustomers),
            "customers",
            Some(t(match period {
                Period::Week => Key::SignalsCustomersHintWeek,
                Period::Month => Key::SignalsCustomersHintMonth,
            })),
        ),
        SignalField::RepeatCustomers => (
            t(Key::SignalsRepeat),
            "repeat-customers",
            Some(t(Key::SignalsRepeatHint)),
        ),
        SignalField::ReferredCustomers => (
            t(Key::SignalsReferred),
            "referred-customers",
            Some(t(Key::SignalsReferredHint)),
        ),
    }
}

/// The signals section: the text of each field in `texts` and what is
/// wrong with it in `errors`, both in [`SignalField::ALL`] order.
pub fn signals(
    period: Period,
    texts: &[String; 6],
    errors: [Option<Problem>; 6],
    on_signal: &Callback<(SignalField, String)>,
) -> Html {
    // One field per signal, in `SignalField::ALL` order, as the texts and
    // errors are.
    let fields: Vec<Html> = SignalField::ALL
        .into_iter()
        .zip(texts.iter().zip(errors))
        .map(|(signal, (text, error))| {
            let (label, id, hint) = describe(signal, period);
            let inputmode = if signal.is_whole() {
                "numeric"
            } else {
                "decimal"
            };
            TextField {
                inputmode: Some(inputmode.into()),
                error,
                hint: hint.map(AttrValue::from),
                ..TextField::new(
                    id.into(),
                    label.into(),
                    text.clone().into(),
                    on_signal.reform(move |text| (signal, text)),
                )
            }
            .view()
        })
        .collect();
    // Likes, comments and shares; then customers, repeat and referred.
    let (per_post, customers) = fields.split_at(fields.len().min(3));
    html! {
        <section class="signals" aria-labelledby="signals-title">
            <h2 id="signals-title" class="section-title">
                {t(Key::SignalsTitle)}<span class="section-title__aside">{" "}{t(Key::SignalsOptional)}</span>
            </h2>
            <p class="section-lead">{t(Key::SignalsLead)}</p>
            <div class="signals__group">
                <h3 class="signals__heading">{t(Key::SignalsPerPost)}</h3>
                <div class="signals__fields">
                    {for per_post.iter().cloned()}
                </div>
            </div>
            <div class="signals__group">
                <h3 class="signals__heading">{t(Key::SignalsFromSocial)}</h3>
                <div class="signals__fields">
                    {for customers.iter().cloned()}
                </div>
            </div>
        </section>
    }
}
