//! The browser app's entry point (built by trunk from index.html).

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<journey_sim::app::App>::with_props(journey_sim::app::AppProps {
        workers: true,
        storage: None,
        url: true,
    })
    .render();
}
