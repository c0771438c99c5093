//! A JSON reader for awsJson and restJson1 bodies: a serde [`Deserializer`] over the body's
//! bytes, reading straight into the generated types.
//!
//! It reads RFC 8259 JSON and refuses what serde_json refuses: a body that is not UTF-8, raw
//! control characters in strings, unknown or unpaired escapes, numbers outside the grammar
//! (leading zeros, a bare `.` or exponent) and beyond `f64`, trailing commas, and text after
//! the value. Numbers are handed over as serde_json hands them (`u64` when non-negative and
//! whole, `i64` when negative, `-0` and everything else as `f64`; `i128` and `u128` from the
//! integer's digits), number and `bool` map keys are read by the JSON grammar, and a member
//! the type does not know is skipped by its grammar alone, so types written against
//! serde_json read the same here. The differences, all deliberate:
//!
//! * a structure is read from an object only (serde_json also takes its members positionally
//!   from an array, which no Smithy protocol allows);
//! * floats are correctly rounded (serde_json without `float_roundtrip` may be one unit in
//!   the last place off);
//! * a string read as bytes must be text too (serde_json hands a lone surrogate over as
//!   WTF-8 bytes);
//! * the nesting limit holds in skipped members too (serde_json skips any depth).
//!
//! Why not serde_json itself, which the runtime still uses for `Value` and for writing: a
//! response of a hundred game sessions has some 8,000 strings and string pieces between
//! escapes, and serde_json's per-string work (the scan's set-up, the escape bookkeeping) was
//! the largest part of a decode. This reader scans a string eight bytes at a time and checks
//! the body's UTF-8 once, up front; strings without escapes are borrowed from the body.
//!
//! Nesting is limited by [`MAX_DEPTH`] (serde_json's limit), so a hostile body is an error,
//! never a stack overflow.

mod access;
mod de;
mod error;
mod number;
mod read;
mod skip;
#[cfg(test)]
mod tests;

use serde::Deserialize;

pub(crate) use self::error::Error;

/// Arrays and objects nest fewer than this many deep (serde_json's limit: 127).
pub(crate) const MAX_DEPTH: usize = 128;

/// Decodes one `T` from the whole of `body`.
///
/// # Errors
///
/// When `body` is not one JSON value (with whitespace around it), or not the JSON form of a
/// `T`.
pub(crate) fn from_slice<'de, T: Deserialize<'de>>(body: &'de [u8]) -> Result<T, Error> {
    let mut de = Deserializer::from_slice(body)?;
    let value = T::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// `body`, or `{}` when it is empty or JSON whitespace only (which the protocols read as an
/// empty structure).
pub(crate) fn or_empty_object(body: &[u8]) -> &[u8] {
    if body.iter().all(|&b| is_whitespace(b)) {
        b"{}"
    } else {
        body
    }
}

/// Whether `b` is JSON whitespace (space, tab, line feed, carriage return).
fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Reads JSON values from a body known to be UTF-8.
#[derive(Debug)]
pub(crate) struct Deserializer<'de> {
    input: &'de str,
    /// The offset of the next byte to read.
    pos: usize,
    /// How many more arrays and objects may be entered.
    depth: usize,
    /// Where strings with escapes are unescaped (kept, so that it grows only once).
    scratch: String,
}

impl<'de> Deserializer<'de> {
    /// A reader of `body`.
    ///
    /// # Errors
    ///
    /// When `body` is not UTF-8 (RFC 8259 allows nothing else).
    pub(crate) fn from_slice(body: &'de [u8]) -> Result<Self, Error> {
        match std::str::from_utf8(body) {
            Ok(input) => Ok(Deserializer::over(input)),
            Err(error) => Err(Error::at(
                body,
                error.valid_up_to(),
                "the body is not UTF-8",
            )),
        }
    }

    /// A reader of `input`.
    pub(super) fn over(input: &'de str) -> Self {
        Deserializer {
            input,
            pos: 0,
            depth: MAX_DEPTH,
            scratch: String::new(),
        }
    }

    /// Checks that only whitespace follows the value read.
    ///
    /// # Errors
    ///
    /// When anything else does.
    pub(crate) fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("trailing characters")),
        }
    }
}
