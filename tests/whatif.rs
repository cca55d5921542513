//! What-if analysis: common random numbers, tornado, pain-point ranking and target seeking.

mod support;

use journey_sim::sim::params::ParamId;
use journey_sim::sim::uncertain::Prob;
use journey_sim::sim::whatif::{compare, rank_pain_points, seek_target, tornado};
use journey_sim::sim::Kpi;
use serde_json::json;
use support::{from_value, scenario, sd};

#[test]
fn comparing_a_scenario_with_itself_gives_zero_difference_in_every_run() {
    let mut s = scenario(&["pain", "happy", "personas", "referrals", "uncertain"]);
    s.meta.runs = 200;
    let c = compare(&s, &[s.clone()]).unwrap();
    for kpi in Kpi::ALL {
        let d = &c.variants[0].diffs[&kpi];
        assert_eq!(d.p_better, 0.0, "{kpi}");
        assert_eq!(d.p_worse, 0.0, "{kpi}");
        if d.stats.mean.is_finite() {
            assert_eq!(
                (d.stats.p5, d.stats.p95, d.stats.sd),
                (0.0, 0.0, 0.0),
                "{kpi}"
            );
        }
    }
}

#[test]
fn a_strictly_better_variant_is_better_in_every_paired_run() {
    let mut s = scenario(&["pain", "referrals", "uncertain"]);
    s.meta.runs = 300;
    let mut better = s.clone();
    for st in &mut better.stages {
        st.conversion = st.conversion.scaled(1.15);
    }
    let c = compare(&s, &[better]).unwrap();
    assert_eq!(c.variants[0].diffs[&Kpi::Purchased].p_better, 1.0);
    assert!(c.variants[0].diffs[&Kpi::Purchased].stats.p5 > 0.0);
}

#[test]
fn common_random_numbers_shrink_the_noise_of_a_difference() {
    let mut s = scenario(&["pain", "referrals"]);
    s.meta.runs = 300;
    let mut v = s.clone();
    v.stages[0].conversion = Prob::Point(0.62);
    let paired = compare(&s, &[v.clone()]).unwrap().variants[0].diffs[&Kpi::Purchased]
        .stats
        .sd;
    // The same difference with independent streams (another seed for the variant).
    let base = support::summarise(&s);
    let mut other = v.clone();
    other.meta.seed = 999;
    let indep = support::summarise(&other);
    let diffs: Vec<f64> = base
        .per_run_kpis
        .iter()
        .zip(&indep.per_run_kpis)
        .map(|(a, b)| b[0] - a[0])
        .collect();
    assert!(
        paired < 0.5 * sd(&diffs),
        "paired sd {paired} vs independent {}",
        sd(&diffs)
    );
}

#[test]
fn tornado_matches_a_hand_computed_case() {
    let s = from_value(json!({
        "schema_version": 1,
        "meta": {"name": "two stages", "horizon": 6, "runs": 300, "seed": 3},
        "market": {"initial_cohort": 1000},
        "stages": [
            {"name": "A", "conversion": 0.5},
            {"name": "B", "conversion": {"low": 0.2, "high": 0.6}}
        ],
        "retention": {"churn": {"kind": "fixed", "rate": 0.1}, "repeat_purchase": 0.0},
        "advocacy": {"promotion": 0.0, "referrals_per_period": 0.0, "acceptance": 0.0}
    }));
    let mean_b = s.stages[1].conversion.central();
    let t = tornado(&s, Kpi::Purchased, 300).unwrap();
    // purchased = 1000 · a · b once everyone has moved through (mean time 1 period per stage).
    assert!((t.base - 1000.0 * 0.5 * mean_b).abs() < 1e-6);
    assert_eq!(t.bars[0].input.id, ParamId::Conversion(1));
    assert!((t.bars[0].kpi_low - 1000.0 * 0.5 * 0.2).abs() < 1e-6);
    assert!((t.bars[0].kpi_high - 1000.0 * 0.5 * 0.6).abs() < 1e-6);
    assert_eq!(t.bars[1].input.id, ParamId::Conversion(0));
    assert!((t.bars[1].kpi_low - 1000.0 * 0.4 * mean_b).abs() < 1e-6);
    assert!((t.bars[1].kpi_high - 1000.0 * 0.6 * mean_b).abs() < 1e-6);
    assert!(
        t.bars[2..].iter().all(|b| b.swing() < 1e-9),
        "nothing else moves purchases"
    );
    // Only stage B is uncertain, so it explains all of the spread.
    assert_eq!(t.importance.len(), 1);
    assert!(t.importance[0].rho > 0.9 && (t.importance[0].share - 1.0).abs() < 1e-12);
}

#[test]
fn removing_a_pain_point_never_lowers_purchases() {
    let s = scenario(&["pain", "personas", "referrals"]);
    let ranking = rank_pain_points(&s, Kpi::Purchased, 200).unwrap();
    assert_eq!(ranking.len(), 4);
    for p in &ranking {
        let removed = p.removed.stats.expected.unwrap();
        let halved = p.halved.stats.expected.unwrap();
        assert!(
            removed >= -1e-9 && halved >= -1e-9,
            "{}: {removed} {halved}",
            p.name
        );
        assert!(halved <= removed + 1e-9, "{}", p.name);
        assert!(
            p.removed.stats.mean >= -1e-9 || p.removed.stats.mean.abs() < 3.0 * p.removed.stats.sd
        );
    }
    let medians: Vec<f64> = ranking.iter().map(|p| p.removed.stats.p50).collect();
    assert!(
        medians.windows(2).all(|w| w[0] >= w[1]),
        "sorted by gain: {medians:?}"
    );
    assert!(ranking[0].removed.stats.p50 > 0.0);
}

#[test]
fn target_seeking_hits_the_target_on_the_expected_value() {
    let mut s = scenario(&["pain", "uncertain"]);
    s.meta.runs = 100;
    let a = seek_target(&s, ParamId::Conversion(0), Kpi::Purchased, 450.0, 40).unwrap();
    let v = a.value.expect("reachable");
    assert!((0.0..=1.0).contains(&v));
    assert!(
        (a.achieved.unwrap() - 450.0).abs() < 1e-6,
        "achieved {:?}",
        a.achieved
    );
    let u = a.uncertainty.expect("draws");
    assert!(u.p5 <= v + 0.05 && u.p95 >= v - 0.05 && u.p95 > u.p5);
    let unreachable = seek_target(&s, ParamId::Conversion(0), Kpi::Purchased, 1e9, 5).unwrap();
    assert!(unreachable.value.is_none() && unreachable.reachable_share == 0.0);
    let pain = seek_target(
        &s,
        ParamId::PainProbability(1),
        Kpi::Purchased,
        a.range.0.max(300.0),
        0,
    );
    assert!(pain.is_ok());
}

/// The result view redraws its charts only when what they draw changes: comparison and target charts
/// depend on neither currency nor KPI, the tornado on the currency, the pain-point ranking on both; an
/// answer is the same answer by identity, even if it holds NaN.
#[test]
fn result_charts_are_keyed_on_what_they_draw() {
    use journey_sim::app::analysis::protocol::Reply;
    use journey_sim::app::analysis::views::{memo_key, ViewProps};
    use journey_sim::app::charts::Theme;
    use journey_sim::sim::whatif::Tornado;
    use std::rc::Rc;
    let props = |reply: &Rc<Reply>, currency: &'static str, kpi: Kpi| ViewProps {
        reply: reply.clone(),
        currency: currency.into(),
        theme: Theme::Light,
        elapsed_ms: None,
        run: 0,
        kpi,
    };
    let same = |r: &Rc<Reply>, a: (&'static str, Kpi), b: (&'static str, Kpi)| {
        memo_key(&props(r, a.0, a.1)) == memo_key(&props(r, b.0, b.1))
    };
    let mut s = scenario(&["pain"]);
    s.meta.runs = 50;
    let comparison = Rc::new(Reply::Compare(compare(&s, &[s.clone()]).unwrap()));
    assert!(same(&comparison, ("€", Kpi::Purchased), ("$", Kpi::Clv)));
    let bars = Tornado {
        kpi: Kpi::Revenue,
        base: f64::NAN,
        bars: vec![],
        importance: vec![],
    };
    let tornado = Rc::new(Reply::Tornado(bars));
    assert!(
        same(&tornado, ("€", Kpi::Purchased), ("€", Kpi::Clv)),
        "NaN inside, same answer"
    );
    assert!(!same(
        &tornado,
        ("€", Kpi::Purchased),
        ("$", Kpi::Purchased)
    ));
    let pain = Rc::new(Reply::PainRanking(vec![]));
    assert!(!same(&pain, ("€", Kpi::Purchased), ("€", Kpi::Clv)));
    assert!(!same(&pain, ("€", Kpi::Purchased), ("$", Kpi::Purchased)));
    let copy = Rc::new(Reply::PainRanking(vec![]));
    assert!(
        memo_key(&props(&pain, "€", Kpi::Roi)) != memo_key(&props(&copy, "€", Kpi::Roi)),
        "a new answer"
    );
}
