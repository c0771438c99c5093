//! The serializer of a message's top-level structure: it forwards body members to the format's
//! map serializer, hands bound members back as serde JSON values, and adds the plan's extra
//! member when the value lacks it. Also [`member_path`], the path of a CBOR decoding error.

use serde::ser::{self, Error as _, Impossible, Serialize, SerializeMap, SerializeStruct};
use serde_json::{Map, Value};

use super::Plan;

/// Serializes a top-level structure (or map, or `null` as an empty one) through `inner`.
pub(super) struct TopLevel<'p, S> {
    inner: S,
    plan: &'p Plan<'p>,
}

impl<'p, S> TopLevel<'p, S> {
    pub(super) fn new(inner: S, plan: &'p Plan<'p>) -> Self {
        TopLevel { inner, plan }
    }
}

/// What the top-level serializer gives back: the format's result and the bound members.
type Written<T> = (T, Map<String, Value>);

/// The map being written, and what was set aside.
pub(super) struct Members<'p, M> {
    map: M,
    plan: &'p Plan<'p>,
    bound: Map<String, Value>,
    extra_seen: bool,
    /// The key of the entry being written through [`SerializeMap`].
    key: Option<String>,
}

impl<'p, S: ser::Serializer> TopLevel<'p, S> {
    fn open(self, len: Option<usize>) -> Result<Members<'p, S::SerializeMap>, S::Error> {
        // A definite length only when every member goes to the body as it comes.
        let len = if self.plan.extra.is_some() || !self.plan.bound.is_empty() {
            None
        } else {
            len
        };
        Ok(Members {
            map: self.inner.serialize_map(len)?,
            plan: self.plan,
            bound: Map::new(),
            extra_seen: false,
            key: None,
        })
    }

    fn not_a_structure(what: &str) -> S::Error {
        S::Error::custom(format_args!("expected a structure, found {what}"))
    }
}

impl<M: SerializeMap> Members<'_, M> {
    fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), M::Error> {
        if self.plan.extra.is_some_and(|(extra, _)| extra == key) {
            self.extra_seen = true;
        }
        if self.plan.is_bound(key) {
            let value = serde_json::to_value(value).map_err(M::Error::custom)?;
            if !value.is_null() {
                self.bound.insert(key.to_owned(), value);
            }
            Ok(())
        } else {
            self.map.serialize_entry(key, value)
        }
    }

    fn finish(mut self) -> Result<Written<M::Ok>, M::Error> {
        if let (Some((key, value)), false) = (self.plan.extra, self.extra_seen) {
            self.member(key, value)?;
        }
        Ok((self.map.end()?, self.bound))
    }
}

impl<M: SerializeMap> SerializeStruct for Members<'_, M> {
    type Ok = Written<M::Ok>;
    type Error = M::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        self.member(key, value)
    }

    fn end(self) -> Result<Self::Ok, M::Error> {
        self.finish()
    }
}

impl<M: SerializeMap> SerializeMap for Members<'_, M> {
    type Ok = Written<M::Ok>;
    type Error = M::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), M::Error> {
        match serde_json::to_value(key).map_err(M::Error::custom)? {
            Value::String(key) => {
                self.key = Some(key);
                Ok(())
            }
            other => Err(M::Error::custom(format_args!(
                "member names are strings, found {other}"
            ))),
        }
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), M::Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| M::Error::custom("a map value without its key"))?;
        self.member(&key, value)
    }

    fn end(self) -> Result<Self::Ok, M::Error> {
        self.finish()
    }
}

/// The serializer methods of values that are not structures: all errors.
macro_rules! not_structures {
    ($($method:ident($($arg:ty),*) $what:literal;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<Self::Ok, S::Error> {
            Err(Self::not_a_structure($what))
        })*
    };
}

impl<'p, S: ser::Serializer> ser::Serializer for TopLevel<'p, S> {
    type Ok = Written<S::Ok>;
    type Error = S::Error;
    type SerializeSeq = Impossible<Self::Ok, S::Error>;
    type SerializeTuple = Impossible<Self::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<Self::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<Self::Ok, S::Error>;
    type SerializeMap = Members<'p, S::SerializeMap>;
    type SerializeStruct = Members<'p, S::SerializeMap>;
    type SerializeStructVariant = Impossible<Self::Ok, S::Error>;

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        self.open(Some(len))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.open(len)
    }

    /// `null` (an unset input) is the empty structure.
    fn serialize_unit(self) -> Result<Self::Ok, S::Error> {
        self.open(Some(0))?.finish()
    }

    fn serialize_none(self) -> Result<Self::Ok, S::Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, S::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, S::Error> {
        value.serialize(self)
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, S::Error> {
        self.serialize_unit()
    }

    not_structures! {
        serialize_bool(bool) "a boolean";
        serialize_i8(i8) "a number";
        serialize_i16(i16) "a number";
        serialize_i32(i32) "a number";
        serialize_i64(i64) "a number";
        serialize_u8(u8) "a number";
        serialize_u16(u16) "a number";
        serialize_u32(u32) "a number";
        serialize_u64(u64) "a number";
        serialize_f32(f32) "a number";
        serialize_f64(f64) "a number";
        serialize_char(char) "a string";
        serialize_str(&str) "a string";
        serialize_bytes(&[u8]) "bytes";
        serialize_unit_variant(&'static str, u32, &'static str) "an enum value";
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Self::Ok, S::Error> {
        Err(Self::not_a_structure("a union"))
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Err(Self::not_a_structure("a list"))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, S::Error> {
        Err(Self::not_a_structure("a list"))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        Err(Self::not_a_structure("a list"))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        Err(Self::not_a_structure("a union"))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        Err(Self::not_a_structure("a union"))
    }
}

/// The member path without the variants the CBOR reader's tags add (`@@TAGGED@@`).
pub(super) fn member_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Enum { variant } if variant.starts_with("@@") => {}
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => out.push_str(if out.is_empty() { "?" } else { ".?" }),
        }
    }
    out
}
