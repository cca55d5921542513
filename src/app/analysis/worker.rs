//! The analysis reactor that runs inside a dedicated web worker (registered by [`crate::app::spawn::start`]).
//!
//! It keeps, per analysis [`Kind`], only the newest request: before each computation it lets queued
//! messages in, so a newer request of the same kind or a `Cancel` drops an older one that has not
//! started; a job that was superseded or cancelled while it was computing is not answered (the engine
//! calls are synchronous, so a started computation runs to its end, bounded by [`super::protocol::MAX_RUNS`]).

use yew_agent::__vendored::futures::{FutureExt, SinkExt, StreamExt};
use yew_agent::prelude::*;

use super::protocol::{handle, read_request, Input, Kind, Output, KINDS};

/// A pending job: id, arrival order, kind and request.
type Job = (u64, u64, Kind, String);

/// Pending jobs: per kind (indexed by `Kind as usize`), the newest request (job id, arrival order,
/// kind, request as its JSON text). A fixed array rather than a map: it is small, and a map would add its own code.
#[derive(Default)]
struct Pending {
    jobs: [Option<Job>; KINDS],
    arrivals: u64,
}

impl Pending {
    /// Takes in one message.
    fn take(&mut self, input: Input) {
        match input {
            Input::Run { job, kind, request } => {
                self.arrivals += 1;
                self.jobs[kind as usize] = Some((job, self.arrivals, kind, request));
            }
            Input::Cancel { job } => {
                for slot in &mut self.jobs {
                    if slot.as_ref().is_some_and(|(j, ..)| *j == job) {
                        *slot = None;
                    }
                }
            }
        }
    }

    /// Whether no job is pending.
    fn is_empty(&self) -> bool {
        self.jobs.iter().all(Option::is_none)
    }

    /// Removes and returns the oldest pending job.
    fn next(&mut self) -> Option<(u64, Kind, String)> {
        let slot = self
            .jobs
            .iter_mut()
            .filter(|slot| slot.is_some())
            .min_by_key(|slot| slot.as_ref().map_or(u64::MAX, |(_, order, ..)| *order))?;
        slot.take()
            .map(|(job, _, kind, request)| (job, kind, request))
    }

    /// Whether `job` of `kind` was superseded: another job of its kind is pending.
    fn superseded(&self, job: u64, kind: Kind) -> bool {
        self.jobs[kind as usize]
            .as_ref()
            .is_some_and(|(j, ..)| *j != job)
    }
}

/// The analysis reactor: see the module documentation.
#[reactor]
pub async fn AnalysisReactor(mut scope: ReactorScope<Input, Output>) {
    let mut pending = Pending::default();
    loop {
        if pending.is_empty() {
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
        let reply = read_request(&request).and_then(handle);
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
        if scope.send(Output { job, kind, reply }).await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(job: u64, kind: Kind) -> Input {
        let request = format!("request {job}");
        Input::Run { job, kind, request }
    }

    #[test]
    fn keeps_the_newest_job_per_kind_and_serves_the_oldest_first() {
        let mut pending = Pending::default();
        assert!(pending.is_empty() && pending.next().is_none());
        pending.take(run(1, Kind::Target));
        pending.take(run(2, Kind::Compare));
        pending.take(run(3, Kind::Target));
        assert!(pending.superseded(1, Kind::Target) && !pending.superseded(3, Kind::Target));
        pending.take(Input::Cancel { job: 2 });
        pending.take(run(4, Kind::Pain));
        let (job, kind, request) = pending.next().expect("a pending job");
        assert_eq!(
            (job, kind, request.as_str()),
            (3, Kind::Target, "request 3")
        );
        assert_eq!(pending.next().map(|(job, ..)| job), Some(4));
        assert!(pending.is_empty());
    }
}
