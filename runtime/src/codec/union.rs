//! [`deserialize_union`]: reading the one-member JSON object of a Smithy union.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Reads a union: a JSON object with exactly one member set.
///
/// A top-level `__type` key and entries whose value is `null` are ignored. The remaining
/// entry is handed to `select` as `(key, value)`; generated code matches the known member
/// names there, decodes the value with `serde_json::from_value`, and builds the union's
/// unknown variant for any other key. Errors from `select` are reported with the member's
/// name.
///
/// # Errors
///
/// A value that is not an object; an object with no member set, or with more than one
/// (`union `Choice` must have exactly one member set, found 2: a, b`); any error from
/// `select`.
pub fn deserialize_union<'de, D, T>(
    deserializer: D,
    union_name: &'static str,
    select: impl FnOnce(String, Value) -> Result<T, serde_json::Error>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let members = match Value::deserialize(deserializer)? {
        Value::Object(members) => members,
        other => {
            return Err(D::Error::custom(format_args!(
                "union `{union_name}` must be a JSON object, found {}",
                crate::protocol::values::json_type(&other)
            )))
        }
    };
    let mut set: Vec<(String, Value)> = members
        .into_iter()
        .filter(|(key, value)| key != "__type" && !value.is_null())
        .collect();
    if set.len() != 1 {
        let found = if set.is_empty() {
            "none".to_owned()
        } else {
            let names: Vec<&str> = set.iter().map(|(key, _)| key.as_str()).collect();
            format!("{}: {}", set.len(), names.join(", "))
        };
        return Err(D::Error::custom(format_args!(
            "union `{union_name}` must have exactly one member set, found {found}"
        )));
    }
    let Some((key, value)) = set.pop() else {
        return Err(D::Error::custom(format_args!(
            "union `{union_name}` must have exactly one member set, found none"
        )));
    };
    let context = format!("union `{union_name}` member `{key}`");
    select(key, value).map_err(|error| D::Error::custom(format_args!("{context}: {error}")))
}
