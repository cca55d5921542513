//! One period of the journey, applied to whole groups of identical customers.
//!
//! Order within a period (documented in the README): (1) pain points, then happy moments, at every
//! location, in scenario order, applied in place to the current population; (2) funnel moves (advance / drop / stay; advancing from the last stage is
//! a first purchase); (3) active customers: repeat purchases, churn, promotion to advocate; (4) advocates:
//! repeat purchases, churn, referrals; (5) new prospects: accepted referrals, inflow, external influence.
//! Customers who move land in the next period's population, so each customer experiences one location per
//! period.
//!
//! A pain point hits customers at its location (times the persona's multiplier); the hit ones leave at
//! once with the abandon probability, else their count of poor experiences goes up and they leave when it
//! reaches their tolerance. A happy moment raises delight (capped) and may cancel one poor experience.

use super::canon::Canon;
use super::layout::{Group, Layout, MAX_DELIGHT};
use super::model::Model;
use super::params::RunParams;
use super::pop::Pop;
use super::record::{Cause, RunRecord};
use super::rng::{Step, StreamSite};
use super::sampler::{multinomial, Sampler};

/// Per-period totals the step reports to the run.
#[derive(Clone, Copy, Debug, Default)]
pub struct PeriodFlows {
    /// First purchases.
    pub first_purchases: f64,
    /// First purchases by referred customers.
    pub referred_purchases: f64,
    /// Repeat purchases.
    pub repeats: f64,
    /// Prospects acquired by inflow or external influence (cost applies).
    pub acquired: f64,
    /// Accepted referrals (new prospects).
    pub referred: f64,
    /// Customers who left, for any reason.
    pub left: f64,
}

/// The working state of one run.
pub struct Stepper<'a> {
    /// The model.
    pub model: &'a Model,
    /// This run's parameters.
    pub params: &'a RunParams,
    /// Population at the start of the period.
    pub now: Pop,
    /// Population being built for the end of the period.
    pub next: Pop,
    /// Customers left in the market pool (finite market only).
    pub pool: f64,
    /// The period being simulated (part of every random site).
    pub period: u64,
    /// Scratch: the slots in use at one location.
    slots: Vec<u32>,
    /// Scratch: (slot, count) moves within one location.
    moves: Vec<(usize, f64)>,
    parts: Vec<f64>,
    classes: Vec<f64>,
    shares: Vec<f64>,
    canon: Canon,
}

impl<'a> Stepper<'a> {
    /// A run with an empty population.
    pub fn new(model: &'a Model, params: &'a RunParams) -> Self {
        let l = &model.layout;
        Stepper {
            model,
            params,
            now: Pop::new(l.slots(), l.locations()),
            next: Pop::new(l.slots(), l.locations()),
            pool: model.market.unwrap_or(f64::INFINITY),
            period: 0,
            slots: Vec::new(),
            moves: Vec::new(),
            parts: Vec::new(),
            classes: Vec::new(),
            shares: model.personas.iter().map(|p| p.share).collect(),
            canon: Canon::new(model),
        }
    }

    /// Switches `s` to the random stream of `step` in this period.
    pub fn site(&self, s: &mut impl Sampler, step: Step) {
        s.site(StreamSite::Period {
            period: self.period,
            step,
        });
    }

    /// The slot of the canonical state of `g` (see [`Canon`]).
    fn dest(&self, g: Group) -> usize {
        self.layout().slot(self.canon.apply(g))
    }

    /// The model's layout.
    fn layout(&self) -> &'a Layout {
        &self.model.layout
    }

    /// Visits every non-empty group at `loc` in slot order, on the site of `step`: switches `s` to
    /// the group's stream, then calls `body(self, s, slot, count, group)`.
    fn for_each_group<S: Sampler>(
        &mut self,
        s: &mut S,
        (loc, step): (usize, Step),
        mut body: impl FnMut(&mut Self, &mut S, usize, f64, Group),
    ) {
        let mut slots = std::mem::take(&mut self.slots);
        self.now.slots_at(loc, &mut slots);
        self.site(s, step);
        for &slot in &slots {
            let slot = slot as usize;
            let n = self.now.count(slot);
            if n == 0.0 {
                continue;
            }
            s.group(slot as u64);
            let g = self.layout().group(slot);
            body(self, s, slot, n, g);
        }
        self.slots = slots;
    }

    /// Applies every pain point and happy moment, in place. Returns how many customers left.
    pub fn events(&mut self, s: &mut impl Sampler, rec: &mut RunRecord) -> f64 {
        let mut left = 0.0;
        for (i, ev) in self.model.pains.iter().enumerate() {
            self.moves.clear();
            self.for_each_group(s, (ev.loc, Step::Pain { index: i }), |me, s, slot, n, g| {
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
        self.for_each_group(s, (loc, Step::Happy { index: i }), |me, s, slot, n, g| {
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

    /// Advance / drop / stay in every funnel stage; first purchases join Retention.
    pub fn funnel_moves(&mut self, s: &mut impl Sampler, rec: &mut RunRecord, f: &mut PeriodFlows) {
        let stages = self.layout().stages;
        for k in 0..stages {
            self.for_each_group(s, (k, Step::Funnel { stage: k }), |me, s, slot, n, g| {
                let adv = s.binomial(n, me.params.advance[k][g.persona]);
                let drop = s.binomial(n - adv, me.params.drop_given_stay[k][g.persona]);
                me.next.add(slot, k, n - adv - drop);
                rec.exit(k, Cause::NoConversion, drop);
                f.left += drop;
                if k + 1 < stages {
                    let to = me.dest(Group { loc: k + 1, ..g });
                    me.next.add(to, k + 1, adv);
                    rec.reach(k + 1, adv);
                } else {
                    me.purchase(s, g, adv, rec, f);
                }
            });
        }
    }

    fn purchase(
        &mut self,
        s: &mut impl Sampler,
        g: Group,
        n: f64,
        rec: &mut RunRecord,
        f: &mut PeriodFlows,
    ) {
        if n == 0.0 {
            return;
        }
        f.first_purchases += n;
        if g.origin == 1 {
            f.referred_purchases += n;
        }
        let ret = self.layout().retention();
        rec.reach(ret, n);
        multinomial(s, n, &self.params.node_weights, &mut self.parts);
        for (node, &part) in self.parts.iter().enumerate() {
            let to = Group {
                loc: ret,
                origin: 0,
                node,
                ..g
            };
            self.next.add(self.dest(to), ret, part);
        }
    }

    /// Active customers: repeat purchases, churn, promotion.
    pub fn retention_moves(
        &mut self,
        s: &mut impl Sampler,
        rec: &mut RunRecord,
        f: &mut PeriodFlows,
    ) {
        let (ret, adv) = (self.layout().retention(), self.layout().advocacy());
        let mut active = 0.0;
        self.for_each_group(s, (ret, Step::Retention), |me, s, slot, n, g| {
            active += n;
            let churn = s.binomial(n, me.params.churn[g.persona][g.node]);
            rec.exit(ret, Cause::Churn, churn);
            f.left += churn;
            let promoted = s.binomial(n - churn, me.params.promote[g.delight]);
            me.next.add(slot, ret, n - churn - promoted);
            me.next.add(me.dest(Group { loc: adv, ..g }), adv, promoted);
            rec.reach(adv, promoted);
        });
        // Repeat purchases change nobody's state: one draw for the whole location.
        self.site(s, Step::RetentionRepeats);
        f.repeats += s.binomial(active, self.params.repeat);
    }

    /// Advocates: repeat purchases, churn, referrals. Returns the referrals made.
    pub fn advocacy_moves(
        &mut self,
        s: &mut impl Sampler,
        rec: &mut RunRecord,
        f: &mut PeriodFlows,
    ) -> f64 {
        let adv = self.layout().advocacy();
        let mut referral_mean = 0.0;
        let mut active = 0.0;
        self.for_each_group(s, (adv, Step::Advocacy), |me, s, slot, n, g| {
            active += n;
            let churn = s.binomial(n, me.params.advocate_churn[g.persona][g.node]);
            rec.exit(adv, Cause::Churn, churn);
            f.left += churn;
            me.next.add(slot, adv, n - churn);
            referral_mean += (n - churn) * me.params.referrals[g.persona];
        });
        self.site(s, Step::AdvocacyRepeats);
        f.repeats += s.binomial(active, self.params.repeat);
        s.poisson(referral_mean)
    }

    /// New prospects enter `stage` with `origin` (1 = referred): split by persona and tolerance.
    pub fn enter(
        &mut self,
        s: &mut impl Sampler,
        stage: usize,
        origin: usize,
        n: f64,
        rec: &mut RunRecord,
    ) {
        if n == 0.0 {
            return;
        }
        rec.reach(stage, n);
        multinomial(s, n, &self.shares, &mut self.parts);
        let by_persona = std::mem::take(&mut self.parts);
        for (persona, &m) in by_persona.iter().enumerate() {
            let g = Group {
                loc: stage,
                persona,
                origin,
                delight: 0,
                node: 0,
                class: 0,
            };
            if !self.canon.keeps_class(stage) {
                self.next.add(self.dest(g), stage, m);
                continue;
            }
            let tol = &self.model.personas[persona].tolerance;
            multinomial(s, m, tol, &mut self.classes);
            for (t, &count) in self.classes.iter().enumerate() {
                let class = self.layout().class_of(t + 1, 0);
                self.next.add(self.dest(Group { class, ..g }), stage, count);
            }
        }
        self.parts = by_persona;
    }

    /// Ends the period: the next population becomes the current one.
    pub fn swap(&mut self) {
        std::mem::swap(&mut self.now, &mut self.next);
        self.next.clear();
    }
}
