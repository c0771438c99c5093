//! The serde [`Deserializer`](serde::Deserializer) impl of the JSON reader.

use std::borrow::Cow;

use serde::de::{self, Error as _, Unexpected, Visitor};

use super::access::{unit_variant, Inside, Variant};
use super::number::Number;
use super::read::Text;
use super::{Deserializer, Error};

impl<'de> Deserializer<'de> {
    /// Hands a string, whose opening quote was peeked, to `visitor`.
    #[inline]
    fn visit_string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        match self.text()? {
            Text::Body(text) => visitor.visit_borrowed_str(text),
            Text::Scratch(text) => visitor.visit_str(text),
        }
    }

    /// Hands a number, whose first byte was peeked, to `visitor`.
    #[inline]
    fn visit_number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        match self.number()? {
            Number::U64(n) => visitor.visit_u64(n),
            Number::I64(n) => visitor.visit_i64(n),
            Number::F64(x) => visitor.visit_f64(x),
        }
    }

    /// Hands the items of an array, at its `[`, to `visitor`, which must read them all.
    #[inline]
    fn visit_array<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        self.nested(|de| {
            de.pos += 1;
            let mut items = Inside::<b']'>::new(de);
            match visitor.visit_seq(&mut items) {
                Ok(value) => items.finish().map(|()| value),
                Err(error) => Err(items.located(error)),
            }
        })
    }

    /// Hands the entries of an object, at its `{`, to `visitor`, which must read them all.
    #[inline]
    fn visit_object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        self.nested(|de| {
            de.pos += 1;
            let mut entries = Inside::<b'}'>::new(de);
            match visitor.visit_map(&mut entries) {
                Ok(value) => entries.finish().map(|()| value),
                Err(error) => Err(entries.located(error)),
            }
        })
    }

    /// Hands an `i128` (`signed`) or `u128` to `visit`, read from the integer's own digits
    /// (no fraction or exponent), as serde_json reads one.
    fn visit_wide<V, T>(
        &mut self,
        visitor: V,
        signed: bool,
        visit: impl FnOnce(V, T) -> Result<V::Value, Error>,
    ) -> Result<V::Value, Error>
    where
        V: Visitor<'de>,
        T: std::str::FromStr,
    {
        let next = self.peek();
        let start = self.pos;
        match next {
            Some(b'-') if !signed => Err(self.error("number out of range")),
            Some(b'-' | b'0'..=b'9') => match self.integer_text()?.parse::<T>() {
                Ok(n) => visit(visitor, n).map_err(|e| self.fix(e, start)),
                Err(_) => Err(Error::at(self.bytes(), start, "number out of range")),
            },
            _ => Err(self.invalid(&visitor)),
        }
    }

    /// The type error for the value ahead, where `visitor` expected something else (or the
    /// syntax error that stops it from being read).
    #[cold]
    fn invalid<V: Visitor<'de>>(&mut self, visitor: &V) -> Error {
        let next = self.peek();
        let start = self.pos;
        let unexpected = match next {
            Some(b'"') => match self.string() {
                Ok(text) => {
                    return self.fix(Error::invalid_type(Unexpected::Str(&text), visitor), start)
                }
                Err(error) => return error,
            },
            Some(b'-' | b'0'..=b'9') => match self.number() {
                Ok(number) => number.unexpected(),
                Err(error) => return error,
            },
            Some(b't') => Unexpected::Bool(true),
            Some(b'f') => Unexpected::Bool(false),
            Some(b'n') => Unexpected::Unit,
            Some(b'[') => Unexpected::Seq,
            Some(b'{') => Unexpected::Map,
            Some(_) => return self.error("expected value"),
            None => return self.error("EOF while parsing a value"),
        };
        self.fix(Error::invalid_type(unexpected, visitor), start)
    }
}

/// Numbers: handed over as they are written (the visitor refuses a wrong type or range).
macro_rules! numbers {
    ($($method:ident)*) => {
        $(#[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let next = self.peek();
            let start = self.pos;
            match next {
                Some(b'-' | b'0'..=b'9') => {
                    self.visit_number(visitor).map_err(|e| self.fix(e, start))
                }
                _ => Err(self.invalid(&visitor)),
            }
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let next = self.peek();
        let start = self.pos;
        let value = match next {
            Some(b'"') => self.visit_string(visitor),
            Some(b'-' | b'0'..=b'9') => self.visit_number(visitor),
            Some(b't') => self.literal("true").and_then(|()| visitor.visit_bool(true)),
            Some(b'f') => self
                .literal("false")
                .and_then(|()| visitor.visit_bool(false)),
            Some(b'n') => self.literal("null").and_then(|()| visitor.visit_unit()),
            Some(b'[') => self.visit_array(visitor),
            Some(b'{') => self.visit_object(visitor),
            Some(_) => return Err(self.error("expected value")),
            None => return Err(self.error("EOF while parsing a value")),
        };
        value.map_err(|e| self.fix(e, start))
    }

    numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_f32 deserialize_f64
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_wide(visitor, true, |visitor, n| visitor.visit_i128(n))
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.visit_wide(visitor, false, |visitor, n| visitor.visit_u128(n))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let next = self.peek();
        let start = self.pos;
        let value = match next {
            Some(b't') => self.literal("true").and_then(|()| visitor.visit_bool(true)),
            Some(b'f') => self
                .literal("false")
                .and_then(|()| visitor.visit_bool(false)),
            _ => return Err(self.invalid(&visitor)),
        };
        value.map_err(|e| self.fix(e, start))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let next = self.peek();
        let start = self.pos;
        match next {
            Some(b'"') => self.visit_string(visitor).map_err(|e| self.fix(e, start)),
            _ => Err(self.invalid(&visitor)),
        }
    }

    #[inline]
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    /// A string's bytes (after unescaping), or an array of numbers.
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let next = self.peek();
        let start = self.pos;
        let value = match next {
            Some(b'"') => match self.string()? {
                Cow::Borrowed(text) => visitor.visit_borrowed_bytes(text.as_bytes()),
                Cow::Owned(text) => visitor.visit_byte_buf(text.into_bytes()),
            },
            Some(b'[') => self.visit_array(visitor),
            _ => return Err(self.invalid(&visitor)),
        };
        value.map_err(|e| self.fix(e, start))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'n') => {
                self.literal("null")?;
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let next = self.peek();
        let start = self.pos;
        match next {
            Some(b'n') => {
                self.literal("null")?;
                visitor.visit_unit().map_err(|e| self.fix(e, start))
            }
            _ => Err(self.invalid(&visitor)),
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
        let next = self.peek();
        let start = self.pos;
        match next {
            Some(b'[') => self.visit_array(visitor).map_err(|e| self.fix(e, start)),
            _ => Err(self.invalid(&visitor)),
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
        let next = self.peek();
        let start = self.pos;
        match next {
            Some(b'{') => self.visit_object(visitor).map_err(|e| self.fix(e, start)),
            _ => Err(self.invalid(&visitor)),
        }
    }

    /// An object only: a structure is never read from an array of its members' values.
    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    /// An enum as its variant name (unit variants), or as an object of one entry from the
    /// variant name to its value.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let next = self.peek();
        let start = self.pos;
        let value = match next {
            Some(b'"') => {
                let name = self.string()?;
                unit_variant(name, visitor)
            }
            Some(b'{') => self.nested(|de| {
                de.pos += 1;
                let value = visitor.visit_enum(Variant(de))?;
                de.expect(b'}', "expected `}`")?;
                Ok(value)
            }),
            _ => return Err(self.invalid(&visitor)),
        };
        value.map_err(|e| self.fix(e, start))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip_value()?;
        visitor.visit_unit()
    }
}
