//! A CBOR reader for rpcv2Cbor bodies: a serde [`Deserializer`] over a byte slice, reading
//! straight into the generated types; and its writer ([`to_writer`]).
//!
//! It reads what RFC 8949 calls well-formed CBOR: definite and indefinite lengths (an
//! indefinite text or byte string is joined from its chunks), half, single and double floats
//! (all handed over as `f64`), tags, and the simple values `false`, `true`, `null` and
//! `undefined` (both read as an absent value). Definite strings are borrowed from the body,
//! so a member name costs no copy and a `String` member one allocation.
//!
//! Tags are presented as an enum named `@@TAG@@` whose variant `@@TAGGED@@` holds the tag
//! number and the value (the form ciborium uses too), which [`DateTime`](crate::DateTime)'s
//! impls, the validation view and the writer read and write. Where a type asks for a
//! specific kind of item (a string, a number, a map), tags other than bignums are skipped.
//!
//! Nesting is limited to [`MAX_DEPTH`] arrays, maps and tags, and nothing is allocated from a
//! length the body announces before the bytes are there, so a malformed or hostile body is an
//! error, never a panic or an exhausted memory.

mod access;
mod de;
mod error;
mod half;
mod ser;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use serde::Deserialize;

pub(crate) use self::error::Error;
#[cfg(test)]
pub(crate) use self::ser::to_writer;
pub(crate) use self::ser::Writer;

/// The enum a tagged item is presented as (and written from), with its two variants: the
/// pair (tag number, item), and the item of an untagged value read where a tag may be.
pub(crate) const TAG_ENUM: &str = "@@TAG@@";
/// The variant of [`TAG_ENUM`] that carries a tag number and an item.
pub(crate) const TAGGED: &str = "@@TAGGED@@";
/// The variant of [`TAG_ENUM`] that carries an item without a tag.
pub(crate) const UNTAGGED: &str = "@@UNTAGGED@@";

/// How many arrays, maps and tags may enclose an item (ciborium's limit too).
pub(crate) const MAX_DEPTH: usize = 256;

/// The `break` stop code that ends an indefinite-length item.
const BREAK: u8 = 0xff;

/// Decodes one `T` from the whole of `body`.
///
/// # Errors
///
/// When `body` is not one well-formed CBOR item, has bytes after it, or is not the CBOR form
/// of a `T`.
pub(crate) fn from_slice<'de, T: Deserialize<'de>>(body: &'de [u8]) -> Result<T, Error> {
    let mut de = Deserializer::new(body);
    de.names_as_bytes = true;
    let value = T::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// Reads CBOR items from a byte slice.
#[derive(Debug)]
pub(crate) struct Deserializer<'de> {
    input: &'de [u8],
    /// The offset of the next byte to read.
    pos: usize,
    /// How many more arrays, maps and tags may be entered.
    depth: usize,
    /// Whether a member name is handed to the visitor as bytes, sparing its UTF-8 check (a
    /// fifth of a decode: a body has more names than strings). A name that is not UTF-8 then
    /// matches no member and is skipped like any unknown one. Off where the visitor must see
    /// text: `serde_path_to_error` records only text names in its paths, and the server
    /// refuses what is not UTF-8.
    names_as_bytes: bool,
}

/// The head of a data item: its major type and argument.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Header {
    /// Major type 0.
    Unsigned(u64),
    /// Major type 1: the integer `-1 - n`.
    Negative(u64),
    /// Major type 2; `None` for an indefinite length.
    Bytes(Option<u64>),
    /// Major type 3; `None` for an indefinite length.
    Text(Option<u64>),
    /// Major type 4; `None` for an indefinite length.
    Array(Option<u64>),
    /// Major type 5 (a count of pairs); `None` for an indefinite length.
    Map(Option<u64>),
    /// Major type 6: the tag number (the tagged item follows).
    Tag(u64),
    /// Major type 7: a simple value.
    Simple(u8),
    /// Major type 7: a half, single or double float.
    Float(f64),
    /// Major type 7: the stop code of an indefinite-length item.
    Break,
}

/// Simple values.
pub(crate) const FALSE: u8 = 20;
pub(crate) const TRUE: u8 = 21;
pub(crate) const NULL: u8 = 22;
pub(crate) const UNDEFINED: u8 = 23;

impl<'de> Deserializer<'de> {
    /// A reader at the start of `input`.
    pub(crate) fn new(input: &'de [u8]) -> Self {
        Deserializer {
            input,
            pos: 0,
            depth: MAX_DEPTH,
            names_as_bytes: false,
        }
    }

    /// Checks that the whole input was read.
    ///
    /// # Errors
    ///
    /// When bytes are left.
    #[inline]
    pub(crate) fn end(&self) -> Result<(), Error> {
        match self.input.len() - self.pos {
            0 => Ok(()),
            left => Err(Error::message(format!("{left} bytes after the CBOR value"))),
        }
    }

    /// The bytes not read yet.
    #[inline]
    fn rest(&self) -> usize {
        self.input.len() - self.pos
    }

    /// The next byte, not consumed.
    #[inline]
    fn peek_byte(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    /// An error at the current offset.
    fn error(&self, reason: &str) -> Error {
        Error::at(self.pos, reason)
    }

    /// The next `N` bytes.
    #[inline]
    fn take<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let bytes = self
            .input
            .get(self.pos..self.pos + N)
            .and_then(|b| <[u8; N]>::try_from(b).ok())
            .ok_or_else(|| self.error("the body ends inside an item"))?;
        self.pos += N;
        Ok(bytes)
    }

    /// The next `len` bytes, borrowed from the input.
    #[inline]
    fn slice(&mut self, len: u64) -> Result<&'de [u8], Error> {
        let len = usize::try_from(len)
            .ok()
            .filter(|&len| len <= self.rest())
            .ok_or_else(|| self.error("the body ends inside a string"))?;
        let bytes = &self.input[self.pos..self.pos + len];
        self.pos += len;
        Ok(bytes)
    }

    /// Reads the head of the next item.
    #[inline]
    pub(crate) fn header(&mut self) -> Result<Header, Error> {
        // The common case inline: an argument in the first byte, major types 0 to 6.
        if let Some(&initial) = self.input.get(self.pos) {
            let (major, info) = (initial >> 5, initial & 0x1f);
            let argument = u64::from(info);
            let header = match major {
                _ if info >= 24 => None,
                0 => Some(Header::Unsigned(argument)),
                1 => Some(Header::Negative(argument)),
                2 => Some(Header::Bytes(Some(argument))),
                3 => Some(Header::Text(Some(argument))),
                4 => Some(Header::Array(Some(argument))),
                5 => Some(Header::Map(Some(argument))),
                6 => Some(Header::Tag(argument)),
                _ => None,
            };
            if let Some(header) = header {
                self.pos += 1;
                return Ok(header);
            }
        }
        self.long_header()
    }

    /// [`Self::header`] for the other cases: longer arguments, indefinite lengths, major
    /// type 7, the end of the input.
    fn long_header(&mut self) -> Result<Header, Error> {
        let start = self.pos;
        let initial = self
            .peek_byte()
            .ok_or_else(|| self.error("the body ends where an item was expected"))?;
        self.pos += 1;
        let (major, info) = (initial >> 5, initial & 0x1f);
        if major == 7 {
            return self.simple_or_float(info, start);
        }
        let argument = match info {
            0..=23 => Some(u64::from(info)),
            24 => Some(u64::from(u8::from_be_bytes(self.take()?))),
            25 => Some(u64::from(u16::from_be_bytes(self.take()?))),
            26 => Some(u64::from(u32::from_be_bytes(self.take()?))),
            27 => Some(u64::from_be_bytes(self.take()?)),
            31 => None,
            _ => return Err(Error::at(start, "reserved additional information")),
        };
        Ok(match (major, argument) {
            (0, Some(n)) => Header::Unsigned(n),
            (1, Some(n)) => Header::Negative(n),
            (2, len) => Header::Bytes(len),
            (3, len) => Header::Text(len),
            (4, len) => Header::Array(len),
            (5, len) => Header::Map(len),
            (6, Some(tag)) => Header::Tag(tag),
            _ => {
                return Err(Error::at(
                    start,
                    "an indefinite length on an integer or tag",
                ))
            }
        })
    }

    /// The rest of a major type 7 head.
    fn simple_or_float(&mut self, info: u8, start: usize) -> Result<Header, Error> {
        Ok(match info {
            0..=23 => Header::Simple(info),
            24 => match u8::from_be_bytes(self.take()?) {
                value @ 32.. => Header::Simple(value),
                _ => return Err(Error::at(start, "a simple value in two bytes below 32")),
            },
            25 => Header::Float(half::to_f64(u16::from_be_bytes(self.take()?))),
            26 => Header::Float(f64::from(f32::from_be_bytes(self.take()?))),
            27 => Header::Float(f64::from_be_bytes(self.take()?)),
            31 => Header::Break,
            _ => return Err(Error::at(start, "reserved additional information")),
        })
    }

    /// The head of the next item, not consumed.
    fn peek_header(&mut self) -> Result<Header, Error> {
        let start = self.pos;
        let header = self.header();
        self.pos = start;
        header
    }

    /// Consumes a `break` if one is next; says whether it did.
    #[inline]
    fn at_break(&mut self) -> bool {
        let found = self.peek_byte() == Some(BREAK);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Skips tags other than the bignum tags 2 and 3 (which [`de`] reads as integers).
    #[inline]
    fn skip_tags(&mut self) -> Result<(), Error> {
        match self.peek_byte() {
            Some(byte) if byte >> 5 == 6 => self.skip_some_tags(),
            _ => Ok(()),
        }
    }

    /// [`Self::skip_tags`] once a tag is next.
    fn skip_some_tags(&mut self) -> Result<(), Error> {
        while self.peek_byte().is_some_and(|b| b >> 5 == 6) {
            let start = self.pos;
            match self.header()? {
                Header::Tag(2 | 3) => {
                    self.pos = start;
                    break;
                }
                _ => continue,
            }
        }
        Ok(())
    }

    /// The next item when it is a text string whose length is in its first one to three bytes
    /// (below 64 KiB: nearly every string), consumed; `None`, with nothing consumed, otherwise.
    #[inline]
    fn short_text(&mut self) -> Result<Option<&'de str>, Error> {
        let Some((start, bytes)) = self.short_text_bytes() else {
            return Ok(None);
        };
        let text = std::str::from_utf8(bytes)
            .map_err(|_| Error::at(start, "a text string is not valid UTF-8"))?;
        self.pos = start + bytes.len();
        Ok(Some(text))
    }

    /// The next item when it is a short text string (see [`Self::short_text`]), consumed, as
    /// its bytes, unchecked: for member names, which the generated types compare with their
    /// own (ASCII) names byte by byte.
    #[inline]
    fn short_name(&mut self) -> Option<&'de [u8]> {
        let (start, bytes) = self.short_text_bytes()?;
        self.pos = start + bytes.len();
        Some(bytes)
    }

    /// The offset and unchecked contents of the next item when it is a text string whose
    /// length is in its first one to three bytes; nothing is consumed.
    #[inline]
    fn short_text_bytes(&self) -> Option<(usize, &'de [u8])> {
        let at = |offset: usize| self.input.get(self.pos + offset).copied();
        let (len, head) = match at(0)? {
            byte @ 0x60..=0x77 => (usize::from(byte - 0x60), 1),
            0x78 => (usize::from(at(1)?), 2),
            0x79 => (usize::from(u16::from_be_bytes([at(1)?, at(2)?])), 3),
            _ => return None,
        };
        let start = self.pos + head;
        Some((start, self.input.get(start..start + len)?))
    }

    /// A text string's contents after its head: borrowed when definite, joined from its
    /// chunks when not.
    fn text(&mut self, len: Option<u64>) -> Result<Cow<'de, str>, Error> {
        match len {
            Some(len) => self.text_chunk(len).map(Cow::Borrowed),
            None => {
                let mut text = String::new();
                while !self.at_break() {
                    match self.header()? {
                        Header::Text(Some(len)) => text.push_str(self.text_chunk(len)?),
                        _ => return Err(self.error("a chunk of a text string is not text")),
                    }
                }
                Ok(Cow::Owned(text))
            }
        }
    }

    /// `len` bytes of UTF-8 text.
    #[inline]
    fn text_chunk(&mut self, len: u64) -> Result<&'de str, Error> {
        let start = self.pos;
        std::str::from_utf8(self.slice(len)?)
            .map_err(|_| Error::at(start, "a text string is not valid UTF-8"))
    }

    /// A byte string's contents after its head: borrowed when definite, joined from its
    /// chunks when not.
    fn bytes(&mut self, len: Option<u64>) -> Result<Cow<'de, [u8]>, Error> {
        match len {
            Some(len) => self.slice(len).map(Cow::Borrowed),
            None => {
                let mut bytes = Vec::new();
                while !self.at_break() {
                    match self.header()? {
                        Header::Bytes(Some(len)) => bytes.extend_from_slice(self.slice(len)?),
                        _ => return Err(self.error("a chunk of a byte string is not bytes")),
                    }
                }
                Ok(Cow::Owned(bytes))
            }
        }
    }

    /// Runs `f` one level deeper.
    #[inline]
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Error>) -> Result<T, Error> {
        if self.depth == 0 {
            return Err(self.error("CBOR nested too deeply"));
        }
        self.depth -= 1;
        let result = f(self);
        self.depth += 1;
        result
    }

    /// Reads over the next item, checking that it is well formed.
    pub(crate) fn skip(&mut self) -> Result<(), Error> {
        match self.header()? {
            Header::Unsigned(_) | Header::Negative(_) | Header::Float(_) => Ok(()),
            Header::Simple(FALSE | TRUE | NULL | UNDEFINED) => Ok(()),
            Header::Simple(_) => Err(self.error("an unassigned simple value")),
            Header::Bytes(len) => self.bytes(len).map(drop),
            Header::Text(len) => self.text(len).map(drop),
            Header::Array(len) => self.nested(|de| de.skip_items(len, 1)),
            Header::Map(len) => self.nested(|de| de.skip_items(len, 2)),
            Header::Tag(_) => self.nested(Self::skip),
            Header::Break => Err(self.error("a break outside an indefinite-length item")),
        }
    }

    /// Reads over the items of an array (`per_entry` 1) or map (2).
    fn skip_items(&mut self, len: Option<u64>, per_entry: u8) -> Result<(), Error> {
        match len {
            Some(len) => {
                for _ in 0..len {
                    for _ in 0..per_entry {
                        self.skip()?;
                    }
                }
            }
            None => {
                while !self.at_break() {
                    for _ in 0..per_entry {
                        self.skip()?;
                    }
                }
            }
        }
        Ok(())
    }
}
