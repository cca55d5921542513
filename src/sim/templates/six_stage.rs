//! The six-stage journey (seed article 000): Awareness, Interest, Consideration, Purchase, then
//! Retention and Advocacy after purchase.

use super::{euros, funnel, happy, pain, range, stage, weekly_meta, RETENTION};
use crate::sim::scenario::{Advocacy, Churn, Market, Retention, Tolerance, SCHEMA_VERSION};
use crate::sim::uncertain::{Prob, Rate};
use crate::sim::Scenario;

/// What the template assumes, shown to planners.
const DESCRIPTION: &str = "The classic six-stage customer journey: Awareness, Interest, Consideration \
and Purchase form the funnel; Retention and Advocacy follow the first purchase. Illustrative weekly \
numbers for a one-off cohort of 10,000 prospects over 52 weeks (no further inflow, unlimited market): \
25–45% of aware prospects become interested (90% range), 50% of interested ones consider, 30% of those \
considering buy (120 of 400 observed last quarter) and 55–75% complete the purchase, spending 1–2 weeks \
per stage — about 3.4% end to end. Customers churn 3–5% a week, buy again 8% a week and become \
advocates 2% a week; advocates churn at half the rate and make 0.15–0.5 referrals a week (about 0.3), \
of which 25% enter at Interest. Pain points: a confusing pricing page, checkout errors and slow support; \
happy moments: a personal thank-you note and a fast fix by support (which cancels one poor experience), \
each multiplying the chance of becoming an advocate by 1.5. Tolerance follows Emplifi/Harris (2021): \
17% leave after one poor experience, 40% after two, 29% after three, 14% after four or more. Money: \
€1.50 per prospect, €60 first order, €45 repeat order, 40% gross margin, €10 referral reward, 0.1% \
weekly discount rate.";

/// The six-stage template (also the default scenario).
pub(super) fn scenario() -> Scenario {
    Scenario {
        schema_version: SCHEMA_VERSION,
        meta: weekly_meta("six-stage", DESCRIPTION),
        // One cohort, no inflow, unlimited market.
        market: Market {
            initial_cohort: 10_000,
            inflow_per_period: 0,
            market_size: None,
            external_influence: 0.0,
        },
        stages: vec![
            // A 90% range: 25–45% of aware prospects look further.
            stage("Awareness", range(0.25, 0.45), 1.0, "", &[], ""),
            // A point value: half of the interested prospects consider buying.
            stage("Interest", Prob::Point(0.5), 2.0, "", &[], ""),
            // Observed counts: 120 of 400 considering prospects bought (30%).
            stage(
                "Consideration",
                Prob::Observed {
                    observed: 120,
                    of: 400,
                },
                2.0,
                "",
                &[],
                "",
            ),
            // 55–75% of started purchases complete.
            stage("Purchase", range(0.55, 0.75), 1.0, "", &[], ""),
        ],
        retention: Retention {
            // 3–5% of active customers leave each week (mean time as a customer ≈ 25 weeks).
            churn: Churn::Fixed {
                rate: range(0.03, 0.05),
            },
            repeat_purchase: Prob::Point(0.08),
        },
        advocacy: Advocacy {
            promotion: Prob::Point(0.02),
            // Advocates are more loyal: they churn at half the base rate.
            churn_multiplier: 0.5,
            // Log-normal with 90% range 0.15–0.5 referrals a week (mean ≈ 0.29).
            referrals_per_period: Rate::Range {
                low: 0.15,
                high: 0.5,
            },
            acceptance: Prob::Point(0.25),
            // Referred prospects skip Awareness.
            entry_stage: 1,
            delight_multiplier: 1.5,
        },
        pain_points: vec![
            pain(
                "Confusing pricing page",
                funnel(2),
                Prob::Point(0.10),
                Prob::Point(0.2),
            ),
            pain(
                "Checkout errors",
                funnel(3),
                range(0.02, 0.08),
                Prob::Point(0.3),
            ),
            pain(
                "Slow support response",
                RETENTION,
                Prob::Point(0.05),
                Prob::Point(0.0),
            ),
        ],
        happy_moments: vec![
            happy(
                "Personal thank-you note",
                RETENTION,
                Prob::Point(0.05),
                false,
            ),
            happy("Fast fix by support", RETENTION, Prob::Point(0.03), true),
        ],
        // Emplifi/Harris (2021): 17% / 40% / 29% / 14% leave after 1 / 2 / 3 / 4+ poor experiences.
        tolerance: Tolerance::default(),
        // One persona (every multiplier 1).
        personas: vec![],
        economics: euros(1.5, 60.0, 45.0, 0.4, 10.0),
    }
}
