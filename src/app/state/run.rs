//! The run state: the job sent to the engine workers, its progress and status, the latest (partial or
//! final) summary and how long the run took. Only the engine ([`crate::app::engine`]) and the run
//! controls change it; outputs of superseded jobs are ignored.

use std::rc::Rc;

use yew::Reducible;

use crate::sim::Summary;

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
    /// Latest summary (partial while running; kept from the previous job until the next one's first).
    pub shown: Option<Shown>,
    /// When the job started (ms, `performance.now()`).
    pub started_ms: f64,
    /// How long the job took, once done.
    pub elapsed_ms: Option<f64>,
}

/// Everything that changes the run state.
#[derive(Clone, Debug)]
pub enum RunAction {
    /// A job was sent to the workers.
    Started { job: u64, total: usize, at_ms: f64 },
    /// Batches done so far.
    Progress { job: u64, done: usize },
    /// A (partial or final) summary arrived.
    Summary {
        job: u64,
        summary: Rc<Summary>,
        now_ms: f64,
    },
    /// The planner stopped the run.
    Cancelled,
    /// The engine failed.
    Failed { job: u64, message: String },
}

impl Default for RunState {
    fn default() -> Self {
        RunState {
            job: 0,
            status: Status::Idle,
            done: 0,
            total: 0,
            shown: None,
            started_ms: 0.0,
            elapsed_ms: None,
        }
    }
}

impl RunState {
    /// Whether a run is in progress.
    pub fn running(&self) -> bool {
        self.status == Status::Running
    }
}

impl Reducible for RunState {
    type Action = RunAction;

    fn reduce(self: Rc<Self>, action: RunAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            RunAction::Started { job, total, at_ms } => {
                s = RunState {
                    job,
                    status: Status::Running,
                    total,
                    started_ms: at_ms,
                    shown: s.shown.take(),
                    ..RunState::default()
                };
            }
            RunAction::Progress { job, done } if job == s.job && s.running() => s.done = done,
            RunAction::Summary {
                job,
                summary,
                now_ms,
            } if job == s.job => {
                let version = s.shown.as_ref().map_or(1, |x| x.version + 1);
                let complete = summary.runs >= summary.runs_requested;
                s.shown = Some(Shown { summary, version });
                if complete && s.running() {
                    s.status = Status::Done;
                    s.done = s.total;
                    s.elapsed_ms = Some(now_ms - s.started_ms);
                }
            }
            RunAction::Cancelled if s.running() => s.status = Status::Cancelled,
            RunAction::Failed { job, message } if job == s.job => {
                s.status = Status::Failed(message)
            }
            _ => return self,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::templates::default_scenario;
    use crate::sim::Simulation;

    fn summary() -> Rc<Summary> {
        let mut s = default_scenario();
        s.meta.runs = 50;
        Rc::new(Simulation::new(&s).expect("valid").run())
    }

    #[test]
    fn a_run_reports_progress_and_its_summary_and_ignores_older_jobs() {
        let mut s = Rc::new(RunState::default());
        s = s.reduce(RunAction::Started {
            job: 2,
            total: 4,
            at_ms: 100.0,
        });
        assert!(s.running());
        let before = s.clone();
        s = s.reduce(RunAction::Progress { job: 1, done: 3 });
        assert!(Rc::ptr_eq(&s, &before), "a superseded job changes nothing");
        s = s.reduce(RunAction::Progress { job: 2, done: 3 });
        assert_eq!(s.done, 3);
        s = s.reduce(RunAction::Summary {
            job: 2,
            summary: summary(),
            now_ms: 350.0,
        });
        assert_eq!((s.status.name(), s.done), ("done", 4));
        assert_eq!(s.elapsed_ms, Some(250.0));
        assert_eq!(s.shown.as_ref().map(|x| x.version), Some(1));
        s = s.reduce(RunAction::Started {
            job: 3,
            total: 4,
            at_ms: 400.0,
        });
        assert!(
            s.shown.is_some(),
            "the last summary stays until the next job's first"
        );
        s = s.reduce(RunAction::Cancelled);
        assert_eq!(s.status, Status::Cancelled);
    }
}
