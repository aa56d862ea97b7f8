//! Paste rows from a spreadsheet, or import a CSV file. Good rows are
//! added, bad rows are listed with their row number and reason, and the
//! whole import can be undone.

use js_sys::Uint8Array;
use social8020_core::encoding::decode_file;
use social8020_core::import::{self, Import};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ClipboardEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::state::{Action, State};
use crate::text::{t, ImportSummary, Key, Notice, Problem};
use crate::view::problem::problem_inline;

/// Largest file read; the parser refuses more than this anyway.
pub const MAX_FILE_BYTES: f64 = 1_048_576.0;

/// The outcome shown under the import controls.
#[derive(Clone, Debug, Default, PartialEq)]
struct Outcome {
    added: usize,
    /// Rows left out for a problem of their own, each counted once.
    rows_to_fix: usize,
    problems: Vec<Problem>,
}

impl Outcome {
    fn refused(problem: Problem) -> Outcome {
        Outcome {
            problems: vec![problem],
            ..Outcome::default()
        }
    }

    fn summary(&self) -> ImportSummary {
        ImportSummary {
            added: self.added,
            to_fix: self.rows_to_fix,
        }
    }
}

/// Reads `text` as rows and adds the good ones, as many as the state has
/// room for; the outcome to show.
fn apply(text: &str, state: &UseReducerHandle<State>) -> Outcome {
    let import = import::parse_rows_with_room(text, state.import_room());
    let rows_to_fix = import.rows_to_fix();
    let Import { rows, problems } = import;
    let added = rows.len();
    state.dispatch(Action::ImportRows(
        rows.into_iter().map(|row| row.activity).collect(),
    ));
    Outcome {
        added,
        rows_to_fix,
        problems: problems.into_iter().map(Problem::ImportRow).collect(),
    }
}

/// True when pasted text looks like spreadsheet rows rather than a value
/// for one field: several cells or several lines.
pub fn looks_like_rows(text: &str) -> bool {
    text.contains('\t') || text.trim().lines().count() > 1
}

/// "Paste rows" and "Import CSV": the text pasted so far and what the
/// last import did. State of App ([`use_import_rows`]), rendered by
/// [`ImportRows::view`].
pub struct ImportRows {
    outcome: UseStateHandle<Option<Outcome>>,
    pasted: UseStateHandle<String>,
}

#[hook]
pub fn use_import_rows() -> ImportRows {
    ImportRows {
        outcome: use_state(|| None::<Outcome>),
        pasted: use_state(String::new),
    }
}

impl ImportRows {
    /// The import's controls and outcome; rows go into `state`, and
    /// `on_notice` says what an import did.
    pub fn view(&self, state: &UseReducerHandle<State>, on_notice: &Callback<Notice>) -> Html {
        let ImportRows { outcome, pasted } = self;
        let show = {
            let outcome = outcome.clone();
            let notice = on_notice.clone();
            move |result: Outcome| {
                notice.emit(Notice::Imported(result.summary()));
                outcome.set(Some(result));
            }
        };
        let on_text = {
            let pasted = pasted.clone();
            Callback::from(move |e: InputEvent| {
                pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            })
        };
        let on_add = {
            let pasted = pasted.clone();
            let state = state.clone();
            let show = show.clone();
            Callback::from(move |_| {
                let result = apply(&pasted, &state);
                if result.added > 0 {
                    pasted.set(String::new());
                }
                show(result);
            })
        };
        let on_file = {
            let state = state.clone();
            let show = show.clone();
            Callback::from(move |e: Event| {
                let input = e.target_unchecked_into::<HtmlInputElement>();
                let Some(file) = input.files().and_then(|files| files.get(0)) else {
                    return;
                };
                // The same file can be chosen again after a fix.
                input.set_value("");
                if file.size() > MAX_FILE_BYTES {
                    show(Outcome::refused(Problem::FileTooLarge));
                    return;
                }
                let state = state.clone();
                let show = show.clone();
                spawn_local(async move {
                    // The bytes, not `file.text()`: that reads every file as
                    // UTF-8 and silently puts `�` for what it cannot read. The
                    // core reads UTF-8, UTF-16 and Windows-1252, or says why not.
                    let bytes = JsFuture::from(file.array_buffer())
                        .await
                        .ok()
                        .map(|buffer| Uint8Array::new(&buffer).to_vec());
                    match bytes.map(|bytes| decode_file(&bytes)) {
                        Some(Ok(text)) => show(apply(&text, &state)),
                        Some(Err(problem)) => show(Outcome::refused(Problem::FileNotText(problem))),
                        None => show(Outcome::refused(Problem::FileUnreadable)),
                    }
                });
            })
        };
        html! {
            <details class="import">
                <summary>{t(Key::ImportOpen)}</summary>
                <div class="import__body">
                    <p class="field__hint" id="import-hint">{t(Key::ImportHint)}</p>
                    <div class="field">
                        <label for="import-text" class="field__label">{t(Key::ImportPasteLabel)}</label>
                        <textarea
                            id="import-text"
                            class="field__input import__text"
                            rows="4"
                            aria-describedby="import-hint"
                            value={(**pasted).clone()}
                            oninput={on_text}
                        />
                    </div>
                    <div class="import__actions">
                        <button type="button" class="button button--quiet" onclick={on_add}>{t(Key::ImportAddPasted)}</button>
                        <label class="button button--quiet import__file">
                            {t(Key::ImportFileButton)}
                            <input type="file" class="visually-hidden" accept=".csv,.tsv,.txt,text/csv,text/plain" onchange={on_file} />
                        </label>
                    </div>
                    if let Some(result) = &**outcome {
                        <div class="import__outcome" data-testid="import-outcome">
                            <p>{result.summary().words()}</p>
                            if !result.problems.is_empty() {
                                <ul class="import__problems">
                                    for problem in &result.problems {
                                        <li>{problem_inline(problem, "")}</li>
                                    }
                                </ul>
                            }
                        </div>
                    }
                </div>
            </details>
        }
    }
}

/// Handles a paste into the activity list: spreadsheet rows become
/// activities; a plain value goes into its field as usual.
pub fn paste_handler(state: UseReducerHandle<State>, notice: Callback<Notice>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let Some(text) = e
            .dyn_ref::<ClipboardEvent>()
            .and_then(ClipboardEvent::clipboard_data)
            .and_then(|data| data.get_data("text/plain").ok())
        else {
            return;
        };
        if !looks_like_rows(&text) {
            return;
        }
        e.prevent_default();
        notice.emit(Notice::Imported(apply(&text, &state).summary()));
    })
}
