//! The views a URL fragment can ask for besides the editor: the embed (chosen charts and KPIs only, for
//! iframes) and the presentation (large type, high contrast, stage-by-stage reveal).

pub mod embed;
pub mod present;

pub use embed::EmbedView;
pub use present::PresentView;
