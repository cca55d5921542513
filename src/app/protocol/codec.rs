//! The yew-agent message codec of the workers ([`WireCodec`], set with `.encoding::<WireCodec>()` on
//! every registrar and spawner).
//!
//! yew-agent wraps each message in its own small envelopes (which bridge, input or output, a finish
//! signal) and encodes them through serde. This codec is a minimal serde format for exactly those
//! envelopes — variant indices, the bridge's id and byte strings — while our messages serialize
//! themselves as one byte string in their [`Wire`] form ([`serde_via_wire!`]). Anything else is refused.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde::ser::{self, Serialize};

use super::wire::{get_bytes, put_bytes, take, Wire};

/// A message that could not be encoded or decoded (never expected: page and workers run one wasm).
#[derive(Debug)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unreadable worker message")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
}

/// The envelope serializer: appends to a byte list.
pub struct Ser(pub Vec<u8>);

/// Refuses the serde calls no envelope makes.
macro_rules! refuse {
    ($($f:ident ( $($a:ty),* ) -> $r:ty;)*) => {$(
        fn $f(self, $(_: $a),*) -> Result<$r, Error> {
            Err(Error)
        }
    )*};
}

impl ser::Serializer for &mut Ser {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = Self;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        v.put(&mut self.0);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        put_bytes(v, &mut self.0);
        Ok(())
    }
    fn serialize_unit_variant(self, _: &str, index: u32, _: &str) -> Result<(), Error> {
        self.0.push(index as u8);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &str,
        index: u32,
        _: &str,
        value: &T,
    ) -> Result<(), Error> {
        self.0.push(index as u8);
        value.serialize(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &str,
        index: u32,
        _: &str,
        _: usize,
    ) -> Result<Self, Error> {
        self.0.push(index as u8);
        Ok(self)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Error> {
        Err(Error)
    }
    refuse! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_char(char) -> ();
        serialize_str(&str) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

impl ser::SerializeTupleVariant for &mut Ser {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

/// The envelope deserializer: reads from the front of a byte list.
pub struct De<'a>(pub &'a [u8]);

impl<'de> de::Deserializer<'de> for &mut De<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(Error)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u64(u64::get(&mut self.0).ok_or(Error)?)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_bytes(get_bytes(&mut self.0).ok_or(Error)?)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(self)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u128 f32 f64 char str string option unit unit_struct
        seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl<'de> de::EnumAccess<'de> for &mut De<'de> {
    type Error = Error;
    type Variant = Self;
    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Error> {
        let index = u32::from(take(&mut self.0, 1).ok_or(Error)?[0]);
        let value = seed.deserialize(IntoDeserializer::<Error>::into_deserializer(index))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut De<'de> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }
    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Error> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(Fields(self, len))
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Error> {
        Err(Error)
    }
}

/// The fields of a tuple variant.
struct Fields<'a, 'de>(&'a mut De<'de>, usize);

impl<'de> de::SeqAccess<'de> for Fields<'_, 'de> {
    type Error = Error;
    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        if self.1 == 0 {
            return Ok(None);
        }
        self.1 -= 1;
        seed.deserialize(&mut *self.0).map(Some)
    }
}

/// Reads a message's [`Wire`] form out of its byte string.
pub struct WireVisitor<T>(pub PhantomData<T>);

impl<T: Wire> Visitor<'_> for WireVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a message")
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<T, E> {
        super::wire::decode(v).ok_or_else(|| E::custom(Error))
    }
}

/// Implements serde for message types as their [`Wire`] form in one byte string.
macro_rules! serde_via_wire {
    ($($t:ty),*) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&$crate::app::protocol::wire::encode(self))
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_bytes($crate::app::protocol::codec::WireVisitor(std::marker::PhantomData))
            }
        }
    )*};
}
pub(crate) use serde_via_wire;

/// The codec: envelopes in the minimal format above, as a `Uint8Array`.
pub struct WireCodec;

impl yew_agent::Codec for WireCodec {
    fn encode<I: Serialize>(input: I) -> wasm_bindgen::JsValue {
        let mut ser = Ser(Vec::new());
        if input.serialize(&mut ser).is_err() {
            wasm_bindgen::throw_str("unwritable worker message");
        }
        js_sys::Uint8Array::from(ser.0.as_slice()).into()
    }

    fn decode<O: for<'de> serde::Deserialize<'de>>(input: wasm_bindgen::JsValue) -> O {
        let bytes = js_sys::Uint8Array::new(&input).to_vec();
        let mut de = De(&bytes);
        match O::deserialize(&mut de) {
            Ok(value) if de.0.is_empty() => value,
            _ => wasm_bindgen::throw_str("unreadable worker message"),
        }
    }
}
