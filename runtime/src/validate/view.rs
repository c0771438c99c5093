//! [`View`]: a request's wire form, as far as validation needs it, from JSON or CBOR.

use std::fmt;

use serde::de::{
    Deserialize, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// A decoded value of either wire format: what [`super::validate`] checks. CBOR tags (the
/// epoch of a timestamp) are read through; byte strings keep their length only.
#[derive(Clone, Debug, PartialEq)]
pub enum View {
    /// `null` (or CBOR undefined).
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i128),
    /// A float.
    Float(f64),
    /// A text string.
    Text(String),
    /// A byte string (CBOR blobs), by length.
    Bytes(usize),
    /// A list.
    List(Vec<View>),
    /// A map or structure, in wire order.
    Map(Vec<(String, View)>),
}

impl View {
    /// The entry `key` of a map.
    pub fn get(&self, key: &str) -> Option<&View> {
        match self {
            View::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for View {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ViewVisitor)
    }
}

struct ViewVisitor;

impl<'de> Visitor<'de> for ViewVisitor {
    type Value = View;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<View, E> {
        Ok(View::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<View, E> {
        Ok(View::Int(i128::from(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<View, E> {
        Ok(View::Int(i128::from(v)))
    }

    fn visit_i128<E>(self, v: i128) -> Result<View, E> {
        Ok(View::Int(v))
    }

    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<View, E> {
        i128::try_from(v)
            .map(View::Int)
            .map_err(|_| E::custom("integer out of range"))
    }

    fn visit_f64<E>(self, v: f64) -> Result<View, E> {
        Ok(View::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<View, E> {
        Ok(View::Text(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<View, E> {
        Ok(View::Text(v))
    }

    fn visit_bytes<E>(self, v: &[u8]) -> Result<View, E> {
        Ok(View::Bytes(v.len()))
    }

    fn visit_unit<E>(self) -> Result<View, E> {
        Ok(View::Null)
    }

    fn visit_none<E>(self) -> Result<View, E> {
        Ok(View::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<View, D::Error> {
        View::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<View, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(View::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<View, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<MapKey, View>()? {
            entries.push((key.0, value));
        }
        Ok(View::Map(entries))
    }

    /// A CBOR tag (ciborium hands tags over as enum variants): the tagged value.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<View, A::Error> {
        let (_tag, variant) = data.variant::<serde::de::IgnoredAny>()?;
        variant.newtype_variant::<View>()
    }
}

/// A map key: a string, or any scalar written as text.
struct MapKey(String);

impl<'de> Deserialize<'de> for MapKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match View::deserialize(deserializer)? {
            View::Text(text) => Ok(MapKey(text)),
            View::Int(i) => Ok(MapKey(i.to_string())),
            other => Ok(MapKey(format!("{other:?}"))),
        }
    }
}
