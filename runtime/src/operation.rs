//! What generated crates say about each operation, so that generic code (clients, servers,
//! tests) can handle every operation of a service through one trait.

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::protocol::{Encode, ErrorBody, OperationSpec, ServiceSpec};
use crate::{ErrorMetadata, UnhandledError};

/// One operation of a service: its name and its input, output and error types.
///
/// Generated crates implement it on a marker type per operation (`operation::CreateGame`).
pub trait Operation {
    /// The operation's name in the service (`CreateGame`).
    const NAME: &'static str;
    /// The service the operation belongs to.
    const SERVICE: &'static ServiceSpec;
    /// How the operation's input and output travel over HTTP.
    const SPEC: &'static OperationSpec;
    /// The input structure.
    type Input: Serialize + DeserializeOwned + Clone + Debug + PartialEq + Send + Sync + 'static;
    /// The output structure.
    type Output: Serialize + DeserializeOwned + Clone + Debug + PartialEq + Send + Sync + 'static;
    /// The operation's error enum.
    type Error: OperationError + From<UnhandledError> + Send + Sync + 'static;

    /// Sets the unset input members that have a `@default` to it: what a server does after
    /// reading a request and before validating it. Top-level members of an `@input`
    /// structure are client-optional (clients leave them unset), so only a server fills
    /// them; generated operations with such members override this, which does nothing.
    fn fill_defaults(_input: &mut Self::Input) {}
}

/// A per-operation error enum: built from an error response.
pub trait OperationError: ServiceError + Sized {
    /// The error for a response whose (sanitized) error code is `code`, with the error's
    /// members in `body`; unknown codes and undecodable bodies give the `Unhandled` variant,
    /// keeping `meta`.
    fn from_response(code: Option<&str>, body: ErrorBody, meta: ErrorMetadata) -> Self;

    /// The modeled error structure, for a protocol to write as an error response's members
    /// (with [`ServiceError::code`] naming the error); `None` for an error the model does not
    /// describe.
    fn to_members(&self) -> Option<&dyn Encode>;

    /// The error the model does not describe, when this is one (the `Unhandled` variant).
    fn as_unhandled(&self) -> Option<&UnhandledError>;
}

/// Builds a per-operation error enum from an error response's members: generated
/// `OperationError` impls match the error code and call [`ErrorDecoder::decode`] with the
/// variant, or [`ErrorDecoder::unhandled`] for codes they do not know.
#[derive(Debug)]
pub struct ErrorDecoder {
    body: ErrorBody,
    meta: ErrorMetadata,
}

impl ErrorDecoder {
    /// A decoder for an error response's members (`body`) and metadata.
    pub fn new(body: ErrorBody, meta: ErrorMetadata) -> Self {
        ErrorDecoder { body, meta }
    }

    /// The modeled error `T`, wrapped by `variant`; an unhandled error (keeping the metadata)
    /// when the members do not decode as `T`.
    pub fn decode<T: DeserializeOwned, E: From<UnhandledError>>(self, variant: fn(T) -> E) -> E {
        match self.body.decode::<T>() {
            Ok(error) => variant(error),
            Err(_) => E::from(UnhandledError::new(self.meta)),
        }
    }

    /// An unhandled error with the response's metadata.
    pub fn unhandled<E: From<UnhandledError>>(self) -> E {
        E::from(UnhandledError::new(self.meta))
    }
}

/// Something that wants to see every operation of a service, with its types.
///
/// Generated crates provide `operation::visit_all(&mut visitor)`, which calls
/// [`OperationVisitor::visit`] once per operation in name order.
pub trait OperationVisitor {
    /// Called with each operation.
    fn visit<O: Operation>(&mut self);
}

/// An error a service answered with: its code and message.
///
/// Implemented by every generated error structure, every per-operation error enum, and
/// [`UnhandledError`].
pub trait ServiceError: std::error::Error {
    /// The error code (the error shape's name), when known.
    fn code(&self) -> Option<&str>;
    /// The human-readable message, when the service sent one.
    fn message(&self) -> Option<&str>;
}

impl ServiceError for crate::UnhandledError {
    fn code(&self) -> Option<&str> {
        crate::UnhandledError::code(self)
    }

    fn message(&self) -> Option<&str> {
        crate::UnhandledError::message(self)
    }
}
