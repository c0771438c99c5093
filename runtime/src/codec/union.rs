//! [`deserialize_union`]: reading the one-member object (JSON) or map (CBOR) of a Smithy union
//! straight from the deserializer.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Error as _, IgnoredAny, MapAccess, Visitor};
use serde::Deserializer;

/// Implemented by generated unions: how to read the value of each member.
pub trait UnionMembers: Sized {
    /// The union's name, for error messages.
    const NAME: &'static str;

    /// The union set to member `key`, its value read from `map` (with
    /// [`MapAccess::next_value`]); `None` when the value is `null`, which counts as unset.
    /// Generated impls build the union's `Unknown` variant for keys they do not know.
    ///
    /// # Errors
    ///
    /// When the value does not read as the member's type.
    fn read_member<'de, M: MapAccess<'de>>(
        key: &str,
        map: &mut M,
    ) -> Result<Option<Self>, M::Error>;
}

/// Reads a union: an object (or map) with exactly one member set.
///
/// A top-level `__type` key and members whose value is `null` are ignored.
///
/// # Errors
///
/// A value that is not an object; an object with no member set, or with more than one
/// (`union `Choice` must have exactly one member set, found 2: a, b`); a member value that
/// does not read as its type.
pub fn deserialize_union<'de, D, U>(deserializer: D) -> Result<U, D::Error>
where
    D: Deserializer<'de>,
    U: UnionMembers,
{
    deserializer.deserialize_map(UnionVisitor(PhantomData))
}

struct UnionVisitor<U>(PhantomData<U>);

impl<'de, U: UnionMembers> Visitor<'de> for UnionVisitor<U> {
    type Value = U;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "union `{}` as an object with one member set", U::NAME)
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<U, M::Error> {
        let mut set: Vec<(String, U)> = Vec::with_capacity(1);
        while let Some(key) = map.next_key::<String>()? {
            if key == "__type" {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            if let Some(value) = U::read_member(&key, &mut map)? {
                set.push((key, value));
            }
        }
        if set.len() == 1 {
            if let Some((_, value)) = set.pop() {
                return Ok(value);
            }
        }
        let found = if set.is_empty() {
            "none".to_owned()
        } else {
            let names: Vec<&str> = set.iter().map(|(key, _)| key.as_str()).collect();
            format!("{}: {}", set.len(), names.join(", "))
        };
        Err(M::Error::custom(format_args!(
            "union `{}` must have exactly one member set, found {found}",
            U::NAME
        )))
    }
}
