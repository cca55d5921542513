//! The browser calls, through `web_sys` (errors, e.g. in odd sandboxes, are ignored: each call does what
//! the page allows and nothing else).

mod download;

pub use download::{download_svg_as_png, download_text};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

/// Milliseconds since the page loaded (`performance.now()`).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Milliseconds since the epoch (`Date.now()`).
pub fn epoch_ms() -> f64 {
    js_sys::Date::now()
}

/// Whether the system asks for a dark theme.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The page address (`location.href`).
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The URL fragment, with its `#` (empty when there is none).
pub fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the page address without a new history entry (`history.replaceState`).
pub fn replace_address(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// Reloads the page.
pub fn reload_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Focuses the element with id `id`.
pub fn focus_element(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses and selects the text of the input or textarea with test id `test_id`.
pub fn select_field(test_id: &str) {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector(&format!("[data-testid='{test_id}']"))
            .ok()
            .flatten()
    });
    if let Some(i) = el
        .clone()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let _ = i.focus();
        i.select();
    } else if let Some(t) = el.and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        let _ = t.focus();
        t.select();
    }
}

/// Tries the Clipboard API; `on_done(true)` once copied, `on_done(false)` if unavailable or refused.
pub fn copy_text(text: &str, on_done: Callback<bool>) {
    let navigator = web_sys::window().map(|w| w.navigator());
    let has = navigator.as_ref().is_some_and(|n| {
        js_sys::Reflect::get(n, &JsValue::from_str("clipboard")).is_ok_and(|c| c.is_object())
    });
    let Some(navigator) = navigator.filter(|_| has) else {
        on_done.emit(false);
        return;
    };
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        on_done.emit(ok);
    });
}

/// Reads the text of `file`, then calls `on_done` with it (`None` if the browser could not read it).
pub fn read_text(file: web_sys::File, on_done: impl FnOnce(Option<String>) + 'static) {
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise).await;
        on_done(text.ok().map(|t| t.as_string().unwrap_or_default()));
    });
}

/// Calls a function with every event of one type on the window, until dropped.
pub struct WindowListener {
    event: &'static str,
    closure: Closure<dyn Fn(web_sys::Event)>,
}

impl WindowListener {
    /// Calls `on_event` with every `event` on the window.
    pub fn new(event: &'static str, on_event: impl Fn(web_sys::Event) + 'static) -> Self {
        let closure = Closure::<dyn Fn(web_sys::Event)>::new(on_event);
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
        WindowListener { event, closure }
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let f = self.closure.as_ref().unchecked_ref();
            let _ = w.remove_event_listener_with_callback(self.event, f);
        }
    }
}
