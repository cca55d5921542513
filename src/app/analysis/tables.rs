//! The tables behind the comparison's overlaid charts and the target answer, exported as CSV (the
//! comparison's differences, the tornado and the pain points have theirs in [`super::export`]).

use crate::app::charts::{kpi_label_with_currency, series_label, Table};
use crate::app::results::kpis::plain;
use crate::sim::summary::Summary;
use crate::sim::whatif::TargetAnswer;
use crate::sim::{Kpi, Series};

/// Median, 5th and 95th percentile headers for each scenario name.
fn band_headers(first: &str, names: &[String]) -> Vec<String> {
    let mut headers = vec![first.to_string()];
    for n in names {
        headers
            .extend(["median", "5th percentile", "95th percentile"].map(|q| format!("{n}: {q}")));
    }
    headers
}

/// One row per funnel stage (by position): customers reaching it in each scenario (median, p5, p95).
pub fn overlay_funnel_table(names: &[String], sums: &[&Summary]) -> Table {
    let stages = sums.iter().map(|s| s.funnel.len()).max().unwrap_or(0);
    let rows = (0..stages)
        .map(|k| {
            let stage = sums
                .iter()
                .find_map(|s| s.funnel.get(k).map(|e| e.stage.clone()))
                .unwrap_or_default();
            let mut row = vec![stage];
            for s in sums {
                match s.funnel.get(k) {
                    Some(e) => row.extend([e.reached.p50, e.reached.p5, e.reached.p95].map(plain)),
                    None => row.extend([String::new(), String::new(), String::new()]),
                }
            }
            row
        })
        .collect();
    Table {
        caption: format!(
            "Customers reaching each stage, baseline and variants, over {} runs",
            sums.first().map_or(0, |s| s.runs)
        ),
        headers: band_headers("Stage", names),
        rows,
    }
}

/// One row per period of the series `key` (e.g. active customers, advocates) in each scenario.
pub fn overlay_series_table(names: &[String], sums: &[&Summary], key: Series) -> Table {
    let label = series_label(key, "€");
    let bands: Vec<_> = sums.iter().map(|s| s.series.get(&key)).collect();
    let periods = bands
        .iter()
        .flatten()
        .map(|b| b.p50.len())
        .max()
        .unwrap_or(0);
    let cell = |v: Option<&f64>| v.map_or(String::new(), |v| plain(*v));
    let rows = (0..periods)
        .map(|t| {
            let mut row = vec![t.to_string()];
            for b in &bands {
                row.push(cell(b.and_then(|b| b.p50.get(t))));
                row.push(cell(b.and_then(|b| b.p5.get(t))));
                row.push(cell(b.and_then(|b| b.p95.get(t))));
            }
            row
        })
        .collect();
    let period = sums.first().map_or("period", |s| s.period_label.trim());
    Table {
        caption: format!("{label} per {period}, baseline and variants"),
        headers: band_headers(period, names),
        rows,
    }
}

/// The target answer as rows of a quantity and its value (fractions for the input's probability).
pub fn target_table(a: &TargetAnswer, kpi: Kpi, currency: &str) -> Table {
    let opt = |v: Option<f64>| v.map_or(String::new(), plain);
    let mut rows = vec![
        vec!["Input value (probability)".to_string(), opt(a.value)],
        vec!["Expected figure at that value".into(), opt(a.achieved)],
        vec![
            "Expected figure with the input at 0".into(),
            plain(a.range.0),
        ],
        vec![
            "Expected figure with the input at 1".into(),
            plain(a.range.1),
        ],
    ];
    if let Some(u) = &a.uncertainty {
        rows.push(vec![
            "Answer over draws: 5th percentile".into(),
            plain(u.p5),
        ]);
        rows.push(vec!["Answer over draws: median".into(), plain(u.p50)]);
        rows.push(vec![
            "Answer over draws: 95th percentile".into(),
            plain(u.p95),
        ]);
        rows.push(vec![
            "Share of draws where the target is reachable".into(),
            plain(a.reachable_share),
        ]);
    }
    Table {
        caption: format!(
            "Target seeking for the expected {}",
            kpi_label_with_currency(kpi, currency).to_lowercase()
        ),
        headers: vec!["Quantity".into(), "Value".into()],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::engine::Simulation;
    use crate::sim::templates::default_scenario;

    #[test]
    fn one_row_per_stage_and_period() {
        let mut s = default_scenario();
        s.meta.runs = 100;
        let sum = Simulation::new(&s).map(|sim| sim.run()).expect("valid");
        let names = vec!["Baseline".to_string(), "Variant 1".to_string()];
        let t = overlay_funnel_table(&names, &[&sum, &sum]);
        assert_eq!(t.rows.len(), sum.funnel.len());
        assert_eq!(t.headers.len(), 7);
        assert_eq!(t.rows[0][1], t.rows[0][4]);
        let t = overlay_series_table(&names, &[&sum, &sum], Series::Active);
        assert_eq!(t.rows.len(), sum.series[&Series::Active].p50.len());
        assert!(t.rows.iter().all(|r| r.len() == 7));
    }
}
