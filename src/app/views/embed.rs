//! The embed view (`#embed/<charts>/<kpis>/<scenario>`): only the chosen KPI cards and charts, no
//! editor, filling its iframe. The seed travels in the scenario, so an embed shows fixed numbers.

use yew::prelude::*;

use crate::sim::Kpi;
use crate::store::Chart;

use super::super::context::{use_edit, use_run};
use super::super::persist::share::{editor_fragment, page_base};
use super::super::results::chart::Charts;
use super::super::results::kpis::Kpis;

/// Properties of [`EmbedView`].
#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    /// The charts, in order.
    pub charts: Vec<Chart>,
    /// The KPI cards, in order.
    pub kpis: Vec<Kpi>,
}

/// The embed: the `kpis` and `charts` named, in order.
#[component]
pub fn EmbedView(props: &EmbedProps) -> Html {
    let edit = use_edit();
    let run = use_run();
    let (s, r) = (&*edit.state, &*run.state);
    let (charts, kpis) = (&props.charts, &props.kpis);
    let open = format!("{}{}", page_base(), editor_fragment(&s.scenario));
    html! {
        <div class="embed-view" data-testid="embed-view" data-status={r.status.name()}>
            <header class="embed-head">
                <h1>{&s.scenario.meta.name}</h1>
                <a href={open} target="_blank" rel="noopener" data-testid="embed-open">{"Open in the simulator ↗"}</a>
            </header>
            if let Some(n) = &s.notice {
                <p class="notice error" role="alert" data-testid="notice">{&n.text}</p>
            }
            { match &r.shown {
                Some(shown) => html! {
                    <>
                        if !kpis.is_empty() { <Kpis shown={shown.clone()} only={Some(kpis.to_vec())} /> }
                        if !charts.is_empty() { <Charts shown={shown.clone()} only={Some(charts.to_vec())} /> }
                    </>
                },
                None => html! {
                    <p class="placeholder" data-testid="embed-wait">
                        { format!("Simulating… {} of {} batches", r.done, r.total) }
                    </p>
                },
            } }
        </div>
    }
}
