//! Messages between the page and the analysis worker, and the worker's pure request handler.
//!
//! Messages travel through yew-agent's own codec (bincode: numbers as their 8 bytes, NaN kept). A
//! request rides in a run message as its JSON text (its scenarios have untagged rates and ranges, which
//! have no fixed binary shape), read only when the worker starts on it.

use serde::{Deserialize, Serialize};

use crate::sim::params::ParamId;
use crate::sim::whatif::{
    compare, rank_pain_points, seek_target, tornado, Comparison, PainWorth, TargetAnswer, Tornado,
};
use crate::sim::{Kpi, Scenario};

/// The most Monte Carlo runs (or parameter draws) any one analysis uses.
pub const MAX_RUNS: usize = 2_000;

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
        /// The KPI.
        kpi: Kpi,
        /// Monte Carlo runs for the rank correlations.
        runs: usize,
    },
    /// Worth of removing or halving each pain point.
    PainRanking {
        /// The scenario.
        scenario: Scenario,
        /// The KPI.
        kpi: Kpi,
        /// Paired runs.
        runs: usize,
    },
    /// The value of `param` that makes the expected `kpi` reach `target`.
    Target {
        /// The scenario.
        scenario: Scenario,
        /// The input solved for.
        param: ParamId,
        /// The KPI.
        kpi: Kpi,
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
    /// Compute a request (its JSON text) as job `job`; supersedes older jobs of its kind.
    Run {
        /// Job id (increasing).
        job: u64,
        /// The analysis.
        kind: Kind,
        /// The JSON text of the [`Request`].
        request: String,
    },
    /// Drop job `job` if it has not been answered yet.
    Cancel {
        /// Job id.
        job: u64,
    },
}

/// What the worker sends back.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Output {
    /// Job id.
    pub job: u64,
    /// The analysis.
    pub kind: Kind,
    /// The engine's answer or why there is none.
    pub reply: Result<Reply, String>,
}

/// The text a request travels as in a run message.
pub fn write_request(request: &Request) -> String {
    serde_json::to_string(request).expect("a request is plain data, always written as JSON")
}

/// Reads a request sent in a run message.
pub fn read_request(text: &str) -> Result<Request, String> {
    serde_json::from_str(text).map_err(|e| format!("unreadable analysis request: {e}"))
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
                .map_err(|e| e.to_string())
        }
        Request::Tornado {
            scenario,
            kpi,
            runs,
        } => tornado(&scenario, kpi, runs.min(MAX_RUNS))
            .map(Reply::Tornado)
            .map_err(|e| e.to_string()),
        Request::PainRanking {
            scenario,
            kpi,
            runs,
        } => rank_pain_points(&scenario, kpi, runs.min(MAX_RUNS))
            .map(Reply::PainRanking)
            .map_err(|e| e.to_string()),
        Request::Target {
            scenario,
            param,
            kpi,
            target,
            draws,
        } => seek_target(&scenario, param, kpi, target, draws.min(MAX_RUNS))
            .map(Reply::Target)
            .map_err(|e| e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::templates::default_scenario;

    #[test]
    fn replies_round_trip_with_nan_and_requests_are_capped() {
        let mut s = default_scenario();
        s.meta.runs = 40;
        let mut t = tornado(&s, Kpi::Purchased, 30).unwrap();
        t.bars[0].kpi_low = f64::NAN;
        let output = Output {
            job: 3,
            kind: Kind::Tornado,
            reply: Ok(Reply::Tornado(t.clone())),
        };
        let config = bincode::config::standard();
        let bytes = bincode::serde::encode_to_vec(&output, config).unwrap();
        let (back, _): (Output, usize) = bincode::serde::decode_from_slice(&bytes, config).unwrap();
        assert_eq!((back.job, back.kind), (3, Kind::Tornado));
        let Ok(Reply::Tornado(b)) = back.reply else {
            panic!("not a tornado")
        };
        assert!(b.bars[0].kpi_low.is_nan());
        assert_eq!(b.bars[1], t.bars[1]);
        let failed: Result<Reply, String> = Err("no".into());
        let bytes = bincode::serde::encode_to_vec(&failed, config).unwrap();
        let back = bincode::serde::decode_from_slice(&bytes, config).map(|(r, _)| r);
        assert_eq!(back.ok(), Some(failed));
        let request = Request::Compare {
            baseline: s.clone(),
            variants: vec![s.clone()],
        };
        let again = read_request(&write_request(&request)).unwrap();
        assert_eq!(again, request);
        assert!(read_request("{").is_err());
        assert_eq!(again.kind(), Kind::Compare);
        let Ok(Reply::Compare(c)) = handle(again) else {
            panic!("comparison failed")
        };
        assert_eq!(c.baseline.runs, 40);
        assert_eq!(c.variants[0].diffs[&Kpi::Purchased].p_better, 0.0);
    }
}
