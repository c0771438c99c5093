//! [`Float`]: `float` and `double` members, with NaN and infinities as strings.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};
use serde_with::{DeserializeAs, SerializeAs};

/// Adapter for `f32` and `f64` members.
///
/// Finite values are JSON numbers; NaN, +∞ and −∞ are the strings `"NaN"`, `"Infinity"`
/// and `"-Infinity"`. Reading accepts any JSON number and exactly those three strings;
/// for `f32`, finite numbers beyond its range are rejected rather than turned into
/// infinities. A format that is not human-readable (CBOR) has floats of its own, NaN and the
/// infinities included: values are written as they are, and read from any float width or an
/// integer.
#[derive(Clone, Copy, Debug)]
pub struct Float;

/// The string for a non-finite value, or `None` for a finite one.
fn non_finite_name(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some("NaN")
    } else if value == f64::INFINITY {
        Some("Infinity")
    } else if value == f64::NEG_INFINITY {
        Some("-Infinity")
    } else {
        None
    }
}

impl SerializeAs<f64> for Float {
    fn serialize_as<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return serializer.serialize_f64(*value);
        }
        match non_finite_name(*value) {
            Some(name) => serializer.serialize_str(name),
            None => serializer.serialize_f64(*value),
        }
    }
}

impl SerializeAs<f32> for Float {
    fn serialize_as<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return serializer.serialize_f32(*value);
        }
        match non_finite_name(f64::from(*value)) {
            Some(name) => serializer.serialize_str(name),
            // The f64 nearest the f32's shortest decimal form (`1.1f32` is `1.1`, not
            // `1.100000023841858`), so that JSON, labels and headers all write what was set.
            None => {
                serializer.serialize_f64(value.to_string().parse().unwrap_or(f64::from(*value)))
            }
        }
    }
}

impl<'de> DeserializeAs<'de, f64> for Float {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_any(FloatVisitor)
    }
}

impl<'de> DeserializeAs<'de, f32> for Float {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
        let wide = deserializer.deserialize_any(FloatVisitor)?;
        let narrow = wide as f32;
        if wide.is_finite() && narrow.is_infinite() {
            return Err(de::Error::custom(format_args!(
                "{wide} is out of range for a 32-bit float"
            )));
        }
        Ok(narrow)
    }
}

/// Accepts numbers and the three non-finite names.
struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r#"a number or one of the strings "NaN", "Infinity", "-Infinity""#)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<f64, E> {
        Ok(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<f64, E> {
        match value {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(E::invalid_value(de::Unexpected::Str(value), &self)),
        }
    }
}
