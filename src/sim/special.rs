//! Special functions in `f64`: log-gamma, log-beta, the regularized incomplete beta function
//! (Numerical Recipes' continued fraction with the TOMS 708 prefactor, good for shapes 0.05–1e6)
//! and its inverse, and the standard normal distribution function and its inverse.
//!
//! Hand-written rather than taken from `statrs`, which has `ln_gamma`, `ln_beta`, `beta_reg`,
//! `inv_beta_reg`, `erfc` and the normal quantile, for accuracy: its `beta_reg` (0.18 and earlier)
//! forms the continued fraction's prefactor directly as
//! exp(ln Γ(a + b) − ln Γ(a) − ln Γ(b) + a ln x + b ln(1 − x)), which cancels badly for the large
//! shapes the beta fit searches (up to 1e7, see [`crate::sim::beta_fit`]); the TOMS 708 prefactor
//! used here (Stirling-series form for large shapes) avoids that cancellation. These functions also
//! never panic (the engine must not panic on any input), where statrs' `beta_reg` panics outside its
//! domain.

use std::f64::consts::{FRAC_1_SQRT_2, PI};

/// Lanczos coefficients for g = 7, n = 9.
#[rustfmt::skip]
const LANCZOS: [f64; 9] = [0.9999999999998099, 676.5203681218851, -1259.1392167224028,
    771.3234287776531, -176.6150291621406, 12.507343278686905, -0.13857109526572012,
    9.984369578019572e-6, 1.5056327351493116e-7];

/// Polynomials, highest power first: the Stirling series; Cody's rational approximations to
/// erfc (Math. Comp. 22, 1969); Acklam's to the normal quantile.
#[rustfmt::skip]
mod coef {
    pub const STIRLING: [f64; 7] = [1.0 / 156.0, -691.0 / 360_360.0, 1.0 / 1188.0, -1.0 / 1680.0,
        1.0 / 1260.0, -1.0 / 360.0, 1.0 / 12.0];
    pub const ERF_NUM: [f64; 5] = [0.18577770618460315, 3.1611237438705655, 113.86415415105016,
        377.485237685302, 3209.3775891384694];
    pub const ERF_DEN: [f64; 5] = [1.0, 23.601290952344122, 244.02463793444417, 1282.6165260773723,
        2844.236833439171];
    pub const MID_NUM: [f64; 9] = [2.1531153547440383e-08, 0.5641884969886701, 8.883149794388377,
        66.11919063714163, 298.6351381974001, 881.952221241769, 1712.0476126340707,
        2051.0783778260716, 1230.3393547979972];
    pub const MID_DEN: [f64; 9] = [1.0, 15.744926110709835, 117.6939508913125, 537.1811018620099,
        1621.3895745666903, 3290.7992357334597, 4362.619090143247, 3439.3676741437216,
        1230.3393548037495];
    pub const BIG_NUM: [f64; 6] = [0.016315387137302097, 0.30532663496123236, 0.36034489994980445,
        0.12578172611122926, 0.016083785148742275, 0.0006587491615298378];
    pub const BIG_DEN: [f64; 6] = [1.0, 2.568520192289822, 1.8729528499234673, 0.5279051029514285,
        0.06051834131244132, 0.0023352049762686918];
    pub const AK_A: [f64; 6] = [-39.69683028665376, 220.9460984245205, -275.9285104469687,
        138.357751867269, -30.66479806614716, 2.506628277459239];
    pub const AK_B: [f64; 6] = [-54.47609879822406, 161.5858368580409, -155.6989798598866,
        66.80131188771972, -13.28068155288572, 1.0];
    pub const AK_C: [f64; 6] = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838,
        -2.549732539343734, 4.374664141464968, 2.938163982698783];
    pub const AK_D: [f64; 5] = [0.007784695709041462, 0.3224671290700398, 2.445134137142996,
        3.754408661907416, 1.0];
}

/// Evaluates the polynomial with coefficients `c` (highest power first) at `z`.
fn horner(c: &[f64], z: f64) -> f64 {
    c.iter().fold(0.0, |acc, k| acc * z + k)
}

/// Natural log of the gamma function for `x > 0` (Lanczos, g = 7; about 1e-15 absolute).
pub fn ln_gamma(x: f64) -> f64 {
    if x < 0.5 {
        return ln_gamma(x + 1.0) - x.ln();
    }
    let (x, t) = (x - 1.0, x + 6.5);
    let sum = (1..9).fold(LANCZOS[0], |s, i| s + LANCZOS[i] / (x + i as f64));
    0.5 * (2.0 * PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// Stirling remainder δ(x) = lnΓ(x) − (x − ½)ln x + x − ½ln(2π), for `x >= 8`.
fn stirling_delta(x: f64) -> f64 {
    horner(&coef::STIRLING, 1.0 / (x * x)) / x
}

/// Natural log of the beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b), for `a, b > 0`.
pub fn ln_beta(a: f64, b: f64) -> f64 {
    let (a, b) = (a.min(b), a.max(b));
    let (s, h) = (a + b, a / b);
    if a >= 8.0 {
        let corr =
            stirling_delta(a) + stirling_delta(b) - stirling_delta(s) + 0.5 * (2.0 * PI).ln();
        (a - 0.5) * (a / s).ln() - (b - 0.5) * h.ln_1p() - 0.5 * s.ln() + corr
    } else if b >= 8.0 {
        // lnΓ(b) − lnΓ(a+b) by Stirling, without cancellation when a ≪ b.
        let (l, corr) = (h.ln_1p(), stirling_delta(b) - stirling_delta(s));
        ln_gamma(a) - a * b.ln() - b * ((1.0 + h) * l - h) + 0.5 * l + corr
    } else {
        ln_gamma(a) + ln_gamma(b) - ln_gamma(s)
    }
}

/// `e − ln(1+e)` given e and r = 1 + e (computed apart, as rounding e loses digits near −1).
fn rlog1(e: f64, r: f64) -> f64 {
    e - if e.abs() > 0.5 { r.ln() } else { e.ln_1p() }
}

/// x^a·y^b/B(a, b) = x·y·(Beta(a, b) density at x); for large shapes TOMS 708's `brcomp`.
fn power_factor(a: f64, b: f64, x: f64, y: f64) -> f64 {
    if a.min(b) < 8.0 {
        let lx = if x <= y { x.ln() } else { (-y).ln_1p() };
        let ly = if x <= y { (-x).ln_1p() } else { y.ln() };
        return (a * lx + b * ly - ln_beta(a, b)).exp();
    }
    let (s, x0, y0) = (a + b, a / (a + b), b / (a + b));
    // λ = a − s·x = s·y − b, with fused multiply-adds so that it keeps its relative accuracy.
    let lambda = if x <= y {
        (-a).mul_add(x, (-b).mul_add(x, a))
    } else {
        a.mul_add(y, b.mul_add(y, -b))
    };
    let exponent = a * rlog1(-lambda / a, x / x0) + b * rlog1(lambda / b, y / y0);
    (b * x0 / (2.0 * PI)).sqrt()
        * (-exponent - stirling_delta(a) - stirling_delta(b) + stirling_delta(s)).exp()
}

/// I_x(a, b)·a/power_factor = 1/(1 + d₁/(1 + d₂/(1 + …))); its denominator by modified Lentz.
fn beta_cf(a: f64, b: f64, x: f64) -> f64 {
    let guard = |v: f64| if v.abs() < 1e-300 { 1e-300 } else { v };
    let (mut c, mut d, mut g) = (1.0, 0.0, 1.0);
    for k in 1..400_000 {
        let (m, odd) = ((k / 2) as f64, k % 2 == 1);
        let aa = if odd {
            -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 1.0 + 2.0 * m))
        } else {
            m * (b - m) * x / ((a - 1.0 + 2.0 * m) * (a + 2.0 * m))
        };
        d = 1.0 / guard(1.0 + aa * d);
        c = guard(1.0 + aa / c);
        g *= c * d;
        if odd && k > 1 && (c * d - 1.0).abs() <= f64::EPSILON {
            break;
        }
    }
    1.0 / g
}

/// The positive series I_x(a, b) = power_factor/a · Σ (a+b)_n/(a+1)_n · xⁿ, if it converges.
fn beta_series(a: f64, b: f64, x: f64, y: f64) -> Option<f64> {
    let (mut term, mut sum) = (1.0, 1.0);
    let converged = (0..100_000).any(|n| {
        term *= (a + b + f64::from(n)) / (a + 1.0 + f64::from(n)) * x;
        sum += term;
        term <= 1e-17 * sum
    });
    converged.then(|| power_factor(a, b, x, y) * sum / a)
}

/// Both tails (I_x(a, b), 1 − I_x(a, b)) given x and y = 1 − x, each accurate where small.
fn beta_inc_pair(a: f64, b: f64, x: f64, y: f64) -> (f64, f64) {
    if x <= 0.0 || y <= 0.0 {
        return if x <= 0.0 { (0.0, 1.0) } else { (1.0, 0.0) };
    }
    // The fraction for I_u(p, q) converges fast for u below about the mean of Beta(p, q).
    let lower = x * (a + b + 2.0) < a + 1.0;
    let (p, q, u, w) = if lower { (a, b, x, y) } else { (b, a, y, x) };
    let orient = |near: f64, far: f64| if lower { (near, far) } else { (far, near) };
    // Led by a much larger shape the fraction loses digits near the mean; the positive series
    // for the other tail, led by the smaller shape, is accurate and short there.
    if p > 20.0 * q && (p + q) * w - q <= 10.0 * q.sqrt() + 30.0 {
        if let Some(far) = beta_series(q, p, w, u).filter(|&far| far <= 0.9999) {
            return orient(1.0 - far, far);
        }
    }
    let near = (power_factor(p, q, u, w) * beta_cf(p, q, u) / p).min(1.0);
    orient(near, 1.0 - near)
}

/// Regularized incomplete beta I_x(a, b) (Beta(a, b) distribution function), for `a, b > 0`.
pub fn beta_inc_reg(a: f64, b: f64, x: f64) -> f64 {
    beta_inc_pair(a, b, x, 1.0 - x).0
}

/// (x, 1 − x) for x = 1/(1 + e^(−t)), each accurate where small.
fn logistic(t: f64) -> (f64, f64) {
    let e = (-t.abs()).exp();
    let small = e / (1.0 + e);
    [(1.0 - small, small), (small, 1.0 - small)][usize::from(t < 0.0)]
}

/// Beta(a, b) quantile: the `x` in [0, 1] with I_x(a, b) = `p` (0 for `p <= 0` or NaN, 1 for
/// `p >= 1`), by bisection-safeguarded Newton steps in logit(x) on the log of the smaller tail.
pub fn beta_quantile(a: f64, b: f64, p: f64) -> f64 {
    if p.is_nan() || p <= 0.0 || p >= 1.0 {
        return if p >= 1.0 { 1.0 } else { 0.0 };
    }
    // The upper tail of Beta(a, b) at logit t is the lower tail of Beta(b, a) at −t.
    let (a, b, p, sign) = [(a, b, p, 1.0), (b, a, 1.0 - p, -1.0)][usize::from(p > 0.5)];
    let (mut lo, mut hi, mut step) = (-746.0_f64, 38.0_f64, 784.0_f64);
    // Start from a normal approximation to logit(θ): mean ln(a/b), variance 1/a + 1/b.
    let mut t =
        ((a / b).ln() + normal_quantile(p) * (1.0 / a + 1.0 / b).sqrt()).clamp(-700.0, 36.0);
    for _ in 0..500 {
        // f(t) = ln I(x(t)) − ln p increases with t, and df/dt = power_factor / I.
        let (x, y) = logistic(t);
        let i = beta_inc_pair(a, b, x, y).0;
        let (f, df) = (i.ln() - p.ln(), power_factor(a, b, x, y) / i);
        if f.abs() <= 1e-15 || step <= 2.0 * f64::EPSILON * t.abs().max(1.0) {
            break;
        }
        *if f < 0.0 { &mut lo } else { &mut hi } = t;
        let newton = t - f / df;
        let previous = std::mem::replace(&mut step, (f / df).abs());
        if newton > lo && newton < hi && step <= 0.5 * previous {
            t = newton;
        } else {
            step = 0.5 * (hi - lo);
            t = lo + step;
        }
    }
    logistic(sign * t).0
}

/// Complementary error function erfc(x) = 1 − erf(x), about 1e-16 relative (Cody).
pub fn erfc(x: f64) -> f64 {
    let y = x.abs();
    if y <= 0.46875 {
        return 1.0 - x * horner(&coef::ERF_NUM, y * y) / horner(&coef::ERF_DEN, y * y);
    }
    let r = if y <= 4.0 {
        horner(&coef::MID_NUM, y) / horner(&coef::MID_DEN, y)
    } else {
        let z = 1.0 / (y * y);
        (1.0 / PI.sqrt() - z * horner(&coef::BIG_NUM, z) / horner(&coef::BIG_DEN, z)) / y
    };
    // exp(−y²), split so that rounding y² costs no accuracy.
    let ys = (y * 16.0).trunc() / 16.0;
    let v = (-ys * ys).exp() * (-(y - ys) * (y + ys)).exp() * r;
    (1.0 - x.signum()) + x.signum() * v
}

/// Standard normal distribution function Φ(x).
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x * FRAC_1_SQRT_2)
}

/// Standard normal quantile Φ⁻¹(p): Acklam's approximation refined by one Halley step on
/// [`normal_cdf`]. Gives −∞ for `p <= 0`, +∞ for `p >= 1`, NaN for NaN.
pub fn normal_quantile(p: f64) -> f64 {
    match p {
        _ if p <= 0.0 => return f64::NEG_INFINITY,
        _ if p >= 1.0 => return f64::INFINITY,
        _ if p > 0.5 => return -normal_quantile(1.0 - p),
        _ => {}
    }
    let x = if p < 0.02425 {
        let q = (-2.0 * p.ln()).sqrt();
        horner(&coef::AK_C, q) / horner(&coef::AK_D, q)
    } else {
        let (q, r) = (p - 0.5, (p - 0.5) * (p - 0.5));
        horner(&coef::AK_A, r) * q / horner(&coef::AK_B, r)
    };
    // One Halley step (the exponent is capped so that subnormal p, where φ underflows, is safe).
    let u = (normal_cdf(x) - p) * (2.0 * PI).sqrt() * (0.5 * x * x).min(709.0).exp();
    x - u / (1.0 + 0.5 * x * u)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: f64, want: f64, rel: f64) {
        let ok = (got - want).abs() <= rel * want.abs();
        assert!(ok, "got {got:e}, want {want:e}");
    }

    /// (a, b, x, I_x(a, b)), from 360-digit mpmath sums.
    #[rustfmt::skip]
    const CASES: [(f64, f64, f64, f64); 6] = [(0.05, 0.05, 0.3, 0.4802183280058102),
        (0.3, 2.5, 0.01, 0.351755497461748), (3001.0, 7001.0, 0.31, 0.9847330895912977),
        (30.0, 1e6, 3.2e-5, 0.6620564835144797), (1e6, 1e6, 0.4999, 0.388648717862322),
        (8.0, 30.0, 1e-17, 3.860802000000001e-129)];

    #[test]
    fn known_values() {
        close(ln_gamma(0.5), PI.sqrt().ln(), 1e-15);
        close(ln_gamma(1e6), 12_815_504.569_147_612, 1e-15);
        close(ln_beta(7001.0, 3001.0), -6_113.109_644_721_644, 1e-15);
        close(beta_inc_reg(2.0, 3.0, 0.5), 0.6875, 1e-14);
        for (a, b, x, want) in CASES {
            close(beta_inc_reg(a, b, x), want, 1e-12);
            close(beta_inc_pair(b, a, 1.0 - x, x).1, want, 1e-12);
        }
        close(normal_quantile(0.975), 1.959_963_984_540_054, 1e-15);
        close(normal_quantile(1e-12), -7.034_483_825_301_132, 1e-15);
        close(normal_cdf(-8.0), 6.220_960_574_271_784e-16, 1e-14);
        close(erfc(26.0), 5.663_192_408_856_143e-296, 1e-14);
        for p in [1e-300, 1e-9, 0.01, 0.3, 0.5, 0.8, 0.999] {
            close(normal_cdf(normal_quantile(p)), p, 1e-13);
        }
    }

    #[test]
    fn beta_quantile_round_trips() {
        let shapes = [0.05, 0.3, 1.0, 2.5, 30.0, 3001.0, 7001.0, 1e6];
        for (a, b) in shapes.iter().flat_map(|&a| shapes.map(|b| (a, b))) {
            for p in [1e-12, 1e-6, 0.05, 0.5, 0.95, 1.0 - 1e-6, 1.0 - 1e-12] {
                let x = beta_quantile(a, b, p);
                let (lower, upper) = beta_inc_pair(a, b, x, 1.0 - x);
                let err = [lower / p, upper / (1.0 - p)][usize::from(p > 0.5)] - 1.0;
                // 1e-10 relative in the smaller tail, or as close as x in f64 can get.
                let f = |k| beta_inc_reg(a, b, f64::from_bits(x.to_bits().wrapping_add_signed(k)));
                let ok = err.abs() < 1e-10 || (f(-2) <= p && p <= f(2));
                assert!(ok, "a={a} b={b} p={p} x={x}");
            }
        }
        let q = beta_quantile(3001.0, 7001.0, 1e-12);
        close(q, 0.268_487_335_209_022_5, 1e-14);
        let edges = [0.0, 1.0, f64::NAN].map(|p| beta_quantile(2.0, 3.0, p));
        assert_eq!(edges, [0.0, 1.0, 0.0]);
    }
}
