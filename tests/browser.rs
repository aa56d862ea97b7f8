//! The real App mounted in headless Chromium (wasm-bindgen-test). Each test
//! mounts its own copy and waits for Yew's scheduler, never a sleep.

#![cfg(target_arch = "wasm32")]

use social8020::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> Element {
    // The page's start script installs the visitor's catalog; here, English.
    let _ = social8020::text::catalog::install(social8020::text::catalog::ENGLISH, "en");
    // Each test starts as a new visitor: nothing autosaved by another test.
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        let _ = storage.clear();
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("appended");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Types `value` into the input as a visitor would: set it, fire `input`.
async fn type_into(input: &Element, value: &str) {
    let input: &HtmlInputElement = input.dyn_ref().expect("an input");
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).expect("an event");
    input.dispatch_event(&event).expect("dispatched");
    yew::scheduler::flush().await;
}

async fn click(root: &Element, selector: &str) {
    find(root, selector)
        .dyn_into::<HtmlElement>()
        .expect("an element")
        .click();
    yew::scheduler::flush().await;
}

/// The input of row `n` (1-based) whose label starts with `label`.
fn row_input(root: &Element, n: usize, label: &str) -> Element {
    let group = find(root, &format!("[role=group][aria-label='Activity {n}']"));
    let labels = group.query_selector_all("label").expect("labels");
    for i in 0..labels.length() {
        let Some(node) = labels.item(i) else { continue };
        let label_el: Element = node.dyn_into().expect("an element");
        if label_el
            .text_content()
            .unwrap_or_default()
            .starts_with(label)
        {
            let id = label_el.get_attribute("for").expect("label has for");
            return find(root, &format!("#{id}"));
        }
    }
    panic!("no {label} field in activity {n}");
}

#[wasm_bindgen_test]
async fn shows_the_worked_example_with_its_headline() {
    let root = mount().await;
    assert_eq!(
        text(&root, "[data-testid=headline]"),
        "3 of 8 activities (38 %) bring 81 % of your results, using 18 % of your time."
    );
    let groups = root
        .query_selector_all(".activity[role=group]")
        .expect("groups");
    assert_eq!(groups.length(), 8);
    for label in ["Name", "Type", "Hours per month", "Results (USD)"] {
        row_input(&root, 8, label);
    }
    find(&root, "button[aria-label='Remove activity 8']");
}

#[wasm_bindgen_test]
async fn bad_input_is_marked_and_kept_and_the_last_results_stay() {
    let root = mount().await;
    let hours = row_input(&root, 1, "Hours");
    type_into(&hours, "12h").await;
    assert_eq!(hours.get_attribute("aria-invalid").as_deref(), Some("true"));
    let message_id = hours.get_attribute("aria-describedby").expect("described");
    assert_eq!(
        text(&root, &format!("#{message_id}")),
        "Enter a number using digits, such as 12 or 2.5."
    );
    assert_eq!(
        hours.dyn_ref::<HtmlInputElement>().map(|i| i.value()),
        Some("12h".into())
    );
    assert!(text(&root, "[data-testid=headline]").starts_with("3 of 8 activities"));

    // Moving 20 hours off Instagram posts: 3 of 8 now use 25 % of the time.
    type_into(&hours, "2").await;
    assert_eq!(hours.get_attribute("aria-invalid"), None);
    assert_eq!(
        text(&root, "[data-testid=headline]"),
        "3 of 8 activities (38 %) bring 81 % of your results, using 25 % of your time."
    );
}

#[wasm_bindgen_test]
async fn clear_all_is_undoable() {
    let root = mount().await;
    let clear = root.query_selector_all("button").expect("buttons");
    let mut clicked = false;
    for i in 0..clear.length() {
        let Some(node) = clear.item(i) else { continue };
        let button: HtmlElement = node.dyn_into().expect("a button");
        if button.text_content().as_deref() == Some("Clear all") {
            button.click();
            clicked = true;
        }
    }
    assert!(clicked, "a Clear all button");
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all(".activity[role=group]")
            .map(|g| g.length()),
        Ok(1)
    );
    assert_eq!(
        text(&root, "[data-testid=headline]"),
        "Start with one activity."
    );
    click(&root, ".undo-bar .button").await;
    assert_eq!(
        root.query_selector_all(".activity[role=group]")
            .map(|g| g.length()),
        Ok(8)
    );
}
