//! The what-if panel's result views and variant editor in headless Chromium (wasm-bindgen-test):
//! `cargo test --target wasm32-unknown-unknown --test web_whatif`. The views are rendered from engine
//! results computed here (small runs).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use journey_sim::app::analysis::protocol::Reply;
use journey_sim::app::analysis::views::{ResultView, ViewProps};
use journey_sim::app::analysis::{AnalysisPanel, AnalysisProps};
use journey_sim::sim::params::ParamId;
use journey_sim::sim::templates::default_scenario;
use journey_sim::sim::whatif::{compare, rank_pain_points, seek_target, tornado};
use journey_sim::sim::{Kpi, Scenario};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};
use yew_agent::codec::{Bincode, Codec};

wasm_bindgen_test_configure!(run_in_browser);

fn small() -> Scenario {
    let mut s = default_scenario();
    s.meta.runs = 120;
    s
}

fn root() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn by_id(root: &Element, id: &str) -> Element {
    root.query_selector(&format!("[data-testid='{id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element {id} in {}", root.inner_html()))
}

/// Renders the result view of `reply` (sent through the workers' codec first) and returns its root.
async fn render(reply: Reply, kpi: Kpi) -> Element {
    let reply: Reply = Bincode::decode(Bincode::encode(&reply));
    let root = root();
    let props = ViewProps {
        reply: Rc::new(reply),
        currency: "€".into(),
        theme: Default::default(),
        elapsed_ms: Some(123.0),
        run: 1,
        kpi,
    };
    yew::Renderer::<ResultView>::with_root_and_props(root.clone(), props).render();
    TimeoutFuture::new(30).await;
    root
}

#[wasm_bindgen_test]
async fn comparison_shows_p_better_and_overlaid_charts() {
    let s = small();
    let mut better = s.clone();
    better.meta.name = "Better".into();
    for st in &mut better.stages {
        st.conversion = st.conversion.scaled(1.2);
    }
    let c = compare(&s, &[better]).unwrap();
    let p = c.variants[0].diffs[&Kpi::Purchased].p_better;
    let root = render(Reply::Compare(c), Kpi::Purchased).await;
    let view = by_id(&root, "compare-view");
    assert_eq!(
        view.get_attribute("data-elapsed-ms").as_deref(),
        Some("123")
    );
    let cell = by_id(&root, "p-better-purchased");
    assert_eq!(cell.text_content().unwrap(), format!("{:.1}%", p * 100.0));
    assert!(p > 0.9, "P(better) {p}");
    for id in ["compare-funnel", "compare-retention", "compare-advocacy"] {
        let chart = by_id(&root, &format!("whatif-chart-{id}"));
        assert!(
            chart.query_selector("svg").unwrap().is_some(),
            "{id} has no SVG"
        );
    }
    for id in [
        "whatif-csv-comparison",
        "whatif-csv-compare-funnel",
        "whatif-csv-compare-retention",
        "whatif-csv-compare-advocacy",
        "whatif-png-compare-funnel",
        "whatif-svg-compare-funnel",
    ] {
        by_id(&root, id);
    }
    assert_eq!(view.get_attribute("data-answer").as_deref(), Some("1"));
}

#[wasm_bindgen_test]
async fn tornado_draws_sorted_bars_and_the_rank_correlations() {
    let t = tornado(&small(), Kpi::Purchased, 100).unwrap();
    let (n, top) = (t.bars.len(), t.bars[0].input.label.clone());
    assert!(t.bars.windows(2).all(|w| w[0].swing() >= w[1].swing()));
    let root = render(Reply::Tornado(t), Kpi::Purchased).await;
    let view = by_id(&root, "tornado");
    assert_eq!(view.get_attribute("data-bars"), Some(n.to_string()));
    let svg = view.query_selector("svg").unwrap().expect("tornado SVG");
    assert!(svg
        .text_content()
        .unwrap()
        .contains(&top[..top.len().min(12)]));
    let rows = by_id(&root, "whatif-importance")
        .query_selector_all("tbody tr")
        .unwrap();
    assert!(rows.length() > 0, "no rank correlations");
    by_id(&root, "whatif-png-tornado");
}

#[wasm_bindgen_test]
async fn pain_ranking_says_what_fixing_each_pain_point_is_worth() {
    let s = small();
    let rows = rank_pain_points(&s, Kpi::Purchased, 100).unwrap();
    let first = rows[0].clone();
    let root = render(Reply::PainRanking(rows), Kpi::Purchased).await;
    let view = by_id(&root, "painpoint-ranking");
    assert_eq!(
        view.get_attribute("data-rows"),
        Some(s.pain_points.len().to_string())
    );
    let text = view.text_content().unwrap();
    assert!(
        text.contains(&format!("Fixing “{}” is worth", first.name)),
        "{text}"
    );
    assert!(view.query_selector("svg").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn target_answer_and_unreachable_target() {
    let s = small();
    let a = seek_target(&s, ParamId::Conversion(0), Kpi::Purchased, 1e12, 20).unwrap();
    let root = render(Reply::Target(a), Kpi::Purchased).await;
    assert!(by_id(&root, "target-unreachable")
        .text_content()
        .unwrap()
        .contains("Unreachable"));
    let lo = seek_target(&s, ParamId::Conversion(0), Kpi::Purchased, 0.0, 0).unwrap();
    let mid = (lo.range.0 + lo.range.1) / 2.0;
    let a = seek_target(&s, ParamId::Conversion(0), Kpi::Purchased, mid, 20).unwrap();
    let v = a.value.unwrap();
    let root = render(Reply::Target(a), Kpi::Purchased).await;
    assert_eq!(
        by_id(&root, "target-value").text_content().unwrap(),
        format!("{:.1}%", v * 100.0)
    );
    by_id(&root, "whatif-csv-target");
}

#[wasm_bindgen_test]
async fn variants_are_edited_in_percent_and_validated() {
    let root = root();
    let props = AnalysisProps {
        scenario: small(),
        workers: false,
        projector: false,
    };
    yew::Renderer::<AnalysisPanel>::with_root_and_props(root.clone(), props).render();
    TimeoutFuture::new(30).await;
    by_id(&root, "whatif-add-variant")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    TimeoutFuture::new(30).await;
    let input: HtmlInputElement = by_id(&root, "whatif-v0-conv-1").dyn_into().unwrap();
    let before: f64 = input.value().parse().unwrap();
    assert!(before > 1.0 && before < 100.0, "shown in percent: {before}");
    for (text, invalid) in [("150", "true"), ("80", "false")] {
        input.set_value(text);
        let init = EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        TimeoutFuture::new(30).await;
        let input = by_id(&root, "whatif-v0-conv-1");
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some(invalid),
            "{text}"
        );
    }
    let run: web_sys::HtmlButtonElement = by_id(&root, "whatif-run-compare").dyn_into().unwrap();
    assert!(!run.disabled());
}
