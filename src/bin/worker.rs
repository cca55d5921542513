//! The engine web worker's entry point: registers the engine reactor (built by trunk as `worker.js`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use yew_agent::Registrable;
        journey_sim::app::worker::EngineReactor::registrar().register();
    }
}
