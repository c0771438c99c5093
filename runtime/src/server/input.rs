//! [`InputReader`]: how a server reads an operation's input. One checked pass
//! (`codec::reader`) decodes the request strictly and keeps its wire form, which validation
//! then checks: the request is decoded once, and a required member that is missing is known as
//! such, not guessed from an error message.

use crate::codec::reader::{self, Read};
use crate::codec::{cbor, json, DecodeError, Strictness};
use crate::operation::Operation;
use crate::protocol::body::EMPTY_CBOR_MAP;
use crate::protocol::Decode;
use crate::validate::{validate, Shape, Violation};

/// What reading a request gave.
#[derive(Debug)]
pub(crate) enum Input<T> {
    /// The input, valid.
    Valid(T),
    /// The request decodes (or would, but for missing required members) and violates its
    /// constraints: every violation.
    Invalid(Vec<Violation>),
}

/// A place a protocol reads an operation's input into (see [`Decode`]), decoding and
/// validating it in one pass.
#[derive(Debug)]
pub(crate) struct InputReader<O: Operation> {
    strictness: Strictness,
    input: Option<Input<O::Input>>,
}

impl<O: Operation> InputReader<O> {
    /// A reader with `strictness` (a server's is [`Strictness::Strict`]).
    pub(crate) fn new(strictness: Strictness) -> Self {
        InputReader {
            strictness,
            input: None,
        }
    }

    /// What the protocol read, if it read anything.
    pub(crate) fn take(self) -> Option<Input<O::Input>> {
        self.input
    }

    /// The input structure's validation rules.
    fn rules() -> Option<&'static Shape> {
        O::SPEC.validation.map(|v| v.input)
    }

    /// Validates what a read gave: the input, or its violations; the decoding error when it
    /// did not decode for another reason than missing required members.
    fn finish(&mut self, read: Read<O::Input>) -> Result<(), DecodeError> {
        let violations = || match (Self::rules(), &read.view) {
            (Some(rules), Some(view)) => validate(rules, view),
            _ => Vec::new(),
        };
        self.input = Some(match &read.value {
            Ok(_) => {
                let violations = violations();
                match read.value {
                    Ok(input) if violations.is_empty() => Input::Valid(input),
                    _ => Input::Invalid(violations),
                }
            }
            Err(_) if read.missing => match violations() {
                violations if !violations.is_empty() => Input::Invalid(violations),
                _ => return read.value.map(|_| ()),
            },
            Err(_) => return read.value.map(|_| ()),
        });
        Ok(())
    }

    /// Reads a CBOR body once.
    fn read_cbor(&self, body: &[u8]) -> Read<O::Input> {
        let mut de = cbor::Deserializer::new(body);
        let read = reader::read::<O::Input, _>(&mut de, Self::rules(), self.strictness);
        match (&read.value, de.end()) {
            (Ok(_), Err(trailing)) => Read {
                value: Err(DecodeError::at("", trailing)),
                ..read
            },
            _ => read,
        }
    }
}

impl<O: Operation> Decode for InputReader<O> {
    fn strictness(&self) -> Strictness {
        self.strictness
    }

    fn decode_json(&mut self, body: &[u8]) -> Result<(), DecodeError> {
        let body = json::or_empty_object(body);
        let mut de = json::Deserializer::from_slice(body).map_err(|e| DecodeError::at("", e))?;
        let read = reader::read::<O::Input, _>(&mut de, Self::rules(), self.strictness);
        if read.value.is_ok() {
            de.end().map_err(|e| DecodeError::at("", e))?;
        }
        self.finish(read)
    }

    fn decode_value(&mut self, value: serde_json::Value) -> Result<(), DecodeError> {
        self.finish(reader::read(value, Self::rules(), self.strictness))
    }

    fn decode_cbor(&mut self, body: &[u8]) -> Result<(), DecodeError> {
        let body = if body.is_empty() {
            EMPTY_CBOR_MAP
        } else {
            body
        };
        let read = self.read_cbor(body);
        self.finish(read)
    }
}
