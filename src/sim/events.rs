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
            self.now.slots_at(ev.loc, &mut self.slots);
            self.moves.clear();
            self.site(s, 0, i as u64);
            for &slot in &self.slots {
                let slot = slot as usize;
                let n = self.now.count(slot);
                if n == 0.0 {
                    continue;
                }
                s.group(slot as u64);
                let g = self.layout().group(slot);
                let hit = s.binomial(n, self.params.pain[i][g.persona]);
                if hit == 0.0 {
                    continue;
                }
                let gone = s.binomial(hit, self.params.abandon[i]);
                self.now.remove(slot, hit);
                rec.exit(ev.loc, Cause::PainAbandon, gone);
                let (tau, c) = self.layout().tau_and_count(g.class);
                if c + 1 < tau {
                    let to = Group {
                        class: g.class + 1,
                        ..g
                    };
                    self.moves.push((self.layout().slot(to), hit - gone));
                } else {
                    rec.exit(ev.loc, Cause::ToleranceExceeded, hit - gone);
                    left += hit - gone;
                }
                left += gone;
            }
            self.apply_moves(ev.loc);
        }
        for (i, ev) in self.model.happies.iter().enumerate() {
            self.happy(s, i, ev.loc, ev.recovers);
        }
        left
    }

    fn happy(&mut self, s: &mut impl Sampler, i: usize, loc: usize, recovers: bool) {
        self.now.slots_at(loc, &mut self.slots);
        self.moves.clear();
        self.site(s, 1, i as u64);
        for &slot in &self.slots {
            let slot = slot as usize;
            let n = self.now.count(slot);
            if n == 0.0 {
                continue;
            }
            let g = self.layout().group(slot);
            let (_, c) = self.layout().tau_and_count(g.class);
            let to = Group {
                delight: (g.delight + 1).min(MAX_DELIGHT),
                class: if recovers && c > 0 {
                    g.class - 1
                } else {
                    g.class
                },
                ..g
            };
            let to = self.dest(to);
            if to == slot {
                continue;
            }
            s.group(slot as u64);
            let hit = s.binomial(n, self.params.happy[i]);
            self.now.remove(slot, hit);
            self.moves.push((to, hit));
        }
        self.apply_moves(loc);
    }

    fn apply_moves(&mut self, loc: usize) {
        for &(slot, n) in &self.moves {
            self.now.add(slot, loc, n);
        }
    }
}
