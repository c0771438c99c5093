//! [`Checked`]: a deserializer that passes every request to the one it wraps, recording each
//! value the visitor is handed, and answering the strict readers' questions.

use std::cell::RefCell;
use std::fmt;

use serde::de::{Deserializer, Visitor};

use super::access::{CheckedEnum, CheckedMap, CheckedSeq};
use super::{Frame, Reading};
use crate::codec::strict::{DATE_TIME, UNKNOWN_MEMBER};
use crate::codec::Strictness;
use crate::validate::{Shape, Value, View};

/// What a value read is to the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A value: recorded.
    Value,
    /// A map key: the key of the next value.
    Key,
    /// An enum variant's name (a CBOR tag's marker): not recorded.
    Variant,
}

/// The validation rules at the value being read: only which members are required matters
/// here (validation proper runs on the view).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Rules {
    /// None known.
    None,
    /// A structure's or union's.
    Shape(&'static Shape),
    /// A member value's.
    Value(&'static Value),
}

impl Rules {
    /// The structure or union the value is, if it has rules.
    pub(crate) fn shape(self) -> Option<&'static Shape> {
        match self {
            Rules::Shape(shape) => Some(shape),
            Rules::Value(value) => value.shape,
            Rules::None => None,
        }
    }

    /// The rules of entry `key`: a structure's member, or a map's value.
    pub(crate) fn entry(self, key: &str) -> Rules {
        if let Some(shape) = self.shape() {
            return shape
                .members
                .iter()
                .find(|m| m.key == key)
                .map_or(Rules::None, |m| Rules::Value(&m.value));
        }
        self.element()
    }

    /// The rules of a list's elements or a map's values.
    pub(crate) fn element(self) -> Rules {
        match self {
            Rules::Value(Value {
                element: Some(element),
                ..
            }) => Rules::Value(element),
            _ => Rules::None,
        }
    }
}

/// Wraps the deserializer of one value.
pub(crate) struct Checked<'r, D> {
    inner: D,
    reading: &'r RefCell<Reading>,
    rules: Rules,
    mode: Mode,
}

impl<'r, D> Checked<'r, D> {
    pub(crate) fn new(inner: D, reading: &'r RefCell<Reading>, rules: Rules, mode: Mode) -> Self {
        Checked {
            inner,
            reading,
            rules,
            mode,
        }
    }

    fn strict(&self) -> bool {
        self.reading.borrow().strictness == Strictness::Strict
    }
}

/// Forwards `deserialize_*` methods to the wrapped deserializer, with the visitor wrapped.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                let visitor = CheckedVisitor::new(visitor, self.reading, self.rules, self.mode);
                self.inner.$method($($arg,)* visitor)
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Checked<'_, D> {
    type Error = D::Error;

    forward! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
    }

    /// The strict readers' questions (see `codec::strict`), and any other newtype.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        match name {
            UNKNOWN_MEMBER if self.strict() => visitor.visit_unit(),
            DATE_TIME if self.strict() => {
                let visitor = CheckedVisitor::new(visitor, self.reading, self.rules, self.mode);
                self.inner.deserialize_str(visitor)
            }
            _ => {
                let visitor = CheckedVisitor::new(visitor, self.reading, self.rules, self.mode);
                self.inner.deserialize_newtype_struct(name, visitor)
            }
        }
    }

    /// A value the decode skips (an unknown member): read over, not recorded.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_ignored_any(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// Wraps the visitor of one value: records what it is handed, then hands it on.
pub(crate) struct CheckedVisitor<'r, V> {
    inner: V,
    reading: &'r RefCell<Reading>,
    rules: Rules,
    mode: Mode,
    /// The elements of a sequence go straight into the enclosing container (a CBOR tag's
    /// number and value, whose value is the tag's).
    flat: bool,
}

impl<'r, V> CheckedVisitor<'r, V> {
    pub(crate) fn new(inner: V, reading: &'r RefCell<Reading>, rules: Rules, mode: Mode) -> Self {
        CheckedVisitor {
            inner,
            reading,
            rules,
            mode,
            flat: false,
        }
    }

    /// This visitor, its sequence's elements going into the enclosing container.
    pub(crate) fn flat(mut self) -> Self {
        self.flat = true;
        self
    }

    fn record(&self, view: View) {
        self.reading.borrow_mut().record(self.mode, view);
    }

    fn wrap<D>(&self, inner: D) -> Checked<'r, D> {
        Checked::new(inner, self.reading, self.rules, self.mode)
    }
}

/// Visitor methods that record a scalar (`view` builds its view from the value) and hand it on.
macro_rules! scalars {
    ($($method:ident($ty:ty) => $view:expr;)*) => {
        $(
            fn $method<E: serde::de::Error>(self, v: $ty) -> Result<Self::Value, E> {
                #[allow(clippy::redundant_closure_call)]
                self.record(($view)(&v));
                self.inner.$method(v)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for CheckedVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    scalars! {
        visit_bool(bool) => |v: &bool| View::Bool(*v);
        visit_i8(i8) => |v: &i8| View::Int(i128::from(*v));
        visit_i16(i16) => |v: &i16| View::Int(i128::from(*v));
        visit_i32(i32) => |v: &i32| View::Int(i128::from(*v));
        visit_i64(i64) => |v: &i64| View::Int(i128::from(*v));
        visit_i128(i128) => |v: &i128| View::Int(*v);
        visit_u8(u8) => |v: &u8| View::Int(i128::from(*v));
        visit_u16(u16) => |v: &u16| View::Int(i128::from(*v));
        visit_u32(u32) => |v: &u32| View::Int(i128::from(*v));
        visit_u64(u64) => |v: &u64| View::Int(i128::from(*v));
        visit_u128(u128) => |v: &u128| View::Int(i128::try_from(*v).unwrap_or(i128::MAX));
        visit_f32(f32) => |v: &f32| View::Float(f64::from(*v));
        visit_f64(f64) => |v: &f64| View::Float(*v);
        visit_char(char) => |v: &char| View::Text(v.to_string());
        visit_str(&str) => |v: &&str| View::Text((*v).to_owned());
        visit_borrowed_str(&'de str) => |v: &&str| View::Text((*v).to_owned());
        visit_string(String) => |v: &String| View::Text(v.clone());
        visit_bytes(&[u8]) => |v: &&[u8]| View::Bytes(v.len());
        visit_borrowed_bytes(&'de [u8]) => |v: &&[u8]| View::Bytes(v.len());
        visit_byte_buf(Vec<u8>) => |v: &Vec<u8>| View::Bytes(v.len());
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.record(View::Null);
        self.inner.visit_none()
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.record(View::Null);
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let d = self.wrap(d);
        self.inner.visit_some(d)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let d = self.wrap(d);
        self.inner.visit_newtype_struct(d)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let seq = CheckedSeq::new(seq, self.reading, self.rules.element(), self.mode);
        if self.flat {
            return self.inner.visit_seq(seq);
        }
        self.reading
            .borrow_mut()
            .frames
            .push(Frame::List(Vec::new()));
        let result = self.inner.visit_seq(seq);
        let mut reading = self.reading.borrow_mut();
        let view = reading.pop();
        reading.record(self.mode, view);
        result
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let id = {
            let mut reading = self.reading.borrow_mut();
            reading.maps += 1;
            reading.frames.push(Frame::Map(Vec::new(), None));
            reading.maps
        };
        let map = CheckedMap::new(map, self.reading, self.rules, id);
        let result = self.inner.visit_map(map);
        let mut reading = self.reading.borrow_mut();
        // An error after the map's last entry, when it lacks a required member, is serde's
        // "missing field".
        if result.is_err() && reading.ended_missing == Some(id) {
            reading.missing = true;
        }
        let view = reading.pop();
        reading.record(self.mode, view);
        result
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.reading.borrow_mut().frames.push(Frame::Tag(None));
        let data = CheckedEnum::new(data, self.reading, self.rules);
        let result = self.inner.visit_enum(data);
        let mut reading = self.reading.borrow_mut();
        let view = reading.pop();
        reading.record(self.mode, view);
        result
    }
}
