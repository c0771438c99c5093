//! A CBOR writer for rpcv2Cbor bodies: a serde [`Serializer`](ser::Serializer) appending to a
//! `Vec<u8>`, the counterpart of the reader in this module.
//!
//! - Lengths are definite wherever serde announces them (structures always do: the derived
//!   impls count the members they skip); a sequence or map of unknown length is written with
//!   an indefinite length and a `break`.
//! - Integers take their shortest head; integers beyond 64 bits are bignums (tags 2 and 3).
//! - A float is written in single precision when that holds it exactly, else in double
//!   precision; NaN and the infinities in half precision.
//! - `None` and the unit are `null`; an enum is its variant name, or a map of one entry from
//!   the variant name to its content.
//! - Tags come in the enum form the reader hands them over in (an enum `@@TAG@@` whose
//!   variant `@@TAGGED@@` is the pair (tag number, item), `@@UNTAGGED@@` the item alone), so
//!   that [`DateTime`](crate::DateTime) writes tag 1 through this writer.

use serde::ser::{self, Serialize};

use super::{Error, BREAK, FALSE, NULL, TAGGED, TAG_ENUM, TRUE, UNTAGGED};

/// Major types, in the high three bits of an item's first byte.
const UNSIGNED: u8 = 0;
const NEGATIVE: u8 = 1 << 5;
const BYTES: u8 = 2 << 5;
const TEXT: u8 = 3 << 5;
const ARRAY: u8 = 4 << 5;
const MAP: u8 = 5 << 5;
const TAG: u8 = 6 << 5;
/// Simple values (`false`, `true`, `null`) and floats.
const SIMPLE: u8 = 7 << 5;
/// The low bits of a head whose length is indefinite.
const INDEFINITE: u8 = 31;
/// The bignum tags (RFC 8949 3.4.3).
const POSITIVE_BIGNUM: u64 = 2;
const NEGATIVE_BIGNUM: u64 = 3;

/// Appends the CBOR form of `value` to `out`.
///
/// # Errors
///
/// When `value`'s `Serialize` impl fails, or hands over a tag whose number is not an unsigned
/// integer.
#[cfg(test)]
pub(crate) fn to_writer<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result<(), Error> {
    value.serialize(&mut Writer { out })
}

/// Writes CBOR items to the end of a buffer.
#[derive(Debug)]
pub(crate) struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

impl<'a> Writer<'a> {
    /// A writer appending to `out`.
    pub(crate) fn new(out: &'a mut Vec<u8>) -> Self {
        Writer { out }
    }

    /// The head of an item of major type `major` whose argument is `argument`, shortest form.
    fn head(&mut self, major: u8, argument: u64) {
        match argument {
            0..=23 => self.out.push(major | argument as u8),
            24..=0xff => self.out.extend_from_slice(&[major | 24, argument as u8]),
            0x100..=0xffff => {
                self.out.push(major | 25);
                self.out.extend_from_slice(&(argument as u16).to_be_bytes());
            }
            0x1_0000..=0xffff_ffff => {
                self.out.push(major | 26);
                self.out.extend_from_slice(&(argument as u32).to_be_bytes());
            }
            _ => {
                self.out.push(major | 27);
                self.out.extend_from_slice(&argument.to_be_bytes());
            }
        }
    }

    /// The head of a sequence or map: definite when `len` is known.
    fn container(&mut self, major: u8, len: Option<usize>) -> Compound<'_, 'a> {
        match len {
            Some(len) => self.head(major, len as u64),
            None => self.out.push(major | INDEFINITE),
        }
        Compound {
            writer: self,
            ends_with_break: len.is_none(),
            tag_number_next: false,
        }
    }

    /// A text string.
    fn text(&mut self, text: &str) {
        self.head(TEXT, text.len() as u64);
        self.out.extend_from_slice(text.as_bytes());
    }

    /// A float: single precision when it holds `value` exactly, else double; NaN and the
    /// infinities in half precision.
    fn float(&mut self, value: f64) {
        if value.is_nan() {
            self.out.extend_from_slice(&[0xf9, 0x7e, 0x00]);
        } else if value.is_infinite() {
            let high = if value > 0.0 { 0x7c } else { 0xfc };
            self.out.extend_from_slice(&[0xf9, high, 0x00]);
        } else if f64::from(value as f32) == value {
            self.out.push(0xfa);
            self.out
                .extend_from_slice(&(value as f32).to_bits().to_be_bytes());
        } else {
            self.out.push(0xfb);
            self.out.extend_from_slice(&value.to_bits().to_be_bytes());
        }
    }

    /// A map of one entry from `variant` to what follows: the form of an enum's variant with
    /// content.
    fn variant_key(&mut self, variant: &str) {
        self.head(MAP, 1);
        self.text(variant);
    }

    /// An integer beyond 64 bits: a bignum tag and the big-endian magnitude without leading
    /// zeros.
    fn bignum(&mut self, tag: u64, magnitude: u128) {
        self.head(TAG, tag);
        let bytes = magnitude.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        self.head(BYTES, (bytes.len() - skip) as u64);
        self.out.extend_from_slice(&bytes[skip..]);
    }
}

impl<'s, 'a> ser::Serializer for &'s mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'s, 'a>;
    type SerializeTuple = Compound<'s, 'a>;
    type SerializeTupleStruct = Compound<'s, 'a>;
    type SerializeTupleVariant = Compound<'s, 'a>;
    type SerializeMap = Compound<'s, 'a>;
    type SerializeStruct = Compound<'s, 'a>;
    type SerializeStructVariant = Compound<'s, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push(SIMPLE | if v { TRUE } else { FALSE });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        match u64::try_from(v) {
            Ok(v) => self.head(UNSIGNED, v),
            // A negative integer n is written as -1 - n.
            Err(_) => self.head(NEGATIVE, v.unsigned_abs() - 1),
        }
        Ok(())
    }

    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        if let Ok(v) = u128::try_from(v) {
            return self.serialize_u128(v);
        }
        let magnitude = v.unsigned_abs() - 1;
        match u64::try_from(magnitude) {
            Ok(argument) => self.head(NEGATIVE, argument),
            Err(_) => self.bignum(NEGATIVE_BIGNUM, magnitude),
        }
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.head(UNSIGNED, v);
        Ok(())
    }

    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        match u64::try_from(v) {
            Ok(v) => self.head(UNSIGNED, v),
            Err(_) => self.bignum(POSITIVE_BIGNUM, v),
        }
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v.into());
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.head(BYTES, v.len() as u64);
        self.out.extend_from_slice(v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.out.push(SIMPLE | NULL);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.text(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        if !(name == TAG_ENUM && variant == UNTAGGED) {
            self.variant_key(variant);
        }
        value.serialize(self)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.container(ARRAY, len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'s, 'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        self.serialize_seq(Some(len))
    }

    /// A tag (the tag enum's `@@TAGGED@@` pair), or a map of one entry to an array.
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        if name == TAG_ENUM && variant == TAGGED {
            return Ok(Compound {
                writer: self,
                ends_with_break: false,
                tag_number_next: true,
            });
        }
        self.variant_key(variant);
        self.serialize_seq(Some(len))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.container(MAP, len))
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'s, 'a>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        self.variant_key(variant);
        self.serialize_map(Some(len))
    }

    fn is_human_readable(&self) -> bool {
        false
    }
}

/// The items of a sequence, map, structure or tag being written.
#[derive(Debug)]
pub(crate) struct Compound<'s, 'a> {
    writer: &'s mut Writer<'a>,
    /// Whether the length was indefinite, so a `break` ends the items.
    ends_with_break: bool,
    /// Whether the next item is a tag number (the first item of the tag enum's pair).
    tag_number_next: bool,
}

impl Compound<'_, '_> {
    /// Writes one item; a tag number is written as the head of a tag.
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if !self.tag_number_next {
            return value.serialize(&mut *self.writer);
        }
        self.tag_number_next = false;
        // A tag's head has an unsigned integer's argument encoding; only the major type
        // differs.
        let start = self.writer.out.len();
        value.serialize(&mut *self.writer)?;
        match self.writer.out.get_mut(start) {
            Some(first) if *first >> 5 == UNSIGNED >> 5 => {
                *first |= TAG;
                Ok(())
            }
            _ => Err(Error::message(
                "a CBOR tag number must be an unsigned integer".to_owned(),
            )),
        }
    }

    /// Closes the items.
    fn finish(self) -> Result<(), Error> {
        if self.ends_with_break {
            self.writer.out.push(BREAK);
        }
        Ok(())
    }
}

/// The impls of the serde traits whose items are plain values: each writes its item.
macro_rules! plain_items {
    ($($name:ident :: $method:ident),*) => {$(
        impl ser::$name for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }

            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}

plain_items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The impls of the serde traits whose items are named members: each writes the name, then
/// the value.
macro_rules! member_items {
    ($($name:ident),*) => {$(
        impl ser::$name for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.writer.text(key);
                self.item(value)
            }

            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}

member_items!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.item(key)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}
