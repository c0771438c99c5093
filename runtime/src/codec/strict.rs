//! Strict reading, for servers: what a client must tolerate in a response (a union member
//! newer than its model, a date-time with a UTC offset) a server must refuse in a request.
//!
//! Strictness is a parameter of the reader ([`Strictness`]), never ambient state. serde hands a
//! `Deserialize` impl no context, so the two readers that differ ask the deserializer, with a
//! newtype struct of a reserved name ([`UNKNOWN_MEMBER`], [`DATE_TIME`]). A plain deserializer
//! (serde_json's, ciborium's, a `serde_json::Value`) treats it as any newtype struct and calls
//! `visit_newtype_struct`: the lenient reading. The runtime's strict reader (which servers
//! decode requests with) answers otherwise: `visit_unit` for an unknown union member (refuse
//! it), `visit_str` with the text for a date-time (parse it strictly).

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use crate::datetime::{DateTime, Format};

/// How strictly values are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Strictness {
    /// As a client reads a response: a union member the model does not have is kept as the
    /// union's `Unknown` variant, a `date-time` may have any UTC offset.
    #[default]
    Lenient,
    /// As a server reads a request: such a union member is refused, and a `date-time` must end
    /// in `Z`.
    Strict,
}

/// The newtype-struct name that asks a reader how to take a union member the model does not
/// have.
pub(crate) const UNKNOWN_MEMBER: &str = "$smithy_runtime::unknown_union_member";

/// The newtype-struct name that asks a reader how to take a `date-time` string.
pub(crate) const DATE_TIME: &str = "$smithy_runtime::date_time";

/// Reads the value of union member `key`, which union `union` does not have: its name when
/// the value is set (the union's `Unknown` variant), `None` for `null`. Generated unions call
/// this for keys they do not know.
///
/// # Errors
///
/// From a strict reader, always: `union `Choice` has no member `d``; else when the value is
/// not well formed.
pub fn read_unknown_member<'de, M: MapAccess<'de>>(
    union: &str,
    key: &str,
    map: &mut M,
) -> Result<Option<String>, M::Error> {
    map.next_value_seed(UnknownMember { union, key })
}

/// The value of an unknown union member.
struct UnknownMember<'a> {
    union: &'a str,
    key: &'a str,
}

impl<'de> DeserializeSeed<'de> for UnknownMember<'_> {
    type Value = Option<String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_newtype_struct(UNKNOWN_MEMBER, self)
    }
}

impl<'de> Visitor<'de> for UnknownMember<'_> {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a value of union member `{}`", self.key)
    }

    /// Lenient: the value is read over, and the member kept by name when it is set.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let value = Option::<IgnoredAny>::deserialize(d)?;
        Ok(value.map(|_| self.key.to_owned()))
    }

    /// Strict: refused.
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Err(E::custom(format_args!(
            "union `{}` has no member `{}`",
            self.union, self.key
        )))
    }
}

/// Reads a `date-time` string (a human-readable format's): leniently from a plain
/// deserializer, strictly from a strict reader.
pub(crate) fn deserialize_date_time<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<DateTime, D::Error> {
    deserializer.deserialize_newtype_struct(DATE_TIME, DateTimeText(Strictness::Strict))
}

/// A `date-time` string, read with the given strictness when handed over as a string.
struct DateTimeText(Strictness);

impl<'de> Visitor<'de> for DateTimeText {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a timestamp as a {} string", Format::DateTime)
    }

    /// A plain deserializer: the string the newtype holds, read leniently.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<DateTime, D::Error> {
        d.deserialize_str(DateTimeText(Strictness::Lenient))
    }

    /// The string itself: from a strict reader (strict), or from the lenient read above.
    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<DateTime, E> {
        DateTime::parse_with(text, Format::DateTime, self.0).map_err(E::custom)
    }
}
