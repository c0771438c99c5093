//! The errors of the protocol codecs: [`RequestError`] (client, writing a request),
//! [`MalformedRequest`] (server, reading a request) and [`ResponseError`] (client, reading a
//! response).

use std::fmt;

/// A problem with one member or part of a message: what it concerns and what is wrong.
///
/// The codecs build these internally and turn them into the public error of the direction
/// they work in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fault {
    /// What the problem concerns, such as ``member `GameName` (label `GameName`)``.
    pub(crate) target: String,
    /// What is wrong.
    pub(crate) message: String,
}

impl Fault {
    /// A problem with `target`.
    pub(crate) fn new(target: impl Into<String>, message: impl fmt::Display) -> Self {
        Fault {
            target: target.into(),
            message: message.to_string(),
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.target, self.message)
    }
}

/// The input could not be written as an HTTP request (client side).
///
/// Its message names the member and the HTTP location, such as
/// ``member `GameName` (label `GameName`): empty value; labels must not be empty``.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestError {
    message: String,
}

impl RequestError {
    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<Fault> for RequestError {
    fn from(fault: Fault) -> Self {
        RequestError {
            message: fault.to_string(),
        }
    }
}

/// `cannot write the request: ` and [`RequestError::message`].
impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot write the request: {}", self.message)
    }
}

impl std::error::Error for RequestError {}

/// A successful response could not be read (client side).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseError {
    message: String,
}

impl ResponseError {
    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<Fault> for ResponseError {
    fn from(fault: Fault) -> Self {
        ResponseError {
            message: fault.to_string(),
        }
    }
}

/// `cannot read the response: ` and [`ResponseError::message`].
impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot read the response: {}", self.message)
    }
}

impl std::error::Error for ResponseError {}

/// The framework errors a server answers a malformed request with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MalformedKind {
    /// `SerializationException`, 400: bad JSON, a wrong type, a bad number, boolean,
    /// timestamp or base64 value anywhere in the request.
    Serialization,
    /// `UnsupportedMediaTypeException`, 415: a `Content-Type` the operation does not take.
    UnsupportedMediaType,
    /// `NotAcceptableException`, 406: an `Accept` header that excludes the response's type.
    NotAcceptable,
    /// `UnknownOperationException`, 404: the request does not match the operation's route.
    UnknownOperation,
    /// `RequestEntityTooLargeException`, 413: a body past the server's limit.
    TooLarge,
}

impl MalformedKind {
    /// The error code, which is also the `X-Amzn-Errortype` of the answer.
    pub fn code(self) -> &'static str {
        match self {
            MalformedKind::Serialization => "SerializationException",
            MalformedKind::UnsupportedMediaType => "UnsupportedMediaTypeException",
            MalformedKind::NotAcceptable => "NotAcceptableException",
            MalformedKind::TooLarge => "RequestEntityTooLargeException",
            MalformedKind::UnknownOperation => "UnknownOperationException",
        }
    }

    /// The HTTP status of the answer.
    pub fn status(self) -> u16 {
        match self {
            MalformedKind::Serialization => 400,
            MalformedKind::UnsupportedMediaType => 415,
            MalformedKind::NotAcceptable => 406,
            MalformedKind::TooLarge => 413,
            MalformedKind::UnknownOperation => 404,
        }
    }
}

/// Writes [`MalformedKind::code`].
impl fmt::Display for MalformedKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A request the server cannot read (server side): which framework error to answer with,
/// and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MalformedRequest {
    /// The framework error to answer with.
    pub kind: MalformedKind,
    /// What is wrong, naming the member and its location where there is one.
    pub message: String,
}

impl MalformedRequest {
    /// A malformed request of `kind`.
    pub fn new(kind: MalformedKind, message: impl Into<String>) -> Self {
        MalformedRequest {
            kind,
            message: message.into(),
        }
    }

    /// A `SerializationException` for `fault`.
    pub(crate) fn serialization(fault: Fault) -> Self {
        MalformedRequest::new(MalformedKind::Serialization, fault.to_string())
    }

    /// The HTTP status to answer with ([`MalformedKind::status`]).
    pub fn status(&self) -> u16 {
        self.kind.status()
    }

    /// The error code to answer with ([`MalformedKind::code`]).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

/// `SerializationException: ` and the message.
impl fmt::Display for MalformedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for MalformedRequest {}
