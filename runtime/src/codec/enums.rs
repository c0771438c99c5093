//! [`deserialize_string_enum`]: a string enum read from its wire value without copying it.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

/// Reads a string enum from its wire value through `T::from(&str)`, so that reading a value
/// the model defines allocates nothing (reading a `String` first would allocate for every
/// value). Generated string enums' `Deserialize` impls call it.
///
/// ```
/// #[derive(Debug, PartialEq)]
/// enum Status { Active, Unknown(String) }
///
/// impl From<&str> for Status {
///     fn from(value: &str) -> Self {
///         match value {
///             "ACTIVE" => Status::Active,
///             other => Status::Unknown(other.to_owned()),
///         }
///     }
/// }
///
/// let mut de = smithy_runtime::serde_json::Deserializer::from_str(r#""ACTIVE""#);
/// let status: Status = smithy_runtime::codec::deserialize_string_enum(&mut de).unwrap();
/// assert_eq!(status, Status::Active);
/// ```
///
/// # Errors
///
/// When the value is not a string.
pub fn deserialize_string_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    deserializer.deserialize_str(StringEnum(PhantomData))
}

/// Turns the string handed over into a `T`.
struct StringEnum<T>(PhantomData<fn() -> T>);

impl<T: for<'a> From<&'a str>> Visitor<'_> for StringEnum<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an enum value as a string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        Ok(T::from(value))
    }
}
