//! Run and Cancel buttons, the progress bar and the run status.

use yew::prelude::*;

use super::super::context::{use_edit, use_run};
use super::super::state::Status;

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Run controls: the run context, and the edit context for whether (and what) to run.
#[component]
pub fn RunBar() -> Html {
    let edit = use_edit();
    let ctx = use_run();
    let run = &*ctx.state;
    let onrun = {
        let (ctx, edit) = (ctx.clone(), edit.state.clone());
        Callback::from(move |_: MouseEvent| ctx.run(&edit))
    };
    let oncancel = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.cancel())
    };
    let runs = run.shown.as_ref().map_or(0, |x| x.summary.runs);
    let status = match &run.status {
        Status::Idle => "Waiting for a valid journey…".to_string(),
        Status::Running => format!("Running… {} of {} batches", run.done, run.total),
        Status::Done => match run.elapsed_ms {
            Some(ms) => format!("{} runs in {:.1} s", thousands(runs), ms / 1000.0),
            None => format!("{} runs", thousands(runs)),
        },
        Status::Cancelled => format!("Cancelled — showing {} runs", thousands(runs)),
        Status::Failed(m) => format!("The engine stopped: {m}"),
    };
    let blocked = !edit.state.runnable();
    let pct = if run.total > 0 {
        100.0 * run.done as f64 / run.total as f64
    } else {
        0.0
    };
    html! {
        <div class="run-bar">
            <div class="buttons">
                <button type="button" class="primary" data-testid="run-button" disabled={blocked} onclick={onrun}
                    title={blocked.then_some("Fix the problems listed in the editor first")}>{"▶ Run"}</button>
                <button type="button" class="secondary" data-testid="cancel-button" disabled={!run.running()}
                    onclick={oncancel}>{"■ Cancel"}</button>
            </div>
            <div class="progress-wrap">
                <progress data-testid="progress" aria-label="Simulation progress" max={run.total.max(1).to_string()}
                    value={run.done.to_string()} data-done={run.done.to_string()} data-total={run.total.to_string()}
                    data-status={run.status.name()}>{format!("{pct:.0}%")}</progress>
                <p class="status" role="status" aria-live="polite" data-testid="run-status">
                    {status}
                    if blocked { <span class="blocked">{" · Run disabled: fix the problems in the editor"}</span> }
                </p>
            </div>
        </div>
    }
}
