//! Messages between the page and the engine workers.
//!
//! Messages travel in their binary [`wire`] form through the workers' [`codec`]. A scenario goes as
//! its JSON text (the worker reports a scenario it cannot read), a batch of run records as one flat
//! `Vec<f64>` that [`unpack`] cuts back into records, and a summary as itself.

pub mod codec;
pub mod wire;

use crate::sim::{RunRecord, Summary};

/// What the page sends to a worker.
#[derive(Clone, Debug)]
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
#[derive(Clone, Debug)]
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

wire::wire_enums! {
    Input {
        Compute { job, scenario, first, stride } = 0,
        Collect { job, scenario } = 1,
        Batch { job, index, data } = 2,
        Cancel { job } = 3,
    }
    Output {
        Batch { job, index, data } = 0,
        Summary { job, summary } = 1,
        Failed { job, message } = 2,
    }
}
codec::serde_via_wire!(Input, Output);

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
        let summary = sim.run();
        let output = Output::Summary {
            job: 7,
            summary: Box::new(summary.clone()),
        };
        let bytes = wire::encode(&output);
        let Some(Output::Summary { job, summary: back }) = wire::decode::<Output>(&bytes) else {
            panic!("the summary does not read back");
        };
        assert_eq!(job, 7);
        assert_eq!(back.runs, summary.runs);
        assert_eq!(back.per_run_kpis.len(), summary.per_run_kpis.len());
        for (name, k) in &summary.kpis {
            let (a, b) = (k.stats.p50, back.kpis[name].stats.p50);
            assert!(a == b || (a.is_nan() && b.is_nan()), "{name}");
        }
        assert!(wire::decode::<Output>(&bytes[..bytes.len() - 1]).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(wire::decode::<Output>(&longer).is_none());
    }
}
