//! The state's parts: typed drafts, the run, the view chosen by the URL fragment and notices.

use std::rc::Rc;

use crate::sim::Summary;

/// Text typed into a field, with the reason it could not be read (if any).
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// What the planner typed.
    pub text: String,
    /// Why it is not a valid value, or `None` when it was applied.
    pub error: Option<String>,
}

/// Where a run stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Nothing has run yet.
    Idle,
    /// Batches are being computed.
    Running,
    /// Every batch is in.
    Done,
    /// Stopped by the planner; the summary covers the batches done.
    Cancelled,
    /// The engine refused or failed.
    Failed(String),
}

impl Status {
    /// The status in lower case without its details ("running", "failed"), for `data-status`.
    pub fn name(&self) -> &'static str {
        match self {
            Status::Idle => "idle",
            Status::Running => "running",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
            Status::Failed(_) => "failed",
        }
    }
}

/// A summary with a version number, so components compare it cheaply.
#[derive(Clone, Debug)]
pub struct Shown {
    /// The summary.
    pub summary: Rc<Summary>,
    /// Increases with every summary received.
    pub version: u64,
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

/// The run in progress or last finished.
#[derive(Clone, Debug, PartialEq)]
pub struct RunState {
    /// Job number; outputs of other jobs are ignored.
    pub job: u64,
    /// Where it stands.
    pub status: Status,
    /// Batches done.
    pub done: usize,
    /// Batches in the job.
    pub total: usize,
    /// Latest summary (partial while running).
    pub shown: Option<Shown>,
    /// When the job started (ms, `performance.now()`).
    pub started_ms: f64,
    /// How long the job took, once done.
    pub elapsed_ms: Option<f64>,
}

/// Which view the URL fragment asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// The editor with results (the default).
    Editor,
    /// Only the chosen charts and KPI cards (names from `store::route`), for iframes.
    Embed {
        /// Chart names, in order.
        charts: Vec<String>,
        /// KPI names, in order.
        kpis: Vec<String>,
    },
    /// The presentation view for slides.
    Present,
}

/// How a notice is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Information (a scenario was opened or saved).
    Info,
    /// Something failed; the text says what and what was kept.
    Error,
}

/// A message shown above the editor until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Information or error.
    pub tone: Tone,
    /// The sentence shown.
    pub text: String,
}

impl Notice {
    /// An information notice.
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            tone: Tone::Info,
            text: text.into(),
        }
    }

    /// An error notice.
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            tone: Tone::Error,
            text: text.into(),
        }
    }
}
