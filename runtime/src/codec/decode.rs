//! [`from_json_value`]: a typed value from its serde JSON form, with the path of the member
//! that does not decode.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// A value that does not decode as its type: where, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    path: String,
    message: String,
}

impl DecodeError {
    /// An error at member path `path` (empty for the top-level value).
    pub fn at(path: impl Into<String>, message: impl fmt::Display) -> Self {
        DecodeError {
            path: path.into(),
            message: message.to_string(),
        }
    }

    /// Why the value does not decode.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The member path (`GameSessions[0].CreationTime`); empty for the top-level value.
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            f.write_str(&self.message)
        } else {
            write!(f, "`{}`: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes `value` as `T`; an error names the member path where decoding failed.
///
/// ```
/// use std::collections::BTreeMap;
/// let value = smithy_runtime::serde_json::json!({"a": [1, "two"]});
/// let error = smithy_runtime::codec::from_json_value::<BTreeMap<String, Vec<i32>>>(value)
///     .unwrap_err();
/// assert_eq!(error.path(), "a[1]");
/// assert!(error.to_string().starts_with("`a[1]`: invalid type: string \"two\""), "{error}");
/// ```
///
/// # Errors
///
/// When `value` is not the serde JSON form of a `T`.
pub fn from_json_value<T: DeserializeOwned>(value: Value) -> Result<T, DecodeError> {
    serde_path_to_error::deserialize(value)
        .map_err(|error| DecodeError::at(error.path().to_string(), error.into_inner()))
}
