//! Hand-made summaries for the tests: 3 funnel stages plus Retention and Advocacy, every KPI and
//! series, with or without exact expectations.

use std::collections::BTreeMap;

use crate::sim::stats::{Histogram, Stats};
use crate::sim::summary::{Band, FunnelEntry, KpiSummary, Summary};
use crate::sim::{Cause, Kpi, Series};

/// Funnel entries, as the engine names them.
const STAGES: [&str; 5] = [
    "Awareness",
    "Consideration",
    "Purchase",
    "Retention",
    "Advocacy",
];

/// Stats centred on `m` with a spread of ±20% (5th–95th percentile).
pub fn stats(m: f64, expected: Option<f64>) -> Stats {
    Stats {
        mean: m,
        sd: m * 0.1,
        p5: m * 0.8,
        p25: m * 0.9,
        p50: m,
        p75: m * 1.1,
        p95: m * 1.2,
        expected,
    }
}

/// A band rising from 0 to `top` over `horizon` periods.
pub fn band(horizon: usize, top: f64, expected: bool) -> Band {
    let v: Vec<f64> = (0..=horizon)
        .map(|t| top * t as f64 / horizon.max(1) as f64)
        .collect();
    let scaled = |f: f64| v.iter().map(|x| x * f).collect::<Vec<_>>();
    Band {
        mean: scaled(1.0),
        p5: scaled(0.7),
        p25: scaled(0.85),
        p50: scaled(1.0),
        p75: scaled(1.15),
        p95: scaled(1.3),
        expected: expected.then(|| scaled(1.02)),
    }
}

/// A KPI summary with a bell-shaped histogram around `m`.
pub fn kpi(m: f64, expected: bool) -> KpiSummary {
    let counts = (0..30u32).map(|i| 15 - i.abs_diff(15).min(15)).collect();
    KpiSummary {
        stats: stats(m, expected.then_some(m * 1.01)),
        histogram: Histogram {
            min: m * 0.5,
            max: m * 1.5,
            counts,
        },
    }
}

/// Drop-offs of stage `k`: funnel stages lose by no conversion, later ones by churn.
fn dropoffs(k: usize, scale: f64, expected: bool) -> BTreeMap<Cause, Stats> {
    let first = if k < 3 {
        Cause::NoConversion
    } else {
        Cause::Churn
    };
    [first, Cause::PainAbandon, Cause::ToleranceExceeded]
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let m = scale * (3 - i) as f64;
            (c, stats(m, expected.then_some(m)))
        })
        .collect()
}

/// A summary of 3 funnel stages plus Retention and Advocacy over `horizon` weeks.
pub fn fixture(horizon: usize, expected: bool) -> Summary {
    let funnel = STAGES
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let reached = 10_000.0 / (k + 1) as f64;
            FunnelEntry {
                stage: name.to_string(),
                reached: stats(reached, expected.then_some(reached * 1.05)),
                dropoffs: dropoffs(k, reached / 20.0, expected),
            }
        })
        .collect();
    Summary {
        runs: 200,
        runs_requested: 200,
        seed: 7,
        horizon,
        period_label: "week".to_string(),
        parameter_uncertainty: false,
        exact: expected,
        kpis: Kpi::ALL
            .into_iter()
            .map(|k| {
                let m = if k == Kpi::Roi { 0.25 } else { 1000.0 };
                (k, kpi(m, expected))
            })
            .collect(),
        funnel,
        series: Series::ALL
            .into_iter()
            .map(|s| (s, band(horizon, 500.0, expected)))
            .collect(),
        stage_series: vec![band(horizon, 100.0, false); 3],
        per_run_kpis: vec![],
    }
}

/// Every number in the summary replaced by `f(x)`.
pub fn map_numbers(s: &mut Summary, f: impl Fn(f64) -> f64 + Copy) {
    let st = |x: &mut Stats| {
        for v in [
            &mut x.mean,
            &mut x.sd,
            &mut x.p5,
            &mut x.p25,
            &mut x.p50,
            &mut x.p75,
            &mut x.p95,
        ] {
            *v = f(*v);
        }
        x.expected = x.expected.map(f);
    };
    for k in s.kpis.values_mut() {
        st(&mut k.stats);
        (k.histogram.min, k.histogram.max) = (f(k.histogram.min), f(k.histogram.max));
    }
    for e in &mut s.funnel {
        st(&mut e.reached);
        e.dropoffs.values_mut().for_each(st);
    }
    for b in s.series.values_mut() {
        for v in [
            &mut b.mean,
            &mut b.p5,
            &mut b.p25,
            &mut b.p50,
            &mut b.p75,
            &mut b.p95,
        ] {
            v.iter_mut().for_each(|x| *x = f(*x));
        }
        b.expected.iter_mut().flatten().for_each(|x| *x = f(*x));
    }
}
