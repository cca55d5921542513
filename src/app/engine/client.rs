//! The page side of the engine: engine workers ([`super::worker::EngineReactor`]) on the generic
//! [`Workers`] client — one collector (lane 0) plus one computer per core (up to four, from
//! `navigator.hardwareConcurrency`) — started lazily on the first run and kept warm. Batches are
//! interleaved (computer k runs batches k, k + n, …); the page forwards each batch to the collector and
//! reports progress, and hands the collector's summaries to the reducer.
//!
//! Where workers cannot start (see [`Workers::spawn`]) the runs are computed on the page instead
//! ([`super::inline`]).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use crate::app::browser::now_ms;
use crate::app::spawn::{cores, Role};
use crate::app::state::{RunAction, RunState};
use crate::app::workers::Workers;
use crate::sim::{Scenario, BATCH_RUNS};

use super::protocol::{Input, Output};
use super::worker::EngineReactor;

/// A handle to the engine workers; cheap to clone.
#[derive(Clone)]
pub struct Engine {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for Engine {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

/// The lane of the collector; computers are lanes 1 to n.
const COLLECTOR: usize = 0;

pub(super) struct Inner {
    enabled: bool,
    pub(super) dispatch: UseReducerDispatcher<RunState>,
    pub(super) job: u64,
    done: usize,
    total: usize,
    /// When progress was last dispatched (ms): at most every [`PROGRESS_MS`].
    progress_ms: f64,
    /// `None` until the first run; `Some(None)` where workers cannot start (computed on the page).
    workers: Option<Option<Workers<EngineReactor>>>,
}

/// Progress is dispatched at most this often (ms), plus the last batch: each dispatch re-renders the
/// run bar, and a run has hundreds of batches.
pub const PROGRESS_MS: f64 = 100.0;

impl Engine {
    /// Starts `scenario` as a new job (superseding any running one) on the workers, or on the page when
    /// workers cannot be started; returns the job and its batches, or `None` when disabled (component
    /// tests).
    pub fn start(&self, scenario: &Scenario) -> Option<(u64, usize)> {
        let mut inner = self.inner.borrow_mut();
        if !inner.enabled {
            return None;
        }
        let json = serde_json::to_string(scenario).ok()?;
        inner.job += 1;
        inner.done = 0;
        let total = (scenario.meta.runs as usize).div_ceil(BATCH_RUNS);
        inner.total = total;
        inner.progress_ms = f64::NEG_INFINITY;
        let job = inner.job;
        let workers = inner
            .workers
            .get_or_insert_with(|| spawn(Rc::downgrade(&self.inner)));
        match workers {
            Some(workers) => {
                workers.send(
                    COLLECTOR,
                    Input::Collect {
                        job,
                        scenario: json.clone(),
                    },
                );
                let stride = workers.lanes() - 1;
                for first in 0..stride {
                    workers.send(
                        first + 1,
                        Input::Compute {
                            job,
                            scenario: json.clone(),
                            first,
                            stride,
                        },
                    );
                }
            }
            None => super::inline::run(Rc::downgrade(&self.inner), job, scenario.clone()),
        }
        Some((job, total))
    }

    /// Stops the current job.
    pub fn cancel(&self) {
        let mut inner = self.inner.borrow_mut();
        let job = inner.job;
        inner.job += 1;
        if let Some(Some(workers)) = &inner.workers {
            for lane in 0..workers.lanes() {
                workers.send(lane, Input::Cancel { job });
            }
        }
    }
}

/// The engine for this app; `enabled = false` gives one that never runs (component tests).
#[hook]
pub fn use_engine(dispatch: UseReducerDispatcher<RunState>, enabled: bool) -> Engine {
    let engine = use_memo((), move |_| Engine {
        inner: Rc::new(RefCell::new(Inner {
            enabled,
            dispatch,
            job: 0,
            done: 0,
            total: 0,
            progress_ms: f64::NEG_INFINITY,
            workers: None,
        })),
    });
    (*engine).clone()
}

/// A collector and one computer per core (up to 4), or `None` where workers cannot start.
fn spawn(inner: Weak<RefCell<Inner>>) -> Option<Workers<EngineReactor>> {
    let computers = cores().clamp(1, 4);
    Workers::spawn(Role::Engine, 1 + computers, move |_, output| {
        if let Some(inner) = inner.upgrade() {
            route(&inner, output);
        }
    })
}

/// Forwards a computed batch to the collector (and reports progress), or hands a summary or a failure
/// of the current job to the reducer; outputs of older jobs are dropped.
fn route(inner: &Rc<RefCell<Inner>>, output: Output) {
    let mut guard = inner.borrow_mut();
    let current = guard.job;
    let action = match output {
        Output::Batch { job, index, data } if job == current => {
            guard.done += 1;
            let done = guard.done;
            if let Some(Some(workers)) = &guard.workers {
                workers.send(COLLECTOR, Input::Batch { job, index, data });
            }
            let now = now_ms();
            if done < guard.total && now - guard.progress_ms < PROGRESS_MS {
                return;
            }
            guard.progress_ms = now;
            RunAction::Progress { job, done }
        }
        Output::Summary { job, summary } if job == current => RunAction::Summary {
            job,
            summary: Rc::new(*summary),
            now_ms: now_ms(),
        },
        Output::Failed { job, message } if job == current => RunAction::Failed { job, message },
        _ => return,
    };
    let dispatch = guard.dispatch.clone();
    drop(guard);
    dispatch.dispatch(action);
}

/// Dispatches the start of a run to the reducer (used by the Run button and the automatic re-run).
pub fn run(engine: &Engine, scenario: &Scenario, dispatch: &UseReducerDispatcher<RunState>) {
    if let Some((job, total)) = engine.start(scenario) {
        dispatch.dispatch(RunAction::Started {
            job,
            total,
            at_ms: now_ms(),
        });
    }
}
