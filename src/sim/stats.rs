//! Statistics across runs: mean, standard deviation, percentiles and histograms.

use serde::{Deserialize, Deserializer, Serialize};

/// Bins in every histogram.
pub const HISTOGRAM_BINS: usize = 30;

/// Summary statistics of one figure across runs, with its exact expectation where one exists.
/// Undefined values (no finite sample) are `NaN` in Rust and `null` in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Mean.
    #[serde(deserialize_with = "nan_if_null")]
    pub mean: f64,
    /// Standard deviation (n − 1).
    #[serde(deserialize_with = "nan_if_null")]
    pub sd: f64,
    /// 5th percentile.
    #[serde(deserialize_with = "nan_if_null")]
    pub p5: f64,
    /// 25th percentile.
    #[serde(deserialize_with = "nan_if_null")]
    pub p25: f64,
    /// Median.
    #[serde(deserialize_with = "nan_if_null")]
    pub p50: f64,
    /// 75th percentile.
    #[serde(deserialize_with = "nan_if_null")]
    pub p75: f64,
    /// 95th percentile.
    #[serde(deserialize_with = "nan_if_null")]
    pub p95: f64,
    /// Exact expectation, where the model is linear; `None` otherwise.
    pub expected: Option<f64>,
}

/// Equal-width histogram of the finite values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// Left edge of the first bin.
    #[serde(deserialize_with = "nan_if_null")]
    pub min: f64,
    /// Right edge of the last bin.
    #[serde(deserialize_with = "nan_if_null")]
    pub max: f64,
    /// Runs per bin.
    pub counts: Vec<u32>,
}

/// Reads `null` as NaN in JSON (serde_json writes NaN as `null`); a binary format (the worker
/// messages) carries the number itself.
pub fn nan_if_null<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    if d.is_human_readable() {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
    } else {
        f64::deserialize(d)
    }
}

/// Reads a list whose `null` entries stand for NaN (as [`nan_if_null`]).
pub fn nans_if_null<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f64>, D::Error> {
    if d.is_human_readable() {
        let v = Vec::<Option<f64>>::deserialize(d)?;
        Ok(v.into_iter().map(|x| x.unwrap_or(f64::NAN)).collect())
    } else {
        Vec::<f64>::deserialize(d)
    }
}

/// The `q`-quantile (0–1) of sorted values by linear interpolation (Hyndman–Fan type 7).
pub fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = q * (n - 1) as f64;
            let i = h.floor() as usize;
            let j = (i + 1).min(n - 1);
            sorted[i] + (h - i as f64) * (sorted[j] - sorted[i])
        }
    }
}

/// Sorts the finite values of `values` into `scratch` (cleared first).
pub fn sort_finite(values: impl Iterator<Item = f64>, scratch: &mut Vec<f64>) {
    scratch.clear();
    scratch.extend(values.filter(|x| x.is_finite()));
    // Sorted as integer keys in the order of `f64::total_cmp` (same result, integer comparisons are
    // cheaper: the summary sorts hundreds of columns of thousands of runs).
    let mut keys: Vec<i64> = scratch.iter().map(|&x| flip(x.to_bits() as i64)).collect();
    keys.sort_unstable();
    for (x, &k) in scratch.iter_mut().zip(&keys) {
        *x = f64::from_bits(flip(k) as u64);
    }
}

/// `f64::total_cmp`'s key: the bits as an integer, with all but the sign flipped when negative, so
/// integer order is `total_cmp` order. Its own inverse (the sign bit does not change).
fn flip(bits: i64) -> i64 {
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}

/// Statistics of already sorted finite values.
pub fn stats_sorted(sorted: &[f64], expected: Option<f64>) -> Stats {
    let n = sorted.len() as f64;
    let mean = sorted.iter().sum::<f64>() / n;
    let var = sorted.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0).max(1.0);
    let q = |p| quantile_sorted(sorted, p);
    Stats {
        mean: if sorted.is_empty() { f64::NAN } else { mean },
        sd: if sorted.is_empty() {
            f64::NAN
        } else {
            var.sqrt()
        },
        p5: q(0.05),
        p25: q(0.25),
        p50: q(0.5),
        p75: q(0.75),
        p95: q(0.95),
        expected,
    }
}

/// Histogram of already sorted finite values.
pub fn histogram_sorted(sorted: &[f64]) -> Histogram {
    let mut counts = vec![0u32; HISTOGRAM_BINS];
    let (min, max) = match (sorted.first(), sorted.last()) {
        (Some(&a), Some(&b)) => (a, b),
        _ => {
            return Histogram {
                min: f64::NAN,
                max: f64::NAN,
                counts,
            }
        }
    };
    let width = (max - min) / HISTOGRAM_BINS as f64;
    for &x in sorted {
        let bin = if width > 0.0 {
            ((x - min) / width) as usize
        } else {
            0
        };
        counts[bin.min(HISTOGRAM_BINS - 1)] += 1;
    }
    Histogram { min, max, counts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_finite_orders_like_total_cmp() {
        let values = [
            3.5,
            -0.0,
            0.0,
            -2.25,
            f64::NAN,
            1e300,
            -1e-300,
            7.0,
            f64::INFINITY,
            -7.0,
        ];
        let mut got = Vec::new();
        sort_finite(values.iter().copied(), &mut got);
        let mut want: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
        want.sort_by(f64::total_cmp);
        assert_eq!(
            got.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            want.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile_sorted(&v, 0.5), 3.0);
        assert_eq!(quantile_sorted(&v, 0.25), 2.0);
        assert!((quantile_sorted(&v, 0.05) - 1.2).abs() < 1e-12);
    }

    #[test]
    fn stats_and_histogram() {
        let mut s = Vec::new();
        sort_finite([3.0, f64::NAN, 1.0, 2.0].into_iter(), &mut s);
        let st = stats_sorted(&s, Some(2.0));
        assert_eq!((st.mean, st.sd, st.p50), (2.0, 1.0, 2.0));
        let h = histogram_sorted(&s);
        assert_eq!(h.counts.iter().sum::<u32>(), 3);
        assert_eq!((h.min, h.max), (1.0, 3.0));
        let empty = stats_sorted(&[], None);
        assert!(empty.mean.is_nan() && empty.p50.is_nan());
    }

    #[test]
    fn nan_round_trips_as_null() {
        let st = stats_sorted(&[], None);
        let json = serde_json::to_string(&st).unwrap();
        assert!(json.contains("\"mean\":null"));
        let back: Stats = serde_json::from_str(&json).unwrap();
        assert!(back.mean.is_nan());
    }
}
