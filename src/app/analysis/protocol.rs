//! Messages between the page and the analysis worker, and the worker's pure request handler.
//!
//! Messages travel in their binary [`wire`] form (NaN kept) through the workers' codec. A request
//! rides in a run message as its own binary form, read only when the worker starts on it.

use crate::app::protocol::codec::serde_via_wire;
use crate::app::protocol::wire::{self, take, wire_enums, wire_structs, Wire};
use crate::sim::params::ParamId;
use crate::sim::whatif::{
    compare, rank_pain_points, seek_target, tornado, Comparison, PainWorth, TargetAnswer, Tornado,
};
use crate::sim::{Kpi, Scenario};

/// The most Monte Carlo runs (or parameter draws) any one analysis uses.
pub const MAX_RUNS: usize = 2_000;

/// The four analyses; each has its own current job, so a newer request of one kind supersedes the
/// older one without touching the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug)]
pub enum Input {
    /// Compute a request (its [`wire`] form) as job `job`; supersedes older jobs of its kind.
    Run {
        /// Job id (increasing).
        job: u64,
        /// The analysis.
        kind: Kind,
        /// The [`wire`] form of the [`Request`].
        request: Vec<u8>,
    },
    /// Drop job `job` if it has not been answered yet.
    Cancel {
        /// Job id.
        job: u64,
    },
}

/// What the worker sends back.
#[derive(Clone, Debug)]
pub struct Output {
    /// Job id.
    pub job: u64,
    /// The analysis.
    pub kind: Kind,
    /// The engine's answer or why there is none.
    pub reply: Result<Reply, String>,
}

impl Wire for Kind {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self as u8);
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        let kinds = [Kind::Compare, Kind::Tornado, Kind::Pain, Kind::Target];
        kinds.get(usize::from(take(input, 1)?[0])).copied()
    }
}

impl Wire for Reply {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Reply::Compare(c) => tagged(out, 0, c),
            Reply::Tornado(t) => tagged(out, 1, t),
            Reply::PainRanking(p) => tagged(out, 2, p),
            Reply::Target(a) => tagged(out, 3, a),
        }
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        Some(match take(input, 1)?[0] {
            0 => Reply::Compare(Wire::get(input)?),
            1 => Reply::Tornado(Wire::get(input)?),
            2 => Reply::PainRanking(Wire::get(input)?),
            3 => Reply::Target(Wire::get(input)?),
            _ => return None,
        })
    }
}

/// Writes a tag byte, then the value.
fn tagged<T: Wire>(out: &mut Vec<u8>, tag: u8, value: &T) {
    out.push(tag);
    value.put(out);
}

wire_enums! {
    Request {
        Compare { baseline, variants } = 0,
        Tornado { scenario, kpi, runs } = 1,
        PainRanking { scenario, kpi, runs } = 2,
        Target { scenario, param, kpi, target, draws } = 3,
    }
    Input {
        Run { job, kind, request } = 0,
        Cancel { job } = 1,
    }
}

wire_structs! {
    Output { job, kind, reply }
}

serde_via_wire!(Input, Output);

/// Reads a request sent in a run message.
pub fn read_request(bytes: &[u8]) -> Result<Request, String> {
    wire::decode(bytes).ok_or_else(|| "unreadable analysis request".to_string())
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
        } => tornado(&scenario, kpi_named(&kpi)?, runs.min(MAX_RUNS))
            .map(Reply::Tornado)
            .map_err(|e| e.to_string()),
        Request::PainRanking {
            scenario,
            kpi,
            runs,
        } => rank_pain_points(&scenario, kpi_named(&kpi)?, runs.min(MAX_RUNS))
            .map(Reply::PainRanking)
            .map_err(|e| e.to_string()),
        Request::Target {
            scenario,
            param,
            kpi,
            target,
            draws,
        } => seek_target(
            &scenario,
            param,
            kpi_named(&kpi)?,
            target,
            draws.min(MAX_RUNS),
        )
        .map(Reply::Target)
        .map_err(|e| e.to_string()),
    }
}

/// The KPI a request names, or a sentence listing the names.
fn kpi_named(name: &str) -> Result<Kpi, String> {
    name.parse()
        .map_err(|e: crate::sim::UnknownName| e.to_string())
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
        let back = wire::decode::<Output>(&wire::encode(&output)).unwrap();
        assert_eq!((back.job, back.kind), (3, Kind::Tornado));
        let Ok(Reply::Tornado(b)) = back.reply else {
            panic!("not a tornado")
        };
        assert!(b.bars[0].kpi_low.is_nan());
        assert_eq!(b.bars[1], t.bars[1]);
        let failed: Result<Reply, String> = Err("no".into());
        let back = wire::decode::<Result<Reply, String>>(&wire::encode(&failed));
        assert_eq!(back, Some(failed));
        let request = Request::Compare {
            baseline: s.clone(),
            variants: vec![s.clone()],
        };
        let again = read_request(&wire::encode(&request)).unwrap();
        assert_eq!(again, request);
        assert!(read_request(&[9]).is_err());
        assert_eq!(again.kind(), Kind::Compare);
        let Ok(Reply::Compare(c)) = handle(again) else {
            panic!("comparison failed")
        };
        assert_eq!(c.baseline.runs, 40);
        assert_eq!(c.variants[0].diffs[&Kpi::Purchased].p_better, 0.0);
    }
}
