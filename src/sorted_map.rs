//! A small map kept as a sorted list: for the typed drafts of a form and the in-memory store.
//!
//! A `BTreeMap` compiles a few KB of node code (insert, balancing, clone) for each key and value type;
//! a sorted `Vec` with linear search is enough for the few dozen entries these hold and much smaller
//! in the bundle. Iteration is in key order, as with a `BTreeMap`.

use std::borrow::Borrow;

/// Entries sorted by key, each key at most once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value of `key`, if any.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.entries
            .iter()
            .find(|(k, _)| k.borrow() == key)
            .map(|(_, v)| v)
    }

    /// Removes `key` and returns its value, if any.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let i = self.entries.iter().position(|(k, _)| k.borrow() == key)?;
        Some(self.entries.remove(i).1)
    }

    /// Sets the value of `key`, replacing an earlier one.
    pub fn insert(&mut self, key: K, value: V) {
        match self.entries.iter().position(|(k, _)| *k >= key) {
            Some(i) if self.entries[i].0 == key => self.entries[i].1 = value,
            Some(i) => self.entries.insert(i, (key, value)),
            None => self.entries.push((key, value)),
        }
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_keys_sorted_and_unique() {
        let mut m = SortedMap::new();
        assert!(m.is_empty());
        for (k, v) in [(3, "c"), (1, "a"), (2, "b"), (1, "A"), (9, "z")] {
            m.insert(k, v);
        }
        let all: Vec<_> = m.iter().map(|(k, v)| (*k, *v)).collect();
        assert_eq!(all, vec![(1, "A"), (2, "b"), (3, "c"), (9, "z")]);
        assert_eq!(m.get(&2), Some(&"b"));
        assert_eq!(m.get(&4), None);
        assert_eq!(m.values().count(), 4);
        assert_eq!(m.keys().copied().collect::<Vec<_>>(), vec![1, 2, 3, 9]);
        assert_eq!((m.remove(&2), m.remove(&2), m.len()), (Some("b"), None, 3));
        m.clear();
        assert!(m.is_empty());
    }
}
