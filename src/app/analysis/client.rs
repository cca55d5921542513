//! The page side of the analysis worker: two dedicated workers ("lanes": comparisons on one, the
//! other analyses on the second, so a comparison and a tornado run side by side), spawned on first use.
//! Each request gets a new job id; a reply is handed to the panel only if its job is still the current
//! one of its kind, so a newer request or a cancel supersedes an older one.
//!
//! The workers run the page's own wasm ([`crate::app::spawn`]), so the site works under any sub-path.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::protocol::{Kind, Reply, Request, KINDS};
use crate::app::protocol::wire;

/// A finished job, as handed to the panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Finished {
    /// Job id.
    pub job: u64,
    /// The analysis.
    pub kind: Kind,
    /// The engine's answer or why there is none.
    pub result: Result<Reply, String>,
}

/// A handle to the analysis workers; cheap to clone.
#[derive(Clone)]
pub struct Analysis {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

struct Inner {
    enabled: bool,
    next_job: u64,
    current: [u64; KINDS],
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    on_done: Callback<Finished>,
    #[cfg(target_arch = "wasm32")]
    lanes: Option<imp::Lanes>,
}

impl Analysis {
    /// Starts `request` as a new job of its kind (superseding the previous one); returns the job id,
    /// or `None` when workers are disabled or cannot start.
    pub fn start(&self, request: &Request) -> Option<u64> {
        let mut inner = self.inner.borrow_mut();
        if !inner.enabled {
            return None;
        }
        let bytes = wire::encode(request);
        inner.next_job += 1;
        let (job, kind) = (inner.next_job, request.kind());
        inner.current[kind as usize] = job;
        #[cfg(target_arch = "wasm32")]
        {
            if inner.lanes.is_none() {
                inner.lanes = imp::Lanes::spawn(&self.inner);
            }
            inner.lanes.as_ref()?.run(job, kind, bytes);
        }
        #[cfg(not(target_arch = "wasm32"))]
        drop(bytes);
        Some(job)
    }

    /// Spawns the workers ahead of the first request (so their start-up is not part of its time).
    pub fn warm(&self) {
        #[cfg(target_arch = "wasm32")]
        {
            let mut inner = self.inner.borrow_mut();
            if inner.enabled && inner.lanes.is_none() {
                inner.lanes = imp::Lanes::spawn(&self.inner);
            }
        }
    }

    /// Stops the current job of `kind`: its reply, if any, is dropped.
    pub fn cancel(&self, kind: Kind) {
        let mut inner = self.inner.borrow_mut();
        let job = std::mem::take(&mut inner.current[kind as usize]);
        #[cfg(target_arch = "wasm32")]
        if let Some(l) = &inner.lanes {
            l.cancel(job, kind);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = job;
    }
}

/// The analysis workers for a panel; `enabled = false` gives one that never runs (component tests).
#[hook]
pub fn use_analysis(on_done: Callback<Finished>, enabled: bool) -> Analysis {
    let analysis = use_memo((), move |_| Analysis {
        inner: Rc::new(RefCell::new(Inner {
            enabled,
            next_job: 0,
            current: [0; KINDS],
            on_done,
            #[cfg(target_arch = "wasm32")]
            lanes: None,
        })),
    });
    (*analysis).clone()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    //! Worker spawning and message routing (browser only).

    use std::cell::RefCell;
    use std::rc::{Rc, Weak};

    use yew_agent::__vendored::futures::StreamExt;
    use yew_agent::reactor::{ReactorBridge, ReactorSpawner};

    use super::super::protocol::{Input, Kind, Output};
    use super::super::worker::AnalysisReactor;
    use super::{Finished, Inner};
    use crate::app::protocol::codec::WireCodec;

    type Bridge = Rc<RefCell<ReactorBridge<AnalysisReactor>>>;

    /// The two workers.
    pub struct Lanes {
        lanes: [Bridge; 2],
    }

    fn lane(kind: Kind) -> usize {
        usize::from(kind != Kind::Compare)
    }

    impl Lanes {
        /// Both lanes, or `None` when the page cannot start workers (no loader for them).
        pub fn spawn(inner: &Rc<RefCell<Inner>>) -> Option<Lanes> {
            let url = crate::app::spawn::loader_url(crate::app::spawn::ANALYSIS)?;
            let spawn = || -> Bridge {
                let bridge = Rc::new(RefCell::new(
                    ReactorSpawner::<AnalysisReactor>::new()
                        .encoding::<WireCodec>()
                        .with_loader(true)
                        .as_module(true)
                        .spawn(&url),
                ));
                listen(bridge.clone(), Rc::downgrade(inner));
                bridge
            };
            Some(Lanes {
                lanes: [spawn(), spawn()],
            })
        }

        pub fn run(&self, job: u64, kind: Kind, request: Vec<u8>) {
            let input = Input::Run { job, kind, request };
            self.lanes[lane(kind)].borrow().send_input(input);
        }

        pub fn cancel(&self, job: u64, kind: Kind) {
            self.lanes[lane(kind)]
                .borrow()
                .send_input(Input::Cancel { job });
        }
    }

    fn listen(bridge: Bridge, inner: Weak<RefCell<Inner>>) {
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                let next = std::future::poll_fn(|cx| bridge.borrow_mut().poll_next_unpin(cx)).await;
                let (Some(Output { job, kind, reply }), Some(inner)) = (next, inner.upgrade())
                else {
                    return;
                };
                let on_done = {
                    let guard = inner.borrow();
                    (guard.current[kind as usize] == job).then(|| guard.on_done.clone())
                };
                if let Some(on_done) = on_done {
                    on_done.emit(Finished {
                        job,
                        kind,
                        result: reply,
                    });
                }
            }
        });
    }
}
