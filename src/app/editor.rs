//! The journey editor: the stages table and one collapsible panel per part of the scenario, with the list
//! of problems on top: plain functions of the edit context, drawn by the [`Editor`] component (which reads
//! only that context, so runs do not re-render it).

pub mod after;
pub mod buttons;
pub mod field;
pub mod moments;
pub mod personas;
pub mod problems;
pub mod settings;
pub mod stages;

use yew::prelude::*;

use super::context::{use_edit, EditContext};
use super::persist::library::LibraryPanel;

use after::{advocacy_editor, retention_editor};
use moments::{happy_moments, pain_points};
use personas::{personas, tolerance_editor};
use problems::problem_list;
use settings::{economics_editor, market_editor, simulation_editor};
use stages::stages;

/// An editor panel: heading, stable id (test id `panel-<id>`), open at start, content.
type PanelRow = (&'static str, &'static str, bool, fn(&EditContext) -> Html);

/// The editor's panels.
const PANELS: [PanelRow; 10] = [
    ("Journey stages", "stages", true, stages),
    ("Pain points", "pain", false, pain_points),
    ("Happy moments", "happy", false, happy_moments),
    ("Retention", "retention", true, retention_editor),
    ("Advocacy & referrals", "advocacy", false, advocacy_editor),
    ("Personas", "personas", false, personas),
    (
        "Tolerance of poor experiences",
        "tolerance",
        false,
        tolerance_editor,
    ),
    ("Market", "market", false, market_editor),
    ("Economics", "economics", false, economics_editor),
    ("Simulation", "simulation", true, simulation_editor),
];

/// The whole editor: each panel a `<details>` (keyboard and screen-reader friendly without script).
#[component]
pub fn Editor() -> Html {
    let ctx = use_edit();
    html! {
        <div class="editor-inner">
            <LibraryPanel />
            {problem_list(&ctx)}
            { for PANELS.iter().map(|(title, id, open, body)| html! {
                <details class="panel" open={*open} data-testid={format!("panel-{id}")}>
                    <summary><h2>{*title}</h2></summary>
                    <div class="panel-body">{body(&ctx)}</div>
                </details>
            }) }
        </div>
    }
}
