//! Timestamp adapters: one per Smithy `@timestampFormat`. A format that is not
//! human-readable (CBOR) ignores `@timestampFormat`: every timestamp is tag 1 epoch seconds,
//! as [`DateTime`]'s own serde impls write and read it.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_with::{DeserializeAs, SerializeAs};

use crate::datetime::{DateTime, Format};

/// Adapter for `epoch-seconds` timestamps: a JSON number such as `1515531081.123`.
///
/// This is also what [`DateTime`]'s own `Serialize`/`Deserialize` do; the adapter exists so
/// that generated code can name every format explicitly.
#[derive(Clone, Copy, Debug)]
pub struct EpochSeconds;

/// Adapter for `date-time` timestamps: an RFC 3339 string such as `"2019-12-16T23:48:18Z"`.
#[derive(Clone, Copy, Debug)]
pub struct DateTimeFormat;

/// Adapter for `http-date` timestamps: a string such as `"Mon, 16 Dec 2019 23:48:18 GMT"`.
#[derive(Clone, Copy, Debug)]
pub struct HttpDate;

impl SerializeAs<DateTime> for EpochSeconds {
    fn serialize_as<S: Serializer>(time: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        time.serialize(serializer)
    }
}

impl<'de> DeserializeAs<'de, DateTime> for EpochSeconds {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        DateTime::deserialize(deserializer)
    }
}

impl SerializeAs<DateTime> for DateTimeFormat {
    fn serialize_as<S: Serializer>(time: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_text(time, Format::DateTime, serializer)
    }
}

impl<'de> DeserializeAs<'de, DateTime> for DateTimeFormat {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        deserialize_text(Format::DateTime, deserializer)
    }
}

impl SerializeAs<DateTime> for HttpDate {
    fn serialize_as<S: Serializer>(time: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_text(time, Format::HttpDate, serializer)
    }
}

impl<'de> DeserializeAs<'de, DateTime> for HttpDate {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        deserialize_text(Format::HttpDate, deserializer)
    }
}

/// Writes `time` as a string in `format` (human-readable formats).
fn serialize_text<S: Serializer>(
    time: &DateTime,
    format: Format,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if !serializer.is_human_readable() {
        return time.serialize(serializer);
    }
    let text = time.fmt(format).map_err(serde::ser::Error::custom)?;
    serializer.serialize_str(&text)
}

/// Reads a string in `format` (human-readable formats).
fn deserialize_text<'de, D: Deserializer<'de>>(
    format: Format,
    deserializer: D,
) -> Result<DateTime, D::Error> {
    match (deserializer.is_human_readable(), format) {
        // How strictly a date-time reads is the reader's to say.
        (true, Format::DateTime) => super::strict::deserialize_date_time(deserializer),
        (true, _) => deserializer.deserialize_str(TextVisitor(format)),
        (false, _) => DateTime::deserialize(deserializer),
    }
}

/// Parses a string in the given format.
struct TextVisitor(Format);

impl Visitor<'_> for TextVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a timestamp as a {} string", self.0)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime, E> {
        DateTime::parse(text, self.0).map_err(E::custom)
    }
}
