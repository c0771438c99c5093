//! The checked reader: one pass over a value that decodes it as its type, with a given
//! [`Strictness`], and keeps its wire form (a [`View`]) for validation, noting as it goes
//! whether a required member is missing (the `validate` tables say which members are
//! required).
//!
//! It wraps any deserializer (serde_json's, a `serde_json::Value`, the runtime's CBOR
//! reader): every value the typed decode reads passes through it once, and is recorded in the
//! view. When the typed decode fails because a structure lacks a required
//! member (an error that serde raises after the structure's last member), the reader reads the
//! rest of every enclosing structure, list and map into the view before the error goes on, so
//! that the view is whole and validation reports every violation of the request.

mod access;
mod checked;
#[cfg(test)]
mod tests;

use std::cell::RefCell;

use serde::{Deserialize, Deserializer};

use self::checked::{Checked, Mode, Rules};
use super::{DecodeError, Strictness};
use crate::validate::{Shape, View};

/// What one checked read gave.
#[derive(Debug)]
pub(crate) struct Read<T> {
    /// The typed value, or why it does not decode (naming the member path).
    pub value: Result<T, DecodeError>,
    /// The wire form of the value: whole when the value decoded, and when it did not decode
    /// only because a required member is missing; partial otherwise.
    pub view: Option<View>,
    /// The typed decode failed because a structure lacks a required member of `shape`'s.
    pub missing: bool,
}

/// Reads a `T` from `deserializer` in one pass, with `strictness`; `shape` (a structure's
/// validation table) says which members are required.
pub(crate) fn read<'de, T, D>(
    deserializer: D,
    shape: Option<&'static Shape>,
    strictness: Strictness,
) -> Read<T>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    let reading = RefCell::new(Reading::new(strictness));
    let rules = shape.map_or(Rules::None, Rules::Shape);
    let value = T::deserialize(Checked::new(deserializer, &reading, rules, Mode::Value));
    let reading = reading.into_inner();
    let path = reading.error_path.clone().unwrap_or_default();
    Read {
        value: value.map_err(|error| DecodeError::at(path, error)),
        view: reading.root,
        missing: reading.missing,
    }
}

/// Reads a `T` from JSON text, with `strictness`: what a server does with a request body,
/// without validation.
///
/// ```
/// use smithy_runtime::codec::{from_json_with, Strictness};
/// use smithy_runtime::DateTime;
///
/// #[derive(smithy_runtime::serde::Deserialize)]
/// #[serde(crate = "smithy_runtime::serde")]
/// struct Event {
///     #[serde(with = "smithy_runtime::serde_with::As::<smithy_runtime::codec::DateTimeFormat>")]
///     at: DateTime,
/// }
///
/// let body = br#"{"at": "2019-12-16T22:48:18-01:00"}"#;
/// assert!(from_json_with::<Event>(body, Strictness::Lenient).is_ok());
/// let error = from_json_with::<Event>(body, Strictness::Strict).err().unwrap();
/// assert_eq!(error.path(), "at");
/// ```
///
/// # Errors
///
/// Invalid JSON, trailing text, or a value that is not the type's JSON form (the error names
/// the member path); read strictly, also what strict reading refuses.
pub fn from_json_with<T>(json: &[u8], strictness: Strictness) -> Result<T, DecodeError>
where
    T: serde::de::DeserializeOwned,
{
    let mut de = super::json::Deserializer::from_slice(json).map_err(|e| DecodeError::at("", e))?;
    let value = read::<T, _>(&mut de, None, strictness).value?;
    de.end().map_err(|e| DecodeError::at("", e))?;
    Ok(value)
}

/// The state of one read, shared by every wrapper of it.
#[derive(Debug)]
pub(crate) struct Reading {
    strictness: Strictness,
    /// The containers being read, innermost last.
    frames: Vec<Frame>,
    /// The whole value's view, once read.
    root: Option<View>,
    /// The member path of the value being read.
    path: Vec<Segment>,
    /// The path where the first error was seen.
    error_path: Option<String>,
    /// How many maps were started (each one's number identifies it).
    maps: usize,
    /// The map that last ended without a required member, if the last one to end did.
    ended_missing: Option<usize>,
    /// A typed decode failed because a required member is missing.
    missing: bool,
}

/// A container being read into the view.
#[derive(Debug)]
enum Frame {
    /// A map or structure: its entries so far, and the key of the value being read.
    Map(Vec<(String, View)>, Option<String>),
    /// A list.
    List(Vec<View>),
    /// A CBOR tag (in ciborium's enum form, which the CBOR reader keeps): its value.
    Tag(Option<View>),
}

/// One step of a member path.
#[derive(Debug)]
enum Segment {
    Key(String),
    Index(usize),
}

impl Reading {
    fn new(strictness: Strictness) -> Self {
        Reading {
            strictness,
            frames: Vec::new(),
            root: None,
            path: Vec::new(),
            error_path: None,
            maps: 0,
            ended_missing: None,
            missing: false,
        }
    }

    /// Records a value read in `mode`.
    fn record(&mut self, mode: Mode, view: View) {
        match mode {
            Mode::Value => self.push(view),
            Mode::Key => {
                if let Some(Frame::Map(_, key)) = self.frames.last_mut() {
                    *key = Some(key_text(view));
                }
            }
            Mode::Variant => {}
        }
    }

    /// Adds a value to the innermost container (or makes it the root).
    fn push(&mut self, view: View) {
        match self.frames.last_mut() {
            Some(Frame::Map(entries, key)) => entries.push((key.take().unwrap_or_default(), view)),
            Some(Frame::List(items)) => items.push(view),
            Some(Frame::Tag(value)) => *value = Some(view),
            None => self.root = Some(view),
        }
    }

    /// The innermost container, closed into its view.
    fn pop(&mut self) -> View {
        match self.frames.pop() {
            Some(Frame::Map(entries, _)) => View::Map(entries),
            Some(Frame::List(items)) => View::List(items),
            Some(Frame::Tag(value)) => value.unwrap_or(View::Null),
            None => View::Null,
        }
    }

    /// The key of the value about to be read in the innermost map.
    fn current_key(&self) -> String {
        match self.frames.last() {
            Some(Frame::Map(_, Some(key))) => key.clone(),
            _ => String::new(),
        }
    }

    /// After a value failed to read: notes where, and says whether the rest of its container
    /// must still be read into the view (the failure is a missing member's).
    fn failed(&mut self) -> bool {
        self.note_error();
        self.missing
    }

    /// Notes the current path as where an error was seen, unless one was already.
    fn note_error(&mut self) {
        if self.error_path.is_none() {
            let mut text = String::new();
            for segment in &self.path {
                match segment {
                    Segment::Key(key) if text.is_empty() => text.push_str(key),
                    Segment::Key(key) => {
                        text.push('.');
                        text.push_str(key);
                    }
                    Segment::Index(index) => text.push_str(&format!("[{index}]")),
                }
            }
            self.error_path = Some(text);
        }
    }
}

/// A map key as text: a string, or any other scalar written out.
fn key_text(view: View) -> String {
    match view {
        View::Text(text) => text,
        View::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}
