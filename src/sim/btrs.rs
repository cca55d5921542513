//! Exact binomial draws for large means: Hörmann's BTRS (transformed rejection with squeeze, 1993).
//!
//! A proposal from a transformed uniform is accepted at once inside a box where the hat is tight
//! (most draws); otherwise it is compared with the exact ratio of the binomial pmf at k and at the
//! mode m: by a product of pmf ratios when |k − m| ≤ 15, else through a squeeze and, when that does
//! not decide, the exact log ratio from Stirling's series with a table of corrections for small
//! arguments. The result is exactly Binomial(n, p) distributed (up to floating-point rounding of the
//! log-factorial corrections, below 1e-12). Uniforms come from the caller's Xoshiro256++ stream.
//!
//! Hand-written rather than rand_distr's `Binomial`: rand_distr 0.6 uses BINV inversion for n·p < 10
//! and BTPE (Kachitvichyanukul and Schmeiser 1988) above, with a whole-number `n: u64` and a
//! distribution built per (n, p). The engine draws once per group with a different `n` (an `f64`
//! count) nearly every time, so a sampler with a cheap set-up suits it: BTRS needs a few constants
//! for the fast path and computes the slow-path ones only when a draw reaches it (README,
//! "Performance": binomial sampling is about half the run time). Owning the sampler also fixes
//! the map from a stream's numbers to a draw, which pinned values and common random numbers rely on
//! (see [`crate::sim::rng`]); a rand_distr release that changed its method would change them all.

use rand::rngs::Xoshiro256PlusPlus;
use rand::RngExt;

/// Smallest n·p for which [`btrs`] may be used (the hat is only valid for larger means).
pub const BTRS_MIN_MEAN: f64 = 10.0;

/// log(k!) − [½·log(2π) + (k + ½)·log(k + 1) − (k + 1)] for k = 0…9 (Stirling's correction).
const TAIL: [f64; 10] = [
    0.081_061_466_795_327_2,
    0.041_340_695_955_409_2,
    0.027_677_925_684_998_3,
    0.020_790_672_103_765_09,
    0.016_644_691_189_821_1,
    0.013_876_128_823_070_7,
    0.011_896_709_945_891_7,
    0.010_411_265_261_972_0,
    0.009_255_462_182_712_73,
    0.008_330_563_433_362_87,
];

/// Stirling's correction term of log(k!) (see [`TAIL`]); the series is accurate to 1e-12 from k = 10.
pub fn stirling_tail(k: f64) -> f64 {
    if k < 10.0 {
        return TAIL[k as usize];
    }
    let k1 = k + 1.0;
    let k1sq = k1 * k1;
    (1.0 / 12.0 - (1.0 / 360.0 - 1.0 / 1260.0 / k1sq) / k1sq) / k1
}

/// ⌊x⌋ without a library call (|x| < 2^63; larger values saturate, and are rejected as k > n).
fn floor(x: f64) -> f64 {
    let t = x as i64 as f64;
    if t > x {
        t - 1.0
    } else {
        t
    }
}

/// The hat of one (n, p) pair: what the quick acceptance needs (set up with one square root and no
/// division; each proposal then divides once).
struct Hat {
    a: f64,
    b: f64,
    c: f64,
    /// b·v_r: a uniform v is accepted at once when v·b ≤ b·v_r (v_r = 0.92 − 4.2 / b).
    b_v_r: f64,
    /// n·p·(1 − p).
    npq: f64,
    /// √(n·p·(1 − p)).
    spq: f64,
}

impl Hat {
    fn new(n: f64, p: f64) -> Self {
        let npq = n * p * (1.0 - p);
        let spq = npq.sqrt();
        let b = 1.15 + 2.53 * spq;
        Hat {
            a: -0.0873 + 0.0248 * b + 0.01 * p,
            b,
            c: n * p + 0.5,
            b_v_r: 0.92 * b - 4.2,
            npq,
            spq,
        }
    }
}

/// What the slower acceptance tests need, computed only when a draw gets that far.
struct Tail {
    alpha: f64,
    /// The mode ⌊(n + 1)p⌋.
    m: f64,
    /// p / (1 − p).
    r: f64,
    /// n·p·(1 − p).
    npq: f64,
}

impl Tail {
    fn new(n: f64, p: f64, h: &Hat) -> Self {
        Tail {
            alpha: (2.83 + 5.1 / h.b) * h.spq,
            m: floor((n + 1.0) * p),
            r: p / (1.0 - p),
            npq: h.npq,
        }
    }

    /// Whether the proposal k with hat-scaled uniform v is accepted, i.e. v ≤ f(k) / f(m).
    fn accepts(&self, n: f64, k: f64, v: f64) -> bool {
        let km = (k - self.m).abs();
        if km <= 15.0 {
            return self.accepts_near(n, k, v);
        }
        let lv = v.ln();
        if km < self.npq / 2.0 - 1.0 {
            // Squeeze: bounds on log(f(k) / f(m)) (as in BTPE).
            let rho = (km / self.npq) * (((km / 3.0 + 0.625) * km + 1.0 / 6.0) / self.npq + 0.5);
            let t = -km * km / (2.0 * self.npq);
            if lv < t - rho {
                return true;
            }
            if lv > t + rho {
                return false;
            }
        }
        lv <= log_ratio(n, self.m, self.r.ln(), k)
    }

    /// The exact test near the mode: f(k) / f(m) as a product of pmf ratios.
    fn accepts_near(&self, n: f64, k: f64, mut v: f64) -> bool {
        let nr = (n + 1.0) * self.r;
        let mut f = 1.0;
        let (lo, hi) = if self.m < k { (self.m, k) } else { (k, self.m) };
        let mut i = lo + 1.0;
        while i <= hi {
            let step = nr / i - self.r;
            if self.m < k {
                f *= step;
            } else {
                v *= step;
            }
            i += 1.0;
        }
        v <= f
    }
}

/// log(f(k) / f(m)) for the Binomial(n, p) pmf f, from Stirling's series; `lr` = log(p / (1 − p)).
fn log_ratio(n: f64, m: f64, lr: f64, k: f64) -> f64 {
    let (nm1, nk1) = (n - m + 1.0, n - k + 1.0);
    (m + 0.5) * ((m + 1.0) / nm1).ln()
        + (n + 1.0) * (nm1 / nk1).ln()
        + (k + 0.5) * (nk1 / (k + 1.0)).ln()
        + (k - m) * lr
        + stirling_tail(m)
        + stirling_tail(n - m)
        - stirling_tail(k)
        - stirling_tail(n - k)
}

/// One Binomial(n, p) draw; requires p ≤ ½ and n·p ≥ [`BTRS_MIN_MEAN`].
pub fn btrs(rng: &mut Xoshiro256PlusPlus, n: f64, p: f64) -> f64 {
    let h = Hat::new(n, p);
    let mut tail = None;
    loop {
        let u: f64 = rng.random::<f64>() - 0.5;
        let v: f64 = rng.random();
        let us = 0.5 - u.abs();
        let k = floor((2.0 * h.a / us + h.b) * u + h.c);
        if us >= 0.07 && v * h.b <= h.b_v_r {
            return k;
        }
        if k < 0.0 || k > n {
            continue;
        }
        let t = tail.get_or_insert_with(|| Tail::new(n, p, &h));
        if t.accepts(n, k, v * t.alpha / (h.a / (us * us) + h.b)) {
            return k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::special::ln_gamma;
    use rand::SeedableRng;

    /// log P(K = k) for K ~ Binomial(n, p), from log-gamma.
    fn ln_pmf(n: f64, p: f64, k: f64) -> f64 {
        ln_gamma(n + 1.0) - ln_gamma(k + 1.0) - ln_gamma(n - k + 1.0)
            + k * p.ln()
            + (n - k) * (1.0 - p).ln()
    }

    #[test]
    fn stirling_tail_matches_ln_gamma() {
        for k in [0.0, 1.0, 5.0, 9.0, 10.0, 11.0, 30.0, 1000.0] {
            let exact = ln_gamma(k + 1.0)
                - (0.5 * (2.0 * std::f64::consts::PI).ln() + (k + 0.5) * (k + 1.0).ln()
                    - (k + 1.0));
            assert!((stirling_tail(k) - exact).abs() < 1e-9, "k = {k}");
        }
    }

    #[test]
    fn log_ratio_is_the_pmf_ratio() {
        for (n, p) in [(40.0f64, 0.3f64), (1000.0, 0.011), (1e6, 0.4)] {
            let m = ((n + 1.0) * p).floor();
            for k in [0.0, 3.0, m - 7.0, m, m + 11.0, n - 1.0] {
                let want = ln_pmf(n, p, k) - ln_pmf(n, p, m);
                let got = log_ratio(n, m, (p / (1.0 - p)).ln(), k);
                let rel = (got - want).abs() / want.abs().max(1.0);
                assert!(rel < 1e-8, "n {n} p {p} k {k}");
            }
        }
    }

    #[test]
    fn squeeze_brackets_the_log_ratio() {
        for (n, p) in [(200.0, 0.5), (5_000.0, 0.01), (1e6, 0.3), (1e8, 1e-3)] {
            let h = Tail::new(n, p, &Hat::new(n, p));
            let lr = (p / (1.0 - p)).ln();
            let mut km = 16.0;
            while km < h.npq / 2.0 - 1.0 {
                for k in [h.m - km, h.m + km] {
                    let rho = (km / h.npq) * (((km / 3.0 + 0.625) * km + 1.0 / 6.0) / h.npq + 0.5);
                    let t = -km * km / (2.0 * h.npq);
                    let exact = log_ratio(n, h.m, lr, k);
                    assert!(t - rho <= exact && exact <= t + rho, "n {n} p {p} k {k}");
                }
                km = (km * 1.3).ceil();
            }
        }
    }

    #[test]
    fn draws_follow_the_pmf() {
        // Chi-square goodness of fit over cells with expected count ≥ 5 (tails pooled).
        for (n, p) in [
            (25.0f64, 0.45f64),
            (100.0, 0.1),
            (400.0, 0.25),
            (50_000.0, 0.02),
            (2_000.0, 0.006),
            (1e6, 0.5),
            (3e6, 4e-6),
        ] {
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(17);
            let draws = 100_000usize;
            let mean = n * p;
            let sd = (mean * (1.0 - p)).sqrt();
            let (lo, hi) = (
                (mean - 5.0 * sd).floor().max(0.0),
                (mean + 5.0 * sd).ceil().min(n),
            );
            let cells = (hi - lo) as usize + 1;
            let mut counts = vec![0.0; cells];
            for _ in 0..draws {
                let k = btrs(&mut rng, n, p);
                assert!((0.0..=n).contains(&k) && k == k.trunc());
                counts[(k.clamp(lo, hi) - lo) as usize] += 1.0;
            }
            let pmf = |k: f64| ln_pmf(n, p, k).exp();
            let expect: Vec<f64> = (0..cells)
                .map(|i| pmf(lo + i as f64) * draws as f64)
                .collect();
            let (mut chi, mut df, mut o, mut e) = (0.0, 0.0, 0.0, 0.0);
            for (c, x) in counts.iter().zip(&expect) {
                o += c;
                e += x;
                if e >= 5.0 {
                    chi += (o - e) * (o - e) / e;
                    df += 1.0;
                    (o, e) = (0.0, 0.0);
                }
            }
            let z = (chi - df) / (2.0 * df).sqrt();
            assert!(z.abs() < 4.5, "Bin({n}, {p}): chi² {chi} on {df} cells");
        }
    }
}
