//! The summary of a simulation: what the UI, the runner and exports show. Compact (no per-customer or
//! per-run series data), so a worker can send it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::par::{join, summary_threads};
use super::record::{Cause, Kpi, RunRecord, Series, FLOW_FIELDS};
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
    /// Customers who left from this stage, by cause; only causes that can happen at the stage are
    /// listed.
    pub dropoffs: BTreeMap<Cause, Stats>,
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
    /// Per-run figures.
    pub kpis: BTreeMap<Kpi, KpiSummary>,
    /// Funnel stages, then Retention and Advocacy.
    pub funnel: Vec<FunnelEntry>,
    /// Per-period series.
    pub series: BTreeMap<Series, Band>,
    /// Prospects in each funnel stage per period, in stage order.
    pub stage_series: Vec<Band>,
    /// Each run's figures (rows in run order, columns in [`Kpi`] storage order), for exports and analysis.
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
    let columns: Vec<Column> = Series::ALL
        .into_iter()
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
    let series = Series::ALL.into_iter().zip(all_bands.by_ref()).collect();
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
) -> BTreeMap<Kpi, KpiSummary> {
    let mut kpis = BTreeMap::new();
    for kpi in Kpi::ALL {
        sort_finite(records.iter().map(|r| r.kpi(kpi)), scratch);
        let expected = info
            .expected
            .filter(|_| kpi.is_linear())
            .map(|e| e.kpi(kpi));
        let summary = KpiSummary {
            stats: stats_sorted(scratch, expected),
            histogram: histogram_sorted(scratch),
        };
        kpis.insert(kpi, summary);
    }
    kpis
}

/// A per-period column of a record.
#[derive(Clone, Copy)]
enum Column {
    Series(Series),
    Stage(usize),
}

impl Column {
    fn of(self, r: &RunRecord) -> &[f64] {
        let n = r.points();
        match self {
            Column::Series(s) => r.series(s),
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
fn causes_at(is_funnel: bool) -> [Cause; 3] {
    let first = if is_funnel {
        Cause::NoConversion
    } else {
        Cause::Churn
    };
    [first, Cause::PainAbandon, Cause::ToleranceExceeded]
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
            let dropoffs = causes_at(loc < info.stages.len())
                .into_iter()
                .map(|c| (c, stat(base + 1 + c.index())))
                .collect();
            FunnelEntry {
                stage,
                reached: stat(base),
                dropoffs,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    //! Bands computed on several threads equal those computed on one.

    use super::*;
    use crate::sim::templates::default_scenario;
    use crate::sim::Simulation;

    #[test]
    fn bands_on_several_threads_equal_bands_on_one() {
        let mut s = default_scenario();
        s.meta.runs = 300;
        s.meta.horizon = 12;
        let sim = Simulation::new(&s).expect("valid");
        let batches: Vec<_> = (0..sim.batches()).map(|b| sim.run_batch(b)).collect();
        let records: Vec<&RunRecord> = batches.iter().flat_map(|b| &b.records).collect();
        let columns: Vec<Column> = Series::ALL
            .into_iter()
            .map(Column::Series)
            .chain((0..s.stages.len()).map(Column::Stage))
            .collect();
        let one = bands_on(&records, &columns, None, 1);
        assert_eq!(one.len(), columns.len());
        for threads in [2, 3, 16] {
            assert_eq!(
                bands_on(&records, &columns, None, threads),
                one,
                "{threads} threads"
            );
        }
    }
}
