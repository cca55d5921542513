//! The result view of the panel ([`ResultView`]: the comparison, tornado, pain-point ranking or target
//! answer), drawn from the engine's answer (an `Rc<Reply>`), so tests can render it from results
//! computed in the test. Every container carries its test id and, when
//! known, `data-elapsed-ms`: how long the analysis took from the request to the answer, and
//! `data-answer`: how many answers of that analysis have arrived.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::charts::whatif::{
    overlay_funnel_height, overlay_funnel_svg, overlay_series_svg, pain_height, pain_svg,
    tornado_height, tornado_svg,
};
use crate::app::charts::{format_value, kpi_label_with_currency, ChartError, ChartOptions, Theme};
use crate::sim::whatif::{Comparison, PainWorth, TargetAnswer, Tornado};
use crate::sim::{Kpi, Series, Summary};

use super::export::{
    compare_table, csv_button, importance_table, pain_table, pct, png_button, signed, svg_button,
    table_html, tornado_table,
};
use super::protocol::Reply;
use super::tables::{overlay_funnel_table, overlay_series_table, target_table};

/// Properties of every result view. The answer compares by identity (see [`SameReply`]).
#[derive(Properties, Clone)]
pub struct ViewProps {
    /// The engine's answer.
    pub reply: Rc<Reply>,
    /// Currency of money figures.
    #[prop_or(AttrValue::from("€"))]
    pub currency: AttrValue,
    /// Chart theme.
    #[prop_or_default]
    pub theme: Theme,
    /// How long the analysis took (ms).
    #[prop_or_default]
    pub elapsed_ms: Option<f64>,
    /// How many answers of this analysis have arrived (`data-answer`: changes with every new answer).
    #[prop_or_default]
    pub run: u64,
    /// KPI of the analysis (the pain-point ranking and the target; the comparison ignores it, and the
    /// tornado carries its own).
    #[prop_or(Kpi::Purchased)]
    pub kpi: Kpi,
}

impl PartialEq for ViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.reply, &other.reply)
            && (self.currency == other.currency && self.theme == other.theme)
            && (self.elapsed_ms == other.elapsed_ms
                && self.run == other.run
                && self.kpi == other.kpi)
    }
}

/// An answer compared by identity: each answer arrives once as a new `Rc`, and comparing by value
/// would walk whole summaries (and never find one holding NaN equal to itself).
#[derive(Clone, Debug)]
pub struct SameReply(pub Rc<Reply>);

impl PartialEq for SameReply {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

fn elapsed(p: &ViewProps) -> Option<String> {
    p.elapsed_ms.map(|ms| format!("{ms:.0}"))
}

/// A chart with its SVG and PNG (2×) download buttons.
fn chart(name: &str, title: &str, svg: Option<&Result<String, String>>) -> Html {
    let Some(svg) = svg else { return html! {} };
    html! {
        <figure class="whatif-chart" data-testid={format!("whatif-chart-{name}")}>
            <figcaption><h3>{title}</h3>
                if let Ok(s) = svg { <span class="whatif-chart-tools">{svg_button(name, s)}{png_button(name, s)}</span> }
            </figcaption>
            { match svg {
                Ok(s) => html! { <div class="svg-wrap">{Html::from_html_unchecked(AttrValue::from(s.clone()))}</div> },
                Err(e) => html! { <p class="chart-error">{format!("This chart could not be drawn: {e}")}</p> },
            } }
        </figure>
    }
}

/// Every chart of an answer (drawn again only when its [`memo_key`] changes).
fn draw(reply: &Reply, theme: Theme, cur: &str, kpi: Option<Kpi>) -> Vec<Result<String, String>> {
    let o = |height, currency: &str| ChartOptions {
        width: 800,
        height,
        theme,
        currency: currency.to_string(),
    };
    let e = |r: Result<String, ChartError>| r.map_err(|e| e.to_string());
    match reply {
        Reply::Compare(c) => {
            let (names, sums) = runs_of(c);
            let euro = ChartOptions::default().currency;
            let height = overlay_funnel_height(&sums, theme);
            vec![
                e(overlay_funnel_svg(&names, &sums, &o(height, &euro))),
                e(overlay_series_svg(
                    &names,
                    &sums,
                    Series::Active,
                    "active customers",
                    &o(380, &euro),
                )),
                e(overlay_series_svg(
                    &names,
                    &sums,
                    Series::Advocates,
                    "advocates",
                    &o(380, &euro),
                )),
            ]
        }
        Reply::Tornado(t) => {
            let height = tornado_height(t.bars.len(), theme);
            vec![e(tornado_svg(t, cur, &o(height, cur)))]
        }
        Reply::PainRanking(rows) => {
            let height = pain_height(rows.len(), theme);
            // `memo_key` always gives the ranking its KPI.
            let kpi = kpi.unwrap_or(Kpi::Purchased);
            vec![e(pain_svg(rows, kpi, cur, &o(height, cur)))]
        }
        Reply::Target(_) => Vec::new(),
    }
}

/// The names and summaries of a comparison: the baseline, then each variant.
fn runs_of(c: &Comparison) -> (Vec<String>, Vec<&Summary>) {
    let mut names = vec!["Baseline".to_string()];
    names.extend(c.variants.iter().map(|v| v.name.clone()));
    let mut sums = vec![&c.baseline];
    sums.extend(c.variants.iter().map(|v| &v.summary));
    (names, sums)
}

/// What the charts of `p`'s answer depend on: the answer and theme, plus the currency for the tornado
/// and the pain-point ranking and the KPI for the ranking (the comparison charts draw neither).
pub fn memo_key(p: &ViewProps) -> (SameReply, Theme, AttrValue, Option<Kpi>) {
    let none = AttrValue::default;
    let (cur, kpi) = match &*p.reply {
        Reply::Compare(_) | Reply::Target(_) => (none(), None),
        Reply::Tornado(_) => (p.currency.clone(), None),
        Reply::PainRanking(_) => (p.currency.clone(), Some(p.kpi)),
    };
    (SameReply(p.reply.clone()), p.theme, cur, kpi)
}

/// The view of an answer: the comparison, the tornado, the pain-point ranking or the target answer,
/// whichever the reply holds.
#[component]
pub fn ResultView(p: &ViewProps) -> Html {
    let charts = use_memo(memo_key(p), |(r, theme, cur, kpi)| {
        draw(&r.0, *theme, cur, *kpi)
    });
    match &*p.reply {
        Reply::Compare(c) => compare_view(p, c, &charts),
        Reply::Tornado(t) => tornado_view(p, t, charts.first()),
        Reply::PainRanking(rows) => pain_view(p, rows, charts.first()),
        Reply::Target(a) => target_view(p, a),
    }
}

/// The comparison: overlaid charts and, per KPI, the paired difference and P(better).
fn compare_view(p: &ViewProps, c: &Comparison, charts: &[Result<String, String>]) -> Html {
    let cur = p.currency.as_str();
    let table = compare_table(c, cur);
    let (names, sums) = runs_of(c);
    let funnel = overlay_funnel_table(&names, &sums);
    let active = overlay_series_table(&names, &sums, Series::Active);
    let advocates = overlay_series_table(&names, &sums, Series::Advocates);
    html! {
        <div class="whatif-result" data-testid="compare-view" data-elapsed-ms={elapsed(p)} data-answer={p.run.to_string()}
            data-runs={c.baseline.runs.to_string()}>
            <div class="whatif-charts">
                if charts.len() == 3 {
                    {chart("compare-funnel", "Funnel", charts.first())}
                    {chart("compare-retention", "Active customers", charts.get(1))}
                    {chart("compare-advocacy", "Advocates", charts.get(2))}
                }
            </div>
            <table class="data whatif-table whatif-diffs">
                <caption>{format!("Variant − baseline, paired over {} runs with common random numbers", c.baseline.runs)}</caption>
                <thead><tr>
                    <th scope="col">{"Figure"}</th><th scope="col">{"Variant"}</th>
                    <th scope="col">{"Median difference"}</th><th scope="col">{"p5 – p95"}</th>
                    <th scope="col">{"P(better)"}</th>
                </tr></thead>
                <tbody>
                { for Kpi::ALL.into_iter().flat_map(|kpi| c.variants.iter().enumerate().filter_map(move |(i, v)| {
                    let d = v.diffs.get(&kpi)?;
                    let id = if i == 0 { format!("p-better-{kpi}") } else { format!("p-better-{kpi}-{}", i + 1) };
                    Some(html! {
                        <tr>
                            <th scope="row">{kpi_label_with_currency(kpi, cur)}</th>
                            <td>{&v.name}</td>
                            <td class="num">{signed(kpi, d.stats.p50, cur)}</td>
                            <td class="num">{format!("{} – {}", signed(kpi, d.stats.p5, cur), signed(kpi, d.stats.p95, cur))}</td>
                            <td class="num"><span data-testid={id} data-value={d.p_better.to_string()}>{pct(d.p_better)}</span></td>
                        </tr>
                    })
                })) }
                </tbody>
            </table>
            <p class="whatif-exports">{"Download: "}{csv_button("comparison", &table)}{csv_button("compare-funnel", &funnel)}
                {csv_button("compare-retention", &active)}{csv_button("compare-advocacy", &advocates)}</p>
        </div>
    }
}

/// The tornado chart and the rank-correlation table.
fn tornado_view(p: &ViewProps, t: &Tornado, svg: Option<&Result<String, String>>) -> Html {
    let cur = p.currency.as_str();
    let (bars, imp) = (tornado_table(t, cur), importance_table(t, cur));
    html! {
        <div class="whatif-result" data-testid="tornado" data-elapsed-ms={elapsed(p)} data-answer={p.run.to_string()}
            data-bars={t.bars.len().to_string()} data-kpi={t.kpi.name()}>
            {chart("tornado", &format!("Tornado: {}", kpi_label_with_currency(t.kpi, cur)), svg)}
            <p class="whatif-note">{"Each input swung between the ends of its 90% range (±20% of a point value), the others at their central values; bars sorted by their effect on the expected value."}</p>
            {table_html(&imp, "whatif-importance")}
            if t.importance.is_empty() {
                <p class="whatif-note">{"No input is uncertain: give some inputs a range to see which ones explain the spread."}</p>
            }
            <p class="whatif-exports">{"Download: "}{csv_button("tornado", &bars)}{csv_button("rank-correlation", &imp)}</p>
        </div>
    }
}

/// The pain-point ranking: sentences, a bar chart and a table.
fn pain_view(p: &ViewProps, rows: &[PainWorth], svg: Option<&Result<String, String>>) -> Html {
    let kpi = p.kpi;
    let cur = p.currency.as_str();
    let label = kpi_label_with_currency(kpi, cur).to_lowercase();
    let table = pain_table(rows, kpi, cur);
    html! {
        <div class="whatif-result" data-testid="painpoint-ranking" data-elapsed-ms={elapsed(p)} data-answer={p.run.to_string()} data-rows={rows.len().to_string()}>
            <ol class="whatif-worth">
            { for rows.iter().map(|r| { let (a, b) = (&r.removed.stats, &r.halved.stats); html! {
                <li data-testid={format!("pain-worth-{}", r.index)} data-value={a.p50.to_string()}>
                    {format!("Fixing “{}” is worth {} more {label}", r.name, format_value(kpi, a.p50, cur))}
                    <span class="whatif-range">{format!(" (p5–p95 {} – {}; halving it: {}, p5–p95 {} – {})",
                        signed(kpi, a.p5, cur), signed(kpi, a.p95, cur), signed(kpi, b.p50, cur), signed(kpi, b.p5, cur), signed(kpi, b.p95, cur))}</span>
                </li>
            }}) }
            </ol>
            if rows.is_empty() { <p class="whatif-note">{"This journey has no pain points."}</p> }
            else { {chart("pain", "Worth of fixing each pain point", svg)} }
            {table_html(&table, "whatif-pain-table")}
            <p class="whatif-exports">{"Download: "}{csv_button("pain-points", &table)}</p>
        </div>
    }
}

/// The answer to a target question, or why it cannot be reached.
fn target_view(p: &ViewProps, a: &TargetAnswer) -> Html {
    let kpi = p.kpi;
    let cur = p.currency.as_str();
    let f = |v: f64| format_value(kpi, v, cur);
    let table = target_table(a, kpi, cur);
    let range = format!(
        "from {} (input at 0%) to {} (input at 100%)",
        f(a.range.0),
        f(a.range.1)
    );
    html! {
        <div class="whatif-result whatif-target" data-testid="target-answer" data-elapsed-ms={elapsed(p)} data-answer={p.run.to_string()}
            data-value={a.value.map(|v| v.to_string())}>
            { match (a.value, a.achieved) {
                (Some(v), Some(got)) => html! {
                    <p class="whatif-answer">{"Answer: "}<strong data-testid="target-value">{pct(v)}</strong>
                        {format!(" — expected {} then {}.", kpi_label_with_currency(kpi, cur).to_lowercase(), f(got))}</p>
                },
                _ => html! { <p class="whatif-answer whatif-unreachable" data-testid="target-unreachable">
                    {format!("Unreachable: with the other inputs at their central values, the expected value only goes {range}.")}</p> },
            } }
            <p>{format!("Reachable range: {range}.")}</p>
            if let Some(u) = &a.uncertainty {
                <p>{format!("Over draws of the other uncertain inputs the answer lies between {} and {} (p5–p95, median {}); the target is reachable in {} of the draws.",
                    pct(u.p5), pct(u.p95), pct(u.p50), pct(a.reachable_share))}</p>
            }
            <p class="whatif-exports">{"Download: "}{csv_button("target", &table)}</p>
        </div>
    }
}
