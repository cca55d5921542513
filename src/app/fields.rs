//! Every editable scalar of a scenario as a [`Field`]: its engine path (to match validation problems),
//! its stable test id, its text, and how typed text is applied. Out-of-range indices are errors, never
//! panics.

use crate::sim::uncertain::fmt_num;
use crate::sim::{AfterPurchase, Churn, Location, Prob, Scenario};

use super::parse::{count, number, percent, pct_text, prob, prob_text, rate, rate_text};

/// One editable value of the scenario.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name, Runs, Seed, Horizon, PeriodLabel, Uncertainty,
    Cohort, Inflow, MarketSize, External,
    StageName(usize), StageConversion(usize), StagePeriods(usize), StageGoal(usize),
    StageTouchpoints(usize), StageEmotion(usize),
    ChurnKind, ChurnRate, ChurnAlpha, ChurnBeta, RepeatPurchase,
    Promotion, AdvocateChurn, Referrals, Acceptance, EntryStage, Delight,
    PainName(usize), PainStage(usize), PainProbability(usize), PainAbandon(usize),
    HappyName(usize), HappyStage(usize), HappyProbability(usize), HappyRecovers(usize),
    Tolerance(usize),
    PersonaName(usize), PersonaShare(usize), PersonaConversion(usize), PersonaPain(usize),
    PersonaChurn(usize), PersonaReferral(usize),
    AcquisitionCost, FirstOrder, RepeatOrder, Margin, Reward, Discount, Currency,
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
        p.replace("].", "-").replace(['[', '.', '_'], "-").replace(']', "")
    }

    /// Whether a problem at `path` concerns this field (the same path or a part of it).
    pub fn concerns(&self, path: &str) -> bool {
        let own = self.path();
        path == own
            || path.strip_prefix(own.as_str()).is_some_and(|rest| rest.starts_with(['.', '[']))
            || (matches!(self, ChurnKind) && path == "retention.churn")
    }

    /// The value as the planner types it.
    pub fn text(&self, s: &Scenario) -> String {
        self.read(s).unwrap_or_default()
    }

    fn read(&self, s: &Scenario) -> Option<String> {
        let e = &s.economics;
        Some(match *self {
            Name => s.meta.name.clone(),
            Runs => s.meta.runs.to_string(),
            Seed => s.meta.seed.to_string(),
            Horizon => s.meta.horizon.to_string(),
            PeriodLabel => s.meta.period_label.clone(),
            Uncertainty => s.meta.parameter_uncertainty.to_string(),
            Cohort => s.market.initial_cohort.to_string(),
            Inflow => s.market.inflow_per_period.to_string(),
            MarketSize => s.market.market_size.map(|m| m.to_string()).unwrap_or_default(),
            External => pct_text(s.market.external_influence),
            StageName(i) => s.stages.get(i)?.name.clone(),
            StageConversion(i) => prob_text(&s.stages.get(i)?.conversion),
            StagePeriods(i) => fmt_num(s.stages.get(i)?.mean_periods),
            StageGoal(i) => s.stages.get(i)?.goal.clone(),
            StageTouchpoints(i) => s.stages.get(i)?.touchpoints.join(", "),
            StageEmotion(i) => s.stages.get(i)?.emotion.clone(),
            ChurnKind => match s.retention.churn {
                Churn::Fixed { .. } => "fixed".into(),
                Churn::Heterogeneous { .. } => "heterogeneous".into(),
            },
            ChurnRate => match &s.retention.churn {
                Churn::Fixed { rate } => prob_text(rate),
                Churn::Heterogeneous { .. } => return None,
            },
            ChurnAlpha | ChurnBeta => match s.retention.churn {
                Churn::Heterogeneous { alpha, beta } => fmt_num(if *self == ChurnAlpha { alpha } else { beta }),
                Churn::Fixed { .. } => return None,
            },
            RepeatPurchase => prob_text(&s.retention.repeat_purchase),
            Promotion => prob_text(&s.advocacy.promotion),
            AdvocateChurn => fmt_num(s.advocacy.churn_multiplier),
            Referrals => rate_text(&s.advocacy.referrals_per_period),
            Acceptance => prob_text(&s.advocacy.acceptance),
            EntryStage => s.advocacy.entry_stage.to_string(),
            Delight => fmt_num(s.advocacy.delight_multiplier),
            PainName(i) => s.pain_points.get(i)?.name.clone(),
            PainStage(i) => location_text(s.pain_points.get(i)?.stage),
            PainProbability(i) => prob_text(&s.pain_points.get(i)?.probability),
            PainAbandon(i) => prob_text(&s.pain_points.get(i)?.abandon),
            HappyName(i) => s.happy_moments.get(i)?.name.clone(),
            HappyStage(i) => location_text(s.happy_moments.get(i)?.stage),
            HappyProbability(i) => prob_text(&s.happy_moments.get(i)?.probability),
            HappyRecovers(i) => s.happy_moments.get(i)?.recovers.to_string(),
            Tolerance(k) => pct_text(*s.tolerance.leave_after.get(k)?),
            PersonaName(i) => s.personas.get(i)?.name.clone(),
            PersonaShare(i) => pct_text(s.personas.get(i)?.share),
            PersonaConversion(i) => fmt_num(s.personas.get(i)?.conversion_multiplier),
            PersonaPain(i) => fmt_num(s.personas.get(i)?.pain_multiplier),
            PersonaChurn(i) => fmt_num(s.personas.get(i)?.churn_multiplier),
            PersonaReferral(i) => fmt_num(s.personas.get(i)?.referral_multiplier),
            AcquisitionCost => fmt_num(e.acquisition_cost),
            FirstOrder => fmt_num(e.first_order_value),
            RepeatOrder => fmt_num(e.repeat_order_value),
            Margin => pct_text(e.gross_margin),
            Reward => fmt_num(e.referral_reward),
            Discount => pct_text(e.discount_rate),
            Currency => e.currency.clone(),
        })
    }

    /// Applies typed text; an error sentence leaves the scenario unchanged.
    pub fn apply(&self, s: &mut Scenario, text: &str) -> Result<(), String> {
        const GONE: &str = "this item no longer exists";
        let t = text.trim();
        macro_rules! item {
            ($list:expr, $i:expr) => {
                $list.get_mut($i).ok_or_else(|| GONE.to_string())?
            };
        }
        match *self {
            Name => s.meta.name = text.to_string(),
            Runs => s.meta.runs = u32::try_from(count(t)?).map_err(|_| "too many runs".to_string())?,
            Seed => s.meta.seed = count(t)?,
            Horizon => s.meta.horizon = u32::try_from(count(t)?).map_err(|_| "too long".to_string())?,
            PeriodLabel => s.meta.period_label = t.to_string(),
            Uncertainty => s.meta.parameter_uncertainty = t == "true",
            Cohort => s.market.initial_cohort = count(t)?,
            Inflow => s.market.inflow_per_period = count(t)?,
            MarketSize => s.market.market_size = if t.is_empty() { None } else { Some(count(t)?) },
            External => s.market.external_influence = percent(t)?,
            StageName(i) => item!(s.stages, i).name = text.to_string(),
            StageConversion(i) => item!(s.stages, i).conversion = prob(t)?,
            StagePeriods(i) => item!(s.stages, i).mean_periods = number(t)?,
            StageGoal(i) => item!(s.stages, i).goal = text.to_string(),
            StageTouchpoints(i) => {
                item!(s.stages, i).touchpoints =
                    t.split(',').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
            }
            StageEmotion(i) => item!(s.stages, i).emotion = text.to_string(),
            ChurnKind => {
                let mean = churn_mean(&s.retention.churn);
                s.retention.churn = if t == "heterogeneous" {
                    // Keep the mean, with a moderately spread Beta (alpha + beta = 10).
                    Churn::Heterogeneous { alpha: mean * 10.0, beta: (1.0 - mean) * 10.0 }
                } else {
                    Churn::Fixed { rate: Prob::Point(mean) }
                };
            }
            ChurnRate => s.retention.churn = Churn::Fixed { rate: prob(t)? },
            ChurnAlpha | ChurnBeta => {
                let x = number(t)?;
                match &mut s.retention.churn {
                    Churn::Heterogeneous { alpha, beta } => *(if *self == ChurnAlpha { alpha } else { beta }) = x,
                    Churn::Fixed { .. } => return Err("switch churn to heterogeneous first".into()),
                }
            }
            RepeatPurchase => s.retention.repeat_purchase = prob(t)?,
            Promotion => s.advocacy.promotion = prob(t)?,
            AdvocateChurn => s.advocacy.churn_multiplier = number(t)?,
            Referrals => s.advocacy.referrals_per_period = rate(t)?,
            Acceptance => s.advocacy.acceptance = prob(t)?,
            EntryStage => s.advocacy.entry_stage = count(t)? as usize,
            Delight => s.advocacy.delight_multiplier = number(t)?,
            PainName(i) => item!(s.pain_points, i).name = text.to_string(),
            PainStage(i) => item!(s.pain_points, i).stage = parse_location(t)?,
            PainProbability(i) => item!(s.pain_points, i).probability = prob(t)?,
            PainAbandon(i) => item!(s.pain_points, i).abandon = prob(t)?,
            HappyName(i) => item!(s.happy_moments, i).name = text.to_string(),
            HappyStage(i) => item!(s.happy_moments, i).stage = parse_location(t)?,
            HappyProbability(i) => item!(s.happy_moments, i).probability = prob(t)?,
            HappyRecovers(i) => item!(s.happy_moments, i).recovers = t == "true",
            Tolerance(k) => *item!(s.tolerance.leave_after, k) = percent(t)?,
            PersonaName(i) => item!(s.personas, i).name = text.to_string(),
            PersonaShare(i) => item!(s.personas, i).share = percent(t)?,
            PersonaConversion(i) => item!(s.personas, i).conversion_multiplier = number(t)?,
            PersonaPain(i) => item!(s.personas, i).pain_multiplier = number(t)?,
            PersonaChurn(i) => item!(s.personas, i).churn_multiplier = number(t)?,
            PersonaReferral(i) => item!(s.personas, i).referral_multiplier = number(t)?,
            AcquisitionCost => s.economics.acquisition_cost = number(t)?,
            FirstOrder => s.economics.first_order_value = number(t)?,
            RepeatOrder => s.economics.repeat_order_value = number(t)?,
            Margin => s.economics.gross_margin = percent(t)?,
            Reward => s.economics.referral_reward = number(t)?,
            Discount => s.economics.discount_rate = percent(t)?,
            Currency => s.economics.currency = t.to_string(),
        }
        Ok(())
    }
}

/// Every field the editor shows for this scenario.
pub fn all_fields(s: &Scenario) -> Vec<Field> {
    let mut v = vec![
        Name, Runs, Seed, Horizon, PeriodLabel, Uncertainty, Cohort, Inflow, MarketSize, External, ChurnKind,
        RepeatPurchase, Promotion, AdvocateChurn, Referrals, Acceptance, EntryStage, Delight, AcquisitionCost,
        FirstOrder, RepeatOrder, Margin, Reward, Discount, Currency,
    ];
    match s.retention.churn {
        Churn::Fixed { .. } => v.push(ChurnRate),
        Churn::Heterogeneous { .. } => v.extend([ChurnAlpha, ChurnBeta]),
    }
    for i in 0..s.stages.len() {
        v.extend([StageName(i), StageConversion(i), StagePeriods(i), StageGoal(i), StageTouchpoints(i), StageEmotion(i)]);
    }
    for i in 0..s.pain_points.len() {
        v.extend([PainName(i), PainStage(i), PainProbability(i), PainAbandon(i)]);
    }
    for i in 0..s.happy_moments.len() {
        v.extend([HappyName(i), HappyStage(i), HappyProbability(i), HappyRecovers(i)]);
    }
    v.extend((0..s.tolerance.leave_after.len()).map(Tolerance));
    for i in 0..s.personas.len() {
        v.extend([PersonaName(i), PersonaShare(i), PersonaConversion(i), PersonaPain(i), PersonaChurn(i), PersonaReferral(i)]);
    }
    v
}

/// Mean per-period churn of either churn model.
pub fn churn_mean(c: &Churn) -> f64 {
    match c {
        Churn::Fixed { rate } => rate.central(),
        Churn::Heterogeneous { alpha, beta } => alpha / (alpha + beta),
    }
}

/// A location as the value of a `<select>` option: a stage index, `retention` or `advocacy`.
pub fn location_text(l: Location) -> String {
    match l {
        Location::Funnel(i) => i.to_string(),
        Location::After(AfterPurchase::Retention) => "retention".into(),
        Location::After(AfterPurchase::Advocacy) => "advocacy".into(),
    }
}

fn parse_location(t: &str) -> Result<Location, String> {
    Ok(match t {
        "retention" => Location::After(AfterPurchase::Retention),
        "advocacy" => Location::After(AfterPurchase::Advocacy),
        _ => Location::Funnel(count(t)? as usize),
    })
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
