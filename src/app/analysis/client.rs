//! The page side of the analysis worker, on the generic [`Workers`] client: two dedicated workers
//! ("lanes": comparisons on one, the other analyses on the second, so a comparison and a tornado run
//! side by side), spawned on first use. Each request gets a new job id; a reply is handed to the panel
//! only if its job is still the current one of its kind, so a newer request or a cancel supersedes an
//! older one.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use super::protocol::{write_request, Input, Kind, Output, Reply, Request, KINDS};
use super::worker::AnalysisReactor;
use crate::app::spawn::Role;
use crate::app::workers::Workers;

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
    on_done: Callback<Finished>,
    /// `None` until first used; `Some(None)` where workers cannot start.
    lanes: Option<Option<Workers<AnalysisReactor>>>,
}

/// The lane of an analysis: comparisons on one worker, everything else on the other.
fn lane(kind: Kind) -> usize {
    usize::from(kind != Kind::Compare)
}

impl Analysis {
    /// Starts `request` as a new job of its kind (superseding the previous one); returns the job id,
    /// or `None` when workers are disabled or cannot start.
    pub fn start(&self, request: &Request) -> Option<u64> {
        let mut inner = self.inner.borrow_mut();
        if !inner.enabled {
            return None;
        }
        let request_text = write_request(request);
        inner.next_job += 1;
        let (job, kind) = (inner.next_job, request.kind());
        inner.current[kind as usize] = job;
        let lanes = Self::lanes(&mut inner, &self.inner).as_ref()?;
        lanes.send(
            lane(kind),
            Input::Run {
                job,
                kind,
                request: request_text,
            },
        );
        Some(job)
    }

    /// Spawns the workers ahead of the first request (so their start-up is not part of its time).
    pub fn warm(&self) {
        let mut inner = self.inner.borrow_mut();
        if inner.enabled {
            Self::lanes(&mut inner, &self.inner);
        }
    }

    /// Stops the current job of `kind`: its reply, if any, is dropped.
    pub fn cancel(&self, kind: Kind) {
        let mut inner = self.inner.borrow_mut();
        let job = std::mem::take(&mut inner.current[kind as usize]);
        if let Some(Some(lanes)) = &inner.lanes {
            lanes.send(lane(kind), Input::Cancel { job });
        }
    }

    /// The workers, spawned on first use.
    fn lanes<'a>(
        inner: &'a mut Inner,
        rc: &Rc<RefCell<Inner>>,
    ) -> &'a Option<Workers<AnalysisReactor>> {
        let weak = Rc::downgrade(rc);
        inner.lanes.get_or_insert_with(|| {
            Workers::spawn(Role::Analysis, 2, move |_, output| deliver(&weak, output))
        })
    }
}

/// Hands a reply to the panel if its job is still the current one of its kind.
fn deliver(inner: &Weak<RefCell<Inner>>, Output { job, kind, reply }: Output) {
    let Some(inner) = inner.upgrade() else {
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

/// The analysis workers for a panel; `enabled = false` gives one that never runs (component tests).
#[hook]
pub fn use_analysis(on_done: Callback<Finished>, enabled: bool) -> Analysis {
    let analysis = use_memo((), move |_| Analysis {
        inner: Rc::new(RefCell::new(Inner {
            enabled,
            next_job: 0,
            current: [0; KINDS],
            on_done,
            lanes: None,
        })),
    });
    (*analysis).clone()
}
