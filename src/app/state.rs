//! The UI's state in two reducers (as yew's function_todomvc, one per concern):
//!
//! - [`EditState`] — what the planner edits: the scenario, the raw text of fields being typed, the
//!   validation problems, the undo history, view choices, the library listing and notices;
//! - [`RunState`] — what the engine reports: the job, its progress and status, the latest summary and
//!   how long the run took.
//!
//! Each is given to components by its own context ([`super::context`]), so a progress message re-renders
//! only what shows the run. Storage, files and the URL are side effects done by components, which then
//! dispatch actions here ([`EditAction::LoadScenario`], [`EditAction::Listed`], …).

pub mod edit;
pub mod notice;
pub mod run;
pub mod view;

pub use edit::{Draft, EditAction, EditState};
pub use notice::{Notice, Tone};
pub use run::{RunAction, RunState, Shown, Status};
pub use view::View;
