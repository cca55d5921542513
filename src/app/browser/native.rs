//! Stand-ins for the browser calls outside a browser (native builds: `cargo test`, clippy): they do
//! nothing and answer "nothing there". Signatures match `web`'s one for one.

use yew::Callback;

/// Milliseconds since the page loaded: 0.
pub fn now_ms() -> f64 {
    0.0
}

/// Milliseconds since the epoch: 0.
pub fn epoch_ms() -> f64 {
    0.0
}

/// Whether the system asks for a dark theme: no.
pub fn prefers_dark() -> bool {
    false
}

/// The page address: empty.
pub fn page_address() -> String {
    String::new()
}

/// The URL fragment: empty.
pub fn current_fragment() -> String {
    String::new()
}

/// Replacing the address does nothing.
pub fn replace_address(url: &str) {
    let _ = url;
}

/// Reloading does nothing.
pub fn reload_page() {}

/// There is no element to focus.
pub fn focus_element(id: &str) {
    let _ = id;
}

/// There is no field to select.
pub fn select_field(test_id: &str) {
    let _ = test_id;
}

/// There is no clipboard: `on_done(false)`.
pub fn copy_text(text: &str, on_done: Callback<bool>) {
    let _ = text;
    on_done.emit(false);
}

/// There are no files to read.
pub fn read_text(file: web_sys::File, on_done: impl FnOnce(Option<String>) + 'static) {
    drop((file, on_done));
}

/// Downloading does nothing.
pub fn download_text(name: &str, mime: &str, text: &str) {
    let _ = (name, mime, text);
}

/// Downloading does nothing.
pub fn download_svg_as_png(name: &str, svg: &str, width: u32, height: u32) {
    let _ = (name, svg, width, height);
}

/// A window event listener that never hears anything.
pub struct WindowListener;

impl WindowListener {
    /// Listens to nothing.
    pub fn new(event: &'static str, on_event: impl Fn(web_sys::Event) + 'static) -> Self {
        let _ = (event, on_event);
        WindowListener
    }
}

impl Drop for WindowListener {
    /// Stops listening (to nothing), as the browser's listener does when dropped.
    fn drop(&mut self) {}
}
