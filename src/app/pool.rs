//! The page side of the engine: a pool of engine workers (yew-agent reactors) — one collector plus up
//! to four computers (`navigator.hardwareConcurrency`, capped at 4) — started lazily on the first run
//! and kept warm. Batches are interleaved (computer k runs batches k, k + n, …); the page forwards each
//! batch to the collector and reports progress, and hands the collector's summaries to the reducer.
//!
//! The workers run the page's own wasm ([`super::spawn`]), so the site works under any sub-path.
//! Where workers cannot start — a sandboxed iframe without `allow-same-origin` has an opaque origin,
//! from which no worker script may load, and a page without the build's preload links has no loader
//! ([`super::spawn::loader_url`]) — the runs are computed on the page instead ([`inline`]).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::sim::{Scenario, BATCH_RUNS};

use super::state::{RunAction, RunState};

#[cfg(target_arch = "wasm32")]
mod inline;

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

struct Inner {
    enabled: bool,
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    dispatch: UseReducerDispatcher<RunState>,
    job: u64,
    done: usize,
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    total: usize,
    /// When progress was last dispatched (ms): at most every [`PROGRESS_MS`].
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    progress_ms: f64,
    #[cfg(target_arch = "wasm32")]
    workers: Option<imp::Workers>,
}

/// Progress is dispatched at most this often (ms), plus the last batch: each dispatch re-renders the
/// run bar, and a run has hundreds of batches.
pub const PROGRESS_MS: f64 = 100.0;

/// Milliseconds since the page loaded (0 outside a browser).
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        return p.now();
    }
    0.0
}

impl Engine {
    /// Starts `scenario` as a new job (superseding any running one) on the workers, or on the page when
    /// workers cannot be started (opaque origin, or no loader for them); returns the job and its
    /// batches, or `None` when disabled (component tests).
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
        #[cfg(target_arch = "wasm32")]
        {
            let job = inner.job;
            if inner.workers.is_none() {
                inner.workers = super::spawn::loader_url(super::spawn::ENGINE)
                    .map(|url| imp::Workers::spawn(&self.inner, &url));
            }
            match inner.workers.as_ref() {
                Some(workers) => workers.start(job, json),
                None => inline::run(Rc::downgrade(&self.inner), job, scenario.clone()),
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        drop(json);
        Some((inner.job, total))
    }

    /// Stops the current job.
    pub fn cancel(&self) {
        let mut inner = self.inner.borrow_mut();
        let job = inner.job;
        inner.job += 1;
        #[cfg(target_arch = "wasm32")]
        if let Some(w) = &inner.workers {
            w.send_all(super::protocol::Input::Cancel { job });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = job;
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
            #[cfg(target_arch = "wasm32")]
            workers: None,
        })),
    });
    (*engine).clone()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    //! Worker spawning and message routing (browser only).

    use std::cell::RefCell;
    use std::rc::{Rc, Weak};

    use futures::StreamExt;
    use yew_agent::reactor::{ReactorBridge, ReactorSpawner};

    use super::super::protocol::codec::WireCodec;
    use super::super::protocol::{Input, Output};
    use super::super::state::RunAction;
    use super::super::worker::EngineReactor;
    use super::{now_ms, Inner};

    type Bridge = Rc<RefCell<ReactorBridge<EngineReactor>>>;

    /// The spawned workers.
    pub struct Workers {
        collector: Bridge,
        computers: Vec<Bridge>,
    }

    impl Workers {
        /// A collector and one computer per core (up to 4), all started from the loader at `url`.
        pub fn spawn(inner: &Rc<RefCell<Inner>>, url: &str) -> Workers {
            let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
            let n = (cores as usize).clamp(1, 4);
            let spawn = |role: Option<usize>| -> Bridge {
                let bridge = Rc::new(RefCell::new(
                    ReactorSpawner::<EngineReactor>::new()
                        .encoding::<WireCodec>()
                        .with_loader(true)
                        .as_module(true)
                        .spawn(url),
                ));
                listen(bridge.clone(), Rc::downgrade(inner), role.is_none());
                bridge
            };
            let collector = spawn(None);
            let computers = (0..n).map(|k| spawn(Some(k))).collect();
            Workers {
                collector,
                computers,
            }
        }

        pub fn start(&self, job: u64, scenario: String) {
            self.collector.borrow().send_input(Input::Collect {
                job,
                scenario: scenario.clone(),
            });
            let stride = self.computers.len();
            for (first, c) in self.computers.iter().enumerate() {
                c.borrow().send_input(Input::Compute {
                    job,
                    scenario: scenario.clone(),
                    first,
                    stride,
                });
            }
        }

        pub fn send_all(&self, input: Input) {
            self.collector.borrow().send_input(input.clone());
            for c in &self.computers {
                c.borrow().send_input(input.clone());
            }
        }
    }

    fn listen(bridge: Bridge, inner: Weak<RefCell<Inner>>, _collector: bool) {
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let next = std::future::poll_fn(|cx| bridge.borrow_mut().poll_next_unpin(cx)).await;
                let (Some(output), Some(inner)) = (next, inner.upgrade()) else {
                    return;
                };
                route(&inner, output);
            }
        });
    }

    fn route(inner: &Rc<RefCell<Inner>>, output: Output) {
        let mut guard = inner.borrow_mut();
        let current = guard.job;
        match output {
            Output::Batch { job, index, data } if job == current => {
                guard.done += 1;
                let done = guard.done;
                if let Some(w) = &guard.workers {
                    w.collector
                        .borrow()
                        .send_input(Input::Batch { job, index, data });
                }
                let now = now_ms();
                if done < guard.total && now - guard.progress_ms < super::PROGRESS_MS {
                    return;
                }
                guard.progress_ms = now;
                let dispatch = guard.dispatch.clone();
                drop(guard);
                dispatch.dispatch(RunAction::Progress { job, done });
            }
            Output::Summary { job, summary } if job == current => {
                let dispatch = guard.dispatch.clone();
                drop(guard);
                dispatch.dispatch(RunAction::Summary {
                    job,
                    summary: Rc::new(*summary),
                    now_ms: now_ms(),
                });
            }
            Output::Failed { job, message } if job == current => {
                let dispatch = guard.dispatch.clone();
                drop(guard);
                dispatch.dispatch(RunAction::Failed { job, message });
            }
            _ => {}
        }
    }
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
