//! All UI state in one reducer (as yew's function_todomvc): the scenario being edited, the raw text of
//! fields the planner is typing, validation problems, the run in progress, view choices, the undo
//! history, the library listing and notices. Storage, files and the URL are side effects done by
//! components, which then dispatch actions here ([`Action::LoadScenario`], [`Action::Listed`], …).

use std::rc::Rc;

use yew::Reducible;

use crate::sim::templates::{default_scenario, template};
use crate::sim::{validate, Problem, Scenario, Summary};
use crate::store::{History, LibraryItem};

use super::fields::Field;
use super::structure::{self, Structure};
use crate::sorted_map::SortedMap;

mod types;
pub use types::{Draft, Notice, RunState, Shown, Status, Tone, View};

/// The whole UI state.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The scenario as last successfully edited.
    pub scenario: Scenario,
    /// Template the scenario started from.
    pub template: String,
    /// Raw text of fields being edited.
    pub drafts: SortedMap<Field, Draft>,
    /// Engine validation of `scenario`.
    pub problems: Vec<Problem>,
    /// Increases with every change to the scenario (drives the debounced automatic run).
    pub revision: u64,
    /// Increases with every action that is not about the run (start, progress, summaries): components
    /// that do not show the run read a context keyed on it, so they are not re-rendered during a run.
    pub edits: u64,
    /// The run.
    pub run: RunState,
    /// KPI shown in the histogram.
    pub histogram_kpi: String,
    /// Charts whose table view is open.
    pub tables: Vec<&'static str>,
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

/// Everything that changes the state.
#[derive(Clone, Debug)]
pub enum Action {
    /// The planner typed `text` into a field.
    Set(Field, String),
    /// A structural edit (add, remove, reorder).
    Edit(Structure),
    /// Replace the scenario with a template.
    LoadTemplate(String),
    /// A job was sent to the workers.
    Started { job: u64, total: usize, at_ms: f64 },
    /// Batches done so far.
    Progress { job: u64, done: usize },
    /// A (partial or final) summary arrived.
    Summary {
        job: u64,
        summary: Rc<Summary>,
        now_ms: f64,
    },
    /// The planner stopped the run.
    Cancelled,
    /// The engine failed.
    Failed { job: u64, message: String },
    /// Choose the histogram KPI.
    PickKpi(String),
    /// Show or hide a chart's table.
    ToggleTable(&'static str),
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

impl AppState {
    /// The state for a scenario.
    pub fn new(scenario: Scenario, template: &str) -> Self {
        let scenario_for_history = scenario.clone();
        AppState {
            problems: validate(&scenario),
            scenario,
            template: template.into(),
            drafts: SortedMap::new(),
            revision: 0,
            edits: 0,
            run: RunState {
                job: 0,
                status: Status::Idle,
                done: 0,
                total: 0,
                shown: None,
                started_ms: 0.0,
                elapsed_ms: None,
            },
            histogram_kpi: "purchased".into(),
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

    /// Whether a run is in progress.
    pub fn running(&self) -> bool {
        self.run.status == Status::Running
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
            Some(key) => history.push_coalesced(scenario, &key, super::engine::client::now_ms()),
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

impl Default for AppState {
    fn default() -> Self {
        AppState::new(default_scenario(), "six-stage")
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        if !matches!(
            action,
            Action::Started { .. }
                | Action::Progress { .. }
                | Action::Summary { .. }
                | Action::Cancelled
                | Action::Failed { .. }
        ) {
            s.edits += 1;
        }
        match action {
            Action::Set(field, text) => {
                let error = field.apply(&mut s.scenario, &text).err();
                s.drafts.insert(field, Draft { text, error });
                s.changed();
                s.record(Some(format!("{field:?}")));
            }
            Action::Edit(edit) => {
                structure::apply(&mut s.scenario, &edit);
                s.drafts.clear();
                s.changed();
                s.record(None);
            }
            Action::LoadTemplate(name) => {
                if let Some(scenario) = template(&name) {
                    s.scenario = scenario;
                    s.template = name;
                    s.drafts.clear();
                    s.changed();
                    s.record(None);
                }
            }
            Action::LoadScenario { scenario, notice } => {
                s.scenario = *scenario;
                s.template = String::new();
                s.drafts.clear();
                s.notice = notice;
                s.changed();
                s.record(None);
            }
            Action::Undo if s.history.can_undo() => {
                Rc::make_mut(&mut s.history).undo();
                s.restore();
            }
            Action::Redo if s.history.can_redo() => {
                Rc::make_mut(&mut s.history).redo();
                s.restore();
            }
            Action::Listed(items) => s.library = items,
            Action::Notify(notice) => s.notice = notice,
            Action::Started { job, total, at_ms } => {
                s.run = RunState {
                    job,
                    status: Status::Running,
                    done: 0,
                    total,
                    started_ms: at_ms,
                    elapsed_ms: None,
                    shown: s.run.shown.take(),
                };
            }
            Action::Progress { job, done } if job == s.run.job && s.running() => s.run.done = done,
            Action::Summary {
                job,
                summary,
                now_ms,
            } if job == s.run.job => {
                let version = s.run.shown.as_ref().map_or(1, |x| x.version + 1);
                let complete = summary.runs >= summary.runs_requested;
                s.run.shown = Some(Shown { summary, version });
                if complete && s.running() {
                    s.run.status = Status::Done;
                    s.run.done = s.run.total;
                    s.run.elapsed_ms = Some(now_ms - s.run.started_ms);
                }
            }
            Action::Cancelled if s.running() => s.run.status = Status::Cancelled,
            Action::Failed { job, message } if job == s.run.job => {
                s.run.status = Status::Failed(message)
            }
            Action::PickKpi(k) => s.histogram_kpi = k,
            Action::ToggleTable(id) => {
                if let Some(i) = s.tables.iter().position(|t| *t == id) {
                    s.tables.remove(i);
                } else {
                    s.tables.push(id);
                }
            }
            Action::ToggleProjector => s.projector = !s.projector,
            _ => return self,
        }
        Rc::new(s)
    }
}
