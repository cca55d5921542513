//! How a population splits: by random draws (Monte Carlo) or by expectations (the exact forward pass).
//!
//! The engine's period step is written once against [`Sampler`]; [`Draw`] makes it a Monte Carlo run with
//! binomial and Poisson draws on whole groups of identical customers, and [`Mean`] turns it into the exact
//! expectation of the same model (every split replaced by its mean), which is linear in the population.

use rand::rngs::Xoshiro256PlusPlus;
use rand::SeedableRng;
use rand::{Rng, RngExt};
use rand_distr::{Distribution, Poisson};

use super::btrs::{btrs, BTRS_MIN_MEAN};
use super::rng::{site_stream, StreamSite};

/// Splits group counts. Counts are `f64`: whole numbers when drawn, expectations otherwise.
pub trait Sampler {
    /// How many of `n` customers have an event of probability `p`.
    fn binomial(&mut self, n: f64, p: f64) -> f64;
    /// A Poisson count with mean `mean`.
    fn poisson(&mut self, mean: f64) -> f64;
    /// Switches to the random stream of `site` of the current run.
    fn site(&mut self, site: StreamSite);
    /// Switches to the stream of group `key` at the current site (one hash per group; the site must
    /// have been set with [`Sampler::site`]).
    fn group(&mut self, key: u64);
    /// Whether counts are expectations (no randomness).
    fn is_exact(&self) -> bool;
}

/// Monte Carlo draws from per-site Xoshiro256++ streams of one run.
pub struct Draw {
    run_key: u64,
    site_key: u64,
    rng: Xoshiro256PlusPlus,
    inv: InversionCache,
}

impl Draw {
    /// Draws for the run identified by `run_key`.
    pub fn new(run_key: u64) -> Self {
        Draw {
            run_key,
            site_key: 0,
            rng: site_stream(run_key, StreamSite::Start),
            inv: InversionCache::default(),
        }
    }
}

impl Sampler for Draw {
    fn binomial(&mut self, n: f64, p: f64) -> f64 {
        if n <= 0.0 || p <= 0.0 {
            return 0.0;
        }
        if p >= 1.0 {
            return n;
        }
        if p > 0.5 {
            return n - self.binomial(n, 1.0 - p);
        }
        if n <= SMALL_N {
            return bernoulli_count(&mut self.rng, n as u32, p);
        }
        if n * p < BTRS_MIN_MEAN {
            let (log_q, ratio) = self.inv.get(p);
            return inversion(&mut self.rng, n, log_q, ratio);
        }
        btrs(&mut self.rng, n, p)
    }

    fn poisson(&mut self, mean: f64) -> f64 {
        if mean <= 0.0 || !mean.is_finite() {
            return 0.0;
        }
        match Poisson::new(mean) {
            Ok(d) => {
                let x: f64 = d.sample(&mut self.rng);
                x.round()
            }
            Err(_) => 0.0,
        }
    }

    fn site(&mut self, site: StreamSite) {
        self.site_key = site.key(self.run_key);
        self.rng = Xoshiro256PlusPlus::seed_from_u64(self.site_key);
    }

    fn group(&mut self, key: u64) {
        self.rng = Xoshiro256PlusPlus::seed_from_u64(self.site_key ^ group_offset(key));
    }

    fn is_exact(&self) -> bool {
        false
    }
}

/// What a group's key adds to its site's key: group `key`'s stream is SplitMix64-seeded from
/// `site_key ^ group_offset(key)`. One odd multiplication (no extra hash: the site key is already one,
/// and SplitMix64 seeding mixes); `key + 1`, so that no group shares its site's own stream.
fn group_offset(key: u64) -> u64 {
    key.wrapping_add(1).wrapping_mul(0xD6E8_FEB8_6659_FD93)
}

/// Groups up to this size are split by one Bernoulli trial per customer.
const SMALL_N: f64 = 24.0;

/// Number of successes in `n` Bernoulli(p) trials, one 64-bit draw each.
fn bernoulli_count(rng: &mut Xoshiro256PlusPlus, n: u32, p: f64) -> f64 {
    let threshold = (p * 18_446_744_073_709_551_616.0) as u64;
    (0..n).filter(|_| rng.next_u64() < threshold).count() as f64
}

/// The last few (p, log(1 − p), p / (1 − p)) used by [`inversion`]: a site draws with the same few
/// probabilities for all its groups.
#[derive(Default)]
struct InversionCache {
    entries: [(u64, f64, f64); 4],
    next: usize,
}

impl InversionCache {
    /// (log(1 − p), p / (1 − p)).
    fn get(&mut self, p: f64) -> (f64, f64) {
        let bits = p.to_bits();
        if let Some(e) = self.entries.iter().find(|e| e.0 == bits) {
            return (e.1, e.2);
        }
        let e = (bits, (-p).ln_1p(), p / (1.0 - p));
        self.entries[self.next] = e;
        self.next = (self.next + 1) % self.entries.len();
        (e.1, e.2)
    }
}

/// Binomial(n, p) by inversion of the CDF from 0 (expected n·p + 1 steps); p ≤ 0.5, given
/// log(1 − p) and p / (1 − p).
fn inversion(rng: &mut Xoshiro256PlusPlus, n: f64, log_q: f64, ratio: f64) -> f64 {
    let mut pmf = (n * log_q).exp();
    let mut u: f64 = rng.random();
    let mut k = 0.0;
    while u > pmf && k < n {
        u -= pmf;
        pmf *= ratio * (n - k) / (k + 1.0);
        k += 1.0;
        if pmf <= 0.0 {
            break;
        }
    }
    k
}

/// Expectations: every split is replaced by its mean.
#[derive(Default)]
pub struct Mean;

impl Sampler for Mean {
    fn binomial(&mut self, n: f64, p: f64) -> f64 {
        n * p.clamp(0.0, 1.0)
    }

    fn poisson(&mut self, mean: f64) -> f64 {
        mean.max(0.0)
    }

    fn site(&mut self, _site: StreamSite) {}

    fn group(&mut self, _key: u64) {}

    fn is_exact(&self) -> bool {
        true
    }
}

/// Splits `n` into parts with probabilities `probs` (summing to 1) by sequential binomials.
pub fn multinomial(s: &mut impl Sampler, n: f64, probs: &[f64], out: &mut Vec<f64>) {
    out.clear();
    let mut left = n;
    let mut mass = 1.0;
    for (i, &p) in probs.iter().enumerate() {
        let part = if i + 1 == probs.len() || left <= 0.0 {
            left
        } else if mass <= 0.0 {
            0.0
        } else {
            s.binomial(left, (p / mass).min(1.0))
        };
        out.push(part);
        left -= part;
        mass -= p;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multinomial_conserves() {
        let mut d = Draw::new(3);
        let mut out = Vec::new();
        for n in [0.0, 1.0, 17.0, 100_000.0] {
            multinomial(&mut d, n, &[0.17, 0.4, 0.29, 0.14], &mut out);
            assert_eq!(out.iter().sum::<f64>(), n);
            assert!(out.iter().all(|&x| x >= 0.0 && x == x.trunc()));
        }
    }

    #[test]
    fn every_method_has_binomial_moments() {
        // Small groups (Bernoulli), inversion, BTRS, and p > 1/2 by symmetry.
        for (n, p) in [
            (10.0, 0.3),
            (200.0, 0.02),
            (5_000.0, 0.3),
            (1_000.0, 0.9),
            (2e6, 1e-5),
            (1e6, 0.999_99),
        ] {
            let mut d = Draw::new(11);
            let draws: Vec<f64> = (0..20_000).map(|_| d.binomial(n, p)).collect();
            let mean = draws.iter().sum::<f64>() / draws.len() as f64;
            let var =
                draws.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / draws.len() as f64;
            let (m, v) = (n * p, n * p * (1.0 - p));
            assert!(
                (mean - m).abs() < 4.0 * (v / 20_000.0).sqrt(),
                "mean of Bin({n}, {p})"
            );
            assert!(
                (var / v - 1.0).abs() < 0.05,
                "variance of Bin({n}, {p}): {var} vs {v}"
            );
            assert!(draws.iter().all(|&x| x >= 0.0 && x <= n && x == x.trunc()));
        }
    }

    #[test]
    fn groups_and_site_have_distinct_streams() {
        let first = |d: &mut Draw| d.rng.next_u64();
        let mut d = Draw::new(5);
        d.site(StreamSite::Period {
            period: 1,
            step: crate::sim::rng::Step::Pain { index: 2 },
        });
        let site = first(&mut d);
        let mut seen = vec![site];
        for key in 0..1000 {
            d.group(key);
            seen.push(first(&mut d));
        }
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 1001);
    }

    #[test]
    fn mean_is_expectation() {
        let mut m = Mean;
        let mut out = Vec::new();
        multinomial(&mut m, 100.0, &[0.25, 0.75], &mut out);
        assert!((out[0] - 25.0).abs() < 1e-12 && (out[1] - 75.0).abs() < 1e-12);
    }
}
