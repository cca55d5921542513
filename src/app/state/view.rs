//! Which view the URL fragment asked for: the editor, an embed or the presentation.

use crate::sim::Kpi;
use crate::store::Chart;

/// Which view the URL fragment asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// The editor with results (the default).
    Editor,
    /// Only the chosen charts and KPI cards, for iframes.
    Embed {
        /// The charts, in order.
        charts: Vec<Chart>,
        /// The KPI cards, in order.
        kpis: Vec<Kpi>,
    },
    /// The presentation view for slides.
    Present,
}
