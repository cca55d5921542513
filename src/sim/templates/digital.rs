//! The digital touchpoints journey (seed article 003): Awareness, Consideration, Purchase, then
//! Experience and Loyalty — the model's Retention and Advocacy — after purchase.

use super::{euros, funnel, happy, pain, range, stage, weekly_meta, ADVOCACY, RETENTION};
use crate::sim::scenario::{Advocacy, Churn, Market, Retention, Tolerance, SCHEMA_VERSION};
use crate::sim::uncertain::{Prob, Rate};
use crate::sim::{Scenario, Stage};

/// What the template assumes, shown to planners.
const DESCRIPTION: &str = "Digital touchpoints journey of an online shop: Awareness, Consideration \
and Purchase form the funnel. After the first purchase, Experience (automated fulfilment, delivery and \
shipment tracking) is the model's Retention stage and Loyalty (personalised experiences) its Advocacy \
stage. Touchpoints follow the article: tracked campaigns, keywords and phone calls, chatbots and call \
handling on the shopping page. Illustrative weekly numbers over 52 weeks: 20,000 people reached at \
the start and 1,000 more each week, unlimited market. 10–30% of people reached look at the offer \
(90% range), 35% of them decide to buy after about three weeks of comparing, and 50–80% complete the \
purchase — about 4.6% end to end. Churn is 45 of 1,000 customers a week as observed last quarter \
(4.5%); customers buy again 7% a week and become loyal advocates 2.5% a week; advocates churn at half \
the rate and make 0.25 referrals a week, 20% of which go straight to Consideration. Pain points: a \
chatbot that cannot answer and shipment tracking that does not update; happy moments: a delivery \
that arrives as tracked, a call that resolves an issue quickly (cancels one poor experience) and a \
personalised recommendation. Default tolerance (Emplifi/Harris 2021). Money: €2 per prospect, €40 \
first order, €35 repeat order, 45% gross margin, €8 referral reward, 0.1% weekly discount rate.";

/// The funnel with the digital touchpoints named in the article (it gives no goals or emotions).
fn funnel_stages() -> Vec<Stage> {
    vec![
        stage(
            "Awareness",
            range(0.10, 0.30),
            1.0,
            "",
            &["Online campaigns", "Search keywords", "Tracked phone calls"],
            "",
        ),
        stage(
            "Consideration",
            Prob::Point(0.35),
            3.0,
            "",
            &["Personalised content", "Phone enquiry"],
            "",
        ),
        stage(
            "Purchase",
            range(0.50, 0.80),
            1.0,
            "",
            &["Chatbot", "Call handling on the shopping page"],
            "",
        ),
    ]
}

/// The digital template.
pub(super) fn scenario() -> Scenario {
    Scenario {
        schema_version: SCHEMA_VERSION,
        meta: weekly_meta("digital", DESCRIPTION),
        market: Market {
            initial_cohort: 20_000,
            inflow_per_period: 1_000,
            market_size: None,
            external_influence: 0.0,
        },
        stages: funnel_stages(),
        retention: Retention {
            // Observed counts: 45 of 1,000 customers left in a week.
            churn: Churn::Fixed {
                rate: Prob::Observed {
                    observed: 45,
                    of: 1_000,
                },
            },
            repeat_purchase: Prob::Point(0.07),
        },
        advocacy: Advocacy {
            promotion: Prob::Point(0.025),
            churn_multiplier: 0.5,
            referrals_per_period: Rate::Point(0.25),
            acceptance: Prob::Point(0.2),
            entry_stage: 1,
            delight_multiplier: 1.5,
        },
        pain_points: vec![
            pain(
                "Chatbot cannot answer",
                funnel(2),
                Prob::Point(0.06),
                Prob::Point(0.25),
            ),
            pain(
                "Shipment tracking not updating",
                RETENTION,
                Prob::Point(0.05),
                Prob::Point(0.0),
            ),
        ],
        happy_moments: vec![
            happy(
                "Delivery arrives as tracked",
                RETENTION,
                Prob::Point(0.15),
                false,
            ),
            happy(
                "Call resolves an issue quickly",
                RETENTION,
                Prob::Point(0.03),
                true,
            ),
            happy(
                "Personalised recommendation",
                ADVOCACY,
                Prob::Point(0.05),
                false,
            ),
        ],
        tolerance: Tolerance::default(),
        personas: vec![],
        economics: euros(2.0, 40.0, 35.0, 0.45, 8.0),
    }
}
