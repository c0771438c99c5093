//! The serde [`Deserializer`](serde::Deserializer) impl of the CBOR reader.

use std::borrow::Cow;

use serde::de::{self, Error as _, Unexpected, Visitor};

use super::access::{Entries, Items, Tagged, Variant};
use super::{Deserializer, Error, Header, FALSE, NULL, TAG_ENUM, TRUE, UNDEFINED};

/// What an item is, for type errors.
fn unexpected(header: Header) -> Unexpected<'static> {
    match header {
        Header::Unsigned(n) => Unexpected::Unsigned(n),
        Header::Negative(n) => match i64::try_from(n) {
            Ok(n) => Unexpected::Signed(-1 - n),
            Err(_) => Unexpected::Other("negative integer"),
        },
        Header::Bytes(_) => Unexpected::Other("byte string"),
        Header::Text(_) => Unexpected::Other("text string"),
        Header::Array(_) => Unexpected::Seq,
        Header::Map(_) => Unexpected::Map,
        Header::Tag(_) => Unexpected::Other("tag"),
        Header::Simple(FALSE) => Unexpected::Bool(false),
        Header::Simple(TRUE) => Unexpected::Bool(true),
        Header::Simple(NULL) => Unexpected::Other("null"),
        Header::Simple(UNDEFINED) => Unexpected::Other("undefined"),
        Header::Simple(_) => Unexpected::Other("simple value"),
        Header::Float(x) => Unexpected::Float(x),
        Header::Break => Unexpected::Other("break"),
    }
}

impl<'de> Deserializer<'de> {
    /// Hands a text string to `visitor`, borrowed when it can be.
    #[inline]
    fn visit_text<V: Visitor<'de>>(
        &mut self,
        len: Option<u64>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.text(len)? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    /// Hands a byte string to `visitor`, borrowed when it can be.
    fn visit_bytes<V: Visitor<'de>>(
        &mut self,
        len: Option<u64>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.bytes(len)? {
            Cow::Borrowed(bytes) => visitor.visit_borrowed_bytes(bytes),
            Cow::Owned(bytes) => visitor.visit_byte_buf(bytes),
        }
    }

    /// Hands the items of an array to `visitor`, which must read them all.
    #[inline]
    fn visit_array<V: Visitor<'de>>(
        &mut self,
        len: Option<u64>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.nested(|de| {
            let mut items = Items::new(de, len);
            let value = visitor.visit_seq(&mut items)?;
            items.finish()?;
            Ok(value)
        })
    }

    /// Hands the entries of a map to `visitor`, which must read them all.
    #[inline]
    fn visit_map<V: Visitor<'de>>(
        &mut self,
        len: Option<u64>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.nested(|de| {
            let mut entries = Entries::new(de, len);
            let value = visitor.visit_map(&mut entries)?;
            entries.finish()?;
            Ok(value)
        })
    }

    /// After tag 2 or 3: the bignum, when a byte string of at most 16 bytes follows (as
    /// ciborium reads it); `None`, with nothing consumed, otherwise.
    fn bignum(&mut self) -> Result<Option<u128>, Error> {
        let start = self.pos;
        match self.header()? {
            Header::Bytes(Some(len)) if len <= 16 => {
                let digits = self.slice(len)?;
                Ok(Some(digits.iter().fold(0, |n, &d| n << 8 | u128::from(d))))
            }
            _ => {
                self.pos = start;
                Ok(None)
            }
        }
    }

    /// An item after tag `tag`: a bignum, or the tag enum.
    fn visit_tag<V: Visitor<'de>>(&mut self, tag: u64, visitor: V) -> Result<V::Value, Error> {
        match (tag, self.bignum_if(tag)?) {
            (2, Some(n)) => visitor.visit_u128(n),
            (_, Some(n)) => match i128::try_from(n) {
                Ok(n) => visitor.visit_i128(-1 - n),
                Err(_) => Err(Error::custom("a negative bignum beyond 128 bits")),
            },
            (_, None) => self.nested(|de| visitor.visit_enum(Tagged::new(de, Some(tag)))),
        }
    }

    /// [`Self::bignum`] after the bignum tags only.
    fn bignum_if(&mut self, tag: u64) -> Result<Option<u128>, Error> {
        match tag {
            2 | 3 => self.bignum(),
            _ => Ok(None),
        }
    }

    /// The type error for an item of `header` where `visitor` expected something else.
    fn invalid<V: Visitor<'de>>(header: Header, visitor: &V) -> Error {
        Error::invalid_type(unexpected(header), visitor)
    }
}

/// Scalars: tags skipped, then the item as it is (the visitor refuses a wrong type).
macro_rules! scalars {
    ($($method:ident)*) => {
        $(#[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.skip_tags()?;
            self.deserialize_any(visitor)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = Error;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.header()? {
            Header::Unsigned(n) => visitor.visit_u64(n),
            Header::Negative(n) => match i64::try_from(n) {
                Ok(n) => visitor.visit_i64(-1 - n),
                Err(_) => visitor.visit_i128(-1 - i128::from(n)),
            },
            Header::Bytes(len) => self.visit_bytes(len, visitor),
            Header::Text(len) => self.visit_text(len, visitor),
            Header::Array(len) => self.visit_array(len, visitor),
            Header::Map(len) => self.visit_map(len, visitor),
            Header::Tag(tag) => self.visit_tag(tag, visitor),
            Header::Float(x) => visitor.visit_f64(x),
            Header::Simple(FALSE) => visitor.visit_bool(false),
            Header::Simple(TRUE) => visitor.visit_bool(true),
            Header::Simple(NULL | UNDEFINED) => visitor.visit_none(),
            Header::Simple(_) => Err(self.error("an unassigned simple value")),
            Header::Break => Err(self.error("a break outside an indefinite-length item")),
        }
    }

    scalars! {
        deserialize_bool deserialize_char
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if let Some(text) = self.short_text()? {
            return visitor.visit_borrowed_str(text);
        }
        self.skip_tags()?;
        match self.header()? {
            Header::Text(len) => self.visit_text(len, visitor),
            other => Err(Deserializer::invalid(other, &visitor)),
        }
    }

    #[inline]
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.names_as_bytes {
            if let Some(name) = self.short_name() {
                return visitor.visit_borrowed_bytes(name);
            }
        }
        if let Some(text) = self.short_text()? {
            return visitor.visit_borrowed_str(text);
        }
        self.skip_tags()?;
        match self.header()? {
            Header::Text(len) => self.visit_text(len, visitor),
            Header::Bytes(len) => self.visit_bytes(len, visitor),
            other => Err(Deserializer::invalid(other, &visitor)),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip_tags()?;
        match self.header()? {
            Header::Bytes(len) => self.visit_bytes(len, visitor),
            Header::Array(len) => self.visit_array(len, visitor),
            other => Err(Deserializer::invalid(other, &visitor)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // `null` (0xf6) and `undefined` (0xf7) are the absent value.
        match self.peek_byte() {
            Some(0xf6 | 0xf7) => {
                self.pos += 1;
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip_tags()?;
        match self.header()? {
            Header::Simple(NULL | UNDEFINED) => visitor.visit_unit(),
            other => Err(Deserializer::invalid(other, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    #[inline]
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip_tags()?;
        match self.header()? {
            Header::Array(len) => self.visit_array(len, visitor),
            other => Err(Deserializer::invalid(other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    #[inline]
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip_tags()?;
        match self.header()? {
            Header::Map(len) => self.visit_map(len, visitor),
            other => Err(Deserializer::invalid(other, &visitor)),
        }
    }

    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    /// ciborium's tag enum (`@@TAG@@`), or an enum as a variant name (unit variants) or a map
    /// of one entry from the variant name to its value.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == TAG_ENUM {
            let tag = match self.peek_header()? {
                Header::Tag(tag) => {
                    self.header()?;
                    Some(tag)
                }
                _ => None,
            };
            return self.nested(|de| visitor.visit_enum(Tagged::new(de, tag)));
        }
        self.skip_tags()?;
        match self.peek_header()? {
            Header::Text(_) => self.nested(|de| visitor.visit_enum(Variant::new(de, false))),
            Header::Map(Some(1)) => {
                self.header()?;
                self.nested(|de| visitor.visit_enum(Variant::new(de, true)))
            }
            other => Err(Deserializer::invalid(other, &visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip()?;
        visitor.visit_unit()
    }

    fn is_human_readable(&self) -> bool {
        false
    }
}
