//! Pain points and happy moments: the first part of a period, applied in place to the current population.
//!
//! A pain point hits customers at its location (times the persona's multiplier); the hit ones leave at
//! once with the abandon probability, else their count of poor experiences goes up and they leave when it
//! reaches their tolerance. A happy moment raises delight (capped) and may cancel one poor experience.

use super::layout::{Group, MAX_DELIGHT};
use super::record::{Cause, RunRecord};
use super::sampler::Sampler;
use super::step::Stepper;

impl Stepper<'_> {
    /// Applies every pain point and happy moment, in place. Returns how many customers left.
    pub fn events(&mut self, s: &mut impl Sampler, rec: &mut RunRecord) -> f64 {
        let mut left = 0.0;
        for (i, ev) in self.model.pains.iter().enumerate() {
            self.moves.clear();
            self.for_each_group(s, (ev.loc, 0, i as u64), |me, s, slot, n, g| {
                let hit = s.binomial(n, me.params.pain[i][g.persona]);
                if hit == 0.0 {
                    return;
                }
                let gone = s.binomial(hit, me.params.abandon[i]);
                me.now.remove(slot, hit);
                rec.exit(ev.loc, Cause::PainAbandon, gone);
                let (tau, c) = me.layout().tau_and_count(g.class);
                if c + 1 < tau {
                    let to = Group {
                        class: g.class + 1,
                        ..g
                    };
                    me.moves.push((me.layout().slot(to), hit - gone));
                } else {
                    rec.exit(ev.loc, Cause::ToleranceExceeded, hit - gone);
                    left += hit - gone;
                }
                left += gone;
            });
            self.apply_moves(ev.loc);
        }
        for (i, ev) in self.model.happies.iter().enumerate() {
            self.happy(s, i, ev.loc, ev.recovers);
        }
        left
    }

    fn happy(&mut self, s: &mut impl Sampler, i: usize, loc: usize, recovers: bool) {
        self.moves.clear();
        self.for_each_group(s, (loc, 1, i as u64), |me, s, slot, n, g| {
            let (_, c) = me.layout().tau_and_count(g.class);
            let to = Group {
                delight: (g.delight + 1).min(MAX_DELIGHT),
                class: if recovers && c > 0 {
                    g.class - 1
                } else {
                    g.class
                },
                ..g
            };
            let to = me.dest(to);
            if to == slot {
                return;
            }
            let hit = s.binomial(n, me.params.happy[i]);
            me.now.remove(slot, hit);
            me.moves.push((to, hit));
        });
        self.apply_moves(loc);
    }

    fn apply_moves(&mut self, loc: usize) {
        for &(slot, n) in &self.moves {
            self.now.add(slot, loc, n);
        }
    }
}
