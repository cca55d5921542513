//! Every editable scalar of a scenario as a [`Field`]: its engine path (to match validation problems),
//! its stable test id, its text, and how typed text is applied (in `value.rs`). Out-of-range indices are
//! errors, never panics.

mod value;

pub use value::{churn_mean, location_text};

use crate::sim::{Churn, Scenario};

/// One editable value of the scenario.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    Runs,
    Seed,
    Horizon,
    PeriodLabel,
    Uncertainty,
    Cohort,
    Inflow,
    MarketSize,
    External,
    StageName(usize),
    StageConversion(usize),
    StagePeriods(usize),
    StageGoal(usize),
    StageTouchpoints(usize),
    StageEmotion(usize),
    ChurnKind,
    ChurnRate,
    ChurnAlpha,
    ChurnBeta,
    RepeatPurchase,
    Promotion,
    AdvocateChurn,
    Referrals,
    Acceptance,
    EntryStage,
    Delight,
    PainName(usize),
    PainStage(usize),
    PainProbability(usize),
    PainAbandon(usize),
    HappyName(usize),
    HappyStage(usize),
    HappyProbability(usize),
    HappyRecovers(usize),
    Tolerance(usize),
    PersonaName(usize),
    PersonaShare(usize),
    PersonaConversion(usize),
    PersonaPain(usize),
    PersonaChurn(usize),
    PersonaReferral(usize),
    AcquisitionCost,
    FirstOrder,
    RepeatOrder,
    Margin,
    Reward,
    Discount,
    Currency,
}

use Field::*;

impl Field {
    /// The engine path of this value, as used by validation problems (e.g. `stages[2].conversion`).
    pub fn path(&self) -> String {
        let at = |list: &str, i: &usize, f: &str| format!("{list}[{i}].{f}");
        match self {
            Name => "meta.name".into(),
            Runs => "meta.runs".into(),
            Seed => "meta.seed".into(),
            Horizon => "meta.horizon".into(),
            PeriodLabel => "meta.period_label".into(),
            Uncertainty => "meta.parameter_uncertainty".into(),
            Cohort => "market.initial_cohort".into(),
            Inflow => "market.inflow_per_period".into(),
            MarketSize => "market.market_size".into(),
            External => "market.external_influence".into(),
            StageName(i) => at("stages", i, "name"),
            StageConversion(i) => at("stages", i, "conversion"),
            StagePeriods(i) => at("stages", i, "mean_periods"),
            StageGoal(i) => at("stages", i, "goal"),
            StageTouchpoints(i) => at("stages", i, "touchpoints"),
            StageEmotion(i) => at("stages", i, "emotion"),
            ChurnKind => "retention.churn.kind".into(),
            ChurnRate => "retention.churn.rate".into(),
            ChurnAlpha => "retention.churn.alpha".into(),
            ChurnBeta => "retention.churn.beta".into(),
            RepeatPurchase => "retention.repeat_purchase".into(),
            Promotion => "advocacy.promotion".into(),
            AdvocateChurn => "advocacy.churn_multiplier".into(),
            Referrals => "advocacy.referrals_per_period".into(),
            Acceptance => "advocacy.acceptance".into(),
            EntryStage => "advocacy.entry_stage".into(),
            Delight => "advocacy.delight_multiplier".into(),
            PainName(i) => at("pain_points", i, "name"),
            PainStage(i) => at("pain_points", i, "stage"),
            PainProbability(i) => at("pain_points", i, "probability"),
            PainAbandon(i) => at("pain_points", i, "abandon"),
            HappyName(i) => at("happy_moments", i, "name"),
            HappyStage(i) => at("happy_moments", i, "stage"),
            HappyProbability(i) => at("happy_moments", i, "probability"),
            HappyRecovers(i) => at("happy_moments", i, "recovers"),
            Tolerance(k) => format!("tolerance.leave_after[{k}]"),
            PersonaName(i) => at("personas", i, "name"),
            PersonaShare(i) => at("personas", i, "share"),
            PersonaConversion(i) => at("personas", i, "conversion_multiplier"),
            PersonaPain(i) => at("personas", i, "pain_multiplier"),
            PersonaChurn(i) => at("personas", i, "churn_multiplier"),
            PersonaReferral(i) => at("personas", i, "referral_multiplier"),
            AcquisitionCost => "economics.acquisition_cost".into(),
            FirstOrder => "economics.first_order_value".into(),
            RepeatOrder => "economics.repeat_order_value".into(),
            Margin => "economics.gross_margin".into(),
            Reward => "economics.referral_reward".into(),
            Discount => "economics.discount_rate".into(),
            Currency => "economics.currency".into(),
        }
    }

    /// The stable `data-testid` of this field's input, e.g. `stage-0-conversion`, `meta-runs`.
    pub fn test_id(&self) -> String {
        let p = self.path();
        let p = p
            .replacen("stages[", "stage-", 1)
            .replacen("pain_points[", "pain-", 1)
            .replacen("happy_moments[", "happy-", 1)
            .replacen("personas[", "persona-", 1);
        p.replace("].", "-")
            .replace(['[', '.', '_'], "-")
            .replace(']', "")
    }

    /// Whether a problem at `path` concerns this field (the same path or a part of it).
    pub fn concerns(&self, path: &str) -> bool {
        let own = self.path();
        path == own
            || path
                .strip_prefix(own.as_str())
                .is_some_and(|rest| rest.starts_with(['.', '[']))
            || (matches!(self, ChurnKind) && path == "retention.churn")
    }
}

/// Every field the editor shows for this scenario.
pub fn all_fields(s: &Scenario) -> Vec<Field> {
    let mut v = vec![
        Name,
        Runs,
        Seed,
        Horizon,
        PeriodLabel,
        Uncertainty,
        Cohort,
        Inflow,
        MarketSize,
        External,
        ChurnKind,
        RepeatPurchase,
        Promotion,
        AdvocateChurn,
        Referrals,
        Acceptance,
        EntryStage,
        Delight,
        AcquisitionCost,
        FirstOrder,
        RepeatOrder,
        Margin,
        Reward,
        Discount,
        Currency,
    ];
    match s.retention.churn {
        Churn::Fixed { .. } => v.push(ChurnRate),
        Churn::Heterogeneous { .. } => v.extend([ChurnAlpha, ChurnBeta]),
    }
    for i in 0..s.stages.len() {
        v.extend([
            StageName(i),
            StageConversion(i),
            StagePeriods(i),
            StageGoal(i),
            StageTouchpoints(i),
            StageEmotion(i),
        ]);
    }
    for i in 0..s.pain_points.len() {
        v.extend([
            PainName(i),
            PainStage(i),
            PainProbability(i),
            PainAbandon(i),
        ]);
    }
    for i in 0..s.happy_moments.len() {
        v.extend([
            HappyName(i),
            HappyStage(i),
            HappyProbability(i),
            HappyRecovers(i),
        ]);
    }
    v.extend((0..s.tolerance.leave_after.len()).map(Tolerance));
    for i in 0..s.personas.len() {
        v.extend([
            PersonaName(i),
            PersonaShare(i),
            PersonaConversion(i),
            PersonaPain(i),
            PersonaChurn(i),
            PersonaReferral(i),
        ]);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_paths() {
        assert_eq!(StageConversion(0).test_id(), "stage-0-conversion");
        assert_eq!(Runs.test_id(), "meta-runs");
        assert_eq!(PersonaShare(1).test_id(), "persona-1-share");
        assert_eq!(Tolerance(2).test_id(), "tolerance-leave-after-2");
        assert!(StageConversion(2).concerns("stages[2].conversion"));
        assert!(StageConversion(2).concerns("stages[2].conversion.low"));
        assert!(!StageConversion(2).concerns("stages[2].conversion_x"));
        assert!(!StageConversion(1).concerns("stages[2].conversion"));
    }
}
