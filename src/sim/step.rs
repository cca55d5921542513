//! One period of the journey, applied to whole groups of identical customers.
//!
//! Order within a period (documented in the README): (1) pain points, then happy moments, at every
//! location, in scenario order; (2) funnel moves (advance / drop / stay; advancing from the last stage is
//! a first purchase); (3) active customers: repeat purchases, churn, promotion to advocate; (4) advocates:
//! repeat purchases, churn, referrals; (5) new prospects: accepted referrals, inflow, external influence.
//! Customers who move land in the next period's population, so each customer experiences one location per
//! period.

use super::canon::Canon;
use super::layout::{Group, Layout};
use super::model::Model;
use super::params::RunParams;
use super::pop::Pop;
use super::record::{Cause, RunRecord};
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
    pub(super) slots: Vec<u32>,
    /// Scratch: (slot, count) moves within one location.
    pub(super) moves: Vec<(usize, f64)>,
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

    /// Switches `s` to the random stream of site (`kind`, `index`) in this period.
    pub fn site(&self, s: &mut impl Sampler, kind: u64, index: u64) {
        s.site(self.period, (kind << 56) | (index << 32));
    }

    /// The slot of the canonical state of `g` (see [`Canon`]).
    pub(super) fn dest(&self, g: Group) -> usize {
        self.layout().slot(self.canon.apply(g))
    }

    /// The model's layout.
    pub(super) fn layout(&self) -> &'a Layout {
        &self.model.layout
    }

    /// Visits every non-empty group at `loc` in slot order, on site (`kind`, `index`): switches `s` to
    /// the group's stream, then calls `body(self, s, slot, count, group)`.
    pub(super) fn for_each_group<S: Sampler>(
        &mut self,
        s: &mut S,
        (loc, kind, index): (usize, u64, u64),
        mut body: impl FnMut(&mut Self, &mut S, usize, f64, Group),
    ) {
        let mut slots = std::mem::take(&mut self.slots);
        self.now.slots_at(loc, &mut slots);
        self.site(s, kind, index);
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

    /// Advance / drop / stay in every funnel stage; first purchases join Retention.
    pub fn funnel_moves(&mut self, s: &mut impl Sampler, rec: &mut RunRecord, f: &mut PeriodFlows) {
        let stages = self.layout().stages;
        for k in 0..stages {
            self.for_each_group(s, (k, 2, k as u64), |me, s, slot, n, g| {
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
        self.for_each_group(s, (ret, 3, 0), |me, s, slot, n, g| {
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
        self.site(s, 3, 1);
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
        self.for_each_group(s, (adv, 4, 0), |me, s, slot, n, g| {
            active += n;
            let churn = s.binomial(n, me.params.advocate_churn[g.persona][g.node]);
            rec.exit(adv, Cause::Churn, churn);
            f.left += churn;
            me.next.add(slot, adv, n - churn);
            referral_mean += (n - churn) * me.params.referrals[g.persona];
        });
        self.site(s, 4, 1);
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
