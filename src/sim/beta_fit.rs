//! Fitting a Beta distribution to a 90% range: shapes (a, b) whose 5th and 95th percentiles are the
//! range's ends, by damped Newton iteration on (logit mean, log concentration).

use super::special::beta_quantile;

/// A range no Beta distribution fits (within the shape limits).
#[derive(Clone, Debug, PartialEq)]
pub struct FitError {
    /// Low end.
    pub low: f64,
    /// High end.
    pub high: f64,
}

impl std::fmt::Display for FitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "could not fit a distribution to the range {}–{}",
            super::uncertain::fmt_pct(self.low),
            super::uncertain::fmt_pct(self.high)
        )
    }
}

impl std::error::Error for FitError {}

const SHAPE_MIN: f64 = 1e-3;
const SHAPE_MAX: f64 = 1e7;

fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

fn shapes(x: [f64; 2]) -> (f64, f64) {
    let m = 1.0 / (1.0 + (-x[0]).exp());
    let k = x[1].exp();
    (
        (m * k).clamp(SHAPE_MIN, SHAPE_MAX),
        ((1.0 - m) * k).clamp(SHAPE_MIN, SHAPE_MAX),
    )
}

fn residual(x: [f64; 2], target: [f64; 2]) -> [f64; 2] {
    let (a, b) = shapes(x);
    let q = |p| logit(beta_quantile(a, b, p).clamp(1e-300, 1.0 - 1e-16));
    [q(0.05) - target[0], q(0.95) - target[1]]
}

/// Shapes (a, b) of the Beta whose 5th percentile is `low` and 95th is `high` (0 < low < high < 1).
pub fn fit_beta_to_range(low: f64, high: f64) -> Result<(f64, f64), FitError> {
    let err = FitError { low, high };
    if !(low > 0.0 && high < 1.0 && low < high) {
        return Err(err);
    }
    let target = [logit(low), logit(high)];
    let mid = 0.5 * (low + high);
    let sd = (high - low) / 3.29;
    let k0 = (mid * (1.0 - mid) / (sd * sd) - 1.0).max(0.5);
    let mut x = [logit(mid), k0.ln()];
    let mut r = residual(x, target);
    for _ in 0..200 {
        let norm = r[0].abs().max(r[1].abs());
        if norm < 1e-10 {
            break;
        }
        let step = newton_step(x, r, target);
        let mut t = 1.0;
        loop {
            let cand = [x[0] - t * step[0], x[1] - t * step[1]];
            let rc = residual(cand, target);
            if rc[0].abs().max(rc[1].abs()) < norm || t < 1e-4 {
                x = cand;
                r = rc;
                break;
            }
            t *= 0.5;
        }
    }
    if r[0].abs().max(r[1].abs()) > 1e-7 {
        return Err(err);
    }
    Ok(shapes(x))
}

fn newton_step(x: [f64; 2], r: [f64; 2], target: [f64; 2]) -> [f64; 2] {
    let h = 1e-6;
    let col = |i: usize| {
        let mut xp = x;
        xp[i] += h;
        let rp = residual(xp, target);
        [(rp[0] - r[0]) / h, (rp[1] - r[1]) / h]
    };
    let (c0, c1) = (col(0), col(1));
    let det = c0[0] * c1[1] - c1[0] * c0[1];
    if det.abs() < 1e-300 {
        return [0.0, 0.0];
    }
    [
        (r[0] * c1[1] - c1[0] * r[1]) / det,
        (c0[0] * r[1] - r[0] * c0[1]) / det,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitted_percentiles_match() {
        for (lo, hi) in [
            (0.001, 0.002),
            (0.2, 0.4),
            (0.9, 0.999),
            (0.01, 0.99),
            (0.49, 0.51),
            (0.0001, 0.9),
            (0.03, 0.05),
        ] {
            let (a, b) = fit_beta_to_range(lo, hi).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                (beta_quantile(a, b, 0.05) - lo).abs() < 1e-7 * lo.max(1e-3),
                "{lo}-{hi}"
            );
            assert!((beta_quantile(a, b, 0.95) - hi).abs() < 1e-7, "{lo}-{hi}");
        }
        assert!(fit_beta_to_range(0.4, 0.2).is_err());
        assert!(fit_beta_to_range(0.0, 0.5).is_err());
    }
}
