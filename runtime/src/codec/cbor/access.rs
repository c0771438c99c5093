//! The CBOR reader's access types: array items, map entries, enum variants, and tags in
//! ciborium's enum form.

use serde::de::value::{BorrowedStrDeserializer, U64Deserializer};
use serde::de::{
    DeserializeSeed, Deserializer as _, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

use super::{Deserializer, Error, TAGGED, UNTAGGED};

/// How many items of a container are left: a count, or until a `break`.
#[derive(Clone, Copy, Debug)]
enum Left {
    Count(u64),
    UntilBreak,
    /// The `break` was read.
    Done,
}

impl Left {
    fn new(len: Option<u64>) -> Self {
        len.map_or(Left::UntilBreak, Left::Count)
    }

    /// Whether another item follows; counts it.
    #[inline]
    fn next(&mut self, de: &mut Deserializer<'_>) -> bool {
        match *self {
            Left::Count(0) | Left::Done => false,
            Left::Count(n) => {
                *self = Left::Count(n - 1);
                true
            }
            Left::UntilBreak if de.at_break() => {
                *self = Left::Done;
                false
            }
            Left::UntilBreak => true,
        }
    }

    /// A bound on the items left (each takes a byte at least), for preallocation.
    #[inline]
    fn hint(self, de: &Deserializer<'_>) -> Option<usize> {
        match self {
            Left::Count(n) => Some(usize::try_from(n).unwrap_or(usize::MAX).min(de.rest())),
            Left::UntilBreak => None,
            Left::Done => Some(0),
        }
    }

    /// Checks that the visitor read every item.
    #[inline]
    fn finish(mut self, de: &mut Deserializer<'_>, what: &str) -> Result<(), Error> {
        if self.next(de) {
            return Err(de.error(&format!("the type read fewer {what} than there are")));
        }
        Ok(())
    }
}

/// The items of an array.
pub(super) struct Items<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    left: Left,
}

impl<'a, 'de> Items<'a, 'de> {
    pub(super) fn new(de: &'a mut Deserializer<'de>, len: Option<u64>) -> Self {
        Items {
            de,
            left: Left::new(len),
        }
    }

    /// Checks that every item was read.
    pub(super) fn finish(self) -> Result<(), Error> {
        self.left.finish(self.de, "array items")
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.left.next(self.de) {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        self.left.hint(self.de)
    }
}

/// The entries of a map.
pub(super) struct Entries<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    left: Left,
}

impl<'a, 'de> Entries<'a, 'de> {
    pub(super) fn new(de: &'a mut Deserializer<'de>, len: Option<u64>) -> Self {
        Entries {
            de,
            left: Left::new(len),
        }
    }

    /// Checks that every entry was read.
    pub(super) fn finish(self) -> Result<(), Error> {
        self.left.finish(self.de, "map entries")
    }
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if !self.left.next(self.de) {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.de)
    }

    fn size_hint(&self) -> Option<usize> {
        self.left.hint(self.de).map(|n| n / 2)
    }
}

/// An enum: the variant name is the next item; its value follows when the enum was a map of
/// one entry (`with_value`).
pub(super) struct Variant<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    with_value: bool,
}

impl<'a, 'de> Variant<'a, 'de> {
    pub(super) fn new(de: &'a mut Deserializer<'de>, with_value: bool) -> Self {
        Variant { de, with_value }
    }

    /// The reader of the variant's value.
    fn value(self) -> Result<&'a mut Deserializer<'de>, Error> {
        if self.with_value {
            Ok(self.de)
        } else {
            Err(self
                .de
                .error("a variant with a value must be a map of one entry"))
        }
    }
}

impl<'a, 'de> EnumAccess<'de> for Variant<'a, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let variant = seed.deserialize(&mut *self.de)?;
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        if self.with_value {
            self.de.skip()?;
        }
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self.value()?)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.value()?.deserialize_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.value()?.deserialize_map(visitor)
    }
}

/// A tagged (or untagged) item in ciborium's form: an enum whose variant `@@TAGGED@@` is the
/// pair (tag number, item) and `@@UNTAGGED@@` the item alone. Read by `ciborium::tag`'s types
/// and by anything that reads a tag as an enum's newtype variant.
pub(super) struct Tagged<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    tag: Option<u64>,
}

impl<'a, 'de> Tagged<'a, 'de> {
    pub(super) fn new(de: &'a mut Deserializer<'de>, tag: Option<u64>) -> Self {
        Tagged { de, tag }
    }
}

impl<'de> EnumAccess<'de> for Tagged<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let name = match self.tag {
            Some(_) => TAGGED,
            None => UNTAGGED,
        };
        let variant = seed.deserialize(BorrowedStrDeserializer::<Error>::new(name))?;
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for Tagged<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Err(self.de.error("a tag without its item"))
    }

    /// The item, without its tag number.
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(&mut *self.de)
    }

    /// The tag number (when there is one), then the item.
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(TagItems {
            de: self.de,
            tag: self.tag,
            item_read: false,
        })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Error> {
        Err(self.de.error("a tag read as a structure"))
    }
}

/// The (tag number, item) pair of a tagged item.
struct TagItems<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    tag: Option<u64>,
    item_read: bool,
}

impl<'de> SeqAccess<'de> for TagItems<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if let Some(tag) = self.tag.take() {
            return seed
                .deserialize(U64Deserializer::<Error>::new(tag))
                .map(Some);
        }
        if self.item_read {
            return Ok(None);
        }
        self.item_read = true;
        seed.deserialize(&mut *self.de).map(Some)
    }
}
