//! Random streams: every batch, run, period and site gets its own Xoshiro256++ stream derived from the seed.
//!
//! Streams are derived by hashing (SplitMix64 finaliser), so results do not depend on how batches are
//! scheduled, and two scenarios that share a site draw from the same stream (common random numbers).
//!
//! # Reproducibility contract
//!
//! Every stream is named by a [`StreamSite`], whose [`StreamSite::coordinates`] (`a`, `b`) are hashed
//! with a key by [`derive`]. The coordinates are part of the contract: changing any of them changes
//! every pinned value (tests/support/pinned.rs, tests/engine_stability.rs) and every common-random-number
//! pairing between scenarios. The sites and their coordinates:
//!
//! | site | key | `a` | `b` |
//! |---|---|---|---|
//! | [`StreamSite::Batch`] `(i)`: the run keys of batch `i` | seed | `0xBA7C` | `i` |
//! | [`StreamSite::Param`] `(id)`: the uniform of parameter `id` | run key | `0x5EED_0001` | [`ParamId::key`] |
//! | [`StreamSite::Start`]: a run's stream before any site is chosen | run key | `u64::MAX` | `0` |
//! | [`StreamSite::Period`] `{ period, step }` | run key | `period` | `kind << 56 \| index << 32` |
//!
//! and for the steps of a period ([`Step`], `kind`, `index`): pain point `i` (0, `i`), happy moment `i`
//! (1, `i`), funnel stage `k` (2, `k`), Retention groups (3, 0), Retention repeat purchases (3, 1),
//! Advocacy groups (4, 0), Advocacy repeat purchases (4, 1), the initial cohort at t = 0 (5, 0),
//! accepted referrals (5, 1), inflow and external influence (5, 2). Within a step, the group in layout
//! slot `s` draws from the stream seeded with `site key ^ ((s + 1) * 0xD6E8_FEB8_6659_FD93)` (see
//! [`crate::sim::sampler`]).

use rand::rngs::Xoshiro256PlusPlus;
use rand::SeedableRng;

use super::params::ParamId;

/// Where in a simulation a random stream is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamSite {
    /// The run keys of batch `i` (derived from the seed, not a run key).
    Batch(u64),
    /// The uniform from which a run draws an uncertain parameter.
    Param(ParamId),
    /// A run's stream before any site is chosen.
    Start,
    /// One step of one period of a run.
    Period {
        /// The period (0 for the initial cohort).
        period: u64,
        /// The step.
        step: Step,
    },
}

/// The steps of a period that draw (see the module doc for their coordinates).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Pain point `index` (in scenario order).
    Pain {
        /// Index in the scenario's pain points.
        index: usize,
    },
    /// Happy moment `index` (in scenario order).
    Happy {
        /// Index in the scenario's happy moments.
        index: usize,
    },
    /// Advance / drop / stay in funnel stage `stage`.
    Funnel {
        /// Funnel stage index.
        stage: usize,
    },
    /// Churn and promotion of active customers (one stream per group).
    Retention,
    /// Repeat purchases of active customers (one draw for the location).
    RetentionRepeats,
    /// Churn of advocates (one stream per group).
    Advocacy,
    /// Repeat purchases of advocates, and their referrals.
    AdvocacyRepeats,
    /// The initial cohort entering at t = 0.
    Cohort,
    /// Accepted referrals entering the funnel.
    Referrals,
    /// Inflow and external influence entering the funnel.
    Inflow,
}

/// Site coordinate `a` of the parameter draws.
const PARAM_SITE: u64 = 0x5EED_0001;
/// Site coordinate `a` of the batches.
const BATCH_SITE: u64 = 0xBA7C;

impl Step {
    /// (kind, index) of the step.
    fn kind_index(self) -> (u64, u64) {
        match self {
            Step::Pain { index } => (0, index as u64),
            Step::Happy { index } => (1, index as u64),
            Step::Funnel { stage } => (2, stage as u64),
            Step::Retention => (3, 0),
            Step::RetentionRepeats => (3, 1),
            Step::Advocacy => (4, 0),
            Step::AdvocacyRepeats => (4, 1),
            Step::Cohort => (5, 0),
            Step::Referrals => (5, 1),
            Step::Inflow => (5, 2),
        }
    }
}

impl StreamSite {
    /// The site's coordinates (`a`, `b`) for [`derive`]: fixed by the reproducibility contract.
    pub fn coordinates(self) -> (u64, u64) {
        match self {
            StreamSite::Batch(i) => (BATCH_SITE, i),
            StreamSite::Param(id) => (PARAM_SITE, id.key()),
            StreamSite::Start => (u64::MAX, 0),
            StreamSite::Period { period, step } => {
                let (kind, index) = step.kind_index();
                (period, (kind << 56) | (index << 32))
            }
        }
    }

    /// The key of this site under `key` (the seed for [`StreamSite::Batch`], else a run key).
    pub fn key(self, key: u64) -> u64 {
        let (a, b) = self.coordinates();
        derive(key, a, b)
    }
}

/// SplitMix64's finaliser: a fast, well-mixing bijection on u64.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Combines a key with two site coordinates into a new key.
pub fn derive(key: u64, a: u64, b: u64) -> u64 {
    mix(key ^ mix(a.wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ mix(b)))
}

/// The generator of batch `batch` of a simulation seeded with `seed`.
pub fn batch_stream(seed: u64, batch: u64) -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus::seed_from_u64(StreamSite::Batch(batch).key(seed))
}

/// The generator for `site` of a run identified by `run_key`.
pub fn site_stream(run_key: u64, site: StreamSite) -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus::seed_from_u64(site.key(run_key))
}

/// A uniform number in (0, 1) determined by a key (never exactly 0 or 1).
pub fn unit_from_key(key: u64) -> f64 {
    ((mix(key) >> 11) as f64 + 0.5) / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    fn at(period: u64, step: Step) -> StreamSite {
        StreamSite::Period { period, step }
    }

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let site = at(1, Step::Funnel { stage: 2 });
        let a = site_stream(7, site).next_u64();
        assert_eq!(a, site_stream(7, site).next_u64());
        assert_ne!(
            a,
            site_stream(7, at(2, Step::Funnel { stage: 1 })).next_u64()
        );
        assert_ne!(a, site_stream(8, site).next_u64());
    }

    /// The coordinates are the reproducibility contract (see the module doc): they must not change.
    #[test]
    fn coordinates_are_those_of_the_contract() {
        let cases = [
            (StreamSite::Batch(3), (0xBA7C, 3)),
            (
                StreamSite::Param(ParamId::Conversion(2)),
                (0x5EED_0001, 1_002),
            ),
            (StreamSite::Param(ParamId::Acceptance), (0x5EED_0001, 5_004)),
            (StreamSite::Start, (u64::MAX, 0)),
            (at(4, Step::Pain { index: 1 }), (4, 1 << 32)),
            (at(4, Step::Happy { index: 2 }), (4, 1 << 56 | 2 << 32)),
            (at(4, Step::Funnel { stage: 3 }), (4, 2 << 56 | 3 << 32)),
            (at(4, Step::Retention), (4, 3 << 56)),
            (at(4, Step::RetentionRepeats), (4, 3 << 56 | 1 << 32)),
            (at(4, Step::Advocacy), (4, 4 << 56)),
            (at(4, Step::AdvocacyRepeats), (4, 4 << 56 | 1 << 32)),
            (at(0, Step::Cohort), (0, 5 << 56)),
            (at(4, Step::Referrals), (4, 5 << 56 | 1 << 32)),
            (at(4, Step::Inflow), (4, 5 << 56 | 2 << 32)),
        ];
        for (site, ab) in cases {
            assert_eq!(site.coordinates(), ab, "{site:?}");
        }
    }

    #[test]
    fn unit_is_open_interval() {
        for k in 0..10_000 {
            let u = unit_from_key(k);
            assert!(u > 0.0 && u < 1.0);
        }
    }
}
