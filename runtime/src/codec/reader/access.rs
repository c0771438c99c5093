//! The checked reader's wrappers of serde's access traits: map entries (keys captured, the
//! required members of a structure checked at its end), sequence elements, and enum variants
//! (ciborium's form of CBOR tags). When a decode fails because a required member is missing,
//! each reads the rest of its container into the view before the error goes on.

use std::cell::RefCell;

use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

use super::checked::{Checked, CheckedVisitor, Mode, Rules};
use super::{Reading, Segment};
use crate::validate::{Shape, View};

/// Hands a seed the checked deserializer of the value it reads.
pub(crate) struct CheckedSeed<'r, S> {
    seed: S,
    reading: &'r RefCell<Reading>,
    rules: Rules,
    mode: Mode,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for CheckedSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.seed
            .deserialize(Checked::new(d, self.reading, self.rules, self.mode))
    }
}

/// The entries of a map or structure.
pub(crate) struct CheckedMap<'r, A> {
    inner: A,
    reading: &'r RefCell<Reading>,
    rules: Rules,
    /// The structure's rules, when it is one with rules.
    shape: Option<&'static Shape>,
    /// This map's number (see `Reading::ended_missing`).
    id: usize,
    /// The keys read that are members of `shape`.
    seen: Vec<&'static str>,
}

impl<'r, A> CheckedMap<'r, A> {
    pub(crate) fn new(inner: A, reading: &'r RefCell<Reading>, rules: Rules, id: usize) -> Self {
        CheckedMap {
            inner,
            reading,
            rules,
            shape: rules.shape(),
            id,
            seen: Vec::new(),
        }
    }

    /// After the last entry: whether a required member of the structure is absent.
    fn lacks_required(&self) -> bool {
        self.shape.is_some_and(|shape| {
            shape
                .members
                .iter()
                .any(|m| m.required && !self.seen.contains(&m.key))
        })
    }
}

impl<'de, A: MapAccess<'de>> CheckedMap<'_, A> {
    /// Reads the entries left into the view (after a missing member failed the decode).
    fn drain(&mut self) {
        while let Ok(Some(key)) = self.inner.next_key::<View>() {
            let Ok(value) = self.inner.next_value::<View>() else {
                return;
            };
            let mut reading = self.reading.borrow_mut();
            reading.record(Mode::Key, key);
            reading.record(Mode::Value, value);
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for CheckedMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let seed = CheckedSeed {
            seed,
            reading: self.reading,
            rules: Rules::None,
            mode: Mode::Key,
        };
        let key = self.inner.next_key_seed(seed);
        match &key {
            Ok(Some(_)) => {
                let current = self.reading.borrow().current_key();
                if let Some(member) = self
                    .shape
                    .and_then(|s| s.members.iter().find(|m| m.key == current))
                {
                    self.seen.push(member.key);
                }
            }
            Ok(None) => {
                let lacks = self.lacks_required();
                self.reading.borrow_mut().ended_missing = lacks.then_some(self.id);
            }
            Err(_) => self.reading.borrow_mut().note_error(),
        }
        key
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        let key = self.reading.borrow().current_key();
        let seed = CheckedSeed {
            seed,
            reading: self.reading,
            rules: self.rules.entry(&key),
            mode: Mode::Value,
        };
        self.reading.borrow_mut().path.push(Segment::Key(key));
        let value = self.inner.next_value_seed(seed);
        let failed = value.is_err() && self.reading.borrow_mut().failed();
        if failed {
            self.drain();
        }
        self.reading.borrow_mut().path.pop();
        value
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// The elements of a list.
pub(crate) struct CheckedSeq<'r, A> {
    inner: A,
    reading: &'r RefCell<Reading>,
    rules: Rules,
    mode: Mode,
    index: usize,
}

impl<'r, A> CheckedSeq<'r, A> {
    pub(crate) fn new(inner: A, reading: &'r RefCell<Reading>, rules: Rules, mode: Mode) -> Self {
        CheckedSeq {
            inner,
            reading,
            rules,
            mode,
            index: 0,
        }
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for CheckedSeq<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let seed = CheckedSeed {
            seed,
            reading: self.reading,
            rules: self.rules,
            mode: self.mode,
        };
        self.reading
            .borrow_mut()
            .path
            .push(Segment::Index(self.index));
        self.index += 1;
        let element = self.inner.next_element_seed(seed);
        let failed = element.is_err() && self.reading.borrow_mut().failed();
        if failed {
            while let Ok(Some(item)) = self.inner.next_element::<View>() {
                self.reading.borrow_mut().record(self.mode, item);
            }
        }
        self.reading.borrow_mut().path.pop();
        element
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// An enum value: ciborium hands CBOR tags over as enum variants (the variant names the
/// tagging, the content is the tagged value).
pub(crate) struct CheckedEnum<'r, A> {
    inner: A,
    reading: &'r RefCell<Reading>,
    rules: Rules,
}

impl<'r, A> CheckedEnum<'r, A> {
    pub(crate) fn new(inner: A, reading: &'r RefCell<Reading>, rules: Rules) -> Self {
        CheckedEnum {
            inner,
            reading,
            rules,
        }
    }
}

impl<'r, 'de, A: EnumAccess<'de>> EnumAccess<'de> for CheckedEnum<'r, A> {
    type Error = A::Error;
    type Variant = CheckedVariant<'r, A::Variant>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), A::Error> {
        let seed = CheckedSeed {
            seed,
            reading: self.reading,
            rules: Rules::None,
            mode: Mode::Variant,
        };
        let (value, variant) = self.inner.variant_seed(seed)?;
        let variant = CheckedVariant {
            inner: variant,
            reading: self.reading,
            rules: self.rules,
        };
        Ok((value, variant))
    }
}

/// An enum variant's content.
pub(crate) struct CheckedVariant<'r, A> {
    inner: A,
    reading: &'r RefCell<Reading>,
    rules: Rules,
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for CheckedVariant<'_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.inner.newtype_variant_seed(CheckedSeed {
            seed,
            reading: self.reading,
            rules: self.rules,
            mode: Mode::Value,
        })
    }

    /// A tagged CBOR value (the tag and the value): the value is the tag's content.
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let visitor = CheckedVisitor::new(visitor, self.reading, self.rules, Mode::Value).flat();
        self.inner.tuple_variant(len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let visitor = CheckedVisitor::new(visitor, self.reading, self.rules, Mode::Value);
        self.inner.struct_variant(fields, visitor)
    }
}
