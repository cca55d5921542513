//! Share links and embed code: the scenario in the URL fragment (`store::link`), the "Copy link" button
//! (Clipboard API, with a selected text field as the fallback), the embed snippet and the presentation
//! link.

use yew::prelude::*;

use crate::sim::Kpi;
use crate::sim::Scenario;
use crate::store::{encode_fragment, route_fragment, Chart, Route};

use super::super::browser::{
    copy_text, current_fragment, page_address, replace_address, select_field,
};
use super::super::context::use_edit;
use super::super::results::kpis::CARDS;

/// The editor fragment of a scenario, with its `#`.
pub fn editor_fragment(s: &Scenario) -> String {
    route_fragment(&Route::Editor {
        scenario: Some(encode_fragment(s)),
    })
}

/// The page address without its fragment.
pub fn page_base() -> String {
    let href = page_address();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Replaces the URL fragment without a new history entry (errors, e.g. in odd sandboxes, are ignored).
pub fn replace_fragment(fragment: &str) {
    if current_fragment() != fragment {
        replace_address(&format!("{}{fragment}", page_base()));
    }
}

/// What the share popover shows.
#[derive(Clone, PartialEq)]
enum Shown {
    Nothing,
    Link {
        url: String,
        copied: Option<bool>,
    },
    /// The embed popover; `copied` holds the code last copied and whether the copy worked.
    Embed {
        copied: Option<(String, bool)>,
    },
}

/// The "Copy link" and "Embed" buttons with their popover.
#[component]
pub fn ShareTools() -> Html {
    let ctx = use_edit();
    let shown = use_state(|| Shown::Nothing);
    let charts = use_state(|| vec![Chart::Funnel, Chart::Retention]);
    let kpis = use_state(|| vec![Kpi::Purchased, Kpi::Revenue, Kpi::Roi]);
    // Encoded only when shown: renders during a run must stay cheap.
    let open = *shown != Shown::Nothing;
    let encoded = if open {
        encode_fragment(&ctx.state.scenario)
    } else {
        String::new()
    };
    let base = page_base();
    let onshare = {
        let (shown, ctx, base) = (shown.clone(), ctx.clone(), base.clone());
        Callback::from(move |_: MouseEvent| {
            let url = format!("{base}#{}", encode_fragment(&ctx.state.scenario));
            shown.set(Shown::Link {
                url: url.clone(),
                copied: None,
            });
            let (shown, url) = (shown.clone(), url.clone());
            copy_text(
                &url.clone(),
                Callback::from(move |ok: bool| {
                    shown.set(Shown::Link {
                        url: url.clone(),
                        copied: Some(ok),
                    });
                    if !ok {
                        select_field("share-link");
                    }
                }),
            );
        })
    };
    let onembed = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(Shown::Embed { copied: None }))
    };
    let onclose = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(Shown::Nothing))
    };
    let present = format!("{base}#present/{encoded}");
    let popover = match &*shown {
        Shown::Nothing => html! {},
        Shown::Link { url, copied } => html! {
            <div class="popover" data-testid="share-popover">
                <label for="share-link">{"Share link (the scenario and its seed are in the link)"}</label>
                <input id="share-link" type="text" readonly=true data-testid="share-link" value={url.clone()} />
                <p class="hint" data-testid="share-status">{ match copied {
                    Some(true) => "Copied to the clipboard.",
                    Some(false) => "Press Ctrl+C (⌘C) to copy the selected link.",
                    None => "Copying…",
                } }</p>
                <p><a href={present} target="_blank" rel="noopener" data-testid="present-link">{"Open the presentation view"}</a></p>
                <button type="button" class="ghost" onclick={onclose}>{"Close"}</button>
            </div>
        },
        Shown::Embed { copied } => {
            let route = Route::Embed {
                charts: (*charts).clone(),
                kpis: (*kpis).clone(),
                scenario: Some(encoded),
            };
            let src = format!("{base}{}", route_fragment(&route));
            let code = format!(
                "<iframe src=\"{}\" width=\"900\" height=\"640\" style=\"border:0\" title=\"Journey simulator\" loading=\"lazy\"></iframe>",
                src.replace('"', "&quot;")
            );
            let oncopy = {
                let (shown, code) = (shown.clone(), code.clone());
                Callback::from(move |_: MouseEvent| copy_embed(&shown, &code))
            };
            let status = match copied {
                Some((c, true)) if *c == code => "Copied to the clipboard.",
                Some((c, false)) if *c == code => "Press Ctrl+C (⌘C) to copy the selected code.",
                _ => "",
            };
            html! {
                <div class="popover" data-testid="embed-popover">
                    <fieldset><legend>{"Charts"}</legend>{ for Chart::ALL.into_iter().map(|c| toggle(&charts, c, c.name())) }</fieldset>
                    <fieldset><legend>{"Figures"}</legend>{ for CARDS.into_iter().map(|(k, id)| toggle(&kpis, k, id)) }</fieldset>
                    <label for="embed-code">{"Embed code (paste into a web page or a reveal.js slide)"}</label>
                    <textarea id="embed-code" readonly=true rows="4" data-testid="embed-code" value={code} />
                    <p class="hint" data-testid="embed-status">{status}</p>
                    <p><a href={src} target="_blank" rel="noopener" data-testid="embed-link">{"Preview the embed"}</a></p>
                    <button type="button" data-testid="embed-copy" onclick={oncopy}>{"Copy embed code"}</button>
                    <button type="button" class="ghost" onclick={onclose}>{"Close"}</button>
                </div>
            }
        }
    };
    html! {
        <div class="share-tools">
            <button type="button" class="ghost" data-testid="share-button" onclick={onshare}>{"Copy link"}</button>
            <button type="button" class="ghost" data-testid="embed-button" onclick={onembed}>{"Embed"}</button>
            {popover}
        </div>
    }
}

/// Copies the embed `code`, then records the outcome (selecting the code when the clipboard refused).
fn copy_embed(shown: &UseStateHandle<Shown>, code: &str) {
    let (shown, code_done) = (shown.clone(), code.to_string());
    copy_text(
        code,
        Callback::from(move |ok: bool| {
            shown.set(Shown::Embed {
                copied: Some((code_done.clone(), ok)),
            });
            if !ok {
                select_field("embed-code");
            }
        }),
    );
}

/// A checkbox adding or removing `item` in `list` (test id `embed-pick-<label>`).
fn toggle<T: Copy + PartialEq + 'static>(
    list: &UseStateHandle<Vec<T>>,
    item: T,
    label: &str,
) -> Html {
    let checked = list.contains(&item);
    let onchange = {
        let list = list.clone();
        Callback::from(move |_: Event| {
            let mut next: Vec<T> = (*list).clone();
            match next.iter().position(|n| *n == item) {
                Some(i) => drop(next.remove(i)),
                None => next.push(item),
            }
            list.set(next);
        })
    };
    html! {
        <label class="check"><input type="checkbox" {checked} {onchange} data-testid={format!("embed-pick-{label}")} />{label}</label>
    }
}
