//! The one place that shows a problem: a field's error, a link that could
//! not be opened, an export that failed, a row that was not imported. The
//! words come from [`crate::text::Problem::words`].
//!
//! It is a function rather than a component: a problem has nothing to keep
//! between renders, and each component costs the bundle about 1 KB.

use yew::prelude::*;

use crate::text::Problem;
use crate::view::class_list;

/// A paragraph of its own (`id` for `aria-describedby` on the control it
/// belongs to).
pub fn problem_paragraph(problem: &Problem, class: &'static str, id: Option<String>) -> Html {
    html! { <p {id} class={class_list(&[class])}>{problem.words()}</p> }
}

/// A `<span>` inside a line of text.
pub fn problem_inline(problem: &Problem, class: &'static str) -> Html {
    html! { <span class={class_list(&[class])}>{problem.words()}</span> }
}
