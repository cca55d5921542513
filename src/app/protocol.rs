//! Messages between the page and the engine workers.
//!
//! yew-agent encodes messages with bincode, which cannot carry the scenario's untagged enums or the
//! summary's flattened fields; so scenarios and summaries travel as JSON text, and a batch of run records
//! travels as one flat `Vec<f64>` (8 bytes a number, NaN kept) that [`unpack`] cuts back into records.

use serde::{Deserialize, Serialize};

use crate::sim::RunRecord;

/// What the page sends to a worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Input {
    /// Compute batches `first, first + stride, …` of the scenario (JSON) and send each back.
    Compute {
        job: u64,
        scenario: String,
        first: usize,
        stride: usize,
    },
    /// Collect the batches of a job and send summaries (throttled, then the final one).
    Collect { job: u64, scenario: String },
    /// A batch for the collector.
    Batch {
        job: u64,
        index: usize,
        data: Vec<f64>,
    },
    /// Stop working on a job.
    Cancel { job: u64 },
}

/// What a worker sends to the page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Output {
    /// The records of one batch, packed.
    Batch {
        job: u64,
        index: usize,
        data: Vec<f64>,
    },
    /// A summary (JSON) of the batches collected so far. Its per-run figures travel packed beside it
    /// (rows of `columns` numbers, see [`pack_rows`]; none in a partial summary): as JSON, thousands of
    /// rows took the page long to read.
    Summary {
        job: u64,
        json: String,
        per_run: Vec<f64>,
        columns: usize,
    },
    /// The scenario could not be simulated.
    Failed { job: u64, message: String },
}

/// Packs rows of equal length into one flat list; returns it and the row length.
pub fn pack_rows(rows: &[Vec<f64>]) -> (Vec<f64>, usize) {
    let columns = rows.first().map_or(0, Vec::len);
    (rows.iter().flatten().copied().collect(), columns)
}

/// Cuts a list packed by [`pack_rows`] back into rows.
pub fn unpack_rows(data: &[f64], columns: usize) -> Vec<Vec<f64>> {
    if columns == 0 {
        return Vec::new();
    }
    data.chunks(columns).map(<[f64]>::to_vec).collect()
}

/// Packs run records into one flat list.
pub fn pack(records: &[RunRecord]) -> Vec<f64> {
    let mut out = Vec::with_capacity(records.first().map_or(0, |r| record_len(r) * records.len()));
    for r in records {
        out.extend_from_slice(&r.series);
        out.extend_from_slice(&r.stage_counts);
        out.extend_from_slice(&r.flows);
        out.extend_from_slice(&r.kpis);
    }
    out
}

fn record_len(r: &RunRecord) -> usize {
    r.series.len() + r.stage_counts.len() + r.flows.len() + r.kpis.len()
}

/// Cuts a packed list back into records of a scenario with `stages` funnel stages and `horizon` periods.
pub fn unpack(data: &[f64], stages: usize, horizon: usize) -> Result<Vec<RunRecord>, String> {
    let shape = RunRecord::new(stages, horizon);
    let len = record_len(&shape);
    if len == 0 || !data.len().is_multiple_of(len) {
        return Err(format!(
            "a batch of {} numbers does not fit records of {len}",
            data.len()
        ));
    }
    Ok(data
        .chunks_exact(len)
        .map(|chunk| {
            let mut r = shape.clone();
            let (a, rest) = chunk.split_at(r.series.len());
            let (b, rest) = rest.split_at(r.stage_counts.len());
            let (c, d) = rest.split_at(r.flows.len());
            r.series.copy_from_slice(a);
            r.stage_counts.copy_from_slice(b);
            r.flows.copy_from_slice(c);
            r.kpis.copy_from_slice(d);
            r
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::templates::default_scenario;
    use crate::sim::{Simulation, Summary};

    #[test]
    fn batches_and_summaries_round_trip() {
        let mut s = default_scenario();
        s.meta.runs = 120;
        let sim = Simulation::new(&s).expect("default scenario is valid");
        let batch = sim.run_batch(0);
        let back = unpack(
            &pack(&batch.records),
            s.stages.len(),
            s.meta.horizon as usize,
        )
        .unwrap();
        assert_eq!(back.len(), batch.records.len());
        for (a, b) in back.iter().zip(&batch.records) {
            assert_eq!(a.series, b.series);
            assert_eq!(a.flows, b.flows);
        }
        assert!(unpack(&[1.0, 2.0], s.stages.len(), s.meta.horizon as usize).is_err());
        let rows = vec![vec![1.0, f64::NAN, 3.0], vec![4.0, 5.0, 6.0]];
        let (flat, columns) = pack_rows(&rows);
        let back = unpack_rows(&flat, columns);
        assert_eq!(back.len(), 2);
        assert!(back[0][1].is_nan() && back[1] == rows[1] && back[0][2] == 3.0);
        assert!(unpack_rows(&[], 0).is_empty());
        let summary = sim.run();
        let json = serde_json::to_string(&summary).unwrap();
        let again: Summary = serde_json::from_str(&json).expect("summary JSON reads back");
        assert_eq!(again.runs, summary.runs);
        for (name, k) in &summary.kpis {
            let (a, b) = (k.stats.p50, again.kpis[name].stats.p50);
            assert!(
                a == b || (a - b).abs() <= 1e-9 * a.abs() || (a.is_nan() && b.is_nan()),
                "{name}"
            );
        }
    }
}
