//! Canonical group states: the dimensions a scenario can no longer observe are collapsed.
//!
//! The population keeps one count per state (slot), so groups in the same state are always merged. This
//! module makes "the same state" as coarse as the scenario allows: the tolerance class (τ, c) only matters
//! while a pain point lies ahead (at the customer's location or a later one), and the delight level only
//! matters while promotion to advocate lies ahead and depends on it. A dimension that no longer matters
//! is set to 0, so customers who differ only there share one group. Locations are ordered along the
//! journey (funnel stages, Retention, Advocacy) and customers only move forward, so "ahead" is a simple
//! comparison of location indices. The distribution of every output is unchanged.

use super::layout::Group;
use super::model::Model;

/// Which state dimensions matter at each location.
#[derive(Clone, Debug)]
pub struct Canon {
    delight: Vec<bool>,
    class: Vec<bool>,
}

impl Canon {
    /// The dimensions that matter in `model`.
    pub fn new(model: &Model) -> Self {
        let l = &model.layout;
        let last_pain = model.pains.iter().map(|e| e.loc).max();
        let delight_counts = model.delight != 1.0 && !model.happies.is_empty();
        Canon {
            delight: (0..l.locations())
                .map(|loc| delight_counts && loc <= l.retention())
                .collect(),
            class: (0..l.locations())
                .map(|loc| last_pain.is_some_and(|p| loc <= p))
                .collect(),
        }
    }

    /// Whether the tolerance class matters at `loc`.
    pub fn keeps_class(&self, loc: usize) -> bool {
        self.class[loc]
    }

    /// The canonical representative of `g`'s state.
    pub fn apply(&self, g: Group) -> Group {
        Group {
            delight: if self.delight[g.loc] { g.delight } else { 0 },
            class: if self.class[g.loc] { g.class } else { 0 },
            ..g
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::templates::default_scenario;

    #[test]
    fn advocates_of_the_default_scenario_collapse() {
        let m = Model::new(&default_scenario()).unwrap();
        let c = Canon::new(&m);
        let l = &m.layout;
        let g = Group {
            loc: l.advocacy(),
            persona: 0,
            origin: 0,
            delight: 2,
            node: 0,
            class: 5,
        };
        assert_eq!(
            c.apply(g),
            Group {
                delight: 0,
                class: 0,
                ..g
            }
        );
        let r = Group {
            loc: l.retention(),
            ..g
        };
        assert_eq!(c.apply(r), r);
        assert!(c.keeps_class(0));
    }
}
