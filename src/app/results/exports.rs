//! Downloads of the results: per-period bands CSV, per-run figures CSV and the summary JSON
//! (`store::export`). Per-run figures arrive with the final summary only.

use yew::prelude::*;

use crate::store::export::{bands_csv, runs_csv, summary_json};

use super::super::context::use_edit;
use super::super::persist::download::{download_text, file_stem};
use super::super::state::Shown;

/// Properties of [`Exports`].
#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    /// The summary shown.
    pub shown: Shown,
}

/// The export buttons.
#[component]
pub fn Exports(props: &ExportsProps) -> Html {
    let ctx = use_edit();
    let stem = file_stem(&ctx.state.scenario.meta.name);
    let summary = props.shown.summary.clone();
    let button = |id: &'static str,
                  label: &'static str,
                  title: &'static str,
                  name: String,
                  mime: &'static str,
                  make: fn(&crate::sim::Summary) -> String| {
        let summary = summary.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| download_text(&name, mime, &make(&summary)));
        html! { <button type="button" class="ghost" data-testid={id} {title} {onclick}>{label}</button> }
    };
    let has_runs = !summary.per_run_kpis.is_empty();
    html! {
        <div class="exports" data-testid="exports">
            <span class="label">{"Download"}</span>
            {button("export-csv", "Bands CSV", "Per-period mean and percentiles of every series",
                format!("{stem}-bands.csv"), "text/csv", bands_csv)}
            if has_runs {
                {button("export-runs-csv", "Runs CSV", "Every run's figures, one row per run",
                    format!("{stem}-runs.csv"), "text/csv", runs_csv)}
            } else {
                <button type="button" class="ghost" data-testid="export-runs-csv" disabled=true
                    title="Available when the run has finished">{"Runs CSV"}</button>
            }
            {button("export-summary", "Summary JSON", "The summary of the runs, as JSON",
                format!("{stem}-summary.json"), "application/json", summary_json)}
        </div>
    }
}
