//! The variant editor: a compact form of the key inputs of each variant, in percent.

use yew::prelude::*;

use crate::sim::scenario::Churn;
use crate::sim::uncertain::fmt_num;
use crate::sim::Scenario;

use super::state::{field_value, Field, PanelAction, PanelState, Variant};

/// The fields a variant of `s` offers, with their labels and test id suffixes.
pub fn fields(s: &Scenario) -> Vec<(Field, String, String)> {
    let mut out = Vec::new();
    for (k, st) in s.stages.iter().enumerate() {
        out.push((
            Field::Conversion(k),
            format!("Conversion: {}", st.name),
            format!("conv-{k}"),
        ));
    }
    for (i, p) in s.pain_points.iter().enumerate() {
        out.push((
            Field::Pain(i),
            format!("Pain: {}", p.name),
            format!("pain-{i}"),
        ));
    }
    if matches!(s.retention.churn, Churn::Fixed { .. }) {
        out.push((Field::Churn, "Churn per period".into(), "churn".into()));
    }
    out.push((
        Field::Promotion,
        "Advocacy promotion".into(),
        "promotion".into(),
    ));
    out.push((
        Field::Referrals,
        "Referrals per advocate per period".into(),
        "referrals".into(),
    ));
    out
}

/// A field's value as shown: percent for probabilities.
pub fn shown(field: Field, v: Option<f64>) -> String {
    match v {
        Some(v) if v.is_finite() && field.percent() => fmt_num((v * 1e4).round() / 100.0),
        Some(v) if v.is_finite() => fmt_num(v),
        _ => String::new(),
    }
}

/// Variant `i`'s form: its fields, with the `baseline`'s values as hints, and its remove button.
pub fn variant_editor(
    i: usize,
    v: &Variant,
    baseline: &Scenario,
    dispatch: &UseReducerDispatcher<PanelState>,
) -> Html {
    let remove = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(PanelAction::RemoveVariant(i)))
    };
    html! {
        <fieldset class="whatif-variant" data-testid={format!("whatif-variant-{i}")}>
            <legend>{&v.scenario.meta.name}</legend>
            <div class="whatif-fields">
            { for fields(&v.scenario).into_iter().map(|(field, label, id)| {
                let (text, error) = v.drafts.get(&field).cloned()
                    .unwrap_or_else(|| (shown(field, field_value(&v.scenario, field)), None));
                let base = shown(field, field_value(baseline, field));
                let unit = if field.percent() { "%" } else { "" };
                let d = dispatch.clone();
                let oninput = Callback::from(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    d.dispatch(PanelAction::Edit(i, field, input.value()));
                });
                let input_id = format!("whatif-v{i}-{id}");
                html! {
                    <div class={classes!("whatif-field", error.is_some().then_some("invalid"))}>
                        <label for={input_id.clone()}>{label}</label>
                        <span class="whatif-input">
                            <input id={input_id.clone()} data-testid={input_id} type="text" inputmode="decimal"
                                value={text} {oninput} aria-invalid={error.is_some().to_string()} />{unit}
                        </span>
                        <small>{ if base.is_empty() { "not in the baseline".to_string() } else { format!("baseline {base}{unit}") } }</small>
                        if let Some(e) = error { <small class="whatif-error" role="alert">{e}</small> }
                    </div>
                }
            }) }
            </div>
            if !v.problems.is_empty() {
                <ul class="whatif-problems" role="alert">{ for v.problems.iter().map(|m| html! { <li>{m}</li> }) }</ul>
            }
            <button type="button" class="ghost" data-testid={format!("whatif-remove-{i}")} onclick={remove}>{"Remove"}</button>
        </fieldset>
    }
}
