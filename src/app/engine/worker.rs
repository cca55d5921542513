//! The engine reactor that runs inside each web worker (registered by [`crate::app::spawn::start`]).
//!
//! One reactor type plays two roles, chosen by its first input: a *computer* runs its share of a job's
//! batches and sends each back; the *collector* receives every batch (forwarded by the page), keeps an
//! [`Accumulator`] and sends a summary of the first batch at once, then at most every 500 ms
//! ([`SUMMARY_MS`], longer if summarising is slow), then the final one, so the page never sorts
//! thousands of runs itself. Between batches the computer yields to
//! the event loop so a `Cancel` (or a newer job) can arrive.

use futures::{FutureExt, SinkExt, StreamExt};
use yew_agent::prelude::*;

use crate::app::browser::epoch_ms;
use crate::sim::{Accumulator, Batch, ProblemList, Scenario, Simulation};

use super::protocol::{pack, unpack, Input, Output};

/// Partial summaries are sent at most this often (ms): each one redraws the four charts on the page.
pub const SUMMARY_MS: f64 = 500.0;

/// A job being computed.
struct Computing {
    job: u64,
    sim: Simulation,
    next: usize,
    stride: usize,
}

/// A job being collected.
struct Collecting {
    job: u64,
    acc: Accumulator,
    stages: usize,
    horizon: usize,
    batches: usize,
    received: usize,
    last_post: f64,
    last_cost: f64,
}

fn prepare(scenario: &str) -> Result<(Scenario, Simulation), String> {
    let scenario: Scenario = serde_json::from_str(scenario).map_err(|e| e.to_string())?;
    let sim = Simulation::new(&scenario).map_err(|problems| ProblemList(&problems).to_string())?;
    Ok((scenario, sim))
}

/// The engine reactor: see the module documentation.
#[reactor]
pub async fn EngineReactor(mut scope: ReactorScope<Input, Output>) {
    let mut computing: Option<Computing> = None;
    let mut collecting: Option<Collecting> = None;
    loop {
        let input = match &computing {
            Some(_) => {
                // Let queued messages in before the next batch.
                gloo_timers::future::TimeoutFuture::new(0).await;
                match scope.next().now_or_never() {
                    Some(None) => return,
                    Some(Some(input)) => Some(input),
                    None => None,
                }
            }
            None => match scope.next().await {
                Some(input) => Some(input),
                None => return,
            },
        };
        let mut outputs = Vec::new();
        match input {
            Some(Input::Compute {
                job,
                scenario,
                first,
                stride,
            }) => match prepare(&scenario) {
                Ok((_, sim)) => {
                    computing = Some(Computing {
                        job,
                        sim,
                        next: first,
                        stride: stride.max(1),
                    })
                }
                Err(message) => {
                    computing = None;
                    outputs.push(Output::Failed { job, message });
                }
            },
            Some(Input::Collect { job, scenario }) => match prepare(&scenario) {
                Ok((sc, sim)) => {
                    collecting = Some(Collecting {
                        job,
                        acc: sim.accumulator(),
                        stages: sc.stages.len(),
                        horizon: sc.meta.horizon as usize,
                        batches: sim.batches(),
                        received: 0,
                        // The first batch is summarised at once: the funnel and KPI cards appear
                        // as soon as one batch is done.
                        last_post: f64::NEG_INFINITY,
                        last_cost: 0.0,
                    })
                }
                Err(message) => outputs.push(Output::Failed { job, message }),
            },
            Some(Input::Batch { job, index, data }) => {
                if let Some(c) = collecting.as_mut().filter(|c| c.job == job) {
                    match unpack(&data, c.stages, c.horizon) {
                        Ok(records) => {
                            c.acc.add(Batch { index, records });
                            c.received += 1;
                            let done = c.received >= c.batches;
                            let due = epoch_ms() - c.last_post >= SUMMARY_MS.max(2.0 * c.last_cost);
                            if done || due {
                                outputs.push(summary_output(c, done));
                            }
                            if done {
                                collecting = None;
                            }
                        }
                        Err(message) => outputs.push(Output::Failed { job, message }),
                    }
                }
            }
            Some(Input::Cancel { job }) => {
                computing = computing.filter(|c| c.job != job);
                collecting = collecting.filter(|c| c.job != job);
            }
            None => {
                if let Some(c) = computing.as_mut() {
                    if c.next < c.sim.batches() {
                        let batch = c.sim.run_batch(c.next);
                        outputs.push(Output::Batch {
                            job: c.job,
                            index: batch.index,
                            data: pack(&batch.records),
                        });
                        c.next += c.stride;
                    }
                    if c.next >= c.sim.batches() {
                        computing = None;
                    }
                }
            }
        }
        for output in outputs {
            if scope.send(output).await.is_err() {
                return;
            }
        }
    }
}

/// A summary of the batches so far. Partial summaries leave out the per-run figures (thousands of rows
/// of nine numbers), so updates during a run stay small; the final one carries them, for exports.
fn summary_output(c: &mut Collecting, last: bool) -> Output {
    let start = epoch_ms();
    let mut summary = c.acc.summary();
    if !last {
        summary.per_run_kpis = Vec::new();
    }
    let end = epoch_ms();
    c.last_post = end;
    c.last_cost = end - start;
    Output::Summary {
        job: c.job,
        summary: Box::new(summary),
    }
}
