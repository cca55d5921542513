//! The results side: run controls, KPI cards and the four charts, all drawn from the latest summary.

pub mod chart;
pub mod exports;
pub mod kpis;
pub mod run_bar;

use yew::prelude::*;

use super::charts::Theme;
use super::root::{AppContext, Stable};
use chart::Charts;
use exports::Exports;
use kpis::Kpis;
use run_bar::run_bar;

/// Whether the system asks for a dark theme.
pub fn prefers_dark() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches())
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// The chart theme for the current view.
pub fn theme(projector: bool) -> Theme {
    if projector {
        Theme::Projector
    } else if prefers_dark() {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// Run controls, KPIs and charts.
pub fn results(ctx: &AppContext) -> Html {
    let shown = ctx.state.run.shown.clone();
    html! {
        <div class="results-inner">
            {run_bar(ctx)}
            if let Some(shown) = shown {
                <Stable>
                    <Kpis shown={shown.clone()} />
                    <Exports shown={shown.clone()} />
                    <Charts {shown} />
                </Stable>
            } else {
                <p class="placeholder">{"Results appear here a moment after the journey is valid."}</p>
            }
        </div>
    }
}
