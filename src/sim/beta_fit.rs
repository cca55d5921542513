//! Fitting a Beta distribution to a planner's 90% range: the shapes (a, b) whose 5th and 95th
//! percentiles are the given `low` and `high`.
//!
//! The fit solves two equations on the logit scale, logit(q05) = logit(low) and
//! logit(q95) = logit(high), for (logit of the mean, log of a + b) by damped Newton steps with
//! a finite-difference Jacobian and backtracking, starting from a normal approximation to the
//! logit of a Beta variable; if that start fails it retries from a ladder of concentrations.

use std::fmt;

use super::special::{beta_quantile, normal_quantile};
use super::uncertain::fmt_pct;

/// Smallest shape the fit may use.
const MIN_SHAPE: f64 = 1e-3;
/// Largest shape the fit may use.
const MAX_SHAPE: f64 = 1e7;
/// Concentrations a + b of the fallback starts, tried in order.
const FALLBACK_CONCENTRATIONS: [f64; 4] = [1e3, 1e5, 1e7, 10.0];
/// Largest accepted residual, in logit units, of a fit.
const TOLERANCE: f64 = 1e-7;

/// A 90% range that no Beta distribution with shapes in [1e-3, 1e7] fits.
#[derive(Debug, Clone, PartialEq)]
pub struct FitError {
    /// The requested 5th percentile.
    pub low: f64,
    /// The requested 95th percentile.
    pub high: f64,
}

impl fmt::Display for FitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (low, high) = (fmt_pct(self.low), fmt_pct(self.high));
        write!(f, "could not fit a distribution to the range {low}–{high}")
    }
}

impl std::error::Error for FitError {}

/// Shapes (a, b) of the Beta distribution whose 5th percentile is `low` and 95th is `high`,
/// for 0 < `low` < `high` < 1. Deterministic. Fails when the range is invalid or no Beta with
/// shapes in [1e-3, 1e7] matches both percentiles to 1e-7 on the logit scale.
pub fn fit_beta_to_range(low: f64, high: f64) -> Result<(f64, f64), FitError> {
    let error = FitError { low, high };
    if !(low > 0.0 && low < high && high < 1.0) {
        return Err(error);
    }
    let target = [logit(low), logit(high)];
    // logit θ is roughly normal with mean ln(a/b) and variance 1/a + 1/b.
    let mu = 0.5 * (target[0] + target[1]);
    let sigma = (target[1] - target[0]) / (2.0 * normal_quantile(0.95));
    let start = [mu, ((2.0 + 2.0 * mu.cosh()) / (sigma * sigma)).ln()];
    // The approximation is good for large shapes: far beyond the limit, no fit exists.
    let (a, b) = shapes(start);
    if a.max(b) > 10.0 * MAX_SHAPE {
        return Err(error);
    }
    // Fallback: concentrated starts, from which Newton reliably walks outwards; diffuse ones can
    // push the quantiles past underflow, where the residual goes flat.
    let ladder = FALLBACK_CONCENTRATIONS.map(|k: f64| [mu, k.ln()]);
    for v in std::iter::once(start).chain(ladder) {
        let (v, residual) = newton(clamp(v), target);
        if residual <= TOLERANCE {
            return Ok(shapes(v));
        }
    }
    Err(error)
}

/// ln(x / (1 − x)), kept finite for x at or next to 0 and 1.
fn logit(x: f64) -> f64 {
    let x = x.clamp(1e-300, 1.0 - f64::EPSILON / 2.0);
    x.ln() - (-x).ln_1p()
}

/// Shapes (a, b) from v = (logit of the mean a/(a+b), ln(a + b)).
fn shapes(v: [f64; 2]) -> (f64, f64) {
    let total = v[1].exp();
    (total / (1.0 + (-v[0]).exp()), total / (1.0 + v[0].exp()))
}

/// `v` with both shapes clamped into [`MIN_SHAPE`, `MAX_SHAPE`].
fn clamp(v: [f64; 2]) -> [f64; 2] {
    let (a, b) = shapes(v);
    let (a, b) = (a.clamp(MIN_SHAPE, MAX_SHAPE), b.clamp(MIN_SHAPE, MAX_SHAPE));
    [a.ln() - b.ln(), (a + b).ln()]
}

/// Logit-scale misses of the 5th and 95th percentiles at `v`.
fn misses(v: [f64; 2], target: [f64; 2]) -> [f64; 2] {
    let (a, b) = shapes(v);
    [
        logit_quantile(a, b, 0.05) - target[0],
        logit_quantile(a, b, 0.95) - target[1],
    ]
}

/// logit of the Beta(a, b) quantile at `p`, taken from the mirrored Beta(b, a) above ½ where the
/// quantile itself, near 1, would round.
fn logit_quantile(a: f64, b: f64, p: f64) -> f64 {
    let x = beta_quantile(a, b, p);
    if x <= 0.5 {
        logit(x)
    } else {
        -logit(beta_quantile(b, a, 1.0 - p))
    }
}

/// Euclidean norm of a residual.
fn norm(r: [f64; 2]) -> f64 {
    r[0].hypot(r[1])
}

/// Damped Newton from `v`; returns the final point and its residual norm.
fn newton(mut v: [f64; 2], target: [f64; 2]) -> ([f64; 2], f64) {
    let mut r = misses(v, target);
    for _ in 0..60 {
        if norm(r) <= 1e-12 {
            break;
        }
        let Some(step) = newton_step(v, r, target) else {
            break;
        };
        // Backtrack until the residual shrinks; give up when it no longer does.
        let accepted = (0..30).map(|k| 0.5_f64.powi(k)).find_map(|damping| {
            let candidate = clamp([v[0] - damping * step[0], v[1] - damping * step[1]]);
            let rc = misses(candidate, target);
            (norm(rc) < norm(r)).then_some((candidate, rc))
        });
        match accepted {
            Some((candidate, rc)) => (v, r) = (candidate, rc),
            None => break,
        }
    }
    (v, norm(r))
}

/// The Newton step J⁻¹·r, with J by forward differences, shortened to at most 3 per coordinate.
fn newton_step(v: [f64; 2], r: [f64; 2], target: [f64; 2]) -> Option<[f64; 2]> {
    const H: f64 = 1e-6;
    let column = |i: usize| {
        let mut moved = v;
        moved[i] += H;
        let rm = misses(moved, target);
        [(rm[0] - r[0]) / H, (rm[1] - r[1]) / H]
    };
    let (c0, c1) = (column(0), column(1));
    let det = c0[0] * c1[1] - c1[0] * c0[1];
    let step = [
        (r[0] * c1[1] - c1[0] * r[1]) / det,
        (c0[0] * r[1] - r[0] * c0[1]) / det,
    ];
    let longest = step[0].abs().max(step[1].abs());
    (longest.is_finite() && longest > 0.0).then(|| step.map(|s| s * (3.0 / longest).min(1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ranges a planner might type, from narrow to wide and from near 0 to near 1.
    const RANGES: [(f64, f64); 12] = [
        (0.001, 0.002),
        (0.2, 0.4),
        (0.9, 0.999),
        (0.01, 0.99),
        (0.49, 0.51),
        (0.0001, 0.9),
        (1e-6, 1e-5),
        (0.03, 0.05),
        (0.5, 0.999_999),
        (0.1, 0.9),
        (0.999, 0.9999),
        (1e-5, 0.999_99),
    ];

    fn assert_fits(low: f64, high: f64, (a, b): (f64, f64)) {
        let (q05, q95) = (beta_quantile(a, b, 0.05), beta_quantile(a, b, 0.95));
        let ok = (q05 - low).abs() <= 1e-7 && (q95 - high).abs() <= 1e-7;
        assert!(
            ok,
            "[{low}, {high}] -> Beta({a}, {b}): q05 {q05}, q95 {q95}"
        );
        assert!((MIN_SHAPE..=MAX_SHAPE).contains(&a) && (MIN_SHAPE..=MAX_SHAPE).contains(&b));
    }

    #[test]
    fn fitted_percentiles_match_the_range() {
        for (low, high) in RANGES {
            let fit = fit_beta_to_range(low, high).unwrap_or_else(|e| panic!("{e}"));
            assert_fits(low, high, fit);
            // Relative accuracy too where the ends are tiny.
            let (a, b) = fit;
            assert!((beta_quantile(a, b, 0.05) / low - 1.0).abs() < 1e-6);
        }
    }

    #[test]
    fn fitting_is_deterministic_and_symmetric() {
        for (low, high) in RANGES {
            let (a, b) = fit_beta_to_range(low, high).unwrap();
            assert_eq!(fit_beta_to_range(low, high), Ok((a, b)));
            let (ma, mb) = fit_beta_to_range(1.0 - high, 1.0 - low).unwrap();
            assert!((ma / b - 1.0).abs() < 1e-6 && (mb / a - 1.0).abs() < 1e-6);
        }
    }

    #[test]
    fn fallback_starts_also_converge() {
        for (low, high) in [(0.001, 0.002), (0.2, 0.4), (0.01, 0.99), (0.9, 0.999)] {
            let target = [logit(low), logit(high)];
            let mu = 0.5 * (target[0] + target[1]);
            for k in &FALLBACK_CONCENTRATIONS[..3] {
                let (v, residual) = newton(clamp([mu, k.ln()]), target);
                assert!(
                    residual <= TOLERANCE,
                    "[{low}, {high}] from a + b = {k}: {residual}"
                );
                assert_fits(low, high, shapes(v));
            }
        }
    }

    #[test]
    fn impossible_ranges_are_errors() {
        for (low, high) in [
            (0.4, 0.2),
            (0.0, 0.5),
            (0.5, 1.0),
            (0.4999, 0.5001),
            (1e-9, 2e-9),
        ] {
            assert_eq!(fit_beta_to_range(low, high), Err(FitError { low, high }));
        }
        assert!(fit_beta_to_range(f64::NAN, 0.5).is_err());
        let message = FitError {
            low: 0.07,
            high: 0.000_5,
        }
        .to_string();
        assert_eq!(
            message,
            "could not fit a distribution to the range 7%–0.05%"
        );
    }
}
