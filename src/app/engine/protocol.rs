//! Messages between the page and the engine workers.
//!
//! Messages travel through yew-agent's own codec (bincode, numbers as their 8 bytes, so NaN and
//! infinities arrive as themselves). A scenario goes as its JSON text (its untagged rates and ranges
//! have no fixed binary shape, and the worker reports a scenario it cannot read), a batch of run records
//! as one flat `Vec<f64>` that [`unpack`] cuts back into records, and a summary as itself.

use serde::{Deserialize, Serialize};

use crate::sim::{RunRecord, Summary};

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
    /// A summary of the batches collected so far (a partial one has no per-run figures).
    Summary { job: u64, summary: Box<Summary> },
    /// The scenario could not be simulated.
    Failed { job: u64, message: String },
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
    use crate::sim::Simulation;

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
        let mut summary = sim.run();
        // Undefined and infinite figures must arrive as themselves too.
        let first = summary.kpis.values_mut().next().expect("a KPI");
        (first.stats.mean, first.stats.sd, first.stats.expected) =
            (f64::NAN, f64::INFINITY, Some(f64::NEG_INFINITY));
        let output = Output::Summary {
            job: 7,
            summary: Box::new(summary.clone()),
        };
        // The very format of yew-agent's default codec (bincode, standard configuration).
        let config = bincode::config::standard();
        let bytes = bincode::serde::encode_to_vec(&output, config).expect("a summary encodes");
        let (back, read): (Output, usize) =
            bincode::serde::decode_from_slice(&bytes, config).expect("a summary decodes");
        assert_eq!(read, bytes.len());
        let Output::Summary { job, summary: back } = back else {
            panic!("the summary does not read back as a summary");
        };
        assert_eq!(job, 7);
        // Compared as text: `Debug` prints every f64 exactly (NaN ≠ NaN would fail `==`).
        assert_eq!(format!("{back:?}"), format!("{summary:?}"));
        let cut = bincode::serde::decode_from_slice::<Output, _>(&bytes[..bytes.len() - 1], config);
        assert!(cut.is_err(), "a message cut short is refused");
    }
}
