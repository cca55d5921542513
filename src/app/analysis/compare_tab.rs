//! The Compare tab: the baseline (the current journey or a saved scenario), the variants (duplicates of
//! the baseline, saved scenarios, or those of a comparison link) with their editors, the run, the
//! result, and the "Copy comparison link" button.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::browser::copy_text;
use crate::app::context::EditContext;
use crate::app::persist::library_error;
use crate::app::persist::share::page_base;
use crate::app::state::EditAction;
use crate::sim::{Kpi, Scenario};
use crate::store::{encode_comparison, LibraryItem};

use super::panel::AnalysisProps;
use super::protocol::{Kind, Request};
use super::state::{PanelAction, PanelState, MAX_VARIANTS};
use super::variants::variant_editor;

/// The saved scenarios (id, name) of the library, if the panel is inside the app.
fn saved(app: Option<&EditContext>) -> Vec<(String, String)> {
    app.map_or_else(Vec::new, |a| {
        a.state
            .library
            .iter()
            .filter_map(|i| match i {
                LibraryItem::Entry(e) => Some((e.id.clone(), e.name.clone())),
                LibraryItem::Corrupt { .. } => None,
            })
            .collect()
    })
}

/// Opens saved scenario `id` and hands its name and scenario to `then`; a failure becomes a notice.
fn open_saved(app: &EditContext, id: &str, then: impl FnOnce(String, Scenario)) {
    match app.storage.with(|l| l.open(id)) {
        Ok(s) => then(s.entry.name, s.scenario),
        Err(e) => app.dispatch(EditAction::Notify(Some(library_error(&e)))),
    }
}

/// A select of saved scenarios: `first` is the option with the empty value; a `menu` (adding, not
/// choosing) shows it again after each pick.
fn saved_select(
    id: &str,
    first: &str,
    entries: &[(String, String)],
    selected: Option<&str>,
    (disabled, menu): (bool, bool),
    onpick: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        onpick.emit(s.value());
        if menu {
            s.set_value("");
        }
    });
    html! {
        <select id={id.to_string()} data-testid={id.to_string()} {disabled} {onchange}>
            <option value="" selected={selected.is_none()}>{first}</option>
            { for entries.iter().map(|(eid, name)| html! {
                <option value={eid.clone()} selected={selected == Some(name.as_str())}>{name}</option> }) }
        </select>
    }
}

/// The Compare tab.
pub fn compare_tab(
    state: &UseReducerHandle<PanelState>,
    p: &AnalysisProps,
    app: Option<&EditContext>,
    warm: Callback<()>,
    status: impl Fn(Kind, &str, &str, bool, Box<dyn Fn() -> Request>) -> Html,
    job_view: impl Fn(Kind, Kpi) -> Html,
) -> Html {
    let d = state.dispatcher();
    let baseline = state
        .baseline
        .as_ref()
        .map_or_else(|| p.scenario.clone(), |b| b.1.clone());
    let mut base = baseline.clone();
    base.meta.runs = (state.runs as u32).min(base.meta.runs.max(1));
    let entries = saved(app);
    let full = state.variants.len() >= MAX_VARIANTS;
    let add = {
        let (d, s, warm) = (d.clone(), baseline.clone(), warm.clone());
        Callback::from(move |_: MouseEvent| {
            warm.emit(());
            d.dispatch(PanelAction::AddVariant(Box::new(s.clone()), None))
        })
    };
    let pick_baseline = {
        let (d, app) = (d.clone(), app.cloned());
        Callback::from(move |id: String| match (&app, id.is_empty()) {
            (Some(app), false) => open_saved(app, &id, |name, s| {
                d.dispatch(PanelAction::Baseline(Some(Rc::new((name, s)))))
            }),
            _ => d.dispatch(PanelAction::Baseline(None)),
        })
    };
    let add_saved = {
        let (d, app) = (d.clone(), app.cloned());
        Callback::from(move |id: String| {
            if let (Some(app), false) = (&app, id.is_empty()) {
                warm.emit(());
                open_saved(app, &id, |name, s| {
                    d.dispatch(PanelAction::AddVariant(Box::new(s), Some(name)))
                });
            }
        })
    };
    let ok = !state.variants.is_empty()
        && state
            .variants
            .iter()
            .all(|v| v.problems.is_empty() && v.drafts.values().all(|(_, e)| e.is_none()));
    let variants: Vec<Scenario> = state.variants.iter().map(|v| v.scenario.clone()).collect();
    let (b, vs) = (base, variants.clone());
    let current = format!("The current journey “{}”", p.scenario.meta.name);
    let chosen = state.baseline.as_ref().map(|b| b.0.as_str());
    html! { <>
        <div class="whatif-controls">
            <label for="whatif-baseline">{"Baseline"}</label>
            {saved_select("whatif-baseline", &current, &entries, chosen, (entries.is_empty(), false), pick_baseline)}
            <label for="whatif-add-library">{"Variant from the library"}</label>
            {saved_select("whatif-add-library", "Add from library…", &entries, None, (entries.is_empty() || full, true), add_saved)}
        </div>
        <p class="whatif-note">{format!("Variants are copies of the baseline made with “Duplicate as variant” or saved scenarios; change a few inputs and compare (up to {MAX_VARIANTS}). All run with the baseline's seed, runs and horizon: common random numbers.")}</p>
        if entries.is_empty() && app.is_some() {
            <p class="whatif-note">{"Save scenarios in the Library to use them as a baseline or a variant."}</p>
        }
        <div class="whatif-variants">
            { for state.variants.iter().enumerate().map(|(i, v)| variant_editor(i, v, &baseline, &d)) }
        </div>
        <button type="button" data-testid="whatif-add-variant" disabled={full} onclick={add}>{"Duplicate as variant"}</button>
        <CompareShare baseline={baseline.clone()} {variants} />
        {status(Kind::Compare, "whatif-run-compare", "Run comparison", ok, Box::new(move || Request::Compare { baseline: b.clone(), variants: vs.clone() }))}
        // The comparison shows every KPI: the one given is not used.
        {job_view(Kind::Compare, Kpi::Purchased)}
    </> }
}

/// Properties of [`CompareShare`].
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The baseline.
    pub baseline: Scenario,
    /// The variants, as edited.
    pub variants: Vec<Scenario>,
}

/// The "Copy comparison link" button (`compare-share`) and the link it made (`compare-link`).
#[component]
pub fn CompareShare(p: &ShareProps) -> Html {
    let copied = use_state(|| None::<Option<bool>>);
    // Encoded only when shown (and then again after each change, so the link stays current).
    let url = copied.is_some().then(|| {
        format!(
            "{}{}",
            page_base(),
            encode_comparison(&p.baseline, &p.variants)
        )
    });
    let onclick = {
        let (copied, b, vs) = (copied.clone(), p.baseline.clone(), p.variants.clone());
        Callback::from(move |_: MouseEvent| {
            let url = format!("{}{}", page_base(), encode_comparison(&b, &vs));
            copied.set(Some(None));
            let copied = copied.clone();
            copy_text(&url, Callback::from(move |ok| copied.set(Some(Some(ok)))));
        })
    };
    html! {
        <div class="whatif-share">
            <button type="button" class="ghost" data-testid="compare-share" disabled={p.variants.is_empty()} {onclick}>
                {"Copy comparison link"}</button>
            if let Some(url) = url {
                <input type="text" readonly=true aria-label="Comparison link (baseline and variants)" data-testid="compare-link" value={url} />
                <small data-testid="compare-share-status">{ match *copied {
                    Some(Some(true)) => "Copied to the clipboard.",
                    Some(Some(false)) => "Select the link and press Ctrl+C (⌘C) to copy it.",
                    _ => "Copying…",
                } }</small>
            }
        </div>
    }
}
