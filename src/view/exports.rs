//! "Export CSV" and "Export JSON": the breakdown and the full report as
//! files, made in the browser.

use std::rc::Rc;

use social8020_core::analysis::Analysis;
use social8020_core::export;
use yew::prelude::*;

use crate::browser::download::{self, today_iso, CSV_MIME, JSON_MIME};
use crate::text::{Notice, Problem};
use crate::view::problem::problem_inline;
use crate::view::share::share_link;

#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    /// `None` until the visitor has one complete activity.
    pub analysis: Option<Rc<Analysis>>,
    pub on_notice: Callback<Notice>,
}

#[component]
pub fn Exports(props: &ExportsProps) -> Html {
    let host = crate::browser::frame::host();
    let problem = use_state(|| None::<Problem>);
    let report = {
        let problem = problem.clone();
        let notice = props.on_notice.clone();
        move |result: Result<String, Problem>| match result {
            Ok(file_name) => {
                problem.set(None);
                notice.emit(Notice::Downloaded(file_name));
            }
            Err(trouble) => {
                notice.emit(Notice::Problem(trouble.clone()));
                problem.set(Some(trouble));
            }
        }
    };
    let on_csv = {
        let analysis = props.analysis.clone();
        let report = report.clone();
        Callback::from(move |_| {
            report(match analysis.as_deref().map(Analysis::breakdown) {
                Some(Ok(breakdown)) => save(&export::breakdown_csv(breakdown), "csv", CSV_MIME),
                Some(Err(none)) => Err(Problem::NoBreakdown(none)),
                None => Err(Problem::NothingComplete),
            })
        })
    };
    let on_json = {
        let analysis = props.analysis.clone();
        Callback::from(move |_| {
            report(match &analysis {
                Some(analysis) => {
                    let link = share_link(analysis.scenario(), &host).ok();
                    save(
                        &export::report_json(analysis, link.as_deref()),
                        "json",
                        JSON_MIME,
                    )
                }
                None => Err(Problem::NothingComplete),
            })
        })
    };
    html! {
        <div class="exports">
            <button type="button" class="button button--quiet" onclick={on_csv}>{"Export CSV"}</button>
            <button type="button" class="button button--quiet" onclick={on_json}>{"Export JSON"}</button>
            if let Some(problem) = &*problem {
                {problem_inline(problem, "exports__problem")}
            }
        </div>
    }
}

/// Downloads `content` under today's file name, which it returns.
fn save(content: &str, extension: &str, mime: &str) -> Result<String, Problem> {
    let name = export::file_name(&today_iso(), extension);
    download::download(&name, mime, content)
        .map(|()| name)
        .map_err(Problem::Download)
}
