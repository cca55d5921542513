//! The two contexts components read (as yew's contexts example): the [`EditContext`] — the edit state,
//! its dispatcher and the scenario library — given by [`super::root::App`], and the [`RunContext`] —
//! the run state and the engine — given by [`super::run_provider::RunProvider`]. A component re-renders
//! when a context it reads changes, so what reads only the edit context is not re-rendered by a run.

use yew::prelude::*;

use super::engine::{run, Engine};
use super::persist::Storage;
use super::state::{EditAction, EditState, RunAction, RunState};

/// What the editor side reads: the edit state, its dispatcher and the scenario library.
#[derive(Clone, PartialEq)]
pub struct EditContext {
    /// The edit state.
    pub state: UseReducerHandle<EditState>,
    /// The scenario library (browser storage or memory).
    pub storage: Storage,
}

impl EditContext {
    /// Sends an action to the edit reducer.
    pub fn dispatch(&self, action: EditAction) {
        self.state.dispatch(action);
    }
}

/// What the results read: the run state and the engine workers that feed it.
#[derive(Clone, PartialEq)]
pub struct RunContext {
    /// The run state.
    pub state: UseReducerHandle<RunState>,
    /// The engine workers.
    pub engine: Engine,
}

impl RunContext {
    /// Starts a run of the edited scenario, if it is valid.
    pub fn run(&self, edit: &EditState) {
        if edit.runnable() {
            run(&self.engine, &edit.scenario, &self.state.dispatcher());
        }
    }

    /// Stops the current run.
    pub fn cancel(&self) {
        self.engine.cancel();
        self.state.dispatch(RunAction::Cancelled);
    }
}

/// The edit context, for components below [`super::root::App`].
#[hook]
pub fn use_edit() -> EditContext {
    use_context::<EditContext>().expect("components are used inside App")
}

/// The run context, for components below [`super::root::App`].
#[hook]
pub fn use_run() -> RunContext {
    use_context::<RunContext>().expect("components are used inside App")
}
