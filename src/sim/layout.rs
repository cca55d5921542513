//! Where each group of identical customers lives in the population arrays.
//!
//! A group is identified by its location (a funnel stage, Retention or Advocacy), persona, origin
//! (referred or not; funnel only), delight count (0–3), churn node (post-purchase only) and tolerance
//! class (tolerance τ and poor experiences so far c < τ).

/// Most happy moments that count towards a customer's delight level.
pub const MAX_DELIGHT: usize = 3;
const DELIGHT_LEVELS: usize = MAX_DELIGHT + 1;

/// A decoded group key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    /// Location: `0..stages` funnel, then Retention, then Advocacy.
    pub loc: usize,
    /// Persona index.
    pub persona: usize,
    /// 1 if the customer came by referral (funnel only), else 0.
    pub origin: usize,
    /// Happy moments experienced, capped at [`MAX_DELIGHT`].
    pub delight: usize,
    /// Churn node (post-purchase only), else 0.
    pub node: usize,
    /// Tolerance class index; see [`Layout::class_of`].
    pub class: usize,
}

/// Sizes of every dimension and the index arithmetic between groups and slots.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Number of funnel stages.
    pub stages: usize,
    /// Number of personas.
    pub personas: usize,
    /// Number of churn nodes.
    pub nodes: usize,
    /// Largest tolerance τ.
    pub max_tolerance: usize,
    classes: usize,
    funnel_slots: usize,
    tau_count: Vec<(usize, usize)>,
    /// Every slot's group, decoded once: [loc, persona, origin, delight, node, class].
    decoded: Vec<[u8; 6]>,
}

impl Layout {
    /// The layout for the given dimension sizes (all at least 1).
    pub fn new(stages: usize, personas: usize, nodes: usize, max_tolerance: usize) -> Self {
        let classes = max_tolerance * (max_tolerance + 1) / 2;
        let funnel_slots = stages * personas * 2 * DELIGHT_LEVELS * classes;
        let tau_count = (1..=max_tolerance)
            .flat_map(|tau| (0..tau).map(move |c| (tau, c)))
            .collect();
        let mut l = Layout {
            stages,
            personas,
            nodes,
            max_tolerance,
            classes,
            funnel_slots,
            tau_count,
            decoded: Vec::new(),
        };
        l.decoded = (0..l.slots())
            .map(|slot| {
                let g = l.decode(slot);
                [g.loc, g.persona, g.origin, g.delight, g.node, g.class].map(|x| x as u8)
            })
            .collect();
        l
    }

    /// Number of locations: funnel stages plus Retention and Advocacy.
    pub fn locations(&self) -> usize {
        self.stages + 2
    }

    /// Location index of Retention.
    pub fn retention(&self) -> usize {
        self.stages
    }

    /// Location index of Advocacy.
    pub fn advocacy(&self) -> usize {
        self.stages + 1
    }

    /// Total number of slots.
    pub fn slots(&self) -> usize {
        self.funnel_slots + 2 * self.personas * DELIGHT_LEVELS * self.nodes * self.classes
    }

    /// The class index of tolerance `tau` (≥ 1) with `c` (< tau) poor experiences.
    pub fn class_of(&self, tau: usize, c: usize) -> usize {
        tau * (tau - 1) / 2 + c
    }

    /// (τ, c) of a class index.
    pub fn tau_and_count(&self, class: usize) -> (usize, usize) {
        self.tau_count[class]
    }

    /// The slot of a group.
    pub fn slot(&self, g: Group) -> usize {
        if g.loc < self.stages {
            let i =
                ((g.loc * self.personas + g.persona) * 2 + g.origin) * DELIGHT_LEVELS + g.delight;
            i * self.classes + g.class
        } else {
            let a = g.loc - self.stages;
            let i = ((a * self.personas + g.persona) * DELIGHT_LEVELS + g.delight) * self.nodes
                + g.node;
            self.funnel_slots + i * self.classes + g.class
        }
    }

    /// The group of a slot (a table look-up).
    pub fn group(&self, slot: usize) -> Group {
        let [loc, persona, origin, delight, node, class] = self.decoded[slot].map(usize::from);
        Group {
            loc,
            persona,
            origin,
            delight,
            node,
            class,
        }
    }

    /// The group of a slot, by index arithmetic.
    fn decode(&self, slot: usize) -> Group {
        let class = slot % self.classes;
        if slot < self.funnel_slots {
            let mut i = slot / self.classes;
            let delight = i % DELIGHT_LEVELS;
            i /= DELIGHT_LEVELS;
            let origin = i % 2;
            i /= 2;
            let persona = i % self.personas;
            let loc = i / self.personas;
            Group {
                loc,
                persona,
                origin,
                delight,
                node: 0,
                class,
            }
        } else {
            let mut i = (slot - self.funnel_slots) / self.classes;
            let node = i % self.nodes;
            i /= self.nodes;
            let delight = i % DELIGHT_LEVELS;
            i /= DELIGHT_LEVELS;
            let persona = i % self.personas;
            let loc = self.stages + i / self.personas;
            Group {
                loc,
                persona,
                origin: 0,
                delight,
                node,
                class,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_round_trip() {
        let l = Layout::new(4, 3, 5, 4);
        let groups: Vec<Group> = (0..l.slots()).map(|s| l.group(s)).collect();
        for (s, g) in groups.iter().enumerate() {
            assert_eq!(l.slot(*g), s);
        }
        let distinct: std::collections::HashSet<usize> =
            groups.iter().map(|g| l.slot(*g)).collect();
        assert_eq!(distinct.len(), l.slots());
    }

    #[test]
    fn classes_round_trip() {
        let l = Layout::new(1, 1, 1, 10);
        for tau in 1..=10 {
            for c in 0..tau {
                assert_eq!(l.tau_and_count(l.class_of(tau, c)), (tau, c));
            }
        }
    }
}
