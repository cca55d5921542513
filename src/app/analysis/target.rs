//! The target-seeking tab: which value of a stage conversion or pain-point probability makes the
//! expected KPI reach a target.

use yew::prelude::*;

use crate::sim::params::ParamId;
use crate::sim::whatif::inputs;
use crate::sim::{Kpi, Scenario};

use super::panel::{kpi_select, AnalysisProps};
use super::protocol::{Kind, Request};
use super::state::{PanelAction, PanelState};

/// Parameter draws for the uncertainty of a target answer.
const TARGET_DRAWS: usize = 300;

/// The inputs target seeking can solve for: stage conversions and pain-point probabilities.
pub fn target_inputs(s: &Scenario) -> Vec<(ParamId, String)> {
    inputs(s)
        .into_iter()
        .filter(|i| matches!(i.id, ParamId::Conversion(_) | ParamId::PainProbability(_)))
        .map(|i| (i.id, i.label))
        .collect()
}

/// The target-seeking tab.
pub fn target_tab(
    state: &UseReducerHandle<PanelState>,
    p: &AnalysisProps,
    base: &Scenario,
    status: impl Fn(Kind, &str, &str, bool, Box<dyn Fn() -> Request>) -> Html,
    job_view: impl Fn(Kind, Kpi) -> Html,
) -> Html {
    let d = state.dispatcher();
    let choices = target_inputs(&p.scenario);
    let index = state.target_input.min(choices.len().saturating_sub(1));
    let target = state
        .target_text
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite());
    let on_input = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(PanelAction::TargetInput(s.value().parse().unwrap_or(0)));
        })
    };
    let on_text = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let s: web_sys::HtmlInputElement = e.target_unchecked_into();
            d.dispatch(PanelAction::TargetText(s.value()));
        })
    };
    let pick = {
        let d = d.clone();
        Callback::from(move |k| d.dispatch(PanelAction::Kpi(Kind::Target, k)))
    };
    let (s, kpi, param) = (
        base.clone(),
        state.target_kpi,
        choices.get(index).map(|c| c.0),
    );
    let ready = target.is_some() && param.is_some();
    let request = Box::new(move || Request::Target {
        scenario: s.clone(),
        param: param.unwrap_or(ParamId::Conversion(0)),
        kpi,
        target: target.unwrap_or(0.0),
        draws: TARGET_DRAWS,
    });
    html! { <>
        <div class="whatif-controls">
            <label for="whatif-target-input">{"Input"}</label>
            <select id="whatif-target-input" data-testid="whatif-target-input" onchange={on_input}>
                { for choices.iter().enumerate().map(|(i, (_, l))| html! { <option value={i.to_string()} selected={i == index}>{l}</option> }) }
            </select>
            <label for="whatif-target-kpi">{"Figure"}</label>{kpi_select("whatif-target-kpi", state.target_kpi, pick)}
            <label for="whatif-target-value">{"Target (expected value)"}</label>
            <input id="whatif-target-value" data-testid="whatif-target-value" type="text" inputmode="decimal" value={state.target_text.clone()} oninput={on_text} />
        </div>
        {status(Kind::Target, "whatif-run-target", "Solve", ready, request)}
        {job_view(Kind::Target, state.target_kpi)}
    </> }
}
