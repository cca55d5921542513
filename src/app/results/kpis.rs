//! KPI cards: the median big, p5–p95 small, and the exact expected value where the model is linear.

use yew::prelude::*;

use super::super::charts::{format_value, kpi_label};
use super::super::context::use_edit;
use super::super::state::Shown;
use crate::sim::Kpi;

/// The KPI cards shown, as (KPI, test id suffix).
pub const CARDS: [(Kpi, &str); 7] = [
    (Kpi::Purchased, "purchased"),
    (Kpi::RetainedAtHorizon, "retained"),
    (Kpi::AdvocatesAtHorizon, "advocates"),
    (Kpi::ViralCoefficient, "viral"),
    (Kpi::Revenue, "revenue"),
    (Kpi::Clv, "clv"),
    (Kpi::Roi, "roi"),
];

/// A plain number for tests and copy-paste: whole numbers from 100 up, else up to 4 decimals.
pub fn plain(v: f64) -> String {
    if !v.is_finite() {
        "NaN".into()
    } else if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else {
        crate::sim::uncertain::fmt_num(v)
    }
}

/// Properties of [`Kpis`].
#[derive(Properties, PartialEq)]
pub struct KpisProps {
    /// The summary shown.
    pub shown: Shown,
    /// Only these KPIs, in this order; all cards when `None`.
    #[prop_or_default]
    pub only: Option<Vec<Kpi>>,
}

/// The test id suffix of a KPI's card (`kpi-<suffix>`): its short id among the [`CARDS`], else its
/// name.
pub fn card_id(kpi: Kpi) -> &'static str {
    CARDS
        .iter()
        .find(|(k, _)| *k == kpi)
        .map_or(kpi.name(), |(_, id)| id)
}

/// The KPI cards.
#[component]
pub fn Kpis(props: &KpisProps) -> Html {
    let ctx = use_edit();
    let currency = ctx.state.scenario.economics.currency.clone();
    let summary = &props.shown.summary;
    let cards: Vec<(Kpi, &str)> = match &props.only {
        None => CARDS.to_vec(),
        Some(list) => list.iter().map(|&k| (k, card_id(k))).collect(),
    };
    html! {
        <div class="kpis">
            { for cards.iter().map(|&(kpi, id)| {
                let Some(k) = summary.kpis.get(&kpi) else { return html! {} };
                let st = &k.stats;
                let fmt = |v: f64| if v.is_finite() { format_value(kpi, v, &currency) } else { "—".into() };
                html! {
                    <div class="kpi" data-testid={format!("kpi-{id}")} data-value={plain(st.p50)}>
                        <h3>{kpi_label(kpi)}</h3>
                        <p class="median">{fmt(st.p50)}</p>
                        <p class="range" title="5th to 95th percentile across runs">{format!("p5–p95 {} – {}", fmt(st.p5), fmt(st.p95))}</p>
                        if let Some(e) = st.expected {
                            <p class="expected">{format!("expected {}", fmt(e))}</p>
                        }
                        <p class="raw">{"median "}<span class="plain">{plain(st.p50)}</span></p>
                    </div>
                }
            }) }
        </div>
    }
}
