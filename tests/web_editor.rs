//! Component tests of the editor in headless Chromium (wasm-bindgen-test):
//! `cargo test --target wasm32-unknown-unknown --test web_editor`.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use journey_sim::app::persist::Storage;
use journey_sim::app::{App, AppProps};
use journey_sim::store::MemoryStore;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlButtonElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    TimeoutFuture::new(30).await;
}

async fn mount() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        workers: false,
        storage: Some(Storage::memory(MemoryStore::new())),
        url: false,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

fn by_id(root: &Element, id: &str) -> Element {
    root.query_selector(&format!("[data-testid='{id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element {id}"))
}

async fn type_into(root: &Element, id: &str, text: &str) {
    let input: HtmlInputElement = by_id(root, id).dyn_into().unwrap();
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    settle().await;
}

fn run_disabled(root: &Element) -> bool {
    by_id(root, "run-button")
        .dyn_into::<HtmlButtonElement>()
        .unwrap()
        .disabled()
}

#[wasm_bindgen_test]
async fn default_journey_is_valid_and_runnable() {
    let root = mount().await;
    assert!(!run_disabled(&root));
    let name: HtmlInputElement = by_id(&root, "stage-0-name").dyn_into().unwrap();
    assert!(!name.value().is_empty());
    assert!(by_id(&root, "problems")
        .text_content()
        .unwrap()
        .contains("valid"));
}

#[wasm_bindgen_test]
async fn invalid_conversion_shows_the_engine_message_and_disables_run() {
    let root = mount().await;
    type_into(&root, "stage-0-conversion", "150").await;
    let message = by_id(&root, "stage-0-conversion")
        .closest(".field")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    let expected = journey_sim::sim::validate(&{
        let mut s = journey_sim::sim::templates::default_scenario();
        s.stages[0].conversion = journey_sim::sim::Prob::Point(1.5);
        s
    });
    let p = expected
        .iter()
        .find(|p| p.path.starts_with("stages[0].conversion"))
        .expect("engine rejects 150%");
    assert!(
        message.contains(&p.message),
        "field shows {message:?}, engine says {:?}",
        p.message
    );
    assert!(by_id(&root, "problems")
        .text_content()
        .unwrap()
        .contains(&p.message));
    assert!(run_disabled(&root));
    type_into(&root, "stage-0-conversion", "40").await;
    assert!(!run_disabled(&root));
}

#[wasm_bindgen_test]
async fn unreadable_text_is_kept_and_explained() {
    let root = mount().await;
    type_into(&root, "meta-runs", "abc").await;
    let input: HtmlInputElement = by_id(&root, "meta-runs").dyn_into().unwrap();
    assert_eq!(input.value(), "abc");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let field = input
        .closest(".field")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(field.contains("not a"), "{field}");
    assert!(run_disabled(&root));
    type_into(&root, "stage-0-conversion", "20 – 30").await;
    type_into(&root, "meta-runs", "1000").await;
    assert!(!run_disabled(&root));
}

/// Items of a list panel: (remove buttons, legends).
fn list_items(root: &Element, id: &str) -> (u32, Vec<String>) {
    let removes = root
        .query_selector_all(&format!("[data-testid^='{id}-'][data-testid$='-remove']"))
        .unwrap();
    let fieldsets = by_id(root, &format!("{id}-add"))
        .parent_element()
        .unwrap()
        .query_selector_all("fieldset.item legend")
        .unwrap();
    let legends = (0..fieldsets.length())
        .filter_map(|k| fieldsets.item(k)?.text_content())
        .collect();
    (removes.length(), legends)
}

async fn click(root: &Element, id: &str) {
    by_id(root, id)
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    settle().await;
}

#[wasm_bindgen_test]
async fn pain_points_and_happy_moments_are_added_and_removed() {
    let root = mount().await;
    let lists = [
        ("pain", "Pain point", "abandon"),
        ("happy", "Happy moment", "recovers"),
    ];
    for (id, noun, last) in lists {
        let (before, _) = list_items(&root, id);
        click(&root, &format!("{id}-add")).await;
        let (after, legends) = list_items(&root, id);
        assert_eq!(after, before + 1, "{id}: one more item");
        let n = before;
        assert_eq!(
            legends.last().map(String::as_str),
            Some(format!("{noun} {}", n + 1).as_str())
        );
        for part in ["name", "stage", "probability", last] {
            by_id(&root, &format!("{id}-{n}-{part}"));
        }
        let remove = by_id(&root, &format!("{id}-{n}-remove"));
        assert!(remove
            .get_attribute("aria-label")
            .unwrap()
            .starts_with("Remove"));
        assert!(!remove.has_attribute("disabled"), "{id}: remove is enabled");
        click(&root, &format!("{id}-{n}-remove")).await;
        assert_eq!(list_items(&root, id).0, before, "{id}: removed again");
    }
}
