//! The root component: owns the one reducer, the engine workers and the debounced automatic re-run, and
//! lays out the editor beside the results.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::sim::templates::{template_names, template_title};

use super::editor::Editor;
use super::pool::{run, use_engine, Engine};
use super::results::Results;
use super::state::{Action, AppState};

/// Delay between the last edit and the automatic re-run.
pub const RERUN_DELAY_MS: u32 = 400;

/// What every component reads: the state, its dispatcher and the engine.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// The state.
    pub state: UseReducerHandle<AppState>,
    /// The engine workers.
    pub engine: Engine,
}

impl AppContext {
    /// Sends an action to the reducer.
    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// Starts a run of the current scenario, if it is valid.
    pub fn run(&self) {
        if self.state.runnable() {
            run(&self.engine, &self.state.scenario, &self.state.dispatcher());
        }
    }

    /// Stops the current run.
    pub fn cancel(&self) {
        self.engine.cancel();
        self.state.dispatch(Action::Cancelled);
    }
}

/// The app's context, for components below [`App`].
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components are used inside App")
}

/// Properties of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Whether to run the engine in web workers (off in component tests).
    #[prop_or(true)]
    pub workers: bool,
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(AppState::default);
    let engine = use_engine(state.dispatcher(), props.workers);
    let ctx = AppContext {
        state: state.clone(),
        engine,
    };
    {
        let ctx = ctx.clone();
        use_effect_with(state.revision, move |_| {
            let timer = ctx
                .state
                .runnable()
                .then(|| Timeout::new(RERUN_DELAY_MS, move || ctx.run()));
            move || drop(timer)
        });
    }
    let class = classes!("app", state.projector.then_some("projector"));
    html! {
        <ContextProvider<AppContext> context={ctx}>
            <div {class}>
                <Header />
                <main class="layout">
                    <section class="editor" aria-label="Journey editor"><Editor /></section>
                    <section class="results" aria-label="Results"><Results /></section>
                </main>
            </div>
        </ContextProvider<AppContext>>
    }
}

#[component]
fn Header() -> Html {
    let ctx = use_app();
    let on_template = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            ctx.dispatch(Action::LoadTemplate(select.value()));
        })
    };
    let on_projector = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::ToggleProjector))
    };
    let current = ctx.state.template.clone();
    html! {
        <header class="topbar">
            <div class="brand">
                <h1>{"Journey simulator"}</h1>
                <p class="tagline">{"Monte Carlo of a customer cohort through your journey"}</p>
            </div>
            <div class="toolbar">
                <label class="inline" for="template">{"Template"}</label>
                <select id="template" data-testid="template" onchange={on_template}>
                    { for template_names().iter().map(|n| html! {
                        <option value={*n} selected={*n == current}>{template_title(n)}</option>
                    }) }
                </select>
                <button type="button" class="ghost" aria-pressed={ctx.state.projector.to_string()}
                    data-testid="projector" onclick={on_projector}>{"Projector mode"}</button>
            </div>
        </header>
    }
}
