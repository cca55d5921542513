//! The engine on the page, for where web workers cannot start (an opaque origin, i.e. a sandboxed
//! iframe without `allow-same-origin`, or a page without the build's preload links: see
//! [`crate::app::workers::Workers::spawn`]). Runs one batch per task, yielding between batches so the page stays
//! responsive and a newer job (or Cancel) stops this one.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::sim::{ProblemList, Scenario, Simulation};

use crate::app::browser::now_ms;
use crate::app::state::RunAction;

use super::client::Inner;

/// Computes `scenario` as job `job` on the page, reporting progress and the final summary.
pub fn run(inner: Weak<RefCell<Inner>>, job: u64, scenario: Scenario) {
    yew::platform::spawn_local(async move {
        let current = |inner: &Weak<RefCell<Inner>>| {
            let rc: Rc<RefCell<Inner>> = inner.upgrade()?;
            let guard = rc.try_borrow().ok()?;
            (guard.job == job).then(|| guard.dispatch.clone())
        };
        let sim = match Simulation::new(&scenario) {
            Ok(sim) => sim,
            Err(problems) => {
                if let Some(dispatch) = current(&inner) {
                    let message = ProblemList(&problems).to_string();
                    dispatch.dispatch(RunAction::Failed { job, message });
                }
                return;
            }
        };
        let mut acc = sim.accumulator();
        for index in 0..sim.batches() {
            gloo_timers::future::TimeoutFuture::new(0).await;
            let Some(dispatch) = current(&inner) else {
                return;
            };
            acc.add(sim.run_batch(index));
            dispatch.dispatch(RunAction::Progress {
                job,
                done: index + 1,
            });
        }
        if let Some(dispatch) = current(&inner) {
            dispatch.dispatch(RunAction::Summary {
                job,
                summary: Rc::new(acc.summary()),
                now_ms: now_ms(),
            });
        }
    });
}
