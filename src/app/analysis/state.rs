//! The panel's own state (a `use_reducer` inside [`super::AnalysisPanel`], apart from the app's
//! reducer): the open tab, the variants being edited, the choices of each analysis and its job.

use std::rc::Rc;

use yew::prelude::*;

use crate::sim::validate::validate;
use crate::sim::{Kpi, Scenario};
use std::collections::BTreeMap;

use super::client::Finished;
use super::protocol::{Kind, Reply};

pub use super::fields::{field_value, parse_field, set_field, Field};

/// At most this many variants.
pub const MAX_VARIANTS: usize = 3;
/// Runs per analysis offered (the default is the first: a comparison and a tornado of the default
/// journey then finish in under 3 seconds in the browser).
pub const RUN_CHOICES: [usize; 3] = [500, 1_000, 2_000];

/// The tabs of the panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Baseline against variants.
    Compare,
    /// Tornado and rank correlations.
    Sensitivity,
    /// Pain-point ranking.
    Pain,
    /// Target seeking.
    Target,
}

/// A variant: an edited copy of the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// The scenario.
    pub scenario: Scenario,
    /// Text typed into fields, with its error if it does not parse.
    pub drafts: BTreeMap<Field, (String, Option<String>)>,
    /// What `crate::sim::validate` finds wrong.
    pub problems: Vec<String>,
    /// Named "Variant n" by its place (a duplicate), renumbered when one is removed; otherwise it keeps
    /// the name it came with (a saved scenario or a comparison link).
    pub numbered: bool,
}

impl Variant {
    /// A variant of `scenario`, validated; `name` is kept if given, else it is numbered `n`.
    pub fn new(mut scenario: Scenario, name: Option<String>, n: usize) -> Variant {
        let numbered = name.is_none();
        scenario.meta.name = name.unwrap_or_else(|| format!("Variant {n}"));
        let problems = validate(&scenario).iter().map(|p| p.to_string()).collect();
        Variant {
            scenario,
            drafts: BTreeMap::new(),
            problems,
            numbered,
        }
    }
}

/// One analysis's job and latest result.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Job {
    /// The job running, with its start time (ms).
    pub running: Option<(u64, f64)>,
    /// The latest answer.
    pub result: Option<Rc<Reply>>,
    /// The latest error.
    pub error: Option<String>,
    /// How long the latest answer took, from the request to its arrival (ms).
    pub elapsed_ms: Option<f64>,
    /// How many answers have arrived.
    pub finished: u64,
}

/// The panel's state.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelState {
    /// The open tab.
    pub tab: Tab,
    /// The baseline of comparisons when it is a saved scenario (its name and scenario); `None` for
    /// the current journey.
    pub baseline: Option<Rc<(String, Scenario)>>,
    /// Variants (at most [`MAX_VARIANTS`]).
    pub variants: Vec<Variant>,
    /// KPI of the tornado.
    pub tornado_kpi: Kpi,
    /// KPI of the pain-point ranking.
    pub pain_kpi: Kpi,
    /// Input solved for (index into the target inputs).
    pub target_input: usize,
    /// KPI of the target.
    pub target_kpi: Kpi,
    /// Target value as typed.
    pub target_text: String,
    /// Runs per analysis.
    pub runs: usize,
    /// Jobs, indexed by [`Kind`].
    pub jobs: [Job; 4],
}

impl Default for PanelState {
    fn default() -> Self {
        PanelState {
            tab: Tab::Compare,
            baseline: None,
            variants: Vec::new(),
            tornado_kpi: Kpi::Purchased,
            pain_kpi: Kpi::Purchased,
            target_input: 0,
            target_kpi: Kpi::Purchased,
            target_text: String::new(),
            runs: RUN_CHOICES[0],
            jobs: Default::default(),
        }
    }
}

impl PanelState {
    /// The state with the variants of a comparison link (at most [`MAX_VARIANTS`], names kept).
    pub fn with_variants(linked: &[Scenario]) -> PanelState {
        let variants = linked
            .iter()
            .take(MAX_VARIANTS)
            .enumerate()
            .map(|(i, s)| Variant::new(s.clone(), Some(s.meta.name.clone()), i + 1))
            .collect();
        PanelState {
            variants,
            ..PanelState::default()
        }
    }
}

/// What changes the panel's state.
pub enum PanelAction {
    /// Open a tab.
    Tab(Tab),
    /// Add a copy of this scenario as a variant, with its name (a saved scenario) or numbered (`None`).
    AddVariant(Box<Scenario>, Option<String>),
    /// Compare against a saved scenario (its name and scenario), or the current journey (`None`).
    Baseline(Option<Rc<(String, Scenario)>>),
    /// Remove variant i.
    RemoveVariant(usize),
    /// Type into a field of a variant.
    Edit(usize, Field, String),
    /// Choose the KPI of an analysis.
    Kpi(Kind, Kpi),
    /// Choose runs per analysis.
    Runs(usize),
    /// Choose the input of the target.
    TargetInput(usize),
    /// Type the target value.
    TargetText(String),
    /// A job started at a time (ms).
    Started(Kind, u64, f64),
    /// A job finished at a time (ms).
    Finished(Finished, f64),
    /// A job could not start or was stopped (with a message, if it failed).
    Stopped(Kind, Option<String>),
}

impl Reducible for PanelState {
    type Action = PanelAction;

    fn reduce(self: Rc<Self>, action: PanelAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            PanelAction::Tab(t) => s.tab = t,
            PanelAction::AddVariant(scenario, name) if s.variants.len() < MAX_VARIANTS => {
                let n = s.variants.len() + 1;
                s.variants.push(Variant::new(*scenario, name, n));
            }
            PanelAction::AddVariant(..) => return self,
            PanelAction::Baseline(b) => s.baseline = b,
            PanelAction::RemoveVariant(i) if i < s.variants.len() => {
                s.variants.remove(i);
                for (n, v) in s.variants.iter_mut().enumerate() {
                    if v.numbered {
                        v.scenario.meta.name = format!("Variant {}", n + 1);
                    }
                }
            }
            PanelAction::RemoveVariant(_) => return self,
            PanelAction::Edit(i, field, text) => {
                let Some(v) = s.variants.get_mut(i) else {
                    return self;
                };
                let parsed = parse_field(field, &text);
                if let Ok(x) = parsed {
                    set_field(&mut v.scenario, field, x);
                }
                v.drafts.insert(field, (text, parsed.err()));
                v.problems = validate(&v.scenario)
                    .iter()
                    .map(|p| p.to_string())
                    .collect();
            }
            PanelAction::Kpi(Kind::Tornado, k) => s.tornado_kpi = k,
            PanelAction::Kpi(Kind::Pain, k) => s.pain_kpi = k,
            PanelAction::Kpi(_, k) => s.target_kpi = k,
            PanelAction::Runs(n) => s.runs = n.clamp(1, super::protocol::MAX_RUNS),
            PanelAction::TargetInput(i) => s.target_input = i,
            PanelAction::TargetText(t) => s.target_text = t,
            PanelAction::Started(kind, job, at) => {
                let j = &mut s.jobs[kind as usize];
                j.running = Some((job, at));
                j.error = None;
            }
            PanelAction::Finished(f, now) => {
                let j = &mut s.jobs[f.kind as usize];
                let Some((_, at)) = j.running.filter(|(id, _)| *id == f.job) else {
                    return self;
                };
                j.running = None;
                j.elapsed_ms = Some(now - at);
                match f.result {
                    Ok(r) => {
                        (j.result, j.error) = (Some(Rc::new(r)), None);
                        j.finished += 1;
                    }
                    Err(e) => j.error = Some(e),
                }
            }
            PanelAction::Stopped(kind, message) => {
                let j = &mut s.jobs[kind as usize];
                j.running = None;
                j.error = message;
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::templates::default_scenario;

    #[test]
    fn linked_and_saved_variants_keep_their_names_duplicates_are_numbered() {
        let mut linked = default_scenario();
        linked.meta.name = "From a link".into();
        let s = Rc::new(PanelState::with_variants(
            &(0..5).map(|_| linked.clone()).collect::<Vec<_>>(),
        ));
        assert_eq!(s.variants.len(), MAX_VARIANTS);
        assert!(s
            .variants
            .iter()
            .all(|v| !v.numbered && v.problems.is_empty()));
        let s = Rc::new(PanelState::default());
        let s = s.reduce(PanelAction::AddVariant(Box::new(default_scenario()), None));
        let s = s.reduce(PanelAction::AddVariant(
            Box::new(default_scenario()),
            Some("Saved".into()),
        ));
        let s = s.reduce(PanelAction::AddVariant(Box::new(default_scenario()), None));
        let names = |s: &PanelState| -> Vec<String> {
            s.variants
                .iter()
                .map(|v| v.scenario.meta.name.clone())
                .collect()
        };
        assert_eq!(names(&s), ["Variant 1", "Saved", "Variant 3"]);
        let s = s.reduce(PanelAction::RemoveVariant(0));
        assert_eq!(names(&s), ["Saved", "Variant 2"]);
        let s = s.reduce(PanelAction::Baseline(Some(Rc::new((
            "Saved".into(),
            linked.clone(),
        )))));
        assert_eq!(s.baseline.as_ref().map(|b| b.0.as_str()), Some("Saved"));
        let s = s.reduce(PanelAction::Baseline(None));
        assert!(s.baseline.is_none());
    }
}
