//! What generated serde code names in its attributes.
//!
//! The adapters are [`serde_with`] types, used with
//! `#[serde(with = "serde_with::As::<…>")]` (no `serde_with` proc macro); `serde_with` lifts
//! them through `Option<_>`, `Vec<_>`, `BTreeMap<Same, _>` and the like:
//!
//! | Smithy member | Rust field | adapter |
//! |---|---|---|
//! | timestamp, `epoch-seconds` (JSON default) | `DateTime` | none needed, or [`EpochSeconds`] |
//! | timestamp, `date-time` | `DateTime` | [`DateTimeFormat`] |
//! | timestamp, `http-date` | `DateTime` | [`HttpDate`] |
//! | float, double | `f32`, `f64` | [`Float`] (writes NaN and infinities as strings) |
//!
//! Servers read requests [`Strictness::Strict`]ly, with the checked reader that also keeps the
//! wire form for validation (`from_json_with`, feature `server`, reads JSON with either strictness). Unions are
//! read with [`deserialize_union`]; [`from_json_value`] decodes a whole value and names the
//! member path of what does not decode.

pub(crate) mod cbor;
mod decode;
mod enums;
mod float;
pub(crate) mod json;
#[cfg(feature = "server")]
pub(crate) mod reader;
pub(crate) mod strict;
#[cfg(test)]
mod tests;
mod timestamp;
mod union;

pub use decode::{from_json_value, DecodeError};
pub use enums::deserialize_string_enum;
pub use float::Float;
#[cfg(feature = "server")]
pub use reader::from_json_with;
pub use strict::{read_unknown_member, Strictness};
pub use timestamp::{DateTimeFormat, EpochSeconds, HttpDate};
pub use union::{deserialize_union, UnionMembers};
