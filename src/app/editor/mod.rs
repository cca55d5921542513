//! The journey editor: the stages table and one collapsible panel per part of the scenario, with the list
//! of problems on top.

pub mod after;
pub mod field;
pub mod moments;
pub mod personas;
pub mod problems;
pub mod settings;
pub mod stages;

use yew::prelude::*;

use super::persist::library::LibraryPanel;

use after::{AdvocacyEditor, RetentionEditor};
use moments::{HappyMoments, PainPoints};
use personas::{Personas, ToleranceEditor};
use problems::ProblemList;
use settings::{EconomicsEditor, MarketEditor, SimulationEditor};
use stages::Stages;

/// Properties of [`Panel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// Heading.
    pub title: AttrValue,
    /// Stable id (test id `panel-<id>`).
    pub id: AttrValue,
    /// Open at start.
    #[prop_or_default]
    pub open: bool,
    /// Content.
    pub children: Html,
}

/// A collapsible editor panel (`<details>`: keyboard and screen-reader friendly without script).
#[component]
pub fn Panel(props: &PanelProps) -> Html {
    html! {
        <details class="panel" open={props.open} data-testid={format!("panel-{}", props.id)}>
            <summary><h2>{&props.title}</h2></summary>
            <div class="panel-body">{props.children.clone()}</div>
        </details>
    }
}

/// The whole editor.
#[component]
pub fn Editor() -> Html {
    html! {
        <div class="editor-inner">
            <LibraryPanel />
            <ProblemList />
            <Panel title="Journey stages" id="stages" open=true><Stages /></Panel>
            <Panel title="Pain points" id="pain"><PainPoints /></Panel>
            <Panel title="Happy moments" id="happy"><HappyMoments /></Panel>
            <Panel title="Retention" id="retention" open=true><RetentionEditor /></Panel>
            <Panel title="Advocacy & referrals" id="advocacy"><AdvocacyEditor /></Panel>
            <Panel title="Personas" id="personas"><Personas /></Panel>
            <Panel title="Tolerance of poor experiences" id="tolerance"><ToleranceEditor /></Panel>
            <Panel title="Market" id="market"><MarketEditor /></Panel>
            <Panel title="Economics" id="economics"><EconomicsEditor /></Panel>
            <Panel title="Simulation" id="simulation" open=true><SimulationEditor /></Panel>
        </div>
    }
}
