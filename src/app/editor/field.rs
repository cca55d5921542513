//! Labelled inputs bound to a [`Field`]: text, select and checkbox, each showing the reason its typed
//! text is unreadable or the engine's problems for its path right below it.

use yew::prelude::*;

use super::super::fields::Field;
use super::super::root::use_app;
use super::super::state::Action;

/// Properties of [`Input`].
#[derive(Properties, PartialEq)]
pub struct InputProps {
    /// The value edited.
    pub field: Field,
    /// Visible (or screen-reader) label.
    pub label: AttrValue,
    /// Unit shown after the input ("%", "weeks", "€").
    #[prop_or_default]
    pub unit: AttrValue,
    /// Help shown below the input.
    #[prop_or_default]
    pub hint: AttrValue,
    /// Placeholder text.
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Keep the label for screen readers only (inside tables with column headers).
    #[prop_or_default]
    pub compact: bool,
    /// Numeric keyboard on phones.
    #[prop_or_default]
    pub numeric: bool,
}

/// Why a field is wrong: unreadable typed text first, else the engine's problems for its path.
#[hook]
pub fn use_field_messages(field: Field) -> Vec<String> {
    let ctx = use_app();
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

/// A text input for a field.
#[component]
pub fn Input(props: &InputProps) -> Html {
    let ctx = use_app();
    let messages = use_field_messages(props.field);
    let field = props.field;
    let id = field.test_id();
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            ctx.dispatch(Action::Set(field, input.value()));
        })
    };
    let err_id = format!("{id}-msg");
    let invalid = !messages.is_empty();
    html! {
        <div class={classes!("field", props.compact.then_some("compact"), invalid.then_some("invalid"))}>
            <label for={id.clone()} class={classes!(props.compact.then_some("sr-only"))}>{&props.label}</label>
            <div class="control">
                <input id={id.clone()} data-testid={id} type="text" value={ctx.state.text(field)}
                    inputmode={props.numeric.then_some("decimal")} placeholder={props.placeholder.clone()}
                    aria-invalid={invalid.to_string()} aria-describedby={invalid.then(|| err_id.clone())}
                    {oninput} />
                if !props.unit.is_empty() { <span class="unit" aria-hidden="true">{&props.unit}</span> }
            </div>
            if !props.hint.is_empty() && !invalid { <p class="hint">{&props.hint}</p> }
            <Messages id={err_id} {messages} />
        </div>
    }
}

/// Properties of [`Messages`].
#[derive(Properties, PartialEq)]
pub struct MessagesProps {
    /// Element id (referenced by `aria-describedby`).
    pub id: String,
    /// The messages.
    pub messages: Vec<String>,
}

/// Problem messages under a field.
#[component]
pub fn Messages(props: &MessagesProps) -> Html {
    if props.messages.is_empty() {
        return html! {};
    }
    html! {
        <ul class="field-problems" id={props.id.clone()}>
            { for props.messages.iter().map(|m| html! { <li>{m}</li> }) }
        </ul>
    }
}

/// Properties of [`Select`].
#[derive(Properties, PartialEq)]
pub struct SelectProps {
    /// The value edited.
    pub field: Field,
    /// Label.
    pub label: AttrValue,
    /// (value, text) of each option.
    pub options: Vec<(String, String)>,
    /// Keep the label for screen readers only.
    #[prop_or_default]
    pub compact: bool,
}

/// A drop-down for a field.
#[component]
pub fn Select(props: &SelectProps) -> Html {
    let ctx = use_app();
    let messages = use_field_messages(props.field);
    let field = props.field;
    let id = field.test_id();
    let current = ctx.state.text(field);
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            ctx.dispatch(Action::Set(field, select.value()));
        })
    };
    html! {
        <div class={classes!("field", props.compact.then_some("compact"))}>
            <label for={id.clone()} class={classes!(props.compact.then_some("sr-only"))}>{&props.label}</label>
            <select id={id.clone()} data-testid={id.clone()} {onchange}>
                { for props.options.iter().map(|(v, t)| html! {
                    <option value={v.clone()} selected={*v == current}>{t}</option>
                }) }
            </select>
            <Messages id={format!("{id}-msg")} {messages} />
        </div>
    }
}

/// Properties of [`Check`].
#[derive(Properties, PartialEq)]
pub struct CheckProps {
    /// The value edited ("true" / "false").
    pub field: Field,
    /// Label.
    pub label: AttrValue,
}

/// A checkbox for a yes/no field.
#[component]
pub fn Check(props: &CheckProps) -> Html {
    let ctx = use_app();
    let field = props.field;
    let id = field.test_id();
    let checked = ctx.state.text(field) == "true";
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            ctx.dispatch(Action::Set(field, input.checked().to_string()));
        })
    };
    html! {
        <div class="field check">
            <input type="checkbox" id={id.clone()} data-testid={id.clone()} {checked} {onchange} />
            <label for={id}>{&props.label}</label>
        </div>
    }
}
