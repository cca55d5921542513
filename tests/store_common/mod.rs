//! Shared helpers of the store tests: a deterministic generator (SplitMix64, no crates) and random
//! valid scenarios made by mutating the templates within valid ranges.

#![allow(dead_code)]

use journey_sim::sim::templates::{template, template_names};
use journey_sim::sim::{validate, Prob, Rate, Scenario};

/// A small deterministic pseudo-random generator (SplitMix64).
pub struct Gen(u64);

impl Gen {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Gen(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [lo, hi), rounded to `decimals` decimals (as a planner types numbers).
    pub fn num(&mut self, lo: f64, hi: f64, decimals: i32) -> f64 {
        let x = lo + (hi - lo) * self.unit();
        let scale = 10f64.powi(decimals);
        ((x * scale).round() / scale).clamp(lo, hi)
    }

    /// `n` random bytes.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next_u64() as u8).collect()
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A string of `n` characters drawn from `alphabet`.
    pub fn text(&mut self, alphabet: &[char], n: usize) -> String {
        (0..n).map(|_| *self.pick(alphabet)).collect()
    }
}

/// Characters for names: letters, spaces, quotes, separators, accents, emoji, control-ish.
pub const NAME_CHARS: &[char] = &[
    'a', 'B', 'z', ' ', '"', '\'', '\\', '/', '#', ',', '.', '%', '&', 'é', '€', '中', '😀', '\t',
    '<', '>', '{', '}',
];

/// A random valid scenario: a template with numbers and texts changed within valid ranges.
/// Retries until the result validates (most first attempts do).
pub fn random_scenario(g: &mut Gen) -> Scenario {
    loop {
        let name = *g.pick(template_names());
        let Some(mut s) = template(name) else {
            continue;
        };
        mutate(g, &mut s);
        if validate(&s).is_empty() {
            return s;
        }
    }
}

/// A random probability input with up to 3 decimals, sometimes a range or counts.
fn prob(g: &mut Gen) -> Prob {
    match g.below(3) {
        0 => Prob::Point(g.num(0.0, 1.0, 3)),
        1 => {
            let low = g.num(0.05, 0.5, 2);
            let high = g.num(low + 0.05, low + 0.3, 2);
            Prob::Range { low, high }
        }
        _ => {
            let of = g.below(10_000) as u64 + 1;
            Prob::Observed {
                observed: g.below(of as usize + 1) as u64,
                of,
            }
        }
    }
}

/// Changes settings, market, stages, retention, advocacy and economics of `s`.
fn mutate(g: &mut Gen, s: &mut Scenario) {
    let len = g.below(60) + 1;
    s.meta.name = g.text(NAME_CHARS, len);
    let len = g.below(150);
    s.meta.description = g.text(NAME_CHARS, len);
    s.meta.horizon = g.below(520) as u32 + 1;
    s.meta.runs = g.below(100_000) as u32 + 1;
    s.meta.seed = g.next_u64() >> 11;
    s.meta.parameter_uncertainty = g.below(2) == 0;
    s.market.initial_cohort = g.below(1_000_000) as u64 + 1;
    s.market.inflow_per_period = g.below(5_000) as u64;
    for stage in &mut s.stages {
        stage.conversion = prob(g);
        stage.mean_periods = g.num(1.0, 20.0, 1);
    }
    s.retention.repeat_purchase = prob(g);
    s.advocacy.promotion = Prob::Point(g.num(0.0, 0.2, 3));
    s.advocacy.referrals_per_period = match g.below(2) {
        0 => Rate::Point(g.num(0.0, 3.0, 2)),
        _ => Rate::Range {
            low: g.num(0.1, 1.0, 2),
            high: g.num(1.5, 4.0, 2),
        },
    };
    s.economics.first_order_value = g.num(0.0, 1_000.0, 2);
    s.economics.acquisition_cost = g.num(0.0, 100.0, 2);
    s.economics.discount_rate = g.num(0.0, 0.05, 4);
}
