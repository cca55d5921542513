//! Ordering helpers that share one compiled sort.
//!
//! Every `sort_by` on a new element type or closure compiles its own copy of the standard library's
//! sort (a few KB of wasm each). The helpers here go through a single stable sort of indices with a
//! `dyn` comparison, so the web bundle carries one sort for all of these call sites. The hot paths of
//! the engine keep their own specialised sorts.
//!
//! Hand-written for the bundle size only: no crate is needed for the ordering itself (a plain
//! `sort_by` would do), and the standard library's sorts are what this calls.

use std::cmp::Ordering;

/// The stable sorting permutation of `n` items: position `i` of the result holds the index of the
/// item that belongs at `i`, where `compare(a, b)` orders items `a` and `b`. Equal items keep their
/// index order.
pub fn permutation(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Sorts `items` stably by `compare`, like `slice::sort_by`, through the one shared index sort.
pub fn sort_stable_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = permutation(items.len(), &|a, b| compare(&items[a], &items[b]));
    reorder(items, &order);
}

/// Puts `items[order[i]]` at position `i`, for a permutation `order` of `0..items.len()`.
fn reorder<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permutation_is_stable() {
        let keys = [3, 1, 3, 0, 1];
        let order = permutation(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(order, vec![3, 1, 4, 0, 2]);
        assert!(permutation(0, &|_, _| Ordering::Equal).is_empty());
    }

    #[test]
    fn sort_stable_by_keeps_ties_in_order() {
        let mut items = vec![(2, "a"), (1, "b"), (2, "c"), (1, "d")];
        sort_stable_by(&mut items, |x, y| x.0.cmp(&y.0));
        assert_eq!(items, vec![(1, "b"), (1, "d"), (2, "a"), (2, "c")]);
        let mut reversed = vec![1.0, 3.0, 2.0];
        sort_stable_by(&mut reversed, |a: &f64, b| b.total_cmp(a));
        assert_eq!(reversed, vec![3.0, 2.0, 1.0]);
    }
}
