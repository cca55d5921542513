//! The root component: owns the one reducer, the engine workers, the scenario library and the debounced
//! automatic re-run, and shows the view the URL fragment asks for: the editor beside the results, an
//! embed or the presentation.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::editor::editor;
use super::engine::{run, use_engine, Engine};
use super::header::header;
use super::persist::files::drop_handlers;
use super::persist::keys::{undo_key, use_keydown, use_reload_on_hashchange};
use super::persist::startup::{current_fragment, initial_state};
use super::persist::{use_persistence, Storage};
use super::results::results;
use super::state::{Action, AppState, View};
use super::views::{embed_view, PresentView};

/// Delay between the last edit and the automatic re-run.
pub const RERUN_DELAY_MS: u32 = 400;

/// What every component reads: the state, its dispatcher and the engine.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// The state.
    pub state: UseReducerHandle<AppState>,
    /// The engine workers.
    pub engine: Engine,
    /// The scenario library (browser storage or memory).
    pub storage: Storage,
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

/// The app's context as of the last action that was not about the run ([`AppState::edits`]): what
/// components that do not show the run (editor, header, charts, KPIs, what-if panel) read, so progress messages and
/// partial summaries do not re-render them. Its `state` may be behind on the run, never on anything else.
#[derive(Clone, PartialEq)]
pub struct StableContext(pub AppContext);

/// Properties of [`Stable`].
#[derive(Properties, PartialEq)]
pub struct StableProps {
    /// Content.
    #[prop_or_default]
    pub children: Html,
    /// Content drawn from the stable context (after the children), again only when that context
    /// changes. Nothing is drawn without a [`StableContext`] (outside [`App`]).
    #[prop_or_default]
    pub view: Option<StableView>,
}

/// A view drawn by [`Stable`] from the stable context.
#[derive(Clone, Copy, PartialEq)]
pub enum StableView {
    /// The top bar and notices.
    Header,
    /// The journey editor.
    Editor,
}

/// Gives its children the [`StableContext`] as their [`AppContext`] (when there is one).
#[component]
pub fn Stable(props: &StableProps) -> Html {
    match use_context::<StableContext>() {
        Some(StableContext(ctx)) => {
            let view = props.view.map(|v| match v {
                StableView::Header => header(&ctx),
                StableView::Editor => editor(&ctx),
            });
            html! {
                <ContextProvider<AppContext> context={ctx}>{props.children.clone()}{view}</ContextProvider<AppContext>>
            }
        }
        None => props.children.clone(),
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
    /// The library to use; `None` opens browser storage (memory if it is unavailable).
    #[prop_or_default]
    pub storage: Option<Storage>,
    /// Whether to read the scenario from the URL fragment and keep it there (off in component tests).
    #[prop_or(true)]
    pub url: bool,
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let storage = {
        let given = props.storage.clone();
        use_memo((), move |_| given.unwrap_or_else(Storage::open))
    };
    let state = {
        let (storage, url) = ((*storage).clone(), props.url);
        let fragment = if url {
            current_fragment()
        } else {
            String::new()
        };
        use_reducer(move || initial_state(&fragment, &storage))
    };
    let engine = use_engine(state.dispatcher(), props.workers);
    let ctx = AppContext {
        state: state.clone(),
        engine,
        storage: (*storage).clone(),
    };
    let stable = {
        let ctx = ctx.clone();
        use_memo(state.edits, move |_| StableContext(ctx))
    };
    use_persistence(&ctx, props.url);
    use_reload_on_hashchange(props.url);
    {
        let (dispatch, editor) = (state.dispatcher(), state.view == View::Editor);
        use_keydown(Callback::from(move |e: web_sys::KeyboardEvent| {
            let action = undo_key(&e).filter(|_| editor);
            match action {
                Some(true) => dispatch.dispatch(Action::Undo),
                Some(false) => dispatch.dispatch(Action::Redo),
                None => {}
            }
            action.is_some()
        }));
    }
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
    let (ondragover, ondrop) = drop_handlers(&ctx);
    let view = state.view.clone();
    let class = classes!("app", state.projector.then_some("projector"));
    let body = match view {
        View::Embed { charts, kpis } => embed_view(&ctx, &charts, &kpis),
        View::Present => html! { <PresentView /> },
        View::Editor => html! {
            <div {class}>
                <Stable view={StableView::Header} />
                <main class="layout">
                    <section class="editor" aria-label="Journey editor" {ondragover} {ondrop}><Stable view={StableView::Editor} /></section>
                    <section class="results" aria-label="Results">{results(&ctx)}</section>
                </main>
                <Stable><crate::app::analysis::AnalysisPanel scenario={state.scenario.clone()} workers={props.workers} projector={state.projector} /></Stable>
            </div>
        },
    };
    html! {
        <ContextProvider<AppContext> context={ctx}>
            <ContextProvider<StableContext> context={(*stable).clone()}>
                {body}
            </ContextProvider<StableContext>>
        </ContextProvider<AppContext>>
    }
}
