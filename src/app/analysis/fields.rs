//! The key inputs a variant can change: reading, setting and parsing them (percent for probabilities).

use crate::sim::scenario::Churn;
use crate::sim::uncertain::{Prob, Rate};
use crate::sim::Scenario;

/// A key input a variant can change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Conversion of stage k (percent).
    Conversion(usize),
    /// Probability of pain point i (percent).
    Pain(usize),
    /// Fixed churn rate (percent).
    Churn,
    /// Advocacy promotion (percent).
    Promotion,
    /// Referrals per advocate per period (a rate).
    Referrals,
}

impl Field {
    /// Whether the field is typed in percent.
    pub fn percent(self) -> bool {
        self != Field::Referrals
    }
}

/// The central value of `field` in `s` (a fraction for probabilities), if `s` has that input.
pub fn field_value(s: &Scenario, field: Field) -> Option<f64> {
    match field {
        Field::Conversion(k) => s.stages.get(k).map(|st| st.conversion.central()),
        Field::Pain(i) => s.pain_points.get(i).map(|p| p.probability.central()),
        Field::Churn => match &s.retention.churn {
            Churn::Fixed { rate } => Some(rate.central()),
            _ => None,
        },
        Field::Promotion => Some(s.advocacy.promotion.central()),
        Field::Referrals => Some(s.advocacy.referrals_per_period.central()),
    }
}

/// Moves `p` so its central value is `v`: a point becomes `v`, a range is scaled (keeping its width
/// relative to its centre, so the variant keeps its uncertainty and shares its draws).
fn set_prob(p: &mut Prob, v: f64) {
    let c = p.central();
    *p = match p {
        Prob::Range { .. } if c > 0.0 && c.is_finite() => p.scaled(v / c),
        _ => Prob::Point(v),
    };
}

/// Sets `field` of `s` to `v` (a fraction for probabilities).
pub fn set_field(s: &mut Scenario, field: Field, v: f64) {
    match field {
        Field::Conversion(k) => set_prob(&mut s.stages[k].conversion, v),
        Field::Pain(i) => set_prob(&mut s.pain_points[i].probability, v),
        Field::Churn => {
            if let Churn::Fixed { rate } = &mut s.retention.churn {
                set_prob(rate, v)
            }
        }
        Field::Promotion => set_prob(&mut s.advocacy.promotion, v),
        Field::Referrals => {
            let r = &mut s.advocacy.referrals_per_period;
            let c = r.central();
            *r = match *r {
                Rate::Range { low, high } if c > 0.0 && c.is_finite() => Rate::Range {
                    low: low * v / c,
                    high: high * v / c,
                },
                _ => Rate::Point(v),
            };
        }
    }
}

/// Reads a typed number ("62", "62.5", "62,5", "62 %"); percent fields give a fraction.
pub fn parse_field(field: Field, text: &str) -> Result<f64, String> {
    let t = text.trim().trim_end_matches('%').trim().replace(',', ".");
    let v: f64 = t
        .parse()
        .map_err(|_| format!("\"{}\" is not a number", text.trim()))?;
    if field.percent() {
        if !(0.0..=100.0).contains(&v) {
            return Err("a percentage from 0 to 100".into());
        }
        Ok(v / 100.0)
    } else if v >= 0.0 && v.is_finite() {
        Ok(v)
    } else {
        Err("a number of at least 0".into())
    }
}
