//! What generated serde code names in its attributes.
//!
//! The adapters are [`serde_with`] types, used with `#[serde_as(as = "…")]`; `serde_with`
//! lifts them through `Option<_>`, `Vec<_>`, `BTreeMap<String, _>` and the like:
//!
//! | Smithy member | Rust field | `serde_as` |
//! |---|---|---|
//! | timestamp, `epoch-seconds` (JSON default) | `DateTime` | none needed, or [`EpochSeconds`] |
//! | timestamp, `date-time` | `DateTime` | [`DateTimeFormat`] |
//! | timestamp, `http-date` | `DateTime` | [`HttpDate`] |
//! | float, double | `f32`, `f64` | [`Float`] (writes NaN and infinities as strings) |
//!
//! Servers decode requests [`strictly`]. Unions are read with [`deserialize_union`]; [`from_json_value`] decodes a whole value and
//! names the member path of what does not decode.

mod decode;
mod float;
mod strict;
#[cfg(test)]
mod tests;
mod timestamp;
mod union;

pub use decode::{from_json_value, DecodeError};
pub use float::Float;
pub(crate) use strict::is_strict;
pub use strict::{read_unknown_member, strictly};
pub use timestamp::{DateTimeFormat, EpochSeconds, HttpDate};
pub use union::{deserialize_union, UnionMembers};
