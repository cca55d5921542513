//! Labelled inputs bound to a [`Field`]: text, select and checkbox, each showing the reason its typed
//! text is unreadable or the engine's problems for its path right below it. They are plain functions
//! (one compiled body each, not one component per input): every editor panel describes its inputs as
//! data ([`Label`], [`Look`]) and renders them through [`input`] or [`inputs`].

use yew::prelude::*;

use crate::sim::{Churn, Prob, Scenario};

use super::super::context::EditContext;
use super::super::fields::Field;
use super::super::parse::prob_hint;
use super::super::state::EditAction;

/// Placeholder showing the three ways to enter a probability.
pub const PROB_PLACEHOLDER: &str = "40 · 30–50 · 12 of 40";

/// The unit shown after an input.
#[derive(Clone, Copy, PartialEq)]
pub enum Unit {
    /// No unit.
    None,
    /// This text ("%", "people").
    Text(&'static str),
    /// The scenario's currency.
    Currency,
    /// The scenario's period, plural ("weeks").
    Periods,
}

/// A label: fixed, or naming the scenario's period ("Churn per week").
#[derive(Clone, Copy, PartialEq)]
pub enum Label {
    /// This text.
    Text(&'static str),
    /// This text, then " per <period>".
    PerPeriod(&'static str),
}

/// How an input looks besides its label.
#[derive(Clone, Copy, PartialEq)]
pub struct Look {
    /// Unit after the input.
    pub unit: Unit,
    /// Help below the input (a probability's 90% range or observed mean replaces it, see [`input`]).
    pub hint: &'static str,
    /// Placeholder text.
    pub placeholder: &'static str,
    /// Numeric keyboard on phones.
    pub numeric: bool,
    /// Keep the label for screen readers only (inside tables with column headers).
    pub compact: bool,
}

/// A plain text input.
pub const TEXT: Look = Look {
    unit: Unit::None,
    hint: "",
    placeholder: "",
    numeric: false,
    compact: false,
};

/// A number.
pub const NUM: Look = Look {
    numeric: true,
    ..TEXT
};

/// A number in percent.
pub const PCT: Look = Look {
    unit: Unit::Text("%"),
    ..NUM
};

/// A probability (point, 90% range or observed counts), in percent.
pub const PROB: Look = Look {
    unit: Unit::Text("%"),
    placeholder: PROB_PLACEHOLDER,
    ..TEXT
};

/// One input of a panel: the field, its label and its look.
pub type Row = (Field, Label, Look);

/// The probability whose 90% range or observed mean is shown below a field's input, if any.
fn hinted_prob(field: Field, s: &Scenario) -> Option<&Prob> {
    match field {
        Field::StageConversion(i) => s.stages.get(i).map(|st| &st.conversion),
        Field::ChurnRate => match &s.retention.churn {
            Churn::Fixed { rate } => Some(rate),
            Churn::Heterogeneous { .. } => None,
        },
        Field::RepeatPurchase => Some(&s.retention.repeat_purchase),
        Field::Promotion => Some(&s.advocacy.promotion),
        Field::Acceptance => Some(&s.advocacy.acceptance),
        _ => None,
    }
}

/// The text of a label for the current scenario.
pub fn label_text(ctx: &EditContext, label: Label) -> String {
    match label {
        Label::Text(t) => t.to_string(),
        Label::PerPeriod(t) => format!("{t} per {}", ctx.state.scenario.meta.period_label),
    }
}

/// Why a field is wrong: unreadable typed text first, else the engine's problems for its path.
pub fn field_messages(ctx: &EditContext, field: Field) -> Vec<String> {
    let s = &ctx.state;
    if let Some(err) = s.drafts.get(&field).and_then(|d| d.error.clone()) {
        return vec![err];
    }
    s.problems
        .iter()
        .filter(|p| field.concerns(&p.path))
        .map(|p| p.message.clone())
        .collect()
}

/// Each row of a panel as an [`input`].
pub fn inputs(ctx: &EditContext, rows: &[Row]) -> Html {
    rows.iter()
        .map(|(field, label, look)| input(ctx, *field, label_text(ctx, *label), look))
        .collect()
}

/// A text input for a field.
pub fn input(ctx: &EditContext, field: Field, label: String, look: &Look) -> Html {
    let messages = field_messages(ctx, field);
    let id = field.test_id();
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            ctx.dispatch(EditAction::Set(field, input.value()));
        })
    };
    let s = &ctx.state.scenario;
    let unit = match look.unit {
        Unit::None => String::new(),
        Unit::Text(t) => t.to_string(),
        Unit::Currency => s.economics.currency.clone(),
        Unit::Periods => format!("{}s", s.meta.period_label),
    };
    let hint = hinted_prob(field, s).map_or_else(|| look.hint.to_string(), prob_hint);
    let err_id = format!("{id}-msg");
    let invalid = !messages.is_empty();
    let compact = look.compact;
    html! {
        <div class={classes!("field", compact.then_some("compact"), invalid.then_some("invalid"))}>
            <label for={id.clone()} class={classes!(compact.then_some("sr-only"))}>{label}</label>
            <div class="control">
                <input id={id.clone()} data-testid={id} type="text" value={ctx.state.text(field)}
                    inputmode={look.numeric.then_some("decimal")} placeholder={look.placeholder}
                    aria-invalid={invalid.to_string()} aria-describedby={invalid.then(|| err_id.clone())}
                    {oninput} />
                if !unit.is_empty() { <span class="unit" aria-hidden="true">{unit}</span> }
            </div>
            if !hint.is_empty() && !invalid { <p class="hint">{hint}</p> }
            {messages_list(err_id, &messages)}
        </div>
    }
}

/// Problem messages under a field (nothing when there are none).
pub fn messages_list(id: String, messages: &[String]) -> Html {
    if messages.is_empty() {
        return html! {};
    }
    html! {
        <ul class="field-problems" id={id}>
            { for messages.iter().map(|m| html! { <li>{m}</li> }) }
        </ul>
    }
}

/// A drop-down for a field: (value, text) of each option.
pub fn select(
    ctx: &EditContext,
    field: Field,
    label: &'static str,
    options: &[(String, String)],
) -> Html {
    let messages = field_messages(ctx, field);
    let id = field.test_id();
    let current = ctx.state.text(field);
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            ctx.dispatch(EditAction::Set(field, select.value()));
        })
    };
    html! {
        <div class="field">
            <label for={id.clone()}>{label}</label>
            <select id={id.clone()} data-testid={id.clone()} {onchange}>
                { for options.iter().map(|(v, t)| html! {
                    <option value={v.clone()} selected={*v == current}>{t}</option>
                }) }
            </select>
            {messages_list(format!("{id}-msg"), &messages)}
        </div>
    }
}

/// A checkbox for a yes/no field ("true" / "false").
pub fn check(ctx: &EditContext, field: Field, label: &'static str) -> Html {
    let id = field.test_id();
    let checked = ctx.state.text(field) == "true";
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            ctx.dispatch(EditAction::Set(field, input.checked().to_string()));
        })
    };
    html! {
        <div class="field check">
            <input type="checkbox" id={id.clone()} data-testid={id.clone()} {checked} {onchange} />
            <label for={id}>{label}</label>
        </div>
    }
}
