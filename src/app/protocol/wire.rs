//! The binary form of the messages between the page and the workers: each value is written field by
//! field in a fixed order, with no names or tags beyond what an enum needs. Integers and `f64`s are 8
//! bytes little-endian (NaN and infinities kept exactly), strings and lists are a length then their
//! items, an option or a bool is one byte. Page and workers run the same wasm, so both sides always
//! agree on the order.
//!
//! This replaces JSON inside messages: a summary, a what-if result or a batch of run records needs no
//! text formatting or parsing, and the page carries one small reader per type instead of a serde
//! deserializer. A reader never panics: damaged or short input gives `None`.

use std::collections::BTreeMap;

use crate::sorted_map::SortedMap;

mod types;

#[cfg(test)]
mod tests;

/// A value with a binary form.
pub trait Wire: Sized {
    /// Appends the value to `out`.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a value from the front of `input`, or `None` if it does not hold one.
    fn get(input: &mut &[u8]) -> Option<Self>;
}

/// The binary form of `value`.
pub fn encode<T: Wire>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.put(&mut out);
    out
}

/// Reads a whole message: `None` if it is damaged or has bytes left over.
pub fn decode<T: Wire>(mut bytes: &[u8]) -> Option<T> {
    let value = T::get(&mut bytes)?;
    bytes.is_empty().then_some(value)
}

/// Takes `n` bytes from the front of `input`.
pub fn take<'a>(input: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if n > input.len() {
        return None;
    }
    let (head, rest) = input.split_at(n);
    *input = rest;
    Some(head)
}

/// Appends a byte string: its length, then its bytes.
pub fn put_bytes(bytes: &[u8], out: &mut Vec<u8>) {
    bytes.len().put(out);
    out.extend_from_slice(bytes);
}

/// Takes a byte string written by [`put_bytes`] from the front of `input`.
pub fn get_bytes<'a>(input: &mut &'a [u8]) -> Option<&'a [u8]> {
    let n = usize::get(input)?;
    take(input, n)
}

impl Wire for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        Some(u64::from_le_bytes(take(input, 8)?.try_into().ok()?))
    }
}

impl Wire for f64 {
    fn put(&self, out: &mut Vec<u8>) {
        self.to_bits().put(out);
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        u64::get(input).map(f64::from_bits)
    }
}

impl Wire for usize {
    fn put(&self, out: &mut Vec<u8>) {
        (*self as u64).put(out);
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        usize::try_from(u64::get(input)?).ok()
    }
}

impl Wire for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        u64::from(*self).put(out);
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        u32::try_from(u64::get(input)?).ok()
    }
}

impl Wire for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        Some(take(input, 1)?[0])
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        match take(input, 1)? {
            [0] => Some(false),
            [1] => Some(true),
            _ => None,
        }
    }
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_bytes(self.as_bytes(), out);
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        String::from_utf8(get_bytes(input)?.to_vec()).ok()
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for x in self {
            x.put(out);
        }
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        let n = usize::get(input)?;
        // Every item takes at least one byte of input, and the reservation is in items of
        // `size_of::<T>()` bytes: bounding it by both keeps a damaged length from reserving more than
        // the input's own size.
        let mut v = Vec::with_capacity(n.min(input.len() / std::mem::size_of::<T>().max(1)));
        for _ in 0..n {
            v.push(T::get(input)?);
        }
        Some(v)
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (**self).put(out);
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        T::get(input).map(Box::new)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.is_some().put(out);
        if let Some(x) = self {
            x.put(out);
        }
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        match bool::get(input)? {
            true => T::get(input).map(Some),
            false => Some(None),
        }
    }
}

impl<V: Wire> Wire for SortedMap<String, V> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for (k, v) in self {
            k.put(out);
            v.put(out);
        }
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        let n = usize::get(input)?;
        let mut map = SortedMap::new();
        for _ in 0..n {
            let k = String::get(input)?;
            map.insert(k, V::get(input)?);
        }
        Some(map)
    }
}

impl<K: Wire + Ord, V: Wire> Wire for BTreeMap<K, V> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for (k, v) in self {
            k.put(out);
            v.put(out);
        }
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        let n = usize::get(input)?;
        let mut map = BTreeMap::new();
        for _ in 0..n {
            let k = K::get(input)?;
            map.insert(k, V::get(input)?);
        }
        Some(map)
    }
}

impl<T: Wire, E: Wire> Wire for Result<T, E> {
    fn put(&self, out: &mut Vec<u8>) {
        self.is_err().put(out);
        match self {
            Ok(x) => x.put(out),
            Err(e) => e.put(out),
        }
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        match bool::get(input)? {
            false => T::get(input).map(Ok),
            true => E::get(input).map(Err),
        }
    }
}

impl Wire for (f64, f64) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn get(input: &mut &[u8]) -> Option<Self> {
        Some((f64::get(input)?, f64::get(input)?))
    }
}

/// Implements [`Wire`] for structs, field by field in the order listed. Every field must be listed
/// (the reader builds the struct literal), so a new field cannot be forgotten.
macro_rules! wire_structs {
    ($($t:ty { $($f:ident),* })*) => {$(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$f.put(out);)*
            }
            fn get(input: &mut &[u8]) -> Option<Self> {
                Some(Self { $($f: Wire::get(input)?),* })
            }
        }
    )*};
}

pub(crate) use wire_structs;

/// Implements [`Wire`] for enums whose variants have named fields (or none): a tag byte, then the
/// fields in the order listed. Every field must be listed.
macro_rules! wire_enums {
    ($($t:ident { $($v:ident { $($f:ident),* } = $tag:literal),* $(,)? })*) => {$(
        impl $crate::app::protocol::wire::Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                match self {
                    $($t::$v { $($f),* } => {
                        out.push($tag);
                        $($crate::app::protocol::wire::Wire::put($f, out);)*
                    })*
                }
            }
            fn get(input: &mut &[u8]) -> Option<Self> {
                Some(match $crate::app::protocol::wire::take(input, 1)?[0] {
                    $($tag => $t::$v { $($f: $crate::app::protocol::wire::Wire::get(input)?),* },)*
                    _ => return None,
                })
            }
        }
    )*};
}
pub(crate) use wire_enums;
