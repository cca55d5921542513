//! The five-stage journey with goals, touchpoints and emotions (seed article 004), filled in with the
//! article's online clothing store example: Awareness, Consideration, Decision, then Retention and
//! Advocacy after purchase.

use super::{euros, funnel, happy, pain, range, stage, weekly_meta, ADVOCACY, RETENTION};
use crate::sim::scenario::{Advocacy, Churn, Market, Retention, Tolerance, SCHEMA_VERSION};
use crate::sim::uncertain::{Prob, Rate};
use crate::sim::{Scenario, Stage};

/// What the template assumes, shown to planners.
const DESCRIPTION: &str = "Five-stage journey of an online clothing store: Awareness, Consideration \
and Decision form the funnel; Retention (order confirmation email, delivery tracking, social media; \
satisfaction, disappointment, contentment) and Advocacy (social media, referral program; loyalty, \
satisfaction, pride) follow the first purchase. Illustrative weekly numbers over 52 weeks: 10,000 \
prospects at the start and 500 more each week from ads, unlimited market. 15–35% of people who see an \
ad visit the store (90% range), 40% of visitors put items in the cart, and 180 of 300 carts were \
checked out last month (60%) — about 6% end to end. Customers churn 2–6% a week, buy again 5% a \
week and become advocates 3% a week; advocates churn at 0.6 times the base rate and make 0.2 \
referrals a week, 20% of which (with a referral discount) go straight to Consideration. Pain points: a \
complicated checkout and clothes that don't fit; happy moments: a personalized thank-you email, live \
chat sorting out an exchange (cancels one poor experience) and the store sharing the customer's \
outfit post. Default tolerance (Emplifi/Harris 2021). Money: €0.80 per prospect, €55 first order, \
€45 repeat order, 50% gross margin, €10 referral reward, 0.1% weekly discount rate.";

/// The funnel with the article's goals and emotions and the clothing store's touchpoints.
fn funnel_stages() -> Vec<Stage> {
    vec![
        stage(
            "Awareness",
            range(0.15, 0.35),
            1.0,
            "The customer becomes aware of a need or problem and starts looking for solutions.",
            &["Facebook ad", "Instagram post", "Fashion blog"],
            "Curiosity, interest",
        ),
        stage(
            "Consideration",
            Prob::Point(0.4),
            2.0,
            "The customer actively researches and evaluates different options.",
            &["Website", "Review sections", "Email newsletters"],
            "Interest, evaluation, comparison",
        ),
        stage(
            "Decision",
            // 180 of 300 carts were checked out.
            Prob::Observed {
                observed: 180,
                of: 300,
            },
            1.0,
            "The customer decides on a specific product or service and makes a purchase.",
            &["Shopping cart", "Checkout page", "Customer service chat"],
            "Excitement, anxiety, confidence",
        ),
    ]
}

/// The five-stage template.
pub(super) fn scenario() -> Scenario {
    Scenario {
        schema_version: SCHEMA_VERSION,
        meta: weekly_meta("five-stage", DESCRIPTION),
        // A starting cohort plus 500 prospects a week from running ads.
        market: Market {
            initial_cohort: 10_000,
            inflow_per_period: 500,
            market_size: None,
            external_influence: 0.0,
        },
        stages: funnel_stages(),
        retention: Retention {
            churn: Churn::Fixed {
                rate: range(0.02, 0.06),
            },
            // Clothes are bought again every few months: 5% a week.
            repeat_purchase: Prob::Point(0.05),
        },
        advocacy: Advocacy {
            promotion: Prob::Point(0.03),
            churn_multiplier: 0.6,
            referrals_per_period: Rate::Point(0.2),
            acceptance: Prob::Point(0.2),
            // A friend's post leads straight to the store.
            entry_stage: 1,
            delight_multiplier: 1.5,
        },
        pain_points: vec![
            pain(
                "Complicated checkout",
                funnel(2),
                Prob::Point(0.08),
                Prob::Point(0.4),
            ),
            pain(
                "Clothes don't fit",
                RETENTION,
                range(0.03, 0.10),
                Prob::Point(0.0),
            ),
        ],
        happy_moments: vec![
            happy(
                "Personalized thank-you email",
                RETENTION,
                Prob::Point(0.10),
                false,
            ),
            happy(
                "Live chat sorts out an exchange",
                RETENTION,
                Prob::Point(0.04),
                true,
            ),
            happy(
                "Store shares the customer's outfit post",
                ADVOCACY,
                Prob::Point(0.05),
                false,
            ),
        ],
        tolerance: Tolerance::default(),
        personas: vec![],
        economics: euros(0.8, 55.0, 45.0, 0.5, 10.0),
    }
}
