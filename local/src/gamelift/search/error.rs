//! The error type shared by filter and sort expression parsing.

use std::fmt;

/// Which kind of expression a [`SearchError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SearchErrorKind {
    /// The error is in a `FilterExpression`.
    Filter,
    /// The error is in a `SortExpression`.
    Sort,
}

impl fmt::Display for SearchErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SearchErrorKind::Filter => "filter",
            SearchErrorKind::Sort => "sort",
        })
    }
}

/// A filter or sort expression that could not be parsed.
///
/// The error says where the problem is (a 0-based byte offset into the
/// expression text; the length of the text means "at the end") and what it is.
/// Its [`Display`](fmt::Display) text is self-contained and meant for the end
/// user, for example:
///
/// ```text
/// filter expression error at position 17: expected a value after '>=', found end of expression
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchError {
    kind: SearchErrorKind,
    position: usize,
    message: String,
}

impl SearchError {
    pub(crate) fn new(kind: SearchErrorKind, position: usize, message: impl Into<String>) -> Self {
        SearchError {
            kind,
            position,
            message: message.into(),
        }
    }

    /// Whether the error is in a filter or a sort expression.
    pub fn kind(&self) -> SearchErrorKind {
        self.kind
    }

    /// The 0-based byte offset in the expression text where the problem was found.
    ///
    /// Equal to the text's length when the expression ended too early.
    pub fn position(&self) -> usize {
        self.position
    }

    /// What is wrong, without the "... expression error at position N:" prefix.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} expression error at position {}: {}",
            self.kind, self.position, self.message
        )
    }
}

impl std::error::Error for SearchError {}
