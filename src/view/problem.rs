//! The one component that shows a problem: a field's error, a link that
//! could not be opened, an export that failed, a row that was not imported.
//! The words come from [`crate::text::Problem::words`].

use yew::prelude::*;

use crate::text::Problem;

#[derive(Properties, PartialEq)]
pub struct ProblemTextProps {
    pub problem: Problem,
    /// Where it is shown: `field__error`, `exports__problem`, ...
    #[prop_or_default]
    pub class: Classes,
    /// For `aria-describedby` on the control it belongs to.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// `<span>` inside a line of text, else a paragraph.
    #[prop_or_default]
    pub inline: bool,
}

#[component]
pub fn ProblemText(props: &ProblemTextProps) -> Html {
    let words = props.problem.words();
    if props.inline {
        html! { <span id={props.id.clone()} class={props.class.clone()}>{words}</span> }
    } else {
        html! { <p id={props.id.clone()} class={props.class.clone()}>{words}</p> }
    }
}
