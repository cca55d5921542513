//! The page side of a set of web workers running one reactor type: the one client both the engine
//! ([`super::engine::client`]) and the what-if analysis ([`super::analysis::client`]) are built on.
//!
//! The workers run the page's own wasm ([`super::spawn`]), so the site works under any sub-path. Each
//! worker is a *lane*: inputs are sent to a lane, and every output is handed, with its lane, to the
//! callback given at spawn time. Messages travel through yew-agent's default codec (bincode).
//!
//! Where no worker can start (a sandboxed iframe, a page that is not a trunk build, or natively in
//! tests) [`Workers::spawn`] returns `None` and the caller computes on the page or says so.

use std::cell::RefCell;
use std::rc::Rc;

use futures::StreamExt;
use serde::de::DeserializeOwned;
use serde::Serialize;
use yew_agent::reactor::{Reactor, ReactorBridge, ReactorScoped, ReactorSpawner};

use super::spawn::{loader_url, Role};

/// What the page sends to a reactor `R`.
pub type InputOf<R> = <<R as Reactor>::Scope as ReactorScoped>::Input;
/// What a reactor `R` sends back.
pub type OutputOf<R> = <<R as Reactor>::Scope as ReactorScoped>::Output;

/// Running workers of reactor `R`, one per lane.
pub struct Workers<R: Reactor + 'static> {
    lanes: Vec<Rc<RefCell<ReactorBridge<R>>>>,
}

impl<R> Workers<R>
where
    R: Reactor + 'static,
    InputOf<R>: Serialize + DeserializeOwned,
    OutputOf<R>: Serialize + DeserializeOwned + 'static,
{
    /// Starts `lanes` workers of `role`, handing each output with its lane to `on_output`; `None` where
    /// no worker can start here.
    pub fn spawn(
        role: Role,
        lanes: usize,
        on_output: impl Fn(usize, OutputOf<R>) + 'static,
    ) -> Option<Self> {
        let url = loader_url(role)?;
        let on_output = Rc::new(on_output);
        let lanes = (0..lanes)
            .map(|lane| {
                let bridge = Rc::new(RefCell::new(
                    ReactorSpawner::<R>::new()
                        .with_loader(true)
                        .as_module(true)
                        .spawn(&url),
                ));
                listen(bridge.clone(), lane, on_output.clone());
                bridge
            })
            .collect();
        Some(Workers { lanes })
    }

    /// How many workers there are.
    pub fn lanes(&self) -> usize {
        self.lanes.len()
    }

    /// Sends `input` to the worker of `lane`.
    pub fn send(&self, lane: usize, input: InputOf<R>) {
        if let Some(bridge) = self.lanes.get(lane) {
            bridge.borrow().send_input(input);
        }
    }
}

/// Hands every output of `bridge` to `on_output` until the worker is gone.
fn listen<R>(
    bridge: Rc<RefCell<ReactorBridge<R>>>,
    lane: usize,
    on_output: Rc<impl Fn(usize, OutputOf<R>) + 'static>,
) where
    R: Reactor + 'static,
    OutputOf<R>: 'static,
{
    yew::platform::spawn_local(async move {
        while let Some(output) =
            std::future::poll_fn(|cx| bridge.borrow_mut().poll_next_unpin(cx)).await
        {
            on_output(lane, output);
        }
    });
}
