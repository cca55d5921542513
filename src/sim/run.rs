//! One whole run: the initial cohort at t = 0, then one [`Stepper`] period after another, recorded.

use super::model::Model;
use super::params::RunParams;
use super::record::{Kpi, RunRecord, Series};
use super::rng::Step;
use super::sampler::Sampler;
use super::step::{PeriodFlows, Stepper};

/// Simulates one run of `model` with `params`, splitting groups with `s`.
pub fn simulate(model: &Model, params: &RunParams, s: &mut impl Sampler) -> RunRecord {
    let mut st = Stepper::new(model, params);
    let mut rec = RunRecord::new(model.layout.stages, model.horizon);
    let initial = model.initial.min(st.pool);
    st.pool -= initial;
    st.site(s, Step::Cohort);
    st.enter(s, 0, 0, initial, &mut rec);
    st.swap();
    let mut totals = Totals::default();
    let f0 = PeriodFlows {
        acquired: initial,
        ..Default::default()
    };
    record_period(&st, &mut rec, 0, &f0, &mut totals);
    for t in 1..=model.horizon {
        st.period = t as u64;
        let mut f = PeriodFlows {
            left: st.events(s, &mut rec),
            ..Default::default()
        };
        st.funnel_moves(s, &mut rec, &mut f);
        st.retention_moves(s, &mut rec, &mut f);
        let made = st.advocacy_moves(s, &mut rec, &mut f);
        new_prospects(&mut st, s, made, &mut rec, &mut f);
        st.swap();
        record_period(&st, &mut rec, t, &f, &mut totals);
    }
    set_kpis(model, &mut rec);
    rec
}

/// Accepted referrals, inflow and external influence join the funnel for the next period.
fn new_prospects(
    st: &mut Stepper,
    s: &mut impl Sampler,
    made: f64,
    rec: &mut RunRecord,
    f: &mut PeriodFlows,
) {
    let m = st.model;
    st.site(s, Step::Referrals);
    let accepted = match m.market {
        None => s.binomial(made, st.params.acceptance),
        Some(size) => {
            let reach = st.params.acceptance * (st.pool / size).clamp(0.0, 1.0);
            s.binomial(made, reach).min(st.pool)
        }
    };
    st.pool -= accepted;
    st.enter(s, m.entry_stage, 1, accepted, rec);
    let inflow = m.inflow.min(st.pool);
    st.pool -= inflow;
    let external = if m.market.is_some() {
        s.binomial(st.pool, m.external)
    } else {
        0.0
    };
    st.pool -= external;
    st.site(s, Step::Inflow);
    st.enter(s, 0, 0, inflow + external, rec);
    f.referred = accepted;
    f.acquired = inflow + external;
}

#[derive(Default)]
struct Totals {
    entered: f64,
    left: f64,
}

fn record_period(
    st: &Stepper,
    rec: &mut RunRecord,
    t: usize,
    f: &PeriodFlows,
    totals: &mut Totals,
) {
    let m = st.model;
    let l = &m.layout;
    let e = &m.economics;
    let advocates = st.now.total_at(l.advocacy());
    let active = st.now.total_at(l.retention()) + advocates;
    let mut prospects = 0.0;
    for k in 0..l.stages {
        let n = st.now.total_at(k);
        rec.stage_counts[k * (m.horizon + 1) + t] = n;
        prospects += n;
    }
    let revenue = f.first_purchases * e.first_order_value + f.repeats * e.repeat_order_value;
    let cost = f.acquired * e.acquisition_cost + f.referred_purchases * e.referral_reward;
    totals.entered += f.acquired + f.referred;
    totals.left += f.left;
    rec.set(Series::Active, t, active);
    rec.set(Series::Advocates, t, advocates);
    rec.set(Series::NewCustomers, t, f.first_purchases);
    rec.set(Series::Referrals, t, f.referred);
    rec.set(Series::Revenue, t, revenue);
    rec.set(Series::Prospects, t, prospects);
    rec.set(Series::Cost, t, cost);
    rec.set(Series::Profit, t, e.gross_margin * revenue - cost);
    rec.set(Series::Entered, t, totals.entered);
    rec.set(Series::Left, t, totals.left);
    let referred = rec.kpi(Kpi::ReferredCustomers) + f.referred_purchases;
    rec.kpis[Kpi::ReferredCustomers as usize] = referred;
}

/// Per-run figures from the recorded series. Money is discounted at the scenario's rate per period.
fn set_kpis(m: &Model, rec: &mut RunRecord) {
    let e = &m.economics;
    let h = m.horizon;
    let pv = |id: Series| -> f64 {
        let mut f = 1.0;
        let mut sum = 0.0;
        for &x in rec.series(id) {
            sum += x * f;
            f /= 1.0 + e.discount_rate;
        }
        sum
    };
    let purchased: f64 = rec.series(Series::NewCustomers).iter().sum();
    let referred = rec.kpi(Kpi::ReferredCustomers);
    let revenue = pv(Series::Revenue);
    let cost = pv(Series::Cost);
    let profit = pv(Series::Profit);
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { f64::NAN };
    let k = &mut rec.kpis;
    k[Kpi::Purchased as usize] = purchased;
    k[Kpi::RetainedAtHorizon as usize] = rec.series[h];
    k[Kpi::AdvocatesAtHorizon as usize] = rec.series[Series::Advocates as usize * (h + 1) + h];
    k[Kpi::ViralCoefficient as usize] = ratio(referred, purchased - referred);
    k[Kpi::Revenue as usize] = revenue;
    k[Kpi::Profit as usize] = profit;
    k[Kpi::Clv as usize] = ratio(e.gross_margin * revenue, purchased);
    k[Kpi::Roi as usize] = ratio(profit, cost);
}
