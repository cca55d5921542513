//! The panel's own state (a `use_reducer` inside [`super::AnalysisPanel`], apart from the app's
//! reducer): the open tab, the variants being edited, the choices of each analysis and its job.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::sim::scenario::Churn;
use crate::sim::uncertain::{Prob, Rate};
use crate::sim::validate::validate;
use crate::sim::Scenario;

use super::client::Finished;
use super::protocol::{Kind, Reply};

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

/// A key input a variant can change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Conversion of stage k (percent).
    Conversion(usize),
    /// Probability of pain point i (percent).
    Pain(usize),
    /// Fixed churn rate (percent).
    Churn,
    /// Advocacy promotion (percent).
    Promotion,
    /// Referrals per advocate per period (a rate).
    Referrals,
}

impl Field {
    /// Whether the field is typed in percent.
    pub fn percent(self) -> bool {
        self != Field::Referrals
    }
}

/// The central value of `field` in `s` (a fraction for probabilities), if `s` has that input.
pub fn field_value(s: &Scenario, field: Field) -> Option<f64> {
    match field {
        Field::Conversion(k) => s.stages.get(k).map(|st| st.conversion.central()),
        Field::Pain(i) => s.pain_points.get(i).map(|p| p.probability.central()),
        Field::Churn => match &s.retention.churn {
            Churn::Fixed { rate } => Some(rate.central()),
            _ => None,
        },
        Field::Promotion => Some(s.advocacy.promotion.central()),
        Field::Referrals => Some(s.advocacy.referrals_per_period.central()),
    }
}

/// Moves `p` so its central value is `v`: a point becomes `v`, a range is scaled (keeping its width
/// relative to its centre, so the variant keeps its uncertainty and shares its draws).
fn set_prob(p: &mut Prob, v: f64) {
    let c = p.central();
    *p = match p {
        Prob::Range { .. } if c > 0.0 && c.is_finite() => p.scaled(v / c),
        _ => Prob::Point(v),
    };
}

/// Sets `field` of `s` to `v` (a fraction for probabilities).
pub fn set_field(s: &mut Scenario, field: Field, v: f64) {
    match field {
        Field::Conversion(k) => set_prob(&mut s.stages[k].conversion, v),
        Field::Pain(i) => set_prob(&mut s.pain_points[i].probability, v),
        Field::Churn => {
            if let Churn::Fixed { rate } = &mut s.retention.churn {
                set_prob(rate, v)
            }
        }
        Field::Promotion => set_prob(&mut s.advocacy.promotion, v),
        Field::Referrals => {
            let r = &mut s.advocacy.referrals_per_period;
            let c = r.central();
            *r = match *r {
                Rate::Range { low, high } if c > 0.0 && c.is_finite() => Rate::Range {
                    low: low * v / c,
                    high: high * v / c,
                },
                _ => Rate::Point(v),
            };
        }
    }
}

/// Reads a typed number ("62", "62.5", "62,5", "62 %"); percent fields give a fraction.
pub fn parse_field(field: Field, text: &str) -> Result<f64, String> {
    let t = text.trim().trim_end_matches('%').trim().replace(',', ".");
    let v: f64 = t
        .parse()
        .map_err(|_| format!("\"{}\" is not a number", text.trim()))?;
    if field.percent() {
        if !(0.0..=100.0).contains(&v) {
            return Err("a percentage from 0 to 100".into());
        }
        Ok(v / 100.0)
    } else if v >= 0.0 && v.is_finite() {
        Ok(v)
    } else {
        Err("a number of at least 0".into())
    }
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
}

/// The panel's state.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelState {
    /// The open tab.
    pub tab: Tab,
    /// Variants (at most [`MAX_VARIANTS`]).
    pub variants: Vec<Variant>,
    /// KPI of the tornado.
    pub tornado_kpi: String,
    /// KPI of the pain-point ranking.
    pub pain_kpi: String,
    /// Input solved for (index into the target inputs).
    pub target_input: usize,
    /// KPI of the target.
    pub target_kpi: String,
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
            variants: Vec::new(),
            tornado_kpi: "purchased".into(),
            pain_kpi: "purchased".into(),
            target_input: 0,
            target_kpi: "purchased".into(),
            target_text: String::new(),
            runs: RUN_CHOICES[0],
            jobs: Default::default(),
        }
    }
}

/// What changes the panel's state.
pub enum PanelAction {
    /// Open a tab.
    Tab(Tab),
    /// Add a copy of this scenario as a variant.
    AddVariant(Box<Scenario>),
    /// Remove variant i.
    RemoveVariant(usize),
    /// Type into a field of a variant.
    Edit(usize, Field, String),
    /// Choose the KPI of an analysis.
    Kpi(Kind, String),
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
            PanelAction::AddVariant(scenario) if s.variants.len() < MAX_VARIANTS => {
                let mut scenario = *scenario;
                scenario.meta.name = format!("Variant {}", s.variants.len() + 1);
                s.variants.push(Variant {
                    scenario,
                    drafts: BTreeMap::new(),
                    problems: Vec::new(),
                });
            }
            PanelAction::AddVariant(_) => return self,
            PanelAction::RemoveVariant(i) if i < s.variants.len() => {
                s.variants.remove(i);
                for (n, v) in s.variants.iter_mut().enumerate() {
                    v.scenario.meta.name = format!("Variant {}", n + 1);
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
                    Ok(r) => (j.result, j.error) = (Some(Rc::new(r)), None),
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
