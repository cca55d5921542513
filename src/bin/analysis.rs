//! The what-if analysis web worker's entry point: registers the analysis reactor (built by trunk as
//! `analysis.js`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use yew_agent::Registrable;
        journey_sim::app::analysis::worker::AnalysisReactor::registrar().register();
    }
}
