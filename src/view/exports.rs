//! "Export CSV" and "Export JSON": the breakdown and the full report as
//! files, made in the browser.

use std::rc::Rc;

use social8020_core::export;
use social8020_core::pareto::Breakdown;
use social8020_core::scenario::Scenario;
use social8020_core::score::{NoScore, Score, ScoreConfig};
use yew::prelude::*;

use crate::browser::download::{self, today_iso, CSV_MIME, JSON_MIME};
use crate::view::share::share_link;

#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    /// `None` until the visitor has one complete activity.
    pub scenario: Option<Rc<Scenario>>,
    pub breakdown: Option<Rc<Breakdown>>,
    pub score: Option<Rc<Result<Score, NoScore>>>,
    pub config: Rc<ScoreConfig>,
    pub on_announce: Callback<String>,
}

#[component]
pub fn Exports(props: &ExportsProps) -> Html {
    let problem = use_state(|| None::<String>);
    let report = {
        let problem = problem.clone();
        let announce = props.on_announce.clone();
        move |result: Result<String, String>| match result {
            Ok(done) => {
                problem.set(None);
                announce.emit(done);
            }
            Err(message) => {
                announce.emit(message.clone());
                problem.set(Some(message));
            }
        }
    };
    let on_csv = {
        let scenario = props.scenario.clone();
        let breakdown = props.breakdown.clone();
        let report = report.clone();
        Callback::from(move |_| {
            report(match (&scenario, &breakdown) {
                (Some(s), Some(b)) => save(&export::breakdown_csv(s, b), "csv", CSV_MIME),
                _ => Err(
                    "Enter at least one activity with results to export the breakdown.".to_owned(),
                ),
            })
        })
    };
    let on_json = {
        let scenario = props.scenario.clone();
        let breakdown = props.breakdown.clone();
        let score = props.score.clone();
        let config = Rc::clone(&props.config);
        Callback::from(move |_| {
            report(match (&scenario, &score) {
                (Some(s), Some(score)) => {
                    let link = share_link(s).ok();
                    let json = export::report_json(
                        s,
                        breakdown.as_deref(),
                        score.as_ref().as_ref(),
                        &config,
                        link.as_deref(),
                    );
                    save(&json, "json", JSON_MIME)
                }
                _ => Err("Enter at least one complete activity to export a report.".to_owned()),
            })
        })
    };
    html! {
        <div class="exports">
            <button type="button" class="button button--quiet" onclick={on_csv}>{"Export CSV"}</button>
            <button type="button" class="button button--quiet" onclick={on_json}>{"Export JSON"}</button>
            if let Some(message) = &*problem {
                <span class="exports__problem">{message.clone()}</span>
            }
        </div>
    }
}

/// Downloads `content` under today's file name; the text to announce.
fn save(content: &str, extension: &str, mime: &str) -> Result<String, String> {
    let name = export::file_name(&today_iso(), extension);
    download::download(&name, mime, content)
        .map(|()| format!("Downloaded {name}."))
        .map_err(|e| e.to_string())
}
