//! Tables of the numbers behind each chart, for screen readers and copying, and their CSV form.
//!
//! Cells are plain numbers (no thousands separators or currency, which the headers carry) so they
//! paste into spreadsheets; undefined values are "—" and figures that do not apply are empty.

use super::fan::points;
use super::format::{cause_label, cause_order, kind, kpi_label, plain, Kind};
use crate::sim::summary::{Band, Summary};
use crate::sim::{Kpi, Series};

/// A table: caption, header row and body rows of the same width.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// What the table shows.
    pub caption: String,
    /// Column headings.
    pub headers: Vec<String>,
    /// Body rows, one cell per heading.
    pub rows: Vec<Vec<String>>,
}

/// One column under construction.
struct Column {
    header: String,
    cells: Vec<String>,
}

impl Column {
    fn new(header: impl Into<String>, cells: Vec<String>) -> Column {
        Column {
            header: header.into(),
            cells,
        }
    }
}

/// Puts columns side by side; short columns are padded with "—".
fn from_columns(caption: String, columns: Vec<Column>) -> Table {
    let n = columns.iter().map(|c| c.cells.len()).max().unwrap_or(0);
    let cell = |c: &Column, i: usize| c.cells.get(i).cloned().unwrap_or_else(|| "—".into());
    Table {
        caption,
        headers: columns.iter().map(|c| c.header.clone()).collect(),
        rows: (0..n)
            .map(|i| columns.iter().map(|c| cell(c, i)).collect())
            .collect(),
    }
}

/// Capitalised period label: "week" → "Week".
fn period_heading(s: &Summary) -> String {
    match s.period_label.trim() {
        "" => "Period".to_string(),
        p => super::format::capitalise(p),
    }
}

/// The per-period columns of `band` (median, percentiles as asked, mean, expectation if any).
fn band_columns(prefix: &str, band: Option<&Band>, quartiles: bool) -> Vec<Column> {
    let Some(b) = band else {
        return vec![Column::new(format!("{prefix}median"), vec![])];
    };
    let n = points(b);
    let col = |name: &str, v: &[f64]| {
        let cells = v.iter().take(n).map(|&x| plain(x, 1)).collect();
        Column::new(format!("{prefix}{name}"), cells)
    };
    let mut cols = vec![col("median", &b.p50), col("5th percentile", &b.p5)];
    if quartiles {
        cols.extend([
            col("25th percentile", &b.p25),
            col("75th percentile", &b.p75),
        ]);
    }
    cols.extend([col("95th percentile", &b.p95), col("mean", &b.mean)]);
    cols.extend(b.expected.as_deref().map(|e| col("exact expectation", e)));
    cols
}

/// The periods column: 0, 1, …, `n` − 1.
fn period_column(s: &Summary, n: usize) -> Column {
    Column::new(period_heading(s), (0..n).map(|t| t.to_string()).collect())
}

/// One row per funnel stage: reached (median, 5th and 95th percentiles, mean, expectation) and mean
/// customers lost by each cause.
pub fn funnel_table(s: &Summary) -> Table {
    let f = &s.funnel;
    let reached = |name: &str, pick: &dyn Fn(&crate::sim::stats::Stats) -> f64| {
        let cells = f.iter().map(|e| plain(pick(&e.reached), 1)).collect();
        Column::new(format!("Reached: {name}"), cells)
    };
    let mut cols = vec![
        Column::new("Stage", f.iter().map(|e| e.stage.clone()).collect()),
        reached("median", &|r| r.p50),
        reached("5th percentile", &|r| r.p5),
        reached("95th percentile", &|r| r.p95),
        reached("mean", &|r| r.mean),
    ];
    if f.iter().any(|e| e.reached.expected.is_some()) {
        cols.push(reached("exact expectation", &|r| {
            r.expected.unwrap_or(f64::NAN)
        }));
    }
    for cause in cause_order(f.iter().flat_map(|e| e.dropoffs.keys())) {
        let cell = |e: &crate::sim::summary::FunnelEntry| {
            e.dropoffs
                .get(&cause)
                .map_or(String::new(), |st| plain(st.mean, 1))
        };
        let header = format!("Lost, {}: mean", cause_label(cause));
        cols.push(Column::new(header, f.iter().map(cell).collect()));
    }
    let caption = format!(
        "Customers reaching each stage and lost by cause, over {} runs",
        s.runs
    );
    from_columns(caption, cols)
}

/// One row per period of active customers: median, 5th/25th/75th/95th percentiles, mean and the
/// exact expectation when there is one.
pub fn retention_table(s: &Summary) -> Table {
    let band = s.series.get(&Series::Active);
    let n = band.map_or(0, points);
    let mut cols = vec![period_column(s, n)];
    cols.extend(band_columns("Active customers: ", band, true));
    let p = s.period_label.trim();
    let caption = format!("Active customers per {p}, over {} runs", s.runs);
    from_columns(caption, cols)
}

/// One row per period of advocates and of referrals: median, 5th/95th percentiles, mean and the
/// exact expectation when there is one.
pub fn advocacy_table(s: &Summary) -> Table {
    let advocates = s.series.get(&Series::Advocates);
    let referrals = s.series.get(&Series::Referrals);
    let n = advocates.map_or(0, points).max(referrals.map_or(0, points));
    let mut cols = vec![period_column(s, n)];
    cols.extend(band_columns("Advocates: ", advocates, false));
    let p = s.period_label.trim();
    cols.extend(band_columns(
        &format!("Referrals per {p}: "),
        referrals,
        false,
    ));
    let caption = format!("Advocates and referrals per {p}, over {} runs", s.runs);
    from_columns(caption, cols)
}

/// One row per histogram bin of `kpi`: its edges and the runs in it (ROI edges in percent). No rows
/// when the KPI is unknown or has no finite values.
pub fn histogram_table(s: &Summary, kpi: Kpi) -> Table {
    let label = kpi_label(kpi);
    let caption = format!(
        "Distribution of {} across {} runs",
        label.to_lowercase(),
        s.runs
    );
    let headers = vec![
        format!("{label}: from"),
        format!("{label}: to"),
        "Runs".into(),
    ];
    let scale = if kind(kpi) == Kind::Percent {
        100.0
    } else {
        1.0
    };
    let rows = s.kpis.get(&kpi).map_or_else(Vec::new, |k| {
        let h = &k.histogram;
        if !(h.min.is_finite() && h.max.is_finite()) {
            return vec![];
        }
        let bins = if h.max > h.min { h.counts.len() } else { 1 };
        let width = (h.max - h.min) / bins.max(1) as f64;
        let edge = |i: usize| plain((h.min + width * i as f64) * scale, 2);
        let total: u64 = h.counts.iter().map(|&c| u64::from(c)).sum();
        let count = |i: usize| {
            if bins == 1 {
                total
            } else {
                u64::from(h.counts[i])
            }
        };
        (0..bins)
            .map(|i| vec![edge(i), edge(i + 1), count(i).to_string()])
            .collect()
    });
    Table {
        caption,
        headers,
        rows,
    }
}

/// The table as CSV (RFC 4180): header row then body rows, CRLF line ends, fields with commas,
/// quotes or line breaks quoted and their quotes doubled. The caption is not included.
pub fn table_to_csv(t: &Table) -> String {
    let mut out = String::new();
    for row in std::iter::once(&t.headers).chain(&t.rows) {
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One CSV field, quoted if needed.
fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::fixture;
    use super::*;

    #[test]
    fn tables_have_a_row_per_stage_period_or_bin() {
        let s = fixture(12, true);
        let t = funnel_table(&s);
        assert_eq!(t.rows.len(), s.funnel.len());
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
        assert!(t
            .headers
            .contains(&"Reached: exact expectation".to_string()));
        assert_eq!(t.rows[0][0], "Awareness");
        assert_eq!(t.rows[0][1], "10000");
        let churn = t
            .headers
            .iter()
            .position(|h| h.contains("churned"))
            .unwrap();
        assert_eq!(t.rows[0][churn], "");
        let t = retention_table(&s);
        assert_eq!(t.rows.len(), 13);
        assert_eq!(t.headers[0], "Week");
        assert_eq!(t.headers.len(), 8);
        assert_eq!(advocacy_table(&s).rows.len(), 13);
        assert_eq!(histogram_table(&s, Kpi::Roi).rows.len(), 30);
        assert_eq!(histogram_table(&s, Kpi::Roi).rows[0][0], "12.5");
        let mut without = s.clone();
        without.kpis.remove(&Kpi::Roi);
        assert!(histogram_table(&without, Kpi::Roi).rows.is_empty());
        let t = retention_table(&fixture(4, false));
        assert!(!t.headers.iter().any(|h| h.contains("expectation")));
    }

    #[test]
    fn csv_quotes_per_rfc_4180() {
        let t = Table {
            caption: "ignored".into(),
            headers: vec!["Stage".into(), "Reached".into()],
            rows: vec![
                vec!["Ads, \"paid\"".into(), "12".into()],
                vec!["Two\nlines".into(), "—".into()],
            ],
        };
        let csv = table_to_csv(&t);
        assert_eq!(
            csv,
            "Stage,Reached\r\n\"Ads, \"\"paid\"\"\",12\r\n\"Two\nlines\",—\r\n"
        );
        let empty = Table::default();
        assert_eq!(table_to_csv(&empty), "\r\n");
    }
}
