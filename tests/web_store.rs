//! Component tests of the library panel, notices and undo over an in-memory store (wasm-bindgen-test):
//! `cargo test --target wasm32-unknown-unknown --test web_store`.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use journey_sim::app::persist::Storage;
use journey_sim::app::{App, AppProps};
use journey_sim::store::{KeyValue, MemoryStore};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    TimeoutFuture::new(30).await;
}

async fn mount(store: MemoryStore) -> (Element, Storage) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let storage = Storage::memory(store);
    let props = AppProps {
        workers: false,
        storage: Some(storage.clone()),
        url: false,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, storage)
}

fn all(root: &Element, id: &str) -> Vec<Element> {
    let list = root
        .query_selector_all(&format!("[data-testid='{id}']"))
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn by_id(root: &Element, id: &str) -> Element {
    all(root, id)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no element {id}"))
}

async fn click(el: &Element) {
    el.clone().dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
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

fn text(root: &Element, id: &str) -> String {
    by_id(root, id).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn saves_lists_duplicates_and_deletes() {
    let (root, storage) = mount(MemoryStore::new()).await;
    assert_eq!(all(&root, "library-item").len(), 0);
    type_into(&root, "save-name", "Plan A").await;
    click(&by_id(&root, "save-button")).await;
    assert_eq!(text(&root, "library-name"), "Plan A");
    assert!(text(&root, "notice").contains("Saved"));
    click(&by_id(&root, "library-duplicate")).await;
    assert_eq!(all(&root, "library-item").len(), 2);
    let delete = by_id(&root, "library-delete");
    click(&delete).await;
    click(&by_id(&root, "library-delete")).await;
    assert_eq!(all(&root, "library-item").len(), 1);
    assert_eq!(storage.list().0.len(), 1);
}

#[wasm_bindgen_test]
async fn a_full_store_keeps_the_previous_version_and_says_so() {
    let (root, storage) = mount(MemoryStore::new()).await;
    type_into(&root, "save-name", "Plan B").await;
    click(&by_id(&root, "save-button")).await;
    let before = storage.with(|l| l.store().keys().unwrap().len());
    storage.with(|l| {
        if let journey_sim::store::AnyStore::Memory(m) = l.store_mut() {
            m.set_quota(Some(10));
        }
    });
    type_into(&root, "meta-name", "Plan B, edited").await;
    click(&by_id(&root, "save-button")).await; // over "Plan B": refused, the old version stays
    let notice = text(&root, "notice");
    assert!(notice.contains("storage is full"), "{notice}");
    assert_eq!(storage.with(|l| l.store().keys().unwrap().len()), before);
    assert_eq!(text(&root, "library-name"), "Plan B");
}

#[wasm_bindgen_test]
async fn corrupt_entries_are_listed_and_kept_aside() {
    let mut store = MemoryStore::new();
    store
        .set("journey-sim/v1/scenario/broken", "{not json")
        .unwrap();
    let (root, storage) = mount(store).await;
    assert_eq!(all(&root, "library-corrupt").len(), 1);
    let keys = storage.with(|l| l.store().keys().unwrap());
    assert!(
        keys.iter()
            .any(|k| k.starts_with("journey-sim/v1/corrupt/")),
        "{keys:?}"
    );
}

#[wasm_bindgen_test]
async fn undo_restores_the_previous_value() {
    let (root, _) = mount(MemoryStore::new()).await;
    let seed: HtmlInputElement = by_id(&root, "meta-seed").dyn_into().unwrap();
    let original = seed.value();
    type_into(&root, "meta-seed", "777").await;
    assert!(!by_id(&root, "undo-button")
        .dyn_into::<web_sys::HtmlButtonElement>()
        .unwrap()
        .disabled());
    click(&by_id(&root, "undo-button")).await;
    let seed: HtmlInputElement = by_id(&root, "meta-seed").dyn_into().unwrap();
    assert_eq!(seed.value(), original);
}
