//! The e-commerce journey (seed article 002): Awareness, Consideration, Acquisition, then Service and
//! Loyalty — the model's Retention and Advocacy — after purchase. Uses heterogeneous churn, a finite
//! market with word of mouth, and three personas.

use super::{euros, funnel, happy, pain, range, stage, weekly_meta, ADVOCACY, RETENTION};
use crate::sim::scenario::{
    Advocacy, Churn, Market, Persona, Retention, Tolerance, SCHEMA_VERSION,
};
use crate::sim::uncertain::{Prob, Rate};
use crate::sim::{Scenario, Stage};

/// What the template assumes, shown to planners.
const DESCRIPTION: &str = "E-commerce journey of an online shoe store: Awareness, Consideration and \
Acquisition form the funnel. After the first purchase, Service (FAQ, return policies, customer \
service, packaging, return confirmation) is the model's Retention stage and Loyalty (newsletter, \
post-purchase emails, product reviews, vouchers) its Advocacy stage. Illustrative weekly numbers over \
52 weeks: 5,000 prospects at the start, 2,000 a week from search ads, a market of 500,000 of whom \
0.05% a week find the store by themselves. 20–40% of visitors from ads and searches browse the \
products (90% range), 30% of them put something in the cart (many cannot find what they want, \
especially on phones) and 350 of 500 carts were paid for (70%). Churn differs between customers: \
Beta(0.8, 12), about 6% a week at first and falling as the loyal ones remain. Customers buy again 6% \
a week and join the loyalty stage 2% a week; loyal customers churn at half the rate and make 0.1–0.4 \
referrals a week, 30% of which go straight to Consideration. Personas: bargain hunters (50%, convert \
less, churn more, leave after fewer poor experiences), loyal regulars (30%) and gift shoppers (20%). \
Money: €1.20 per prospect, €70 first order, €60 repeat order, 35% gross margin, €5 referral \
reward, 0.1% weekly discount rate.";

/// The funnel with the article's touchpoints (it gives no goals or emotions beyond these).
fn funnel_stages() -> Vec<Stage> {
    vec![
        stage(
            "Awareness",
            range(0.20, 0.40),
            1.0,
            "Discover the store and the products it offers",
            &[
                "Search engine",
                "Advertisements",
                "Blogs",
                "Banners",
                "Circulars",
            ],
            "",
        ),
        stage(
            "Consideration",
            Prob::Point(0.3),
            2.0,
            "Compare particular products that could be bought",
            &["Entry page", "Product page", "Category filters"],
            "",
        ),
        stage(
            "Acquisition",
            // 350 of 500 carts were paid for.
            Prob::Observed {
                observed: 350,
                of: 500,
            },
            1.0,
            "Add to cart, check out and pay",
            &[
                "Shopping cart",
                "Payment processor",
                "Checkout page",
                "Thank-you page",
                "Order confirmation",
                "Tracking information",
            ],
            "",
        ),
    ]
}

/// A persona with its multipliers (conversion, pain, churn, referrals) and optional own tolerance.
fn persona(name: &str, share: f64, m: [f64; 4], tolerance: Option<Tolerance>) -> Persona {
    Persona {
        name: name.to_string(),
        share,
        conversion_multiplier: m[0],
        pain_multiplier: m[1],
        churn_multiplier: m[2],
        referral_multiplier: m[3],
        tolerance,
    }
}

/// Bargain hunters, loyal regulars and gift shoppers (shares 50% / 30% / 20%).
fn personas() -> Vec<Persona> {
    // Bargain hunters leave sooner: 30% / 40% / 20% / 10% after 1 / 2 / 3 / 4+ poor experiences.
    let impatient = Tolerance {
        leave_after: vec![0.3, 0.4, 0.2, 0.1],
    };
    vec![
        persona("Bargain hunter", 0.5, [0.8, 1.2, 1.5, 0.7], Some(impatient)),
        persona("Loyal regular", 0.3, [1.3, 0.8, 0.5, 1.5], None),
        persona("Gift shopper", 0.2, [1.0, 1.0, 2.0, 0.5], None),
    ]
}

/// The e-commerce template.
pub(super) fn scenario() -> Scenario {
    Scenario {
        schema_version: SCHEMA_VERSION,
        meta: weekly_meta("e-commerce", DESCRIPTION),
        // Bass diffusion: 0.05% of the remaining pool arrive by themselves each week.
        market: Market {
            initial_cohort: 5_000,
            inflow_per_period: 2_000,
            market_size: Some(500_000),
            external_influence: 0.0005,
        },
        stages: funnel_stages(),
        retention: Retention {
            // Shifted-beta-geometric churn: mean 0.8 / 12.8 ≈ 6% a week at purchase.
            churn: Churn::Heterogeneous {
                alpha: 0.8,
                beta: 12.0,
            },
            repeat_purchase: Prob::Point(0.06),
        },
        advocacy: Advocacy {
            promotion: Prob::Point(0.02),
            churn_multiplier: 0.5,
            referrals_per_period: Rate::Range {
                low: 0.1,
                high: 0.4,
            },
            acceptance: Prob::Point(0.3),
            entry_stage: 1,
            delight_multiplier: 1.4,
        },
        pain_points: vec![
            pain(
                "Products hard to find on mobile",
                funnel(1),
                range(0.05, 0.15),
                Prob::Point(0.3),
            ),
            pain(
                "Payment failure",
                funnel(2),
                Prob::Point(0.03),
                Prob::Point(0.5),
            ),
            pain(
                "Confusing return process",
                RETENTION,
                Prob::Point(0.04),
                Prob::Point(0.1),
            ),
        ],
        happy_moments: vec![
            happy(
                "Hassle-free return with friendly support",
                RETENTION,
                Prob::Point(0.03),
                true,
            ),
            happy(
                "Voucher for the next purchase",
                ADVOCACY,
                Prob::Point(0.05),
                false,
            ),
        ],
        tolerance: Tolerance::default(),
        personas: personas(),
        economics: euros(1.2, 70.0, 60.0, 0.35, 5.0),
    }
}
