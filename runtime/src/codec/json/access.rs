//! How the reader hands over the insides of arrays, objects and enums, and object keys.

use std::borrow::Cow;

use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{self, DeserializeSeed, Visitor};

use super::{Deserializer, Error};

/// The items of an array (`CLOSE` is `]`) or the entries of an object (`}`), read one at a
/// time; the `[` or `{` is consumed. (The closing byte is a constant, so that each reader's
/// `more` is compiled for its own.)
pub(super) struct Inside<'a, 'de, const CLOSE: u8> {
    de: &'a mut Deserializer<'de>,
    /// No item or entry was asked for yet.
    first: bool,
    /// The closing byte is consumed.
    done: bool,
}

impl<'a, 'de, const CLOSE: u8> Inside<'a, 'de, CLOSE> {
    /// The inside of the array or object whose opening byte `de` has just consumed.
    pub(super) fn new(de: &'a mut Deserializer<'de>) -> Self {
        Inside {
            de,
            first: true,
            done: false,
        }
    }

    /// Whether another item or entry follows (consuming the `,` or the closing byte).
    #[inline]
    fn more(&mut self) -> Result<bool, Error> {
        if self.done {
            return Ok(false);
        }
        let more = if self.first {
            self.first = false;
            if self.de.peek() == Some(CLOSE) {
                self.de.pos += 1;
                false
            } else {
                true
            }
        } else {
            self.de.continues(CLOSE)?
        };
        self.done = !more;
        Ok(more)
    }

    /// `error`, which the visitor raised, placed where reading stopped.
    pub(super) fn located(&self, error: Error) -> Error {
        self.de.fix(error, self.de.pos)
    }

    /// After the visitor: the array or object must have ended.
    pub(super) fn finish(mut self) -> Result<(), Error> {
        match self.more()? {
            false => Ok(()),
            true => Err(self.de.error("trailing characters")),
        }
    }
}

impl<'de> de::SeqAccess<'de> for Inside<'_, 'de, b']'> {
    type Error = Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.more()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }
}

impl<'de> de::MapAccess<'de> for Inside<'_, 'de, b'}'> {
    type Error = Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if !self.more()? {
            return Ok(None);
        }
        let start = self.de.pos;
        let key = self.de.key()?;
        seed.deserialize(Key(key))
            .map(Some)
            .map_err(|e| self.de.fix(e, start))
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.de.expect(b':', "expected `:`")?;
        seed.deserialize(&mut *self.de)
    }
}

/// An object's key (or an enum's variant name): text, or a number or `bool` written as text.
pub(super) struct Key<'de>(pub(super) Cow<'de, str>);

impl<'de> Key<'de> {
    /// The key's text read as a number or `bool` (`read`), as serde_json reads such a key:
    /// by the JSON grammar, without escapes, filling the whole key.
    fn read_as<V, F>(self, visitor: V, first: fn(u8) -> bool, read: F) -> Result<V::Value, Error>
    where
        V: Visitor<'de>,
        F: FnOnce(&mut Deserializer<'de>, V) -> Result<V::Value, Error>,
    {
        let Cow::Borrowed(text) = self.0 else {
            return Err(Error::message(format!("a key `{}` with escapes", self.0)));
        };
        if !text.bytes().next().is_some_and(first) {
            return Err(Error::message(format!(
                "the key `{text}` is not of the key type"
            )));
        }
        let mut de = Deserializer::over(text);
        let value = read(&mut de, visitor)?;
        match de.pos == text.len() {
            true => Ok(value),
            false => Err(Error::message(format!(
                "the key `{text}` has more after its value"
            ))),
        }
    }
}

/// Number and `bool` keys: the key's text read as the type asked for.
macro_rules! keys_read_as {
    ($first:expr => $($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.read_as(visitor, $first, |de, visitor| de::Deserializer::$method(de, visitor))
        })*
    };
}

impl<'de> de::Deserializer<'de> for Key<'de> {
    type Error = Error;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    keys_read_as! {
        |b| b == b'-' || b.is_ascii_digit() =>
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    keys_read_as! { |b| b == b't' || b == b'f' => deserialize_bool }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        unit_variant(self.0, visitor)
    }

    serde::forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// An enum written as an object of one entry, from its variant name to its value; the `{`
/// is consumed.
pub(super) struct Variant<'a, 'de>(pub(super) &'a mut Deserializer<'de>);

impl<'a, 'de> de::EnumAccess<'de> for Variant<'a, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Error> {
        let start = self.0.pos;
        let name = self.0.key()?;
        let variant = seed
            .deserialize(Key(name))
            .map_err(|e| self.0.fix(e, start))?;
        self.0.expect(b':', "expected `:`")?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        de::Deserialize::deserialize(self.0)
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Error> {
        seed.deserialize(self.0)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self.0, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_map(self.0, visitor)
    }
}

/// A unit variant written as its name.
pub(super) fn unit_variant<'de, V: Visitor<'de>>(
    name: Cow<'de, str>,
    visitor: V,
) -> Result<V::Value, Error> {
    match name {
        Cow::Borrowed(text) => visitor.visit_enum(BorrowedStrDeserializer::<Error>::new(text)),
        Cow::Owned(text) => visitor.visit_enum(StringDeserializer::<Error>::new(text)),
    }
}
