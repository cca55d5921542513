//! Market, economics and simulation settings.

use yew::prelude::*;

use super::super::fields::Field;
use super::super::root::use_app;
use super::field::{Check, Input};
use super::problems::PanelProblems;

/// Market: initial cohort, inflow and market size.
#[component]
pub fn MarketEditor() -> Html {
    let ctx = use_app();
    let period = ctx.state.scenario.meta.period_label.clone();
    html! {
        <div class="items">
            <div class="grid2">
                <Input field={Field::Cohort} label="Initial cohort" unit="people" numeric=true />
                <Input field={Field::Inflow} label={format!("New prospects per {period}")} unit="people" numeric=true />
                <Input field={Field::MarketSize} label="Market size" unit="people" numeric=true placeholder="unlimited"
                    hint="empty = unlimited (exact expected values)" />
                <Input field={Field::External} label={format!("Enter by themselves per {period}")} unit="%" numeric=true
                    hint="of the remaining pool (needs a market size)" />
            </div>
            <PanelProblems prefix="market" />
        </div>
    }
}

/// Economics: costs, order values, margin, reward and discounting.
#[component]
pub fn EconomicsEditor() -> Html {
    let ctx = use_app();
    let cur = ctx.state.scenario.economics.currency.clone();
    let period = ctx.state.scenario.meta.period_label.clone();
    html! {
        <div class="items">
            <div class="grid2">
                <Input field={Field::AcquisitionCost} label="Cost per prospect" unit={cur.clone()} numeric=true />
                <Input field={Field::FirstOrder} label="First order value" unit={cur.clone()} numeric=true />
                <Input field={Field::RepeatOrder} label="Repeat order value" unit={cur.clone()} numeric=true />
                <Input field={Field::Margin} label="Gross margin" unit="%" numeric=true />
                <Input field={Field::Reward} label="Referral reward" unit={cur} numeric=true />
                <Input field={Field::Discount} label={format!("Discount rate per {period}")} unit="%" numeric=true />
                <Input field={Field::Currency} label="Currency" />
            </div>
            <PanelProblems prefix="economics" />
        </div>
    }
}

/// Simulation settings: runs, seed, horizon, period label, parameter uncertainty.
#[component]
pub fn SimulationEditor() -> Html {
    let ctx = use_app();
    let period = ctx.state.scenario.meta.period_label.clone();
    html! {
        <div class="items">
            <div class="grid2">
                <Input field={Field::Name} label="Scenario name" />
                <Input field={Field::Runs} label="Monte Carlo runs" numeric=true />
                <Input field={Field::Seed} label="Seed" numeric=true hint="same seed, same numbers" />
                <Input field={Field::Horizon} label="Horizon" unit={format!("{period}s")} numeric=true />
                <Input field={Field::PeriodLabel} label="Period called" placeholder="week" />
            </div>
            <Check field={Field::Uncertainty} label="Parameter uncertainty (draw ranges and observed counts per run)" />
            <PanelProblems prefix="meta" />
        </div>
    }
}
