//! The four charts (funnel, retention fan, advocacy, histogram), each an SVG from the charts module
//! (rendered on the main thread, memoised per summary, scaled by CSS) with a table view of its numbers.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::sim::Summary;

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
pub const HISTOGRAM_KPIS: [&str; 9] = [
    "purchased",
    "retained_at_horizon",
    "advocates_at_horizon",
    "referred_customers",
    "viral_coefficient",
    "revenue",
    "profit",
    "clv",
    "roi",
];

/// Properties of [`Charts`].
#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    /// The summary shown.
    pub shown: Shown,
    /// Only these charts (`funnel`, `retention`, `advocacy`, `histogram`); all when `None`.
    #[prop_or_default]
    pub only: Option<Vec<String>>,
}

/// Which chart a card shows.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Funnel,
    Retention,
    Advocacy,
    Histogram,
}

/// The chart grid.
#[component]
pub fn Charts(props: &ChartsProps) -> Html {
    let ctx = use_edit();
    let kpi = ctx.state.histogram_kpi.clone();
    let onpick = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            ctx.dispatch(EditAction::PickKpi(select.value()));
        })
    };
    let picker = html! {
        <div class="field inline-field">
            <label for="histogram-kpi">{"Figure"}</label>
            <select id="histogram-kpi" data-testid="histogram-kpi" onchange={onpick}>
                { for HISTOGRAM_KPIS.iter().map(|k| html! {
                    <option value={*k} selected={*k == kpi}>{kpi_label(k)}</option>
                }) }
            </select>
        </div>
    };
    let cards = CARDS.iter().filter(|(_, id, _)| {
        props
            .only
            .as_ref()
            .is_none_or(|o| o.iter().any(|c| c == id))
    });
    html! {
        <div class="charts">
            { for cards.map(|&(kind, id, title)| {
                let extra = if kind == Kind::Histogram { picker.clone() } else { Html::default() };
                html! { <ChartCard {kind} {id} {title} shown={props.shown.clone()} {extra} /> }
            }) }
        </div>
    }
}

/// The chart cards: kind, id (test ids `chart-<id>`…) and title.
const CARDS: [(Kind, &str, &str); 4] = [
    (
        Kind::Funnel,
        "funnel",
        "Funnel: reached and dropped off per stage",
    ),
    (Kind::Retention, "retention", "Active customers over time"),
    (
        Kind::Advocacy,
        "advocacy",
        "Advocates and referrals over time",
    ),
    (Kind::Histogram, "histogram", "Distribution across runs"),
];

#[derive(Properties, PartialEq)]
struct CardProps {
    kind: Kind,
    id: &'static str,
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
    let kpi = if kind == Kind::Histogram {
        s.histogram_kpi.clone()
    } else {
        String::new()
    };
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
            (props.shown.clone(), kpi.clone(), options),
            move |(shown, kpi, o)| {
                let (shown, kpi, o) = (shown.clone(), kpi.clone(), o.clone());
                let timer = Timeout::new(0, move || {
                    svg.set(Some(Rc::new(draw(kind, &shown.summary, &kpi, &o))))
                });
                move || drop(timer)
            },
        );
    }
    let open = s.tables.contains(&props.id);
    let id = props.id;
    let ontoggle = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(EditAction::ToggleTable(id)))
    };
    let table = open.then(|| {
        let sum = &props.shown.summary;
        match kind {
            Kind::Funnel => funnel_table(sum),
            Kind::Retention => retention_table(sum),
            Kind::Advocacy => advocacy_table(sum),
            Kind::Histogram => histogram_table(sum, &kpi),
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

/// Draws one chart (the funnel at the height its stages need).
fn draw(kind: Kind, sum: &Summary, kpi: &str, o: &ChartOptions) -> Result<String, String> {
    let r = match kind {
        Kind::Funnel => {
            let o = ChartOptions {
                height: funnel_height(sum, o.theme),
                ..o.clone()
            };
            funnel_svg(sum, &o)
        }
        Kind::Retention => retention_svg(sum, o),
        Kind::Advocacy => advocacy_svg(sum, o),
        Kind::Histogram => histogram_svg(sum, kpi, o),
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
