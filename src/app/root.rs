//! The root component: owns the edit reducer and the scenario library, keeps the scenario saved and in
//! the URL, answers the undo/redo keys, and shows the view the URL fragment asks for — the editor beside
//! the results, an embed or the presentation — inside the [`RunProvider`] that runs the engine.

use yew::prelude::*;

use super::analysis::AnalysisPanel;
use super::browser::current_fragment;
use super::context::EditContext;
use super::editor::Editor;
use super::header::Header;
use super::persist::files::drop_handlers;
use super::persist::keys::{undo_key, use_keydown, use_reload_on_hashchange};
use super::persist::startup::initial_state;
use super::persist::{use_persistence, Storage};
use super::results::Results;
use super::run_provider::RunProvider;
use super::state::{EditAction, View};
use super::views::{EmbedView, PresentView};

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
    let ctx = EditContext {
        state: state.clone(),
        storage: (*storage).clone(),
    };
    use_persistence(&ctx, props.url);
    use_reload_on_hashchange(props.url);
    {
        let (dispatch, editor) = (state.dispatcher(), state.view == View::Editor);
        use_keydown(Callback::from(move |e: web_sys::KeyboardEvent| {
            let action = undo_key(&e).filter(|_| editor);
            match action {
                Some(true) => dispatch.dispatch(EditAction::Undo),
                Some(false) => dispatch.dispatch(EditAction::Redo),
                None => {}
            }
            action.is_some()
        }));
    }
    let (ondragover, ondrop) = drop_handlers(&ctx);
    let class = classes!("app", state.projector.then_some("projector"));
    let body = match state.view.clone() {
        View::Embed { charts, kpis } => html! { <EmbedView {charts} {kpis} /> },
        View::Present => html! { <PresentView /> },
        View::Editor => html! {
            <div {class}>
                <Header />
                <main class="layout">
                    <section class="editor" aria-label="Journey editor" {ondragover} {ondrop}><Editor /></section>
                    <section class="results" aria-label="Results"><Results /></section>
                </main>
                <AnalysisPanel scenario={state.scenario.clone()} workers={props.workers} projector={state.projector} />
            </div>
        },
    };
    html! {
        <ContextProvider<EditContext> context={ctx}>
            <RunProvider workers={props.workers}>{body}</RunProvider>
        </ContextProvider<EditContext>>
    }
}
