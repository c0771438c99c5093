//! [`Error`]: why a CBOR body does not decode.

use std::fmt;

/// A CBOR body that is not well formed, or not the CBOR form of the type read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Error {
    message: String,
    /// The byte offset of the item at fault, when known.
    offset: Option<usize>,
}

impl Error {
    /// A body that is not well formed at byte `offset`.
    pub(crate) fn at(offset: usize, reason: &str) -> Self {
        Error {
            message: format!("invalid CBOR: {reason}"),
            offset: Some(offset),
        }
    }

    /// An error without an offset.
    pub(crate) fn message(message: String) -> Self {
        Error {
            message,
            offset: None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(offset) => write!(f, "{} (at byte {offset})", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

impl serde::de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::message(message.to_string())
    }
}

impl serde::ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::message(message.to_string())
    }
}
