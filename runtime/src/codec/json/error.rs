//! [`Error`]: why a JSON body does not decode.

use std::fmt;

/// A JSON body that is not well formed, or not the JSON form of the type read.
///
/// Boxed, so that the reader's `Result`s stay as small as the values they carry: every
/// member read returns one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Error(Box<Inner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    message: String,
    /// Where: the line and column (both from 1) of the byte at fault, once known.
    at: Option<(usize, usize)>,
}

impl Error {
    /// A body that is not well formed at byte `offset` of `input`.
    pub(crate) fn at(input: &[u8], offset: usize, reason: &str) -> Self {
        Error::message(reason.to_owned()).located(input, offset)
    }

    /// An error without a position yet.
    pub(crate) fn message(message: String) -> Self {
        Error(Box::new(Inner { message, at: None }))
    }

    /// This error, placed at byte `offset` of `input` unless it already has a position.
    #[cold]
    pub(crate) fn located(mut self, input: &[u8], offset: usize) -> Self {
        if self.0.at.is_none() {
            let before = &input[..offset.min(input.len())];
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |newline| newline + 1);
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
            self.0.at = Some((line, offset - line_start + 1));
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.at {
            Some((line, column)) => write!(f, "{} at line {line} column {column}", self.0.message),
            None => f.write_str(&self.0.message),
        }
    }
}

impl std::error::Error for Error {}

impl serde::de::Error for Error {
    #[cold]
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::message(message.to_string())
    }
}
