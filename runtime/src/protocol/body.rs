//! Message bodies: typed values written straight to the wire formats and read straight back.
//!
//! The [`Protocol`](super::Protocol) seam is object safe, so it cannot take generic values.
//! Instead it takes [`Encode`] and [`Decode`] trait objects, implemented here once for every
//! serde type: each format method is monomorphized for the value's type, so a body goes from
//! the generated structure to JSON or CBOR bytes (and back) without an intermediate tree.
//!
//! The one place a `serde_json::Value` remains is for restJson1 members bound outside the body
//! (labels, query strings, headers, payloads, the status code): the top-level serializer of
//! [`Encode`] hands them over as serde JSON values, which the binding code formats for their
//! location, and reading merges them back into the body's object before decoding. Those are
//! few, mostly scalars, and formatting them needs their JSON type.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::spec::{Location, MemberSpec};
use crate::codec::{cbor, json, DecodeError, Strictness};

mod top_level;

/// How to write the top-level structure of a message.
#[derive(Clone, Copy, Debug, Default)]
pub struct Plan<'a> {
    /// Members that travel outside the body (restJson1 bindings): those whose location is not
    /// [`Location::Body`] are handed back in [`Encoded::bound`] instead of written to the body.
    pub bound: &'a [MemberSpec],
    /// A string member to add when the value does not set it: `(key, value)`. The idempotency
    /// token of a request, or the `__type` of an awsJson error.
    pub extra: Option<(&'a str, &'a str)>,
}

impl Plan<'_> {
    /// Whether member `key` goes outside the body.
    fn is_bound(&self, key: &str) -> bool {
        self.bound
            .iter()
            .any(|m| m.key == key && m.location != Location::Body)
    }
}

/// A written top-level structure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Encoded {
    /// The body: a JSON object or a CBOR map of the members that go in the body.
    pub body: Vec<u8>,
    /// The members [`Plan::bound`] sends elsewhere, in their serde JSON form.
    pub bound: Map<String, Value>,
}

/// Why a value could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodeError(String);

impl EncodeError {
    /// An error with `message`.
    pub fn new(message: impl std::fmt::Display) -> Self {
        EncodeError(message.to_string())
    }
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EncodeError {}

/// A structure the protocols can write: implemented for every [`Serialize`] type (generated
/// inputs, outputs and errors, or a `serde_json::Value` object).
pub trait Encode {
    /// The members as a JSON object, following `plan`.
    ///
    /// # Errors
    ///
    /// When the value is not a structure (or map), or a member does not serialize.
    fn encode_json(&self, plan: &Plan<'_>) -> Result<Encoded, EncodeError>;

    /// The members as a CBOR map keyed by member name, following `plan`.
    ///
    /// # Errors
    ///
    /// As for [`Encode::encode_json`].
    fn encode_cbor(&self, plan: &Plan<'_>) -> Result<Encoded, EncodeError>;

    /// The value's serde JSON form (for tests, logs and test doubles).
    ///
    /// # Errors
    ///
    /// When the value does not serialize.
    fn to_json_value(&self) -> Result<Value, EncodeError>;
}

impl<T: Serialize + ?Sized> Encode for T {
    fn encode_json(&self, plan: &Plan<'_>) -> Result<Encoded, EncodeError> {
        let mut body = Vec::with_capacity(128);
        let mut serializer = serde_json::Serializer::new(&mut body);
        let bound = self
            .serialize(top_level::TopLevel::new(&mut serializer, plan))
            .map_err(EncodeError::new)?
            .1;
        Ok(Encoded { body, bound })
    }

    fn encode_cbor(&self, plan: &Plan<'_>) -> Result<Encoded, EncodeError> {
        let mut body = Vec::with_capacity(128);
        let bound = self
            .serialize(top_level::TopLevel::new(
                &mut crate::codec::cbor::Writer::new(&mut body),
                plan,
            ))
            .map_err(EncodeError::new)?
            .1;
        Ok(Encoded { body, bound })
    }

    fn to_json_value(&self) -> Result<Value, EncodeError> {
        serde_json::to_value(self).map_err(EncodeError::new)
    }
}

/// A place the protocols can read a structure into: [`Slot`] for any deserializable type.
///
/// Each method decodes from one wire form; a protocol calls the one for its format.
pub trait Decode {
    /// How strictly this place reads: a server reads a request [strictly](Strictness::Strict)
    /// (and the protocols read the values bound outside the body, such as restJson1 labels,
    /// query strings and headers, with it too); anything else is read leniently.
    fn strictness(&self) -> Strictness {
        Strictness::Lenient
    }

    /// Decodes a JSON body; an empty (or all-whitespace) body reads as `{}`.
    ///
    /// # Errors
    ///
    /// Invalid JSON, or a value that is not the type's JSON form; the error names the
    /// member path.
    fn decode_json(&mut self, body: &[u8]) -> Result<(), DecodeError>;

    /// Decodes the serde JSON form of the value (restJson1 bodies merged with the members
    /// bound elsewhere, error members).
    ///
    /// # Errors
    ///
    /// As for [`Decode::decode_json`].
    fn decode_value(&mut self, value: Value) -> Result<(), DecodeError>;

    /// Decodes a CBOR body; an empty body reads as an empty map.
    ///
    /// # Errors
    ///
    /// Invalid CBOR, trailing bytes, or a value that is not the type's CBOR form; the error
    /// names the member path.
    fn decode_cbor(&mut self, body: &[u8]) -> Result<(), DecodeError>;
}

/// Holds the value a protocol decodes: `Slot::<T>::new()`, hand `&mut slot` to the protocol,
/// then [`Slot::take`].
#[derive(Debug)]
pub struct Slot<T>(Option<T>);

impl<T> Slot<T> {
    /// An empty slot.
    pub fn new() -> Self {
        Slot(None)
    }

    /// The decoded value, if a protocol filled the slot.
    pub fn take(self) -> Option<T> {
        self.0
    }
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot::new()
    }
}

/// An empty map in CBOR (major type 5, length 0).
pub(crate) const EMPTY_CBOR_MAP: &[u8] = &[0xa0];

impl<T: DeserializeOwned> Decode for Slot<T> {
    fn decode_json(&mut self, body: &[u8]) -> Result<(), DecodeError> {
        let body = json::or_empty_object(body);
        // Decode without tracking the path first (the common case succeeds); on failure,
        // decode again to find where.
        match json::from_slice::<T>(body) {
            Ok(value) => {
                self.0 = Some(value);
                Ok(())
            }
            Err(_) => Err(json_error_path::<T>(body)),
        }
    }

    fn decode_value(&mut self, value: Value) -> Result<(), DecodeError> {
        self.0 = Some(crate::codec::from_json_value(value)?);
        Ok(())
    }

    fn decode_cbor(&mut self, body: &[u8]) -> Result<(), DecodeError> {
        let body = if body.is_empty() {
            EMPTY_CBOR_MAP
        } else {
            body
        };
        // Decode without tracking the path first (the common case succeeds); on failure,
        // decode again to find where.
        match cbor::from_slice::<T>(body) {
            Ok(value) => {
                self.0 = Some(value);
                Ok(())
            }
            Err(_) => Err(cbor_error_path::<T>(body)),
        }
    }
}

/// Decodes `body` again, tracking the path, to say where it does not decode as `T`.
fn json_error_path<T: DeserializeOwned>(body: &[u8]) -> DecodeError {
    let mut de = match json::Deserializer::from_slice(body) {
        Ok(de) => de,
        Err(error) => return DecodeError::at(String::new(), error),
    };
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(_) => DecodeError::at(
            String::new(),
            de.end()
                .err()
                .unwrap_or_else(|| json::Error::message("invalid JSON".to_owned())),
        ),
        Err(error) => DecodeError::at(error.path().to_string(), error.into_inner()),
    }
}

/// Decodes `body` again, tracking the path, to say where it does not decode as `T`.
fn cbor_error_path<T: DeserializeOwned>(body: &[u8]) -> DecodeError {
    let mut de = cbor::Deserializer::new(body);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(_) => DecodeError::at(
            String::new(),
            de.end()
                .err()
                .unwrap_or_else(|| cbor::Error::message("invalid CBOR".to_owned())),
        ),
        Err(error) => DecodeError::at(top_level::member_path(error.path()), error.into_inner()),
    }
}

#[cfg(test)]
mod tests;
