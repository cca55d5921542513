//! Which view the URL fragment asked for: the editor, an embed or the presentation.

/// Which view the URL fragment asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// The editor with results (the default).
    Editor,
    /// Only the chosen charts and KPI cards (names from `store::route`), for iframes.
    Embed {
        /// Chart names, in order.
        charts: Vec<String>,
        /// KPI names, in order.
        kpis: Vec<String>,
    },
    /// The presentation view for slides.
    Present,
}
