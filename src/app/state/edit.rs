//! The edit state: the scenario being edited, the raw text of fields the planner is typing, validation
//! problems, the undo history, view choices, the library listing and notices. Nothing about runs is
//! here ([`super::run`]), so components that only read this state are not re-rendered by a run.

use std::rc::Rc;

use yew::Reducible;

use crate::sim::templates::{default_scenario, template};
use crate::sim::{validate, Kpi, Problem, Scenario};
use crate::store::{Chart, History, LibraryItem};
use std::collections::BTreeMap;

use super::super::fields::Field;
use super::super::structure::{self, Structure};
use super::{Notice, View};

/// Text typed into a field, with the reason it could not be read (if any).
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// What the planner typed.
    pub text: String,
    /// Why it is not a valid value, or `None` when it was applied.
    pub error: Option<String>,
}

/// What the planner edits and sees besides the run.
#[derive(Clone, Debug, PartialEq)]
pub struct EditState {
    /// The scenario as last successfully edited.
    pub scenario: Scenario,
    /// Template the scenario started from.
    pub template: String,
    /// Raw text of fields being edited.
    pub drafts: BTreeMap<Field, Draft>,
    /// Engine validation of `scenario`.
    pub problems: Vec<Problem>,
    /// Increases with every change to the scenario (drives the debounced automatic run and autosave).
    pub revision: u64,
    /// KPI shown in the histogram.
    pub histogram_kpi: Kpi,
    /// Charts whose table view is open.
    pub tables: Vec<Chart>,
    /// Projector mode: larger text and high-contrast charts.
    pub projector: bool,
    /// Undo/redo of the scenario (shared until an edit, so actions do not copy it).
    pub history: Rc<History<Scenario>>,
    /// The view the URL fragment asked for.
    pub view: View,
    /// The saved scenarios, as last listed.
    pub library: Vec<LibraryItem>,
    /// Why browser storage cannot be used (then scenarios live in memory only).
    pub storage_note: Option<String>,
    /// The latest message (an opened link or file, a save, a failure).
    pub notice: Option<Notice>,
    /// Variants of a comparison link, loaded into the what-if panel when it starts.
    pub linked_variants: Rc<Vec<Scenario>>,
}

/// Everything that changes the edit state.
#[derive(Clone, Debug)]
pub enum EditAction {
    /// The planner typed `text` into a field.
    Set(Field, String),
    /// A structural edit (add, remove, reorder).
    Edit(Structure),
    /// Replace the scenario with a template.
    LoadTemplate(String),
    /// Choose the histogram KPI.
    PickKpi(Kpi),
    /// Show or hide a chart's table.
    ToggleTable(Chart),
    /// Projector mode on or off.
    ToggleProjector,
    /// Replace the scenario (opened from the library, a file or a link); an undoable step.
    LoadScenario {
        /// The scenario.
        scenario: Box<Scenario>,
        /// What to tell the planner.
        notice: Option<Notice>,
    },
    /// Go back one edit.
    Undo,
    /// Go forward one undone edit.
    Redo,
    /// A fresh library listing.
    Listed(Vec<LibraryItem>),
    /// Show (or, with `None`, dismiss) a notice.
    Notify(Option<Notice>),
}

impl EditState {
    /// The state for a scenario.
    pub fn new(scenario: Scenario, template: &str) -> Self {
        let scenario_for_history = scenario.clone();
        EditState {
            problems: validate(&scenario),
            scenario,
            template: template.into(),
            drafts: BTreeMap::new(),
            revision: 0,
            histogram_kpi: Kpi::Purchased,
            tables: Vec::new(),
            projector: false,
            history: Rc::new(History::new(scenario_for_history)),
            view: View::Editor,
            library: Vec::new(),
            storage_note: None,
            notice: None,
            linked_variants: Rc::default(),
        }
    }

    /// Text to show in a field: what was typed, or the scenario's value.
    pub fn text(&self, f: Field) -> String {
        self.drafts
            .get(&f)
            .map_or_else(|| f.text(&self.scenario), |d| d.text.clone())
    }

    /// Typed text that could not be read.
    pub fn draft_errors(&self) -> impl Iterator<Item = (Field, &str)> {
        self.drafts
            .iter()
            .filter_map(|(f, d)| d.error.as_deref().map(|e| (*f, e)))
    }

    /// Whether the scenario can run: no engine problem and no unreadable text.
    pub fn runnable(&self) -> bool {
        self.problems.is_empty() && self.draft_errors().next().is_none()
    }

    fn changed(&mut self) {
        self.problems = validate(&self.scenario);
        self.revision += 1;
    }

    /// Records the scenario as an undo step (typing in one field within a second is one step).
    fn record(&mut self, group: Option<String>) {
        let scenario = self.scenario.clone();
        let history = Rc::make_mut(&mut self.history);
        match group {
            Some(key) => history.push_coalesced(scenario, &key, super::super::browser::now_ms()),
            None => history.push(scenario),
        };
    }

    /// Shows the history's current scenario (after undo or redo).
    fn restore(&mut self) {
        self.scenario = self.history.current().clone();
        self.drafts.clear();
        self.changed();
    }
}

impl Default for EditState {
    fn default() -> Self {
        EditState::new(default_scenario(), "six-stage")
    }
}

impl Reducible for EditState {
    type Action = EditAction;

    fn reduce(self: Rc<Self>, action: EditAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            EditAction::Set(field, text) => {
                let error = field.apply(&mut s.scenario, &text).err();
                s.drafts.insert(field, Draft { text, error });
                s.changed();
                s.record(Some(format!("{field:?}")));
            }
            EditAction::Edit(edit) => {
                structure::apply(&mut s.scenario, &edit);
                s.drafts.clear();
                s.changed();
                s.record(None);
            }
            EditAction::LoadTemplate(name) => {
                if let Some(scenario) = template(&name) {
                    s.scenario = scenario;
                    s.template = name;
                    s.drafts.clear();
                    s.changed();
                    s.record(None);
                }
            }
            EditAction::LoadScenario { scenario, notice } => {
                s.scenario = *scenario;
                s.template = String::new();
                s.drafts.clear();
                s.notice = notice;
                s.changed();
                s.record(None);
            }
            EditAction::Undo if s.history.can_undo() => {
                Rc::make_mut(&mut s.history).undo();
                s.restore();
            }
            EditAction::Redo if s.history.can_redo() => {
                Rc::make_mut(&mut s.history).redo();
                s.restore();
            }
            EditAction::Listed(items) => s.library = items,
            EditAction::Notify(notice) => s.notice = notice,
            EditAction::PickKpi(k) => s.histogram_kpi = k,
            EditAction::ToggleTable(id) => {
                if let Some(i) = s.tables.iter().position(|t| *t == id) {
                    s.tables.remove(i);
                } else {
                    s.tables.push(id);
                }
            }
            EditAction::ToggleProjector => s.projector = !s.projector,
            _ => return self,
        }
        Rc::new(s)
    }
}
