//! Scalars between their serde JSON form and their text in a URI label, a query string or a
//! header.

use serde_json::{Number, Value};

use super::spec::ValueKind;
use crate::codec::Strictness;
use crate::datetime::Format;
use crate::{Blob, DateTime};

/// Where a scalar's text goes; it decides the default timestamp format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// A URI label: timestamps default to `date-time`.
    Label,
    /// A query string value: timestamps default to `date-time`.
    Query,
    /// A header value: timestamps default to `http-date`.
    Header,
}

impl Place {
    /// The timestamp format used here when the member names none.
    fn default_timestamp_format(self) -> Format {
        match self {
            Place::Label | Place::Query => Format::DateTime,
            Place::Header => Format::HttpDate,
        }
    }
}

/// The format a timestamp of `explicit` format takes in `place`.
pub(crate) fn timestamp_format(explicit: Option<Format>, place: Place) -> Format {
    explicit.unwrap_or(place.default_timestamp_format())
}

/// A short description of a JSON value's type, for error messages.
pub(crate) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The text of the scalar `value` (in its serde JSON form) of `kind`, as written in `place`.
pub(crate) fn to_text(value: &Value, kind: &ValueKind, place: Place) -> Result<String, String> {
    let wrong = || {
        format!(
            "expected {} but found {}",
            kind_name(kind),
            json_type(value)
        )
    };
    match (kind, value) {
        (ValueKind::MediaTypeString, Value::String(text)) if place == Place::Header => {
            Ok(Blob::new(text.as_bytes()).to_base64())
        }
        (ValueKind::String | ValueKind::MediaTypeString | ValueKind::Blob, Value::String(text)) => {
            Ok(text.clone())
        }
        (ValueKind::Boolean, Value::Bool(flag)) => Ok(flag.to_string()),
        (ValueKind::Integer, Value::Number(number)) if !number.is_f64() => Ok(number.to_string()),
        (ValueKind::Float, Value::Number(number)) => Ok(number.to_string()),
        (ValueKind::Float, Value::String(text)) if is_non_finite_name(text) => Ok(text.clone()),
        (ValueKind::Timestamp { json, explicit }, _) => {
            let time = json_to_datetime(value, *json)?;
            time.fmt(timestamp_format(*explicit, place))
                .map_err(|error| error.to_string())
        }
        _ => Err(wrong()),
    }
}

/// The serde JSON form of the scalar `text` of `kind`, as read from `place` with `strictness`.
///
/// Booleans must be exactly `true` or `false`; integers optional `-` and decimal digits
/// within the range of `i64`; floats decimal numbers or `NaN`, `Infinity`, `-Infinity`;
/// timestamps in the place's format (a strict `date-time` in UTC); blobs valid base64.
pub(crate) fn from_text(
    text: &str,
    kind: &ValueKind,
    place: Place,
    strictness: Strictness,
) -> Result<Value, String> {
    match kind {
        ValueKind::String => Ok(Value::String(text.to_owned())),
        ValueKind::MediaTypeString if place == Place::Header => {
            let bytes = Blob::from_base64(text).map_err(|error| error.to_string())?;
            String::from_utf8(bytes.into_inner())
                .map(Value::String)
                .map_err(|_| "the base64 header value is not UTF-8 text".to_owned())
        }
        ValueKind::MediaTypeString => Ok(Value::String(text.to_owned())),
        ValueKind::Boolean => match text {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(format!("`{text}` is not a boolean (`true` or `false`)")),
        },
        ValueKind::Integer => parse_integer(text).map(Value::from),
        ValueKind::Float => parse_float(text),
        ValueKind::Timestamp { json, explicit } => {
            let format = timestamp_format(*explicit, place);
            let time = DateTime::parse_with(text, format, strictness)
                .map_err(|error| error.to_string())?;
            datetime_to_json(time, *json)
        }
        ValueKind::Blob => match Blob::from_base64(text) {
            Ok(_) => Ok(Value::String(text.to_owned())),
            Err(error) => Err(error.to_string()),
        },
        other => Err(format!("{} cannot be read from text", kind_name(other))),
    }
}

/// What a kind is called in error messages.
pub(crate) fn kind_name(kind: &ValueKind) -> &'static str {
    match kind {
        ValueKind::String => "a string",
        ValueKind::MediaTypeString => "a string (base64 in headers)",
        ValueKind::Boolean => "a boolean",
        ValueKind::Integer => "an integer",
        ValueKind::Float => "a float",
        ValueKind::Timestamp { .. } => "a timestamp",
        ValueKind::Blob => "a blob",
        ValueKind::Document => "a document",
        ValueKind::Structure => "a structure",
        ValueKind::Union => "a union",
        ValueKind::List(_) => "a list",
        ValueKind::Map(_) => "a map",
    }
}

/// Whether `text` is one of the names JSON and HTTP use for non-finite floats.
fn is_non_finite_name(text: &str) -> bool {
    matches!(text, "NaN" | "Infinity" | "-Infinity")
}

/// An integer: optional `-`, then decimal digits, within `i64`.
fn parse_integer(text: &str) -> Result<i64, String> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{text}` is not an integer"));
    }
    text.parse()
        .map_err(|_| format!("`{text}` is out of range for a 64-bit integer"))
}

/// A float: a decimal number (optional sign, fraction and exponent) or a non-finite name.
fn parse_float(text: &str) -> Result<Value, String> {
    if is_non_finite_name(text) {
        return Ok(Value::String(text.to_owned()));
    }
    let not_a_float = || format!("`{text}` is not a float");
    // Rust's parser also takes `inf`, `nan` and `infinity`: allow only the decimal grammar.
    let decimal = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
    if !decimal || !text.bytes().any(|b| b.is_ascii_digit()) {
        return Err(not_a_float());
    }
    let number: f64 = text.parse().map_err(|_| not_a_float())?;
    Number::from_f64(number)
        .map(Value::Number)
        .ok_or_else(|| format!("`{text}` is out of range for a float"))
}

/// The time that the serde JSON form `value` of a timestamp in `json` format stands for.
///
/// Numbers are read as epoch seconds and strings in `json` format, whatever `json` says.
pub(crate) fn json_to_datetime(value: &Value, json: Format) -> Result<DateTime, String> {
    match value {
        Value::Number(_) => {
            serde_json::from_value::<DateTime>(value.clone()).map_err(|error| error.to_string())
        }
        Value::String(text) => {
            let format = match json {
                Format::EpochSeconds => Format::DateTime,
                other => other,
            };
            DateTime::parse(text, format).map_err(|error| error.to_string())
        }
        other => Err(format!(
            "expected a timestamp but found {}",
            json_type(other)
        )),
    }
}

/// The serde JSON form of `time` for a timestamp in `json` format.
pub(crate) fn datetime_to_json(time: DateTime, json: Format) -> Result<Value, String> {
    match json {
        Format::EpochSeconds => serde_json::to_value(time).map_err(|error| error.to_string()),
        text => time
            .fmt(text)
            .map(Value::String)
            .map_err(|error| error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const EPOCH: ValueKind = ValueKind::Timestamp {
        json: Format::EpochSeconds,
        explicit: None,
    };

    #[test]
    fn scalars_to_text() {
        assert_eq!(
            to_text(&json!(true), &ValueKind::Boolean, Place::Query).unwrap(),
            "true"
        );
        assert_eq!(
            to_text(&json!(-7), &ValueKind::Integer, Place::Query).unwrap(),
            "-7"
        );
        assert_eq!(
            to_text(&json!(1.5), &ValueKind::Float, Place::Query).unwrap(),
            "1.5"
        );
        assert_eq!(
            to_text(&json!("NaN"), &ValueKind::Float, Place::Label).unwrap(),
            "NaN"
        );
        assert_eq!(
            to_text(&json!(1_576_540_098), &EPOCH, Place::Header).unwrap(),
            "Mon, 16 Dec 2019 23:48:18 GMT"
        );
        assert_eq!(
            to_text(&json!(1), &EPOCH, Place::Query).unwrap(),
            "1970-01-01T00:00:01Z"
        );
        assert!(to_text(&json!("x"), &ValueKind::Integer, Place::Query).is_err());
        assert!(to_text(&json!(1.5), &ValueKind::Integer, Place::Query).is_err());
        assert!(to_text(&json!("Inf"), &ValueKind::Float, Place::Query).is_err());
    }

    #[test]
    fn scalars_from_text() {
        assert_eq!(
            from_text(
                "false",
                &ValueKind::Boolean,
                Place::Query,
                Strictness::Lenient
            )
            .unwrap(),
            json!(false)
        );
        assert!(from_text(
            "True",
            &ValueKind::Boolean,
            Place::Query,
            Strictness::Lenient
        )
        .is_err());
        assert_eq!(
            from_text(
                "-12",
                &ValueKind::Integer,
                Place::Query,
                Strictness::Lenient
            )
            .unwrap(),
            json!(-12)
        );
        for bad in [
            "1.001",
            "0x42",
            "2ABC",
            "",
            "-",
            "+1",
            " 1",
            "9223372036854775808",
        ] {
            assert!(
                from_text(bad, &ValueKind::Integer, Place::Query, Strictness::Lenient).is_err(),
                "{bad}"
            );
        }
        assert_eq!(
            from_text("1e2", &ValueKind::Float, Place::Query, Strictness::Lenient).unwrap(),
            json!(100.0)
        );
        assert_eq!(
            from_text(
                "-Infinity",
                &ValueKind::Float,
                Place::Query,
                Strictness::Lenient
            )
            .unwrap(),
            json!("-Infinity")
        );
        for bad in ["inf", "nan", "infinity", "0x42", "1e999", "", "."] {
            assert!(
                from_text(bad, &ValueKind::Float, Place::Query, Strictness::Lenient).is_err(),
                "{bad}"
            );
        }
        assert_eq!(
            from_text(
                "Mon, 16 Dec 2019 23:48:18 GMT",
                &EPOCH,
                Place::Header,
                Strictness::Lenient
            )
            .unwrap(),
            json!(1_576_540_098)
        );
        assert!(from_text("1576540098", &EPOCH, Place::Header, Strictness::Lenient).is_err());
        assert!(from_text("abc$", &ValueKind::Blob, Place::Header, Strictness::Lenient).is_err());
    }
}
