//! The results side: run controls, KPI cards and the four charts, all drawn from the latest summary of
//! the run context.

pub mod chart;
pub mod exports;
pub mod kpis;
pub mod run_bar;

use yew::prelude::*;

use super::browser::prefers_dark;
use super::charts::Theme;
use super::context::use_run;
use chart::Charts;
use exports::Exports;
use kpis::Kpis;
use run_bar::RunBar;

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

/// Run controls, KPIs and charts. The cards and charts take the summary as a property, so progress
/// messages (which do not change it) re-render only the run bar.
#[component]
pub fn Results() -> Html {
    let run = use_run();
    let shown = run.state.shown.clone();
    html! {
        <div class="results-inner">
            <RunBar />
            if let Some(shown) = shown {
                <Kpis shown={shown.clone()} />
                <Exports shown={shown.clone()} />
                <Charts {shown} />
            } else {
                <p class="placeholder">{"Results appear here a moment after the journey is valid."}</p>
            }
        </div>
    }
}
