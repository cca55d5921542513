//! The summary of a simulation: what the UI, the runner and exports show. Compact (no per-customer or
//! per-run series data), so a worker can send it.

use crate::sorted_map::SortedMap;

use serde::{Deserialize, Serialize};

use super::par::{join, summary_threads};
use super::record::{RunRecord, CAUSES, FLOW_FIELDS, KPIS, LINEAR_KPIS, SERIES};
use super::stats::{histogram_sorted, nans_if_null, sort_finite, stats_sorted, Histogram, Stats};

/// A per-run figure across runs.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiSummary {
    /// Mean, sd, percentiles and exact expectation.
    pub stats: Stats,
    /// Distribution across runs.
    pub histogram: Histogram,
}

/// The JSON form of a [`KpiSummary`]: the statistics inline beside `histogram`.
#[derive(Serialize, Deserialize)]
#[serde(rename = "KpiSummary")]
struct FlatKpi<S, H> {
    #[serde(flatten)]
    stats: S,
    histogram: H,
}

/// JSON (exports, files) shows a KPI flat; a binary format (worker messages) cannot encode serde's
/// `flatten` (a map of unknown length), so there it is the pair (statistics, histogram).
impl Serialize for KpiSummary {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            FlatKpi {
                stats: &self.stats,
                histogram: &self.histogram,
            }
            .serialize(s)
        } else {
            (&self.stats, &self.histogram).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for KpiSummary {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (stats, histogram) = if d.is_human_readable() {
            let flat = FlatKpi::<Stats, Histogram>::deserialize(d)?;
            (flat.stats, flat.histogram)
        } else {
            <(Stats, Histogram)>::deserialize(d)?
        };
        Ok(KpiSummary { stats, histogram })
    }
}

/// A per-period series across runs: arrays of length horizon + 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// Mean per period.
    #[serde(deserialize_with = "nans_if_null")]
    pub mean: Vec<f64>,
    /// 5th percentile per period.
    #[serde(deserialize_with = "nans_if_null")]
    pub p5: Vec<f64>,
    /// 25th percentile per period.
    #[serde(deserialize_with = "nans_if_null")]
    pub p25: Vec<f64>,
    /// Median per period.
    #[serde(deserialize_with = "nans_if_null")]
    pub p50: Vec<f64>,
    /// 75th percentile per period.
    #[serde(deserialize_with = "nans_if_null")]
    pub p75: Vec<f64>,
    /// 95th percentile per period.
    #[serde(deserialize_with = "nans_if_null")]
    pub p95: Vec<f64>,
    /// Exact expectation per period (`None` where the model is not linear).
    pub expected: Option<Vec<f64>>,
}

/// One stage of the funnel: how many reached it and why people left it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunnelEntry {
    /// Stage name (funnel stages, then "Retention" and "Advocacy").
    pub stage: String,
    /// Customers who reached the stage during the horizon.
    pub reached: Stats,
    /// Customers who left from this stage, by cause (`no_conversion`, `churn`, `pain_abandon`,
    /// `tolerance_exceeded`); only causes that can happen at the stage are listed.
    pub dropoffs: SortedMap<String, Stats>,
}

/// Everything a simulation reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Runs summarised (fewer than asked while a run is in progress or after a stop).
    pub runs: usize,
    /// Runs asked for.
    pub runs_requested: usize,
    /// Seed.
    pub seed: u64,
    /// Periods after t = 0.
    pub horizon: usize,
    /// What a period is called.
    pub period_label: String,
    /// Whether parameters were drawn per run.
    pub parameter_uncertainty: bool,
    /// Whether `expected` values are exact (unlimited market).
    pub exact: bool,
    /// Per-run figures, keyed by the names in [`KPIS`].
    pub kpis: SortedMap<String, KpiSummary>,
    /// Funnel stages, then Retention and Advocacy.
    pub funnel: Vec<FunnelEntry>,
    /// Per-period series, keyed by the names in [`SERIES`].
    pub series: SortedMap<String, Band>,
    /// Prospects in each funnel stage per period, in stage order.
    pub stage_series: Vec<Band>,
    /// Each run's figures (rows in run order, columns in [`KPIS`] order), for exports and analysis.
    #[serde(deserialize_with = "nan_rows_if_null")]
    pub per_run_kpis: Vec<Vec<f64>>,
}

/// Reads rows whose `null` entries stand for NaN (in JSON; see [`super::stats::nan_if_null`]).
fn nan_rows_if_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Vec<f64>>, D::Error> {
    if !d.is_human_readable() {
        return Vec::<Vec<f64>>::deserialize(d);
    }
    let rows = Vec::<Vec<Option<f64>>>::deserialize(d)?;
    Ok(rows
        .into_iter()
        .map(|r| r.into_iter().map(|x| x.unwrap_or(f64::NAN)).collect())
        .collect())
}

/// What the summary needs to know besides the records.
pub struct SummaryInfo<'a> {
    /// Stage names (funnel stages only).
    pub stages: &'a [String],
    /// Runs asked for.
    pub runs_requested: usize,
    /// Seed.
    pub seed: u64,
    /// Period label.
    pub period_label: &'a str,
    /// Parameter uncertainty on.
    pub parameter_uncertainty: bool,
    /// The exact expectation, if the model is linear.
    pub expected: Option<&'a RunRecord>,
}

/// Summarises `records` (in run order).
pub fn summarise(records: &[&RunRecord], info: &SummaryInfo) -> Summary {
    let points = records
        .first()
        .copied()
        .or(info.expected)
        .map_or(1, |r| r.points());
    let columns: Vec<Column> = (0..SERIES.len())
        .map(Column::Series)
        .chain((0..info.stages.len()).map(Column::Stage))
        .collect();
    let threads = summary_threads(records.len());
    let (all_bands, (kpis, funnel)) = join(
        threads > 1,
        || bands_on(records, &columns, info.expected, threads),
        || {
            let mut scratch = Vec::with_capacity(records.len());
            let kpis = kpi_summaries(records, info, &mut scratch);
            (kpis, funnel(records, info, &mut scratch))
        },
    );
    let mut all_bands = all_bands.into_iter();
    let series = SortedMap::from_iter(
        SERIES
            .iter()
            .zip(all_bands.by_ref())
            .map(|(name, b)| (name.to_string(), b)),
    );
    Summary {
        runs: records.len(),
        runs_requested: info.runs_requested,
        seed: info.seed,
        horizon: points.saturating_sub(1),
        period_label: info.period_label.to_string(),
        parameter_uncertainty: info.parameter_uncertainty,
        exact: info.expected.is_some(),
        kpis,
        funnel,
        series,
        stage_series: all_bands.collect(),
        per_run_kpis: records.iter().map(|r| r.kpis.clone()).collect(),
    }
}

/// Statistics and histogram of every per-run figure.
fn kpi_summaries(
    records: &[&RunRecord],
    info: &SummaryInfo,
    scratch: &mut Vec<f64>,
) -> SortedMap<String, KpiSummary> {
    let mut kpis = SortedMap::new();
    for (i, name) in KPIS.iter().enumerate() {
        sort_finite(records.iter().map(|r| r.kpis[i]), scratch);
        let expected = info.expected.filter(|_| LINEAR_KPIS[i]).map(|e| e.kpis[i]);
        let summary = KpiSummary {
            stats: stats_sorted(scratch, expected),
            histogram: histogram_sorted(scratch),
        };
        kpis.insert(name.to_string(), summary);
    }
    kpis
}

/// A per-period column of a record.
#[derive(Clone, Copy)]
enum Column {
    Series(usize),
    Stage(usize),
}

impl Column {
    fn of(self, r: &RunRecord) -> &[f64] {
        let n = r.points();
        match self {
            Column::Series(s) => &r.series[s * n..(s + 1) * n],
            Column::Stage(k) => &r.stage_counts[k * n..(k + 1) * n],
        }
    }
}

/// The bands of `columns`, in order, on up to `threads` threads (each band is computed exactly as on
/// one thread, so the result does not depend on `threads`).
fn bands_on(
    records: &[&RunRecord],
    columns: &[Column],
    expected: Option<&RunRecord>,
    threads: usize,
) -> Vec<Band> {
    let serial = |cols: &[Column]| {
        let mut scratch = Vec::with_capacity(records.len());
        cols.iter()
            .map(|&c| band(records, c, expected, &mut scratch))
            .collect::<Vec<_>>()
    };
    // The wasm test is a constant: it keeps the thread code out of the web build (no threads there).
    if threads <= 1 || columns.len() <= 1 || cfg!(target_arch = "wasm32") {
        return serial(columns);
    }
    let chunk = columns.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = columns
            .chunks(chunk)
            .map(|cols| scope.spawn(move || serial(cols)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

fn band(
    records: &[&RunRecord],
    col: Column,
    expected: Option<&RunRecord>,
    scratch: &mut Vec<f64>,
) -> Band {
    let points = records
        .first()
        .copied()
        .or(expected)
        .map_or(0, |r| r.points());
    let mut b = Band {
        mean: Vec::with_capacity(points),
        p5: Vec::with_capacity(points),
        p25: Vec::with_capacity(points),
        p50: Vec::with_capacity(points),
        p75: Vec::with_capacity(points),
        p95: Vec::with_capacity(points),
        expected: expected.map(|e| col.of(e).to_vec()),
    };
    for t in 0..points {
        sort_finite(records.iter().map(|r| col.of(r)[t]), scratch);
        let st = stats_sorted(scratch, None);
        b.mean.push(st.mean);
        b.p5.push(st.p5);
        b.p25.push(st.p25);
        b.p50.push(st.p50);
        b.p75.push(st.p75);
        b.p95.push(st.p95);
    }
    b
}

/// Causes that can happen at a location: funnel stages lose people by no conversion, post-purchase
/// stages by churn; pain points act anywhere.
fn causes_at(is_funnel: bool) -> [usize; 3] {
    if is_funnel {
        [0, 2, 3]
    } else {
        [1, 2, 3]
    }
}

fn funnel(records: &[&RunRecord], info: &SummaryInfo, scratch: &mut Vec<f64>) -> Vec<FunnelEntry> {
    let names = info
        .stages
        .iter()
        .cloned()
        .chain(["Retention".to_string(), "Advocacy".to_string()]);
    let mut stat = |field: usize| {
        sort_finite(records.iter().map(|r| r.flows[field]), scratch);
        stats_sorted(scratch, info.expected.map(|e| e.flows[field]))
    };
    names
        .enumerate()
        .map(|(loc, stage)| {
            let base = loc * FLOW_FIELDS;
            let dropoffs = SortedMap::from_iter(
                causes_at(loc < info.stages.len())
                    .iter()
                    .map(|&c| (CAUSES[c].to_string(), stat(base + 1 + c))),
            );
            FunnelEntry {
                stage,
                reached: stat(base),
                dropoffs,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
