//! A small map kept as a sorted list: for the handful of typed drafts of a form.
//!
//! A `BTreeMap` compiles a few KB of node code (insert, balancing, clone) for each key and value type;
//! a sorted `Vec` with linear search is enough for a few dozen entries and much smaller in the bundle.
//! Iteration is in key order, as with a `BTreeMap`.

/// Entries sorted by key, each key at most once.
#[derive(Clone, Debug, PartialEq)]
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
    pub fn get(&self, key: &K) -> Option<&V> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
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

    /// Whether the map has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
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
        m.clear();
        assert!(m.is_empty());
    }
}
