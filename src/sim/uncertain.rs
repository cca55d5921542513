//! Uncertain inputs: a probability or rate given as a point, a 90% range or observed counts.
//!
//! A [`Prob`] resolves to a [`ProbDist`] (a fixed value or a Beta distribution) and a [`Rate`] to a
//! [`RateDist`] (a fixed value or a log-normal). Each run draws a value by inversion from one uniform
//! number, so two scenarios that share an input draw the same value for it (common random numbers).

use serde::{Deserialize, Serialize};

use super::beta_fit::fit_beta_to_range;
use super::error::DistError;
use super::special::{beta_quantile, normal_quantile};

/// z-score of the 95th percentile of the standard normal.
const Z95: f64 = 1.644_853_626_951_472_2;

/// A probability: a point value, a 90% range, or observed counts.
///
/// JSON: `0.3`, `{"low": 0.2, "high": 0.4}` or `{"observed": 30, "of": 100}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    untagged,
    expecting = "a probability: a number from 0 to 1, {\"low\": …, \"high\": …} or {\"observed\": …, \"of\": …}"
)]
pub enum Prob {
    /// A known value in [0, 1].
    Point(f64),
    /// A 90% range: the 5th and 95th percentiles of a Beta distribution.
    Range {
        /// 5th percentile.
        low: f64,
        /// 95th percentile.
        high: f64,
    },
    /// `observed` successes out of `of` trials: Beta(observed + 1, of − observed + 1).
    Observed {
        /// Successes seen.
        observed: u64,
        /// Trials seen.
        of: u64,
    },
}

/// A non-negative rate (such as referrals per period): a point value or a 90% range.
///
/// JSON: `0.2` or `{"low": 0.1, "high": 0.4}`. A range is a log-normal distribution whose 5th and 95th
/// percentiles are `low` and `high`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged, expecting = "a rate: a number, or {\"low\": …, \"high\": …}")]
pub enum Rate {
    /// A known value (≥ 0).
    Point(f64),
    /// A 90% range (0 < low < high).
    Range {
        /// 5th percentile.
        low: f64,
        /// 95th percentile.
        high: f64,
    },
}

/// The distribution a [`Prob`] stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ProbDist {
    /// Always this value.
    Fixed(f64),
    /// Beta(a, b).
    Beta {
        /// Shape a.
        a: f64,
        /// Shape b.
        b: f64,
    },
}

/// The distribution a [`Rate`] stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RateDist {
    /// Always this value.
    Fixed(f64),
    /// exp(N(mu, sigma²)).
    LogNormal {
        /// Mean of the logarithm.
        mu: f64,
        /// Standard deviation of the logarithm.
        sigma: f64,
    },
}

impl Prob {
    /// The distribution this input stands for, or why it has none.
    pub fn dist(&self) -> Result<ProbDist, DistError> {
        match *self {
            Prob::Point(p) => Ok(ProbDist::Fixed(p)),
            Prob::Range { low, high } => fit_beta_to_range(low, high)
                .map(|(a, b)| ProbDist::Beta { a, b })
                .map_err(DistError::Fit),
            Prob::Observed { observed, of } => Ok(ProbDist::Beta {
                a: observed as f64 + 1.0,
                b: of.saturating_sub(observed) as f64 + 1.0,
            }),
        }
    }

    /// Whether this input carries uncertainty (is not a point value).
    pub fn is_uncertain(&self) -> bool {
        !matches!(self, Prob::Point(_))
    }

    /// The central value shown to planners: the point, or the mean of the distribution.
    /// Falls back to the midpoint of a range that cannot be fitted.
    pub fn central(&self) -> f64 {
        match (self, self.dist()) {
            (_, Ok(d)) => d.mean(),
            (Prob::Range { low, high }, Err(_)) => 0.5 * (low + high),
            _ => f64::NAN,
        }
    }

    /// The same input with every value multiplied by `factor` and capped at 1 (used by what-if analysis).
    pub fn scaled(&self, factor: f64) -> Prob {
        let s = |x: f64| (x * factor).clamp(0.0, 1.0);
        match *self {
            Prob::Point(p) => Prob::Point(s(p)),
            Prob::Range { low, high } => Prob::Range {
                low: s(low),
                high: s(high),
            },
            Prob::Observed { .. } => Prob::Point(s(self.central())),
        }
    }
}

impl ProbDist {
    /// The mean of the distribution.
    pub fn mean(&self) -> f64 {
        match *self {
            ProbDist::Fixed(p) => p,
            ProbDist::Beta { a, b } => a / (a + b),
        }
    }

    /// The value at cumulative probability `u` in (0, 1) (inversion sampling).
    pub fn quantile(&self, u: f64) -> f64 {
        match *self {
            ProbDist::Fixed(p) => p,
            ProbDist::Beta { a, b } => beta_quantile(a, b, u),
        }
    }
}

impl Rate {
    /// The distribution this input stands for, or why it has none.
    pub fn dist(&self) -> Result<RateDist, DistError> {
        match *self {
            Rate::Point(r) => Ok(RateDist::Fixed(r)),
            Rate::Range { low, high } if low > 0.0 && high > low && high.is_finite() => {
                let (ll, lh) = (low.ln(), high.ln());
                Ok(RateDist::LogNormal {
                    mu: 0.5 * (ll + lh),
                    sigma: (lh - ll) / (2.0 * Z95),
                })
            }
            Rate::Range { low, high } => Err(DistError::RateRange { low, high }),
        }
    }

    /// Whether this input carries uncertainty (is not a point value).
    pub fn is_uncertain(&self) -> bool {
        !matches!(self, Rate::Point(_))
    }

    /// The central value: the point, or the mean of the distribution (midpoint if invalid).
    pub fn central(&self) -> f64 {
        match (self, self.dist()) {
            (_, Ok(d)) => d.mean(),
            (Rate::Range { low, high }, Err(_)) => 0.5 * (low + high),
            (Rate::Point(r), Err(_)) => *r,
        }
    }
}

impl RateDist {
    /// The mean of the distribution.
    pub fn mean(&self) -> f64 {
        match *self {
            RateDist::Fixed(r) => r,
            RateDist::LogNormal { mu, sigma } => (mu + 0.5 * sigma * sigma).exp(),
        }
    }

    /// The value at cumulative probability `u` in (0, 1) (inversion sampling).
    pub fn quantile(&self, u: f64) -> f64 {
        match *self {
            RateDist::Fixed(r) => r,
            RateDist::LogNormal { mu, sigma } => (mu + sigma * normal_quantile(u)).exp(),
        }
    }
}

/// A number for messages: integers without decimals, others with up to 4 decimals, or 4 significant
/// digits below 1 (0.0001234 → "0.0001234", 2.5 → "2.5"); very large or tiny values in scientific notation.
pub fn fmt_num(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "infinity" } else { "-infinity" }.into();
    }
    let a = x.abs();
    if a >= 1e15 || (a != 0.0 && a < 1e-6) {
        return format!("{x:e}");
    }
    if x == x.trunc() {
        return format!("{}", x as i64);
    }
    let decimals = (3 - a.log10().floor() as i32).clamp(4, 12) as usize;
    let s = format!("{x:.decimals$}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A fraction as a percentage for messages: 1.4 → "140%", 0.055 → "5.5%".
pub fn fmt_pct(x: f64) -> String {
    if x.is_finite() {
        format!("{}%", fmt_num(x * 100.0))
    } else {
        fmt_num(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_four_significant_digits() {
        assert_eq!(fmt_num(140.0), "140");
        assert_eq!(fmt_num(2.5), "2.5");
        assert_eq!(fmt_num(0.000123), "0.000123");
        assert_eq!(fmt_num(1234.5678), "1234.5678");
        assert_eq!(fmt_num(1e20), "1e20");
        assert_eq!(fmt_num(f64::NAN), "NaN");
        assert_eq!(fmt_pct(1.4), "140%");
        assert_eq!(fmt_pct(0.055), "5.5%");
    }
}
