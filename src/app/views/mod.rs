//! The views a URL fragment can ask for besides the editor: the embed (chosen charts and KPIs only, for
//! iframes) and the presentation (large type, high contrast, stage-by-stage reveal).

pub mod embed;
pub mod present;

pub use embed::EmbedView;
pub use present::PresentView;

use super::state::Status;

/// The run status as a `data-status` value (as on the editor's progress bar): `done` once complete.
pub fn status(s: &Status) -> &'static str {
    match s {
        Status::Idle => "idle",
        Status::Running => "running",
        Status::Done => "done",
        Status::Cancelled => "cancelled",
        Status::Failed(_) => "failed",
    }
}
