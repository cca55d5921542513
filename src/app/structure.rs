//! Structural edits of a scenario: adding, removing and reordering stages, pain points, happy moments
//! and personas, keeping every stage reference (pain points, happy moments, referral entry) valid.

use crate::sim::{HappyMoment, Location, PainPoint, Persona, Prob, Scenario, Stage};

/// A structural edit.
#[derive(Clone, Debug, PartialEq)]
pub enum Structure {
    /// Append a stage before the purchase stage's successor (at the end of the funnel).
    AddStage,
    /// Remove stage `i` (the last remaining stage stays).
    RemoveStage(usize),
    /// Swap stage `i` with stage `i + 1`.
    SwapStages(usize),
    /// Add a pain point.
    AddPain,
    /// Remove pain point `i`.
    RemovePain(usize),
    /// Add a happy moment.
    AddHappy,
    /// Remove happy moment `i`.
    RemoveHappy(usize),
    /// Add a persona (the first one added splits the cohort 50/50 with "Everyone else").
    AddPersona,
    /// Remove persona `i`.
    RemovePersona(usize),
    /// Add a tolerance level.
    AddTolerance,
    /// Remove the last tolerance level.
    RemoveTolerance,
}

/// Applies an edit; edits that do not fit (bad index) change nothing.
pub fn apply(s: &mut Scenario, edit: &Structure) {
    match *edit {
        Structure::AddStage => {
            let n = s.stages.len();
            s.stages.push(Stage {
                name: format!("Stage {}", n + 1),
                conversion: Prob::Point(0.5),
                mean_periods: 1.0,
                goal: String::new(),
                touchpoints: Vec::new(),
                emotion: String::new(),
            });
        }
        Structure::RemoveStage(i) if i < s.stages.len() && s.stages.len() > 1 => {
            s.stages.remove(i);
            let last = s.stages.len() - 1;
            let fix = |j: usize| if j > i { j - 1 } else { j.min(last) };
            remap(s, fix);
        }
        Structure::SwapStages(i) if i + 1 < s.stages.len() => {
            s.stages.swap(i, i + 1);
            remap(s, |j| {
                if j == i {
                    i + 1
                } else if j == i + 1 {
                    i
                } else {
                    j
                }
            });
        }
        Structure::AddPain => s.pain_points.push(PainPoint {
            name: "New pain point".into(),
            stage: Location::Funnel(0),
            probability: Prob::Point(0.05),
            abandon: Prob::Point(0.0),
        }),
        Structure::RemovePain(i) if i < s.pain_points.len() => {
            s.pain_points.remove(i);
        }
        Structure::AddHappy => s.happy_moments.push(HappyMoment {
            name: "New happy moment".into(),
            stage: Location::Funnel(0),
            probability: Prob::Point(0.05),
            recovers: false,
        }),
        Structure::RemoveHappy(i) if i < s.happy_moments.len() => {
            s.happy_moments.remove(i);
        }
        Structure::AddPersona => {
            if s.personas.is_empty() {
                s.personas.push(persona("Everyone else", 0.5));
                s.personas.push(persona("New persona", 0.5));
            } else {
                s.personas.push(persona("New persona", 0.0));
            }
        }
        Structure::RemovePersona(i) if i < s.personas.len() => {
            s.personas.remove(i);
        }
        Structure::AddTolerance => s.tolerance.leave_after.push(0.0),
        Structure::RemoveTolerance if s.tolerance.leave_after.len() > 1 => {
            s.tolerance.leave_after.pop();
        }
        _ => {}
    }
}

fn persona(name: &str, share: f64) -> Persona {
    Persona {
        name: name.into(),
        share,
        conversion_multiplier: 1.0,
        pain_multiplier: 1.0,
        churn_multiplier: 1.0,
        referral_multiplier: 1.0,
        tolerance: None,
    }
}

fn remap(s: &mut Scenario, fix: impl Fn(usize) -> usize) {
    let loc = |l: &mut Location| {
        if let Location::Funnel(j) = l {
            *j = fix(*j);
        }
    };
    s.pain_points.iter_mut().for_each(|p| loc(&mut p.stage));
    s.happy_moments.iter_mut().for_each(|h| loc(&mut h.stage));
    s.advocacy.entry_stage = fix(s.advocacy.entry_stage);
}
