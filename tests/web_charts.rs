//! Chart rendering from a summary in headless Chromium (wasm-bindgen-test):
//! `cargo test --target wasm32-unknown-unknown --test web_charts`.
#![cfg(target_arch = "wasm32")]

use journey_sim::app::charts::{
    advocacy_svg, funnel_svg, histogram_svg, retention_svg, ChartOptions, Theme,
};
use journey_sim::app::engine::protocol::{pack, unpack};
use journey_sim::sim::templates::default_scenario;
use journey_sim::sim::{Kpi, Simulation, Summary};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn small_summary() -> Summary {
    let mut s = default_scenario();
    s.meta.runs = 200;
    Simulation::new(&s)
        .expect("default scenario is valid")
        .run()
}

#[wasm_bindgen_test]
fn every_chart_renders_svg_from_a_summary() {
    let summary = small_summary();
    let o = ChartOptions {
        width: 800,
        height: 440,
        theme: Theme::Light,
        currency: "€".into(),
    };
    for svg in [
        funnel_svg(&summary, &o).unwrap(),
        retention_svg(&summary, &o).unwrap(),
        advocacy_svg(&summary, &o).unwrap(),
        histogram_svg(&summary, Kpi::Purchased, &o).unwrap(),
    ] {
        assert!(svg.contains("<svg"), "{}", &svg[..svg.len().min(200)]);
        let doc = web_sys::window().unwrap().document().unwrap();
        let div = doc.create_element("div").unwrap();
        div.set_inner_html(&svg);
        assert!(div.query_selector("svg").unwrap().is_some());
    }
}

#[wasm_bindgen_test]
fn summaries_and_batches_survive_the_worker_messages() {
    let mut s = default_scenario();
    s.meta.runs = 150;
    let sim = Simulation::new(&s).unwrap();
    let batch = sim.run_batch(1);
    let back = unpack(
        &pack(&batch.records),
        s.stages.len(),
        s.meta.horizon as usize,
    )
    .unwrap();
    assert_eq!(back.len(), batch.records.len());
    for (a, b) in back.iter().zip(&batch.records) {
        assert_eq!(a.series, b.series);
        assert_eq!(
            a.kpis.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            b.kpis.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }
    let summary = sim.run();
    let json = serde_json::to_string(&summary).unwrap();
    let again: Summary = serde_json::from_str(&json).unwrap();
    assert_eq!(again.runs, summary.runs);
    assert_eq!(again.kpis.len(), summary.kpis.len());
}
