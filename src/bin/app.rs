//! The browser app's entry point (built by trunk from index.html). The same wasm runs in the web workers:
//! there `main` does nothing (no `window`) and the worker's loader calls [`start_worker`].

fn main() {
    #[cfg(target_arch = "wasm32")]
    if web_sys::window().is_some() {
        yew::Renderer::<journey_sim::app::App>::with_props(journey_sim::app::AppProps {
            workers: true,
            storage: None,
            url: true,
        })
        .render();
    }
}

/// Registers the reactor of `role` (`"engine"` or `"analysis"`) in this web worker.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start_worker(role: &str) {
    if let Some(role) = journey_sim::app::spawn::Role::from_name(role) {
        journey_sim::app::spawn::start(role);
    }
}
