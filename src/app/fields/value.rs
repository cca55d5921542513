//! Reading a field's value as text and applying typed text to the scenario.

use crate::sim::uncertain::fmt_num;
use crate::sim::{AfterPurchase, Churn, Location, Prob, Scenario};

use super::super::parse::{count, number, pct_text, percent, prob, prob_text, rate, rate_text};
use super::Field::{self, *};

impl Field {
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
            MarketSize => s
                .market
                .market_size
                .map(|m| m.to_string())
                .unwrap_or_default(),
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
                Churn::Heterogeneous { alpha, beta } => {
                    fmt_num(if *self == ChurnAlpha { alpha } else { beta })
                }
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
            Runs => {
                s.meta.runs = u32::try_from(count(t)?).map_err(|_| "too many runs".to_string())?
            }
            Seed => s.meta.seed = count(t)?,
            Horizon => {
                s.meta.horizon = u32::try_from(count(t)?).map_err(|_| "too long".to_string())?
            }
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
                item!(s.stages, i).touchpoints = t
                    .split(',')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(String::from)
                    .collect()
            }
            StageEmotion(i) => item!(s.stages, i).emotion = text.to_string(),
            ChurnKind => {
                let mean = churn_mean(&s.retention.churn);
                s.retention.churn = if t == "heterogeneous" {
                    // Keep the mean, with a moderately spread Beta (alpha + beta = 10).
                    Churn::Heterogeneous {
                        alpha: mean * 10.0,
                        beta: (1.0 - mean) * 10.0,
                    }
                } else {
                    Churn::Fixed {
                        rate: Prob::Point(mean),
                    }
                };
            }
            ChurnRate => s.retention.churn = Churn::Fixed { rate: prob(t)? },
            ChurnAlpha | ChurnBeta => {
                let x = number(t)?;
                match &mut s.retention.churn {
                    Churn::Heterogeneous { alpha, beta } => {
                        *(if *self == ChurnAlpha { alpha } else { beta }) = x
                    }
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
