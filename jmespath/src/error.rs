//! The errors of parsing ([`ParseError`]) and evaluating ([`EvalError`]) an expression, and
//! their common classification ([`ErrorKind`]).

use std::fmt;

/// The class of an error, named as the JMESPath specification and its compliance suite name
/// them (see [`ErrorKind::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The expression does not follow the grammar, or nests deeper than the parser allows.
    /// Raised by [`parse`](crate::parse).
    Syntax,
    /// A function argument has the wrong type, or an expression reference (`&expr`) is used
    /// where a value is needed. Raised by [`Expression::search`](crate::Expression::search).
    InvalidType,
    /// A value that is well-formed but not allowed: a slice step of `0`. Slices take literal
    /// numbers only, so this is raised by [`parse`](crate::parse).
    InvalidValue,
    /// A function called with too few or too many arguments. The function and the number of
    /// its arguments are both known statically, so this is raised by [`parse`](crate::parse).
    InvalidArity,
    /// A call of a function that JMESPath does not define. Raised by [`parse`](crate::parse).
    UnknownFunction,
}

impl ErrorKind {
    /// The name of this kind in the JMESPath compliance suite: `syntax`, `invalid-type`,
    /// `invalid-value`, `invalid-arity` or `unknown-function`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "syntax",
            ErrorKind::InvalidType => "invalid-type",
            ErrorKind::InvalidValue => "invalid-value",
            ErrorKind::InvalidArity => "invalid-arity",
            ErrorKind::UnknownFunction => "unknown-function",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An expression that cannot be parsed, with the place where parsing stopped.
///
/// Its [`kind`](ParseError::kind) is [`ErrorKind::Syntax`] for grammar errors, and
/// [`ErrorKind::UnknownFunction`], [`ErrorKind::InvalidArity`] or [`ErrorKind::InvalidValue`]
/// for the errors that are detected statically (see [`ErrorKind`]).
///
/// It displays as ``syntax error at position 4 in `foo.[`: expected ...``.
#[derive(Clone, PartialEq, Eq)]
pub struct ParseError {
    // Boxed: the parser's recursive functions return `Result`s of it.
    inner: Box<ParseErrorInner>,
}

#[derive(Clone, PartialEq, Eq)]
struct ParseErrorInner {
    kind: ErrorKind,
    position: usize,
    expression: String,
    message: String,
}

impl ParseError {
    pub(crate) fn new(kind: ErrorKind, position: usize, message: impl Into<String>) -> Self {
        ParseError {
            inner: Box::new(ParseErrorInner {
                kind,
                position,
                expression: String::new(),
                message: message.into(),
            }),
        }
    }

    pub(crate) fn syntax(position: usize, message: impl Into<String>) -> Self {
        ParseError::new(ErrorKind::Syntax, position, message)
    }

    pub(crate) fn in_expression(mut self, expression: &str) -> Self {
        self.inner.expression = expression.to_owned();
        self
    }

    /// The class of the error: usually [`ErrorKind::Syntax`].
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The byte offset in the expression of the token where the error was found (the length
    /// of the expression when it ended too early).
    pub fn position(&self) -> usize {
        self.inner.position
    }

    /// What was wrong, without the position (for example ``expected an expression, found
    /// end of expression``).
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// The text that failed to parse.
    pub fn expression(&self) -> &str {
        &self.inner.expression
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.inner;
        write!(
            f,
            "{} error at position {} in `{}`: {}",
            e.kind, e.position, e.expression, e.message
        )
    }
}

impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.inner;
        f.debug_struct("ParseError")
            .field("kind", &e.kind)
            .field("position", &e.position)
            .field("expression", &e.expression)
            .field("message", &e.message)
            .finish()
    }
}

impl std::error::Error for ParseError {}

/// An expression that parsed but cannot be evaluated on the given data.
///
/// Evaluation errors are always [`ErrorKind::InvalidType`]: a function argument of the wrong
/// type (`abs('a')`, `sort_by(people, &name)` with mixed key types), or an expression
/// reference used as a value. Everything else about an expression is checked by
/// [`parse`](crate::parse); missing members and type mismatches outside functions yield
/// `null` rather than errors, as the specification requires.
///
/// It displays as ``invalid-type error: abs() argument 1 must be a number, found string``.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvalError {
    kind: ErrorKind,
    message: String,
}

impl EvalError {
    pub(crate) fn invalid_type(message: impl Into<String>) -> Self {
        EvalError {
            kind: ErrorKind::InvalidType,
            message: message.into(),
        }
    }

    /// The class of the error (see the type's documentation).
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// What was wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} error: {}", self.kind, self.message)
    }
}

impl std::error::Error for EvalError {}
