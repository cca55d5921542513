//! Building blocks shared by the views, each one compiled body (yew builds every `html!` tag inline, so
//! a shape written once here costs its code once).

use yew::prelude::*;

use super::charts::Table;

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
