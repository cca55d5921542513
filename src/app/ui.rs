//! Small building blocks shared by the views: a button and a data table, each one compiled body
//! (yew builds every `html!` tag inline, so a shape written once here costs its code once).

use yew::prelude::*;

use super::charts::Table;

/// A `type="button"` button: what it looks like and says. Empty texts leave their attribute out.
#[derive(Clone, Default)]
pub struct Button {
    /// CSS classes.
    pub class: &'static str,
    /// `data-testid`.
    pub testid: AttrValue,
    /// Tooltip (`title`).
    pub title: AttrValue,
    /// Accessible name when the text is a symbol (`aria-label`).
    pub label: AttrValue,
    /// `aria-pressed`, for toggles.
    pub pressed: Option<bool>,
    /// Disabled.
    pub disabled: bool,
    /// Visible text.
    pub text: AttrValue,
}

/// Some(text) unless it is empty.
fn given(text: &AttrValue) -> Option<AttrValue> {
    (!text.is_empty()).then(|| text.clone())
}

/// A button calling `onclick`.
pub fn button(b: Button, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class={(!b.class.is_empty()).then_some(b.class)} title={given(&b.title)}
            aria-label={given(&b.label)} aria-pressed={b.pressed.map(|p| p.to_string())}
            data-testid={given(&b.testid)} disabled={b.disabled} {onclick}>{b.text}</button>
    }
}

/// A table of figures (`class`, `data-testid`) with its caption and column headers.
pub fn data_table(t: &Table, class: &'static str, testid: String) -> Html {
    html! {
        <table {class} data-testid={testid}>
            <caption>{&t.caption}</caption>
            <thead><tr>{ for t.headers.iter().map(|h| html! { <th scope="col">{h}</th> }) }</tr></thead>
            <tbody>{ for t.rows.iter().map(|r| html! {
                <tr>{ for r.iter().map(|c| html! { <td>{c}</td> }) }</tr>
            }) }</tbody>
        </table>
    }
}
