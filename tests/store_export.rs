//! Exports of a summary: per-period bands CSV, per-run CSV (RFC 4180, NaN as empty) and summary JSON.

use journey_sim::sim::templates::default_scenario;
use journey_sim::sim::{Kpi, Series, Simulation, Summary};
use journey_sim::store::export::{bands_csv, runs_csv, summary_json};

/// A small simulation of the default scenario.
fn summary() -> Summary {
    let mut s = default_scenario();
    s.meta.runs = 200;
    s.meta.horizon = 8;
    s.stages[0].name = "Aware, \"curious\"".into();
    Simulation::new(&s).expect("valid").run()
}

/// Splits CSV text into records of fields (enough of RFC 4180 for these tests: quotes, no newlines).
fn parse(csv: &str) -> Vec<Vec<String>> {
    assert!(csv.ends_with("\r\n"));
    csv.trim_end_matches("\r\n")
        .split("\r\n")
        .map(|line| {
            let mut fields = vec![String::new()];
            let mut quoted = false;
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match (c, quoted) {
                    ('"', true) if chars.peek() == Some(&'"') => {
                        chars.next();
                        if let Some(f) = fields.last_mut() {
                            f.push('"');
                        }
                    }
                    ('"', _) => quoted = !quoted,
                    (',', false) => fields.push(String::new()),
                    _ => {
                        if let Some(f) = fields.last_mut() {
                            f.push(c);
                        }
                    }
                }
            }
            fields
        })
        .collect()
}

#[test]
fn bands_have_one_row_per_period_and_seven_columns_per_series() {
    let sum = summary();
    let rows = parse(&bands_csv(&sum));
    let series = Series::ALL.len() + sum.stage_series.len();
    assert_eq!(rows.len(), 1 + sum.horizon + 1);
    assert!(rows.iter().all(|r| r.len() == 1 + 7 * series));
    let header = &rows[0];
    assert_eq!(header[0], "period");
    let first = Series::ALL[0];
    let expected: Vec<String> = ["mean", "p5", "p25", "p50", "p75", "p95", "expected"]
        .iter()
        .map(|s| format!("{first}_{s}"))
        .collect();
    assert_eq!(header[1..8], expected[..]);
    assert!(
        header.contains(&"stage:Aware, \"curious\"_mean".to_string()),
        "{header:?}"
    );
    let mean = sum.series[&first].mean[3];
    assert_eq!(rows[4][0], "3");
    assert_eq!(rows[4][1].parse::<f64>().ok(), Some(mean));
}

#[test]
fn runs_have_one_row_per_run_in_kpi_order() {
    let sum = summary();
    let rows = parse(&runs_csv(&sum));
    assert_eq!(rows.len(), 1 + sum.per_run_kpis.len());
    assert_eq!(rows[0][0], "run");
    assert_eq!(rows[0][1..], Kpi::NAMES.map(String::from)[..]);
    for (i, row) in rows.iter().skip(1).enumerate() {
        assert_eq!(row[0], (i + 1).to_string());
        for (k, cell) in row.iter().skip(1).enumerate() {
            let x = sum.per_run_kpis[i][k];
            if x.is_nan() {
                assert_eq!(cell, "");
            } else {
                assert_eq!(cell.parse::<f64>().ok(), Some(x));
            }
        }
    }
}

#[test]
fn nan_is_an_empty_cell() {
    let mut sum = summary();
    sum.per_run_kpis = vec![vec![f64::NAN; Kpi::ALL.len()], vec![1.5]];
    let csv = runs_csv(&sum);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[1], format!("1{}", ",".repeat(Kpi::ALL.len())));
    assert_eq!(lines[2], format!("2,1.5{}", ",".repeat(Kpi::ALL.len() - 1)));
}

#[test]
fn summary_json_reads_back_without_per_run_rows() {
    let sum = summary();
    let json = summary_json(&sum);
    let back: Summary = serde_json::from_str(&json).expect("reads back");
    assert!(back.per_run_kpis.is_empty());
    assert_eq!(back.runs, sum.runs);
    assert_eq!(
        back.kpis.keys().collect::<Vec<_>>(),
        sum.kpis.keys().collect::<Vec<_>>()
    );
    assert!(json.contains("\n  \"runs\": 200,"));
}
