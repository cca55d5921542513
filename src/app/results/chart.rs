//! The four charts (funnel, retention fan, advocacy, histogram), each an SVG from the charts module
//! (rendered on the main thread, memoised per summary, scaled by CSS) with a table view of its numbers.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::sim::{Kpi, Summary};
use crate::store::Chart;

use super::super::charts::{
    advocacy_svg, advocacy_table, funnel_height, funnel_svg, funnel_table, histogram_svg,
    histogram_table, kpi_label, retention_svg, retention_table, table_to_csv, ChartOptions, Table,
};
use super::super::context::use_edit;
use super::super::persist::download::{download_png, download_text, file_stem, standalone_svg};
use super::super::state::{EditAction, Shown};
use super::super::ui::data_table;
use super::theme;

/// KPIs the histogram can show.
pub const HISTOGRAM_KPIS: [Kpi; 9] = Kpi::ALL;

/// Properties of [`Charts`].
#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    /// The summary shown.
    pub shown: Shown,
    /// Only these charts, in the grid's order; all when `None`.
    #[prop_or_default]
    pub only: Option<Vec<Chart>>,
}

/// The chart grid.
#[component]
pub fn Charts(props: &ChartsProps) -> Html {
    let ctx = use_edit();
    let kpi = ctx.state.histogram_kpi;
    let onpick = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(k) = select.value().parse() {
                ctx.dispatch(EditAction::PickKpi(k));
            }
        })
    };
    let picker = html! {
        <div class="field inline-field">
            <label for="histogram-kpi">{"Figure"}</label>
            <select id="histogram-kpi" data-testid="histogram-kpi" onchange={onpick}>
                { for HISTOGRAM_KPIS.into_iter().map(|k| html! {
                    <option value={k.name()} selected={k == kpi}>{kpi_label(k)}</option>
                }) }
            </select>
        </div>
    };
    let cards = CARDS
        .iter()
        .filter(|(chart, _)| props.only.as_ref().is_none_or(|o| o.contains(chart)));
    html! {
        <div class="charts">
            { for cards.map(|&(kind, title)| {
                let extra = if kind == Chart::Histogram { picker.clone() } else { Html::default() };
                html! { <ChartCard {kind} {title} shown={props.shown.clone()} {extra} /> }
            }) }
        </div>
    }
}

/// The chart cards (test ids `chart-<name>`…) and their titles.
const CARDS: [(Chart, &str); 4] = [
    (Chart::Funnel, "Funnel: reached and dropped off per stage"),
    (Chart::Retention, "Active customers over time"),
    (Chart::Advocacy, "Advocates and referrals over time"),
    (Chart::Histogram, "Distribution across runs"),
];

#[derive(Properties, PartialEq)]
struct CardProps {
    kind: Chart,
    title: &'static str,
    shown: Shown,
    #[prop_or_default]
    extra: Html,
}

#[component]
fn ChartCard(props: &CardProps) -> Html {
    let ctx = use_edit();
    let s = &ctx.state;
    let kind = props.kind;
    let kpi = s.histogram_kpi;
    // Only the histogram is drawn again when another KPI is picked.
    let picked = (kind == Chart::Histogram).then_some(kpi);
    let options = ChartOptions {
        width: 800,
        height: 440,
        theme: theme(s.projector),
        currency: s.scenario.economics.currency.clone(),
    };
    // Draw in a task of its own (a timeout per chart), so no main-thread task draws all four charts.
    let svg = use_state(|| None::<Rc<Result<String, String>>>);
    {
        let svg = svg.clone();
        use_effect_with(
            (props.shown.clone(), picked, options),
            move |(shown, _, o)| {
                let (shown, o) = (shown.clone(), o.clone());
                let timer = Timeout::new(0, move || {
                    svg.set(Some(Rc::new(draw(kind, &shown.summary, kpi, &o))))
                });
                move || drop(timer)
            },
        );
    }
    let open = s.tables.contains(&kind);
    let id = kind.name();
    let ontoggle = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(EditAction::ToggleTable(kind)))
    };
    let table = open.then(|| {
        let sum = &props.shown.summary;
        match kind {
            Chart::Funnel => funnel_table(sum),
            Chart::Retention => retention_table(sum),
            Chart::Advocacy => advocacy_table(sum),
            Chart::Histogram => histogram_table(sum, kpi),
        }
    });
    html! {
        <figure class="chart-card" data-testid={format!("chart-{id}")}>
            <figcaption>
                <h2>{props.title}</h2>
                <div class="card-tools">
                    {props.extra.clone()}
                    <button type="button" class="ghost" aria-pressed={open.to_string()} data-testid={format!("chart-{id}-table-toggle")}
                        onclick={ontoggle}>{if open { "Chart" } else { "Table" }}</button>
                    {chart_downloads(id, &ctx.state.scenario.meta.name, svg.as_ref().and_then(|r| r.as_ref().as_ref().ok()))}
                </div>
            </figcaption>
            { match (&table, (*svg).as_deref()) {
                (Some(t), _) => table_view(t, id),
                (None, Some(Ok(svg))) => html! { <div class="svg-wrap">{Html::from_html_unchecked(AttrValue::from(svg.clone()))}</div> },
                (None, Some(Err(e))) => html! { <p class="chart-error">{format!("This chart could not be drawn: {e}")}</p> },
                (None, None) => html! { <p class="drawing">{"Drawing…"}</p> },
            } }
        </figure>
    }
}

/// SVG and PNG (2×) download buttons for a drawn chart (`chart-<id>-svg`, `chart-<id>-png`).
fn chart_downloads(id: &'static str, scenario: &str, svg: Option<&String>) -> Html {
    let Some(svg) = svg else { return html! {} };
    let stem = format!("{}-{id}", file_stem(scenario));
    let onsvg = {
        let (svg, name) = (svg.clone(), format!("{stem}.svg"));
        Callback::from(move |_: MouseEvent| {
            download_text(&name, "image/svg+xml", &standalone_svg(&svg))
        })
    };
    let onpng = {
        let (svg, name) = (svg.clone(), format!("{stem}.png"));
        Callback::from(move |_: MouseEvent| download_png(&name, &svg))
    };
    html! {
        <>
            <button type="button" class="ghost download-button" data-testid={format!("chart-{id}-svg")} onclick={onsvg}
                title="Download this chart as SVG (scalable, for documents)">{"SVG"}</button>
            <button type="button" class="ghost download-button" data-testid={format!("chart-{id}-png")} onclick={onpng}
                title="Download this chart as PNG at twice its size (for slides)">{"PNG"}</button>
        </>
    }
}

/// Draws one chart (the funnel at the height its stages need; the histogram of `kpi`).
fn draw(kind: Chart, sum: &Summary, kpi: Kpi, o: &ChartOptions) -> Result<String, String> {
    let r = match kind {
        Chart::Funnel => {
            let o = ChartOptions {
                height: funnel_height(sum, o.theme),
                ..o.clone()
            };
            funnel_svg(sum, &o)
        }
        Chart::Retention => retention_svg(sum, o),
        Chart::Advocacy => advocacy_svg(sum, o),
        Chart::Histogram => histogram_svg(sum, kpi, o),
    };
    r.map_err(|e| e.to_string())
}

fn table_view(t: &Table, id: &str) -> Html {
    let csv = table_to_csv(t);
    let href = format!(
        "data:text/csv;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&csv))
    );
    html! {
        <div class="table-wrap">
            {data_table(t, "data", format!("table-{id}"))}
            <a class="download" download={format!("{id}.csv")} {href}>{"Download CSV"}</a>
        </div>
    }
}
