//! The embed view (`#embed/<charts>/<kpis>/<scenario>`): only the chosen KPI cards and charts, no
//! editor, filling its iframe. The seed travels in the scenario, so an embed shows fixed numbers.

use yew::prelude::*;

use super::super::persist::share::{editor_fragment, page_base};
use super::super::results::chart::Charts;
use super::super::results::kpis::Kpis;
use super::super::root::AppContext;

/// The embed: the `kpis` and `charts` named, in order.
pub fn embed_view(ctx: &AppContext, charts: &[String], kpis: &[String]) -> Html {
    let s = &ctx.state;
    let open = format!("{}{}", page_base(), editor_fragment(&s.scenario));
    html! {
        <div class="embed-view" data-testid="embed-view" data-status={s.run.status.name()}>
            <header class="embed-head">
                <h1>{&s.scenario.meta.name}</h1>
                <a href={open} target="_blank" rel="noopener" data-testid="embed-open">{"Open in the simulator ↗"}</a>
            </header>
            if let Some(n) = &s.notice {
                <p class="notice error" role="alert" data-testid="notice">{&n.text}</p>
            }
            { match &s.run.shown {
                Some(shown) => html! {
                    <>
                        if !kpis.is_empty() { <Kpis shown={shown.clone()} only={Some(kpis.to_vec())} /> }
                        if !charts.is_empty() { <Charts shown={shown.clone()} only={Some(charts.to_vec())} /> }
                    </>
                },
                None => html! {
                    <p class="placeholder" data-testid="embed-wait">
                        { format!("Simulating… {} of {} batches", s.run.done, s.run.total) }
                    </p>
                },
            } }
        </div>
    }
}
