//! Default values of scenario fields (serde defaults), in one place.

use super::uncertain::Prob;

pub(super) fn default_period_label() -> String {
    "week".into()
}
pub(super) fn default_horizon() -> u32 {
    52
}
pub(super) fn default_runs() -> u32 {
    5_000
}
pub(super) fn default_seed() -> u64 {
    20_231_101
}
pub(super) fn default_true() -> bool {
    true
}
pub(super) fn one() -> f64 {
    1.0
}
pub(super) fn one_usize() -> usize {
    1
}
pub(super) fn zero_prob() -> Prob {
    Prob::Point(0.0)
}
pub(super) fn default_currency() -> String {
    "€".into()
}
