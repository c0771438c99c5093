//! `Serialize`/`Deserialize` for [`DateTime`]: a JSON number of epoch seconds; for a format
//! that is not human-readable (CBOR), epoch seconds under tag 1, as rpcv2Cbor sends them.

use std::fmt;

use serde::de::{self, VariantAccess, Visitor};
use serde::ser::SerializeTupleVariant;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::codec::cbor::{TAGGED, TAG_ENUM, UNTAGGED};

use super::{epoch, DateTime};

/// The CBOR tag of epoch-based date/time values (RFC 8949 3.4.2).
const EPOCH_TAG: u64 = 1;

/// Writes an integer when there is no millisecond part (`1515531081`), else a float with
/// millisecond precision (`1515531081.123`). Not human-readable: tag 1 around the seconds as
/// a float (`1(1515531081.123)`).
impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let whole = self.subsec_nanos() / 1_000_000 == 0;
        if !serializer.is_human_readable() {
            let secs = if whole {
                self.secs() as f64
            } else {
                epoch_f64::<S::Error>(*self)?
            };
            let mut tag = serializer.serialize_tuple_variant(TAG_ENUM, 0, TAGGED, 2)?;
            tag.serialize_field(&EPOCH_TAG)?;
            tag.serialize_field(&secs)?;
            return tag.end();
        }
        if whole {
            return serializer.serialize_i64(self.secs());
        }
        serializer.serialize_f64(epoch_f64::<S::Error>(*self)?)
    }
}

/// The seconds of `time` as the `f64` nearest its millisecond decimal: going through the text
/// gives the `f64` that serializers print back as that same shortest decimal.
fn epoch_f64<E: serde::ser::Error>(time: DateTime) -> Result<f64, E> {
    let text = epoch::format(time);
    text.parse()
        .map_err(|error| E::custom(format_args!("cannot write {text} as a number: {error}")))
}

/// Reads a number of epoch seconds (integer or float, such as `1.515531081123E9`); see
/// [`DateTime::try_from_secs_f64`] for how floats are read. Not human-readable: the number,
/// tagged 1 or untagged.
impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            return deserializer.deserialize_any(EpochSecondsVisitor);
        }
        deserializer.deserialize_enum(TAG_ENUM, &[TAGGED, UNTAGGED], TaggedSecondsVisitor)
    }
}

/// Reads epoch seconds in the CBOR reader's enum form of tags: tagged 1, or untagged.
struct TaggedSecondsVisitor;

impl<'de> Visitor<'de> for TaggedSecondsVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a timestamp as epoch seconds, tagged 1 or untagged")
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<DateTime, A::Error> {
        let (tagged, variant) = data.variant::<TagVariant>()?;
        if !tagged.0 {
            return variant
                .newtype_variant::<Seconds>()
                .map(|Seconds(time)| time);
        }
        variant.tuple_variant(2, TagAndSecondsVisitor)
    }
}

/// Which variant of the tag enum: `true` for the tagged one.
struct TagVariant(bool);

impl<'de> Deserialize<'de> for TagVariant {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        match name.as_ref() {
            TAGGED => Ok(TagVariant(true)),
            UNTAGGED => Ok(TagVariant(false)),
            other => Err(de::Error::unknown_variant(other, &[TAGGED, UNTAGGED])),
        }
    }
}

/// The (tag number, epoch seconds) pair of a tagged timestamp.
struct TagAndSecondsVisitor;

impl<'de> Visitor<'de> for TagAndSecondsVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a tag number and epoch seconds")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut items: A) -> Result<DateTime, A::Error> {
        let tag: u64 = items
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        if tag != EPOCH_TAG {
            return Err(de::Error::custom(format_args!(
                "a timestamp is tagged {EPOCH_TAG} (epoch seconds), found tag {tag}"
            )));
        }
        let Seconds(time) = items
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        Ok(time)
    }
}

/// Epoch seconds inside a tag.
struct Seconds(DateTime);

impl<'de> Deserialize<'de> for Seconds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(EpochSecondsVisitor)
            .map(Seconds)
    }
}

/// Accepts the numbers that a JSON deserializer hands over.
struct EpochSecondsVisitor;

impl Visitor<'_> for EpochSecondsVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a timestamp as a number of seconds since the Unix epoch")
    }

    fn visit_i64<E: de::Error>(self, secs: i64) -> Result<DateTime, E> {
        Ok(DateTime::from_secs(secs))
    }

    fn visit_u64<E: de::Error>(self, secs: u64) -> Result<DateTime, E> {
        i64::try_from(secs)
            .map(DateTime::from_secs)
            .map_err(|_| E::custom(format_args!("timestamp out of range: {secs} seconds")))
    }

    fn visit_f64<E: de::Error>(self, secs: f64) -> Result<DateTime, E> {
        DateTime::try_from_secs_f64(secs).map_err(E::custom)
    }
}
