//! [`Blob`]: Smithy `blob` values, base64 strings in JSON.

use std::fmt;
use std::ops::Deref;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Binary data. Serialized as a string in standard, padded base64 (RFC 4648 section 4);
/// deserialization rejects anything else.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Blob(Vec<u8>);

impl Blob {
    /// A blob holding `bytes`.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Blob(bytes.into())
    }

    /// The bytes, giving up the blob.
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }

    /// The bytes (also available through `AsRef<[u8]>` and `Deref`).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The standard, padded base64 form of the bytes.
    pub fn to_base64(&self) -> String {
        STANDARD.encode(&self.0)
    }

    /// Decodes standard, padded base64.
    ///
    /// # Errors
    ///
    /// Characters outside the standard alphabet, missing or misplaced padding, or a
    /// length that is not a multiple of four.
    pub fn from_base64(text: &str) -> Result<Self, InvalidBase64> {
        STANDARD
            .decode(text)
            .map(Blob)
            .map_err(|error| InvalidBase64(error.to_string()))
    }
}

/// Text that is not standard, padded base64; see [`Blob::from_base64`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct InvalidBase64(String);

/// `invalid base64 in blob: ` and what is wrong, such as `Invalid symbol 36, offset 1.`
impl fmt::Display for InvalidBase64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid base64 in blob: {}", self.0)
    }
}

impl std::error::Error for InvalidBase64 {}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl Deref for Blob {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Blob(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Blob(bytes.to_vec())
    }
}

/// The UTF-8 bytes of the string (not a base64 decoding of it).
impl From<&str> for Blob {
    fn from(text: &str) -> Self {
        Blob(text.as_bytes().to_vec())
    }
}

impl From<Blob> for Vec<u8> {
    fn from(blob: Blob) -> Self {
        blob.0
    }
}

/// A base64 string; for a format that is not human-readable (CBOR), a byte string.
impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&self.to_base64())
        } else {
            serializer.serialize_bytes(self.as_ref())
        }
    }
}

/// A base64 string; for a format that is not human-readable (CBOR), a byte string.
impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_str(Base64Visitor)
        } else {
            deserializer.deserialize_byte_buf(BytesVisitor)
        }
    }
}

/// Takes the bytes handed over by a binary deserializer.
struct BytesVisitor;

impl Visitor<'_> for BytesVisitor {
    type Value = Blob;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a blob as a byte string")
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Blob, E> {
        Ok(Blob::new(bytes.to_vec()))
    }

    fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<Blob, E> {
        Ok(Blob::new(bytes))
    }
}

/// Decodes the base64 string handed over by the deserializer.
struct Base64Visitor;

impl Visitor<'_> for Base64Visitor {
    type Value = Blob;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a blob as a base64 string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Blob, E> {
        Blob::from_base64(text).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip() {
        let blob = Blob::from("hello, world");
        let json = serde_json::to_string(&blob).unwrap();
        assert_eq!(json, r#""aGVsbG8sIHdvcmxk""#);
        assert_eq!(serde_json::from_str::<Blob>(&json).unwrap(), blob);
        for bytes in [&b""[..], b"a", b"ab", b"abc", &[0, 255, 254, 1]] {
            let blob = Blob::from(bytes);
            let back: Blob = serde_json::from_str(&serde_json::to_string(&blob).unwrap()).unwrap();
            assert_eq!(back.as_bytes(), bytes);
        }
        assert_eq!(
            serde_json::to_string(&Blob::from("a")).unwrap(),
            r#""YQ==""#
        );
    }

    #[test]
    fn rejects_invalid_base64() {
        for bad in [
            r#""YQ""#,
            r#""Y===""#,
            r#""!!!!""#,
            r#""aGVsbG8-""#,
            r#""YQ=""#,
            "12",
            "null",
        ] {
            let error = serde_json::from_str::<Blob>(bad).unwrap_err().to_string();
            assert!(
                error.contains("base64"),
                "{bad} should be rejected with a base64 message, got: {error}"
            );
        }
        let error = serde_json::from_str::<Blob>(r#""a$bc""#)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("invalid base64 in blob: "), "{error}");
        let direct = Blob::from_base64("a$bc").unwrap_err();
        assert!(
            direct.to_string().starts_with("invalid base64 in blob: "),
            "{direct}"
        );
        assert_eq!(Blob::from_base64("aGk=").unwrap(), Blob::from("hi"));
    }

    #[test]
    fn conversions() {
        let blob = Blob::new(vec![1, 2, 3]);
        assert_eq!(&*blob, &[1, 2, 3]);
        assert_eq!(blob.as_ref(), &[1, 2, 3]);
        assert_eq!(blob.len(), 3);
        assert_eq!(Blob::from(&[1_u8, 2, 3][..]), blob);
        assert_eq!(Vec::from(blob.clone()), vec![1, 2, 3]);
        assert_eq!(blob.into_inner(), vec![1, 2, 3]);
        assert_eq!(Blob::default().as_bytes(), b"");
    }
}
