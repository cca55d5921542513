//! The presentation view (`#present/<scenario>`): large type and high contrast for slides. The arrow
//! keys (or the buttons, or a click) step through the journey stage by stage, then the outcomes.

use std::rc::Rc;

use yew::prelude::*;

use super::super::charts::{format_value, Kind};
use super::super::context::{use_edit, use_run};
use super::super::persist::keys::use_keydown;
use super::super::results::kpis::Kpis;

/// The step shown: 0 is the title, 1..=n reveal stages, n + 1 the outcomes.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
struct Step(usize);

/// Moves through the steps.
enum Move {
    Next(usize),
    Back,
}

impl Reducible for Step {
    type Action = Move;
    fn reduce(self: Rc<Self>, action: Move) -> Rc<Self> {
        Rc::new(match action {
            Move::Next(last) => Step((self.0 + 1).min(last)),
            Move::Back => Step(self.0.saturating_sub(1)),
        })
    }
}

/// The presentation.
#[component]
pub fn PresentView() -> Html {
    let edit = use_edit();
    let run = use_run();
    let (s, r) = (&*edit.state, &*run.state);
    let stages = s.scenario.stages.len();
    let last = stages + 1;
    let step = use_reducer(Step::default);
    {
        let step = step.dispatcher();
        use_keydown(Callback::from(move |e: web_sys::KeyboardEvent| {
            match e.key().as_str() {
                "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Enter" => {
                    step.dispatch(Move::Next(last))
                }
                "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => step.dispatch(Move::Back),
                _ => return false,
            }
            true
        }));
    }
    let at = step.0.min(last);
    let onnext = {
        let step = step.dispatcher();
        Callback::from(move |_: MouseEvent| step.dispatch(Move::Next(last)))
    };
    let onback = {
        let step = step.dispatcher();
        Callback::from(move |_: MouseEvent| step.dispatch(Move::Back))
    };
    let summary = r.shown.as_ref().map(|x| x.summary.clone());
    let currency = s.scenario.economics.currency.clone();
    let cohort = s.scenario.market.initial_cohort as f64;
    let reached = |k: usize| {
        summary
            .as_ref()
            .and_then(|x| x.funnel.get(k))
            .map(|f| f.reached.p50)
    };
    html! {
        <div class="present-view" data-testid="present-view" data-status={r.status.name()} data-step={at.to_string()} data-steps={last.to_string()}>
            <header>
                <h1>{&s.scenario.meta.name}</h1>
                <p class="present-sub">{format!("{} prospects · {} {}s · {} runs",
                    format_value(Kind::Count, cohort, &currency), s.scenario.meta.horizon,
                    s.scenario.meta.period_label, s.scenario.meta.runs)}</p>
            </header>
            <ol class="present-stages">
                { for s.scenario.stages.iter().enumerate().map(|(k, stage)| {
                    let shownow = at > k;
                    let value = reached(k);
                    html! {
                        <li class={classes!("present-stage", shownow.then_some("shown"), (at == k + 1).then_some("current"))}
                            data-testid={format!("present-stage-{k}")} aria-hidden={(!shownow).to_string()}>
                            <span class="stage-name">{&stage.name}</span>
                            <span class="stage-value">{ value.map_or("…".to_string(), |v| format_value(Kind::Count, v, &currency)) }</span>
                            <span class="stage-rate">{ format!("{:.0}% move on", stage.conversion.central() * 100.0) }</span>
                        </li>
                    }
                }) }
            </ol>
            if at == last {
                <section class="present-outcomes" data-testid="present-outcomes">
                    <h2>{"Outcomes"}</h2>
                    { match &r.shown {
                        Some(shown) => html! { <Kpis shown={shown.clone()} /> },
                        None => html! { <p>{"Simulating…"}</p> },
                    } }
                </section>
            }
            <nav class="present-nav">
                <button type="button" data-testid="present-prev" onclick={onback} disabled={at == 0}>{"← Back"}</button>
                <span>{format!("{at} / {last}")}</span>
                <button type="button" data-testid="present-next" onclick={onnext} disabled={at == last}>{"Next →"}</button>
            </nav>
        </div>
    }
}
