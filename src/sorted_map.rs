//! A small map kept as a sorted list: for the typed drafts of a form, the in-memory store, the
//! summary's KPIs, series and drop-offs, and a comparison's differences.
//!
//! A `BTreeMap` compiles a few KB of node code (insert, balancing, clone) for each key and value type;
//! a sorted `Vec` with linear search is enough for the few dozen entries these hold and much smaller
//! in the bundle. Iteration is in key order, as with a `BTreeMap`.

use std::borrow::Borrow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

    /// The value of `key` to change, if any.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.entries
            .iter_mut()
            .find(|(k, _)| (*k).borrow() == key)
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

    /// The values in key order, to change.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.entries.iter_mut().map(|(_, v)| v)
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    /// Inserts the pairs one by one: a later pair wins over an earlier one with the same key.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = SortedMap::new();
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    /// The entries in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Ord + Borrow<str>, V> std::ops::Index<&str> for SortedMap<K, V> {
    type Output = V;

    /// The value of `key`; panics when it is missing, like indexing a `BTreeMap` (for tests and
    /// keys known to be there).
    fn index(&self, key: &str) -> &V {
        self.get(key).expect("key in the map")
    }
}

impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    /// As a JSON object (a map), like a `BTreeMap`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.entries.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for SortedMap<K, V> {
    /// From a map, like a `BTreeMap` (a repeated key keeps its last value).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Pairs<K, V> {
            type Value = SortedMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = SortedMap::new();
                while let Some((k, v)) = access.next_entry()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }
        deserializer.deserialize_map(Pairs(PhantomData))
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
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"1":"A","3":"c","9":"z"}"#);
        let text: SortedMap<String, u8> = serde_json::from_str(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        assert_eq!((text["a"], text["b"], text.len()), (2, 3, 2));
        m.clear();
        assert!(m.is_empty());
    }
}
