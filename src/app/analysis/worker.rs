//! The analysis reactor that runs inside a dedicated web worker (registered by [`crate::app::spawn::start`]).
//!
//! It keeps, per analysis [`Kind`], only the newest request: before each computation it lets queued
//! messages in, so a newer request of the same kind or a `Cancel` drops an older one that has not
//! started; a job that was superseded or cancelled while it was computing is not answered (the engine
//! calls are synchronous, so a started computation runs to its end, bounded by [`super::protocol::MAX_RUNS`]).

use std::collections::BTreeMap;

use yew_agent::__vendored::futures::{FutureExt, SinkExt, StreamExt};
use yew_agent::prelude::*;

use super::protocol::{encode_reply, handle, Input, Kind, Output, Request};

/// Pending jobs: per kind, the newest request (job id, arrival order, JSON).
#[derive(Default)]
struct Pending {
    jobs: BTreeMap<u8, (u64, u64, Kind, String)>,
    arrivals: u64,
}

impl Pending {
    /// Takes in one message.
    fn take(&mut self, input: Input) {
        match input {
            Input::Run { job, kind, request } => {
                self.arrivals += 1;
                self.jobs
                    .insert(kind as u8, (job, self.arrivals, kind, request));
            }
            Input::Cancel { job } => self.jobs.retain(|_, (j, ..)| *j != job),
        }
    }

    /// Removes and returns the oldest pending job.
    fn next(&mut self) -> Option<(u64, Kind, String)> {
        let key = *self.jobs.iter().min_by_key(|(_, (_, order, ..))| *order)?.0;
        self.jobs
            .remove(&key)
            .map(|(job, _, kind, request)| (job, kind, request))
    }

    /// Whether `job` of `kind` was superseded: another job of its kind is pending.
    fn superseded(&self, job: u64, kind: Kind) -> bool {
        self.jobs
            .get(&(kind as u8))
            .is_some_and(|(j, ..)| *j != job)
    }
}

/// The analysis reactor: see the module documentation.
#[reactor]
pub async fn AnalysisReactor(mut scope: ReactorScope<Input, Output>) {
    let mut pending = Pending::default();
    loop {
        if pending.jobs.is_empty() {
            match scope.next().await {
                Some(input) => pending.take(input),
                None => return,
            }
        }
        // Let every queued message in (newer requests, cancels) before choosing what to compute.
        gloo_timers::future::TimeoutFuture::new(0).await;
        loop {
            match scope.next().now_or_never() {
                Some(None) => return,
                Some(Some(input)) => pending.take(input),
                None => break,
            }
        }
        let Some((job, kind, request)) = pending.next() else {
            continue;
        };
        let result = serde_json::from_str::<Request>(&request)
            .map_err(|e| format!("unreadable analysis request: {e}"))
            .and_then(handle);
        // Messages that arrived while computing may cancel or supersede this job.
        gloo_timers::future::TimeoutFuture::new(0).await;
        let mut dropped = false;
        loop {
            match scope.next().now_or_never() {
                Some(None) => return,
                Some(Some(input)) => {
                    dropped |= matches!(input, Input::Cancel { job: j } if j == job);
                    pending.take(input);
                }
                None => break,
            }
        }
        if dropped || pending.superseded(job, kind) {
            continue;
        }
        let reply = encode_reply(result);
        if scope.send(Output { job, kind, reply }).await.is_err() {
            return;
        }
    }
}
