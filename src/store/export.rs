//! Exports of a simulation [`Summary`]: per-period bands and per-run figures as CSV, the summary as JSON.
//!
//! CSV follows RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks
//! quoted (quotes doubled), a header row first. NaN is an empty cell; infinities are `inf` / `-inf`.

use crate::sim::record::{Kpi, Series};
use crate::sim::summary::{Band, Summary};

/// The statistics of a band, in column order (`expected` follows them).
const STATS: [&str; 6] = ["mean", "p5", "p25", "p50", "p75", "p95"];

/// One row per period: `period`, then for each series (each [`Series`], then the prospects in each
/// funnel stage as `stage:<name>`) its `mean, p5, p25, p50, p75, p95, expected` (`<series>_<stat>`
/// headers). `expected` is empty where the model has no exact expectation.
pub fn bands_csv(summary: &Summary) -> String {
    let bands = named_bands(summary);
    let mut header = vec!["period".to_string()];
    for (name, _) in &bands {
        header.extend(
            STATS
                .iter()
                .chain(["expected"].iter())
                .map(|s| format!("{name}_{s}")),
        );
    }
    let periods = bands.iter().map(|(_, b)| b.mean.len()).max().unwrap_or(0);
    let mut out = csv_row(&header);
    for t in 0..periods {
        let mut row = vec![t.to_string()];
        for (_, band) in &bands {
            row.extend(band_cells(band, t));
        }
        out.push_str(&csv_row(&row));
    }
    out
}

/// The series of a summary with their column names, in [`Series`] order, then the stage series.
fn named_bands(summary: &Summary) -> Vec<(String, &Band)> {
    let mut out: Vec<(String, &Band)> = Series::ALL
        .iter()
        .filter_map(|s| summary.series.get(s).map(|b| (s.to_string(), b)))
        .collect();
    for (k, band) in summary.stage_series.iter().enumerate() {
        let stage = summary
            .funnel
            .get(k)
            .map_or_else(|| format!("{}", k + 1), |f| f.stage.clone());
        out.push((format!("stage:{stage}"), band));
    }
    out
}

/// The seven cells of a band at period `t`.
fn band_cells(band: &Band, t: usize) -> Vec<String> {
    let at = |v: &Vec<f64>| number(v.get(t).copied().unwrap_or(f64::NAN));
    let mut cells: Vec<String> = [
        &band.mean, &band.p5, &band.p25, &band.p50, &band.p75, &band.p95,
    ]
    .into_iter()
    .map(at)
    .collect();
    cells.push(band.expected.as_ref().map_or(String::new(), at));
    cells
}

/// One row per run: `run` (1, 2, …) then each [`Kpi`].
pub fn runs_csv(summary: &Summary) -> String {
    let mut header = vec!["run".to_string()];
    header.extend(Kpi::ALL.iter().map(|k| k.to_string()));
    let mut out = csv_row(&header);
    for (i, kpis) in summary.per_run_kpis.iter().enumerate() {
        let mut row = vec![(i + 1).to_string()];
        row.extend((0..Kpi::ALL.len()).map(|k| number(kpis.get(k).copied().unwrap_or(f64::NAN))));
        out.push_str(&csv_row(&row));
    }
    out
}

/// The summary as pretty JSON (NaN as `null`). The per-run rows are left out (written as `[]`; they are
/// in [`runs_csv`]), so the file stays small; it still reads back as a [`Summary`]. Writing cannot
/// fail (derived serializers, text map keys only; the empty text stands for that impossible error).
pub fn summary_json(summary: &Summary) -> String {
    let compact = Summary {
        per_run_kpis: Vec::new(),
        ..summary.clone()
    };
    serde_json::to_string_pretty(&compact).unwrap_or_default()
}

/// A number cell: shortest exact decimal, empty for NaN.
fn number(x: f64) -> String {
    if x.is_nan() {
        String::new()
    } else {
        format!("{x}")
    }
}

/// One CSV record with its CRLF.
fn csv_row(fields: &[String]) -> String {
    let cells: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    format!("{}\r\n", cells.join(","))
}

/// A field, quoted if it holds a comma, quote, CR or LF.
pub fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_per_rfc_4180() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(number(f64::NAN), "");
        assert_eq!(number(0.1), "0.1");
        assert_eq!(number(f64::INFINITY), "inf");
    }
}
