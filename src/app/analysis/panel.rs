//! The panel: tabs for the four analyses, their controls and their results. Its state is its own
//! reducer ([`PanelState`]); the current scenario comes in as a property and is the baseline (of
//! comparisons, unless a saved scenario is chosen). Inside the app it reads the library and the
//! variants of a comparison link from the edit context.

use yew::prelude::*;

use crate::app::browser::now_ms;
use crate::app::charts::{kpi_label, Theme};
use crate::app::context::EditContext;
use crate::sim::{Kpi, Scenario};

use super::client::{use_analysis, Finished};
use super::compare_tab::compare_tab;
use super::protocol::{Kind, Request, MAX_RUNS};
use super::state::{PanelAction, PanelState, Tab, RUN_CHOICES};
use super::target::target_tab;
use super::views::ResultView;

/// Properties of [`AnalysisPanel`].
#[derive(Properties, PartialEq)]
pub struct AnalysisProps {
    /// The current scenario: the baseline of every analysis.
    pub scenario: Scenario,
    /// Whether to run analyses in the worker (off in component tests).
    #[prop_or(true)]
    pub workers: bool,
    /// Projector mode (chart theme).
    #[prop_or_default]
    pub projector: bool,
}

/// The tabs: which, test id suffix (`whatif-tab-<id>`) and label.
const TABS: [(Tab, &str, &str); 4] = [
    (Tab::Compare, "compare", "Compare"),
    (Tab::Sensitivity, "sensitivity", "Sensitivity"),
    (Tab::Pain, "pain", "Pain points"),
    (Tab::Target, "target", "Target"),
];

/// A KPI picker; a value that names no KPI is ignored.
pub fn kpi_select(id: &str, value: Kpi, onchange: Callback<Kpi>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Ok(k) = s.value().parse() {
            onchange.emit(k);
        }
    });
    html! {
        <select id={id.to_string()} data-testid={id.to_string()} {onchange}>
            { for Kpi::ALL.iter().map(|&k| html! { <option value={k.name()} selected={k == value}>{kpi_label(k)}</option> }) }
        </select>
    }
}

/// The what-if analysis panel.
#[component]
pub fn AnalysisPanel(p: &AnalysisProps) -> Html {
    let app = use_context::<EditContext>();
    let state = {
        let linked = app.as_ref().map(|a| a.state.linked_variants.clone());
        use_reducer(move || {
            linked.map_or_else(PanelState::default, |l| PanelState::with_variants(&l))
        })
    };
    let on_done = {
        let d = state.dispatcher();
        Callback::from(move |f: Finished| d.dispatch(PanelAction::Finished(f, now_ms())))
    };
    let client = use_analysis(on_done, p.workers);
    let d = state.dispatcher();
    let runs = state.runs.min(p.scenario.meta.runs.max(1) as usize);
    let start = {
        let (client, d) = (client.clone(), d.clone());
        move |request: Request| {
            let kind = request.kind();
            match client.start(&request) {
                Some(job) => d.dispatch(PanelAction::Started(kind, job, now_ms())),
                None => d.dispatch(PanelAction::Stopped(
                    kind,
                    Some("Analyses run in a web worker, which is not available here.".into()),
                )),
            }
        }
    };
    let theme = if p.projector {
        Theme::Projector
    } else {
        crate::app::results::theme(false)
    };
    let currency = AttrValue::from(p.scenario.economics.currency.clone());
    let tab_button = |&(tab, id, label): &(Tab, &str, &'static str)| {
        let (d, client) = (d.clone(), client.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            client.warm();
            d.dispatch(PanelAction::Tab(tab))
        });
        html! { <button type="button" role="tab" aria-selected={(state.tab == tab).to_string()} data-testid={format!("whatif-tab-{id}")}
        class={classes!("whatif-tab", (state.tab == tab).then_some("active"))} {onclick}>{label}</button> }
    };
    let status = |kind: Kind,
                  testid: &str,
                  label: &str,
                  ready: bool,
                  request: Box<dyn Fn() -> Request>| {
        let job = &state.jobs[kind as usize];
        let start = start.clone();
        let onclick = Callback::from(move |_: MouseEvent| start(request()));
        let (client, d) = (client.clone(), d.clone());
        let cancel = Callback::from(move |_: MouseEvent| {
            client.cancel(kind);
            d.dispatch(PanelAction::Stopped(kind, None))
        });
        html! {
            <div class="whatif-run">
                <button type="button" class="primary" data-testid={testid.to_string()} disabled={!ready} {onclick}>{label}</button>
                if job.running.is_some() {
                    <span class="whatif-busy" role="status">{"Computing…"}</span>
                    <button type="button" class="ghost" data-testid={format!("{testid}-cancel")} onclick={cancel}>{"Cancel"}</button>
                }
                if let Some(e) = &job.error { <p class="whatif-error" role="alert">{e}</p> }
            </div>
        }
    };
    let job_view = |kind: Kind, kpi: Kpi| {
        let job = &state.jobs[kind as usize];
        let Some(reply) = job.result.clone() else {
            return html! {};
        };
        let (currency, elapsed_ms, run) = (currency.clone(), job.elapsed_ms, job.finished);
        html! { <ResultView {reply} {currency} {theme} {elapsed_ms} {run} {kpi} /> }
    };
    let mut base = p.scenario.clone();
    base.meta.runs = runs as u32;
    let body = match state.tab {
        Tab::Compare => {
            let warm = {
                let c = client.clone();
                Callback::from(move |_| c.warm())
            };
            compare_tab(&state, p, app.as_ref(), warm, status, job_view)
        }
        Tab::Sensitivity => {
            let (s, kpi) = (base.clone(), state.tornado_kpi);
            let pick = {
                let d = d.clone();
                Callback::from(move |k| d.dispatch(PanelAction::Kpi(Kind::Tornado, k)))
            };
            html! { <>
                <div class="whatif-controls"><label for="whatif-tornado-kpi">{"Figure"}</label>{kpi_select("whatif-tornado-kpi", state.tornado_kpi, pick)}</div>
                {status(Kind::Tornado, "whatif-run-tornado", "Run sensitivity", true, Box::new(move || Request::Tornado { scenario: s.clone(), kpi, runs }))}
                {job_view(Kind::Tornado, state.tornado_kpi)}
            </> }
        }
        Tab::Pain => {
            let (s, kpi) = (base.clone(), state.pain_kpi);
            let pick = {
                let d = d.clone();
                Callback::from(move |k| d.dispatch(PanelAction::Kpi(Kind::Pain, k)))
            };
            html! { <>
                <div class="whatif-controls"><label for="whatif-pain-kpi">{"Figure"}</label>{kpi_select("whatif-pain-kpi", state.pain_kpi, pick)}</div>
                {status(Kind::Pain, "whatif-run-pain", "Rank pain points", !p.scenario.pain_points.is_empty(), Box::new(move || Request::PainRanking { scenario: s.clone(), kpi, runs }))}
                if p.scenario.pain_points.is_empty() { <p class="whatif-note">{"This journey has no pain points to rank."}</p> }
                {job_view(Kind::Pain, state.pain_kpi)}
            </> }
        }
        Tab::Target => target_tab(&state, p, &base, status, job_view),
    };
    let on_runs = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(PanelAction::Runs(
                s.value().parse().unwrap_or(RUN_CHOICES[0]),
            ));
        })
    };
    html! {
        <section class="whatif" data-testid="whatif-panel" aria-label="What-if analysis">
            <header class="whatif-head">
                <h2>{"What-if analysis"}</h2>
                <p class="whatif-note">
                    <label for="whatif-runs">{"Runs per analysis "}</label>
                    <select id="whatif-runs" data-testid="whatif-runs" onchange={on_runs}>
                        { for RUN_CHOICES.iter().map(|n| html! { <option value={n.to_string()} selected={*n == state.runs}>{n.to_string()}</option> }) }
                    </select>
                    {format!(" — each analysis uses at most {} runs (here {runs}) with the journey's seed, so results are repeatable; the engine runs in its own worker.", group(MAX_RUNS))}
                </p>
            </header>
            <div class="whatif-tabs" role="tablist">
                { for TABS.iter().map(tab_button) }
            </div>
            <div class="whatif-body" role="tabpanel">{body}</div>
        </section>
    }
}

fn group(n: usize) -> String {
    crate::app::charts::format_value(crate::app::charts::Kind::Count, n as f64, "")
}
