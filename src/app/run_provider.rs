//! The run side of the app: owns the run reducer and the engine workers that report to it, gives both
//! to the components below as the [`RunContext`], and re-runs the scenario [`RERUN_DELAY_MS`] after its
//! last change (when it is valid), so the results on screen belong to the scenario being edited.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::context::{use_edit, RunContext};
use super::engine::use_engine;
use super::state::RunState;

/// Delay between the last edit and the automatic re-run: short, so the first partial result is drawn
/// within 250 ms of an edit (README, Performance); a newer edit supersedes a run already started.
pub const RERUN_DELAY_MS: u32 = 100;

/// Properties of [`RunProvider`].
#[derive(Properties, PartialEq)]
pub struct RunProviderProps {
    /// Whether to run the engine in web workers (off in component tests).
    pub workers: bool,
    /// The views, which read the [`RunContext`].
    #[prop_or_default]
    pub children: Html,
}

/// Gives its children the [`RunContext`]; a run re-renders only the components that read it.
#[component]
pub fn RunProvider(props: &RunProviderProps) -> Html {
    let edit = use_edit();
    let state = use_reducer(RunState::default);
    let engine = use_engine(state.dispatcher(), props.workers);
    let ctx = RunContext { state, engine };
    {
        let (ctx, edit) = (ctx.clone(), edit.state.clone());
        use_effect_with(edit.revision, move |_| {
            let timer = edit
                .runnable()
                .then(|| Timeout::new(RERUN_DELAY_MS, move || ctx.run(&edit)));
            move || drop(timer)
        });
    }
    html! {
        <ContextProvider<RunContext> context={ctx}>{props.children.clone()}</ContextProvider<RunContext>>
    }
}
