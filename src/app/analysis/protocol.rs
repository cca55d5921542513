//! Messages between the page and the analysis worker, and the worker's pure request handler.
//!
//! yew-agent encodes messages with bincode, which cannot carry the scenario's untagged enums or the
//! summary's flattened fields, so requests and replies travel as JSON text. JSON has no NaN: the plain
//! `f64` fields of a tornado or target answer that may be undefined are sent as [`NAN_SENTINEL`] and
//! turned back into NaN by [`decode_reply`] (the statistics themselves already read `null` as NaN).

use serde::{Deserialize, Serialize};

use crate::sim::params::ParamId;
use crate::sim::whatif::{
    compare, rank_pain_points, seek_target, tornado, Comparison, PainWorth, TargetAnswer, Tornado,
};
use crate::sim::Scenario;

/// The most Monte Carlo runs (or parameter draws) any one analysis uses.
pub const MAX_RUNS: usize = 2_000;

/// Stands for NaN in the JSON of a reply (the largest finite `f64`, which round-trips exactly).
pub const NAN_SENTINEL: f64 = f64::MAX;

/// The four analyses; each has its own current job, so a newer request of one kind supersedes the
/// older one without touching the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// Baseline against variants.
    Compare = 0,
    /// Tornado and rank correlations.
    Tornado = 1,
    /// Pain-point ranking.
    Pain = 2,
    /// Target seeking.
    Target = 3,
}

/// How many [`Kind`]s there are (one current job each).
pub const KINDS: usize = 4;

/// What the panel asks the worker to compute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Compare the baseline with each variant under common random numbers.
    Compare {
        /// The current scenario (its runs are capped at [`MAX_RUNS`]).
        baseline: Scenario,
        /// Edits of it.
        variants: Vec<Scenario>,
    },
    /// Tornado of `kpi`, rank correlations over `runs` runs.
    Tornado {
        /// The scenario.
        scenario: Scenario,
        /// KPI name.
        kpi: String,
        /// Monte Carlo runs for the rank correlations.
        runs: usize,
    },
    /// Worth of removing or halving each pain point.
    PainRanking {
        /// The scenario.
        scenario: Scenario,
        /// KPI name.
        kpi: String,
        /// Paired runs.
        runs: usize,
    },
    /// The value of `param` that makes the expected `kpi` reach `target`.
    Target {
        /// The scenario.
        scenario: Scenario,
        /// The input solved for.
        param: ParamId,
        /// KPI name.
        kpi: String,
        /// Target value of the expected KPI.
        target: f64,
        /// Parameter draws for the uncertainty of the answer.
        draws: usize,
    },
}

impl Request {
    /// Which analysis this is.
    pub fn kind(&self) -> Kind {
        match self {
            Request::Compare { .. } => Kind::Compare,
            Request::Tornado { .. } => Kind::Tornado,
            Request::PainRanking { .. } => Kind::Pain,
            Request::Target { .. } => Kind::Target,
        }
    }
}

/// The engine's answer to a [`Request`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// See [`compare`].
    Compare(Comparison),
    /// See [`tornado`].
    Tornado(Tornado),
    /// See [`rank_pain_points`].
    PainRanking(Vec<PainWorth>),
    /// See [`seek_target`].
    Target(TargetAnswer),
}

/// What the page sends to the analysis worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Input {
    /// Compute a request (JSON of [`Request`]) as job `job`; supersedes older jobs of its kind.
    Run {
        /// Job id (increasing).
        job: u64,
        /// The analysis.
        kind: Kind,
        /// JSON of the [`Request`].
        request: String,
    },
    /// Drop job `job` if it has not been answered yet.
    Cancel {
        /// Job id.
        job: u64,
    },
}

/// What the worker sends back: the JSON of `Result<Reply, String>` (see [`decode_reply`]).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Output {
    /// Job id.
    pub job: u64,
    /// The analysis.
    pub kind: Kind,
    /// JSON of the result.
    pub reply: String,
}

/// Computes one request with the engine (runs capped at [`MAX_RUNS`]).
pub fn handle(request: Request) -> Result<Reply, String> {
    match request {
        Request::Compare {
            mut baseline,
            variants,
        } => {
            baseline.meta.runs = baseline.meta.runs.clamp(1, MAX_RUNS as u32);
            compare(&baseline, &variants)
                .map(Reply::Compare)
                .map_err(|e| {
                    let who = match e.scenario {
                        0 => "the baseline".to_string(),
                        i => format!("variant {i}"),
                    };
                    let problems: Vec<String> = e.problems.iter().map(|p| p.to_string()).collect();
                    format!("{who} cannot run: {}", problems.join("; "))
                })
        }
        Request::Tornado {
            scenario,
            kpi,
            runs,
        } => tornado(&scenario, &kpi, runs.min(MAX_RUNS)).map(Reply::Tornado),
        Request::PainRanking {
            scenario,
            kpi,
            runs,
        } => rank_pain_points(&scenario, &kpi, runs.min(MAX_RUNS)).map(Reply::PainRanking),
        Request::Target {
            scenario,
            param,
            kpi,
            target,
            draws,
        } => seek_target(&scenario, param, &kpi, target, draws.min(MAX_RUNS)).map(Reply::Target),
    }
}

/// Applies `f` to every plain `f64` of a reply that JSON would turn into `null` when NaN.
fn map_plain(reply: &mut Reply, f: impl Fn(f64) -> f64) {
    match reply {
        Reply::Tornado(t) => {
            t.base = f(t.base);
            let input = |i: &mut crate::sim::whatif::Input| {
                (i.central, i.low, i.high) = (f(i.central), f(i.low), f(i.high));
            };
            for b in &mut t.bars {
                (b.kpi_low, b.kpi_high) = (f(b.kpi_low), f(b.kpi_high));
                input(&mut b.input);
            }
            for i in &mut t.importance {
                (i.rho, i.share) = (f(i.rho), f(i.share));
                input(&mut i.input);
            }
        }
        Reply::Target(a) => {
            a.range = (f(a.range.0), f(a.range.1));
            a.reachable_share = f(a.reachable_share);
        }
        Reply::PainRanking(rows) => {
            for r in rows {
                for d in [&mut r.removed, &mut r.halved] {
                    (d.p_better, d.p_worse) = (f(d.p_better), f(d.p_worse));
                }
            }
        }
        Reply::Compare(c) => {
            for v in &mut c.variants {
                for d in v.diffs.values_mut() {
                    (d.p_better, d.p_worse) = (f(d.p_better), f(d.p_worse));
                }
            }
        }
    }
}

/// The JSON of a result, NaN kept (see the module documentation).
pub fn encode_reply(result: Result<Reply, String>) -> String {
    let result = result.map(|mut r| {
        map_plain(&mut r, |x| if x.is_nan() { NAN_SENTINEL } else { x });
        r
    });
    serde_json::to_string(&result).unwrap_or_else(|e| {
        serde_json::to_string(&Err::<Reply, _>(e.to_string())).unwrap_or_default()
    })
}

/// Reads the JSON written by [`encode_reply`].
pub fn decode_reply(json: &str) -> Result<Reply, String> {
    let result: Result<Reply, String> =
        serde_json::from_str(json).map_err(|e| format!("unreadable analysis result: {e}"))?;
    result.map(|mut r| {
        map_plain(&mut r, |x| if x == NAN_SENTINEL { f64::NAN } else { x });
        r
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::templates::default_scenario;

    #[test]
    fn replies_round_trip_with_nan_and_requests_are_capped() {
        let mut s = default_scenario();
        s.meta.runs = 40;
        let mut t = tornado(&s, "purchased", 30).unwrap();
        t.bars[0].kpi_low = f64::NAN;
        let back = decode_reply(&encode_reply(Ok(Reply::Tornado(t.clone())))).unwrap();
        let Reply::Tornado(b) = back else {
            panic!("not a tornado")
        };
        assert!(b.bars[0].kpi_low.is_nan());
        assert_eq!(b.bars[1], t.bars[1]);
        assert_eq!(
            decode_reply(&encode_reply(Err("no".into()))),
            Err("no".into())
        );
        let request = Request::Compare {
            baseline: s.clone(),
            variants: vec![s.clone()],
        };
        let json = serde_json::to_string(&request).unwrap();
        let again: Request = serde_json::from_str(&json).unwrap();
        assert_eq!(again.kind(), Kind::Compare);
        let Ok(Reply::Compare(c)) = handle(again) else {
            panic!("comparison failed")
        };
        assert_eq!(c.baseline.runs, 40);
        assert_eq!(c.variants[0].diffs["purchased"].p_better, 0.0);
    }
}
