//! Market, economics and simulation settings, each a table of inputs.

use yew::prelude::*;

use super::super::context::EditContext;
use super::super::fields::Field;
use super::field::{check, inputs, Label, Look, Row, Unit, NUM, PCT, TEXT};
use super::problems::panel_problems;

/// A head count.
const PEOPLE: Look = Look {
    unit: Unit::Text("people"),
    ..NUM
};

/// An amount of money.
const MONEY: Look = Look {
    unit: Unit::Currency,
    ..NUM
};

/// Market: initial cohort, inflow and market size.
const MARKET: [Row; 4] = [
    (Field::Cohort, Label::Text("Initial cohort"), PEOPLE),
    (Field::Inflow, Label::PerPeriod("New prospects"), PEOPLE),
    (
        Field::MarketSize,
        Label::Text("Market size"),
        Look {
            placeholder: "unlimited",
            hint: "empty = unlimited (exact expected values)",
            ..PEOPLE
        },
    ),
    (
        Field::External,
        Label::PerPeriod("Enter by themselves"),
        Look {
            hint: "of the remaining pool (needs a market size)",
            ..PCT
        },
    ),
];

/// Economics: costs, order values, margin, reward and discounting.
const ECONOMICS: [Row; 7] = [
    (
        Field::AcquisitionCost,
        Label::Text("Cost per prospect"),
        MONEY,
    ),
    (Field::FirstOrder, Label::Text("First order value"), MONEY),
    (Field::RepeatOrder, Label::Text("Repeat order value"), MONEY),
    (Field::Margin, Label::Text("Gross margin"), PCT),
    (Field::Reward, Label::Text("Referral reward"), MONEY),
    (Field::Discount, Label::PerPeriod("Discount rate"), PCT),
    (Field::Currency, Label::Text("Currency"), TEXT),
];

/// Simulation settings: runs, seed, horizon, period label.
const SIMULATION: [Row; 5] = [
    (Field::Name, Label::Text("Scenario name"), TEXT),
    (Field::Runs, Label::Text("Monte Carlo runs"), NUM),
    (
        Field::Seed,
        Label::Text("Seed"),
        Look {
            hint: "same seed, same numbers",
            ..NUM
        },
    ),
    (
        Field::Horizon,
        Label::Text("Horizon"),
        Look {
            unit: Unit::Periods,
            ..NUM
        },
    ),
    (
        Field::PeriodLabel,
        Label::Text("Period called"),
        Look {
            placeholder: "week",
            ..TEXT
        },
    ),
];

/// A panel of settings: a two-column grid of inputs, then `extra`, then the panel's other problems.
fn settings(ctx: &EditContext, rows: &[Row], extra: Html, prefix: &str) -> Html {
    html! {
        <div class="items">
            <div class="grid2">{inputs(ctx, rows)}</div>
            {extra}
            {panel_problems(ctx, prefix)}
        </div>
    }
}

/// Market: initial cohort, inflow and market size.
pub fn market_editor(ctx: &EditContext) -> Html {
    settings(ctx, &MARKET, Html::default(), "market")
}

/// Economics: costs, order values, margin, reward and discounting.
pub fn economics_editor(ctx: &EditContext) -> Html {
    settings(ctx, &ECONOMICS, Html::default(), "economics")
}

/// Simulation settings: runs, seed, horizon, period label, parameter uncertainty.
pub fn simulation_editor(ctx: &EditContext) -> Html {
    let uncertainty = check(
        ctx,
        Field::Uncertainty,
        "Parameter uncertainty (draw ranges and observed counts per run)",
    );
    settings(ctx, &SIMULATION, uncertainty, "meta")
}
