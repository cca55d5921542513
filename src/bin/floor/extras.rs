//! Extras for floor A+: the non-UI helpers the app also carries beyond the brief's list — the data
//! tables under every chart and their CSV, the results exports (bands/runs CSV, summary JSON), the
//! what-if tables, undo/redo history, KPI value formatting, standalone SVG files.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use journey_sim::app::analysis::export::{compare_table, importance_table, pain_table, tornado_table};
use journey_sim::app::analysis::protocol::{Output, Reply};
use journey_sim::app::analysis::tables::{overlay_funnel_table, overlay_series_table, target_table};
use journey_sim::app::charts::{
    advocacy_table, format_value, funnel_table, histogram_table, kpi_label_with_currency,
    retention_table, table_to_csv, Table,
};
use journey_sim::app::persist::download::standalone_svg;
use journey_sim::app::protocol::{wire, Output as EngineOutput};
use journey_sim::sim::{Scenario, Summary, KPIS};
use journey_sim::store::export::{bands_csv, runs_csv, summary_json};
use journey_sim::store::History;

fn csvs(tables: &[Table]) -> String {
    tables.iter().map(table_to_csv).collect::<Vec<_>>().join("\n")
}

/// Tables and exports of a summary message (results view).
#[wasm_bindgen]
pub fn floor_results_exports(summary: &[u8], kpi: &str, currency: &str) -> String {
    let Some(EngineOutput::Summary { summary, .. }) = wire::decode::<EngineOutput>(summary) else {
        return String::new();
    };
    let s: &Summary = &summary;
    let cards: Vec<String> = KPIS
        .iter()
        .filter_map(|k| {
            let v = s.kpis.get(*k)?;
            Some(format!(
                "{}: {}",
                kpi_label_with_currency(k, currency),
                format_value(k, v.stats.p50, currency)
            ))
        })
        .collect();
    format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        cards.join("\n"),
        csvs(&[
            funnel_table(s),
            retention_table(s),
            advocacy_table(s),
            histogram_table(s, kpi)
        ]),
        bands_csv(s),
        runs_csv(s),
        summary_json(s),
        standalone_svg(kpi)
    )
}

/// Tables of a what-if answer message (analysis panel).
#[wasm_bindgen]
pub fn floor_whatif_tables(message: &[u8], kpi: &str, currency: &str) -> String {
    let Some(out) = wire::decode::<Output>(message) else {
        return String::new();
    };
    match &out.reply {
        Ok(Reply::Compare(c)) => {
            let mut names = vec!["Baseline".to_string()];
            names.extend(c.variants.iter().map(|v| v.name.clone()));
            let mut sums = vec![&c.baseline];
            sums.extend(c.variants.iter().map(|v| &v.summary));
            csvs(&[
                compare_table(c, currency),
                overlay_funnel_table(&names, &sums),
                overlay_series_table(&names, &sums, "active", "Active customers"),
            ])
        }
        Ok(Reply::Tornado(t)) => csvs(&[tornado_table(t, currency), importance_table(t, currency)]),
        Ok(Reply::PainRanking(rows)) => csvs(&[pain_table(rows, kpi, currency)]),
        Ok(Reply::Target(a)) => csvs(&[target_table(a, kpi, currency)]),
        Err(e) => e.clone(),
    }
}

thread_local! {
    static HISTORY: RefCell<Option<History<Scenario>>> = const { RefCell::new(None) };
}

/// Undo/redo history of edits (src/app/state.rs): op 0 push (coalesced by `group`), 1 undo, 2 redo.
#[wasm_bindgen]
pub fn floor_history(op: u8, text: &str, group: &str, now: f64) -> String {
    HISTORY.with(|h| {
        let mut h = h.borrow_mut();
        let s = serde_json::from_str::<Scenario>(text).ok();
        let hist = h.get_or_insert_with(|| {
            History::new(s.clone().unwrap_or_else(journey_sim::sim::templates::default_scenario))
        });
        match (op, s) {
            (0, Some(s)) => {
                hist.push_coalesced(s, group, now);
            }
            (1, _) => {
                hist.undo();
            }
            (2, _) => {
                hist.redo();
            }
            _ => {}
        }
        format!(
            "{} {} {}",
            hist.undo_steps(),
            hist.redo_steps(),
            hist.current().meta.name
        )
    })
}
