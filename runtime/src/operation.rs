//! What generated crates say about each operation, so that generic code (clients, servers,
//! tests) can handle every operation of a service through one trait.

use std::fmt::{self, Debug};

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
    type Output: Serialize
        + DeserializeOwned
        + Clone
        + Debug
        + PartialEq
        + OutputMetadata
        + Send
        + Sync
        + 'static;
    /// The operation's error enum.
    type Error: OperationError + Send + Sync + 'static;

    /// Sets the unset input members that have a `@default` to it: what a server does after
    /// reading a request and before validating it. Top-level members of an `@input`
    /// structure are client-optional (clients leave them unset), so only a server fills
    /// them; generated operations with such members override this, which does nothing.
    fn fill_defaults(_input: &mut Self::Input) {}
}

/// A per-operation error enum: one variant per modeled error, and one for errors the model
/// does not describe.
///
/// A generated enum maps its variants in one place, this trait's two required methods:
/// [`OperationError::from_code`] (an error code to its variant) and [`OperationError::error`]
/// (a variant to the error it holds). Everything else is provided here, and every
/// `OperationError` is a [`ServiceError`].
pub trait OperationError: std::error::Error + From<UnhandledError> + Sized {
    /// The error for the (sanitized) error code `code`, with the error's members in `errors`:
    /// [`ErrorDecoder::decode`] with the code's variant, or [`ErrorDecoder::unhandled`] for a
    /// code the operation does not model.
    fn from_code(code: &str, errors: ErrorDecoder) -> Self;

    /// The error this value holds.
    fn error(&self) -> ErrorRef<'_>;

    /// The error for a response whose (sanitized) error code is `code`, with the error's
    /// members in `body`; unknown codes and undecodable bodies give the unhandled variant,
    /// keeping `meta`.
    fn from_response(code: Option<&str>, body: ErrorBody, meta: ErrorMetadata) -> Self {
        let errors = ErrorDecoder::new(body, meta);
        match code {
            Some(code) => Self::from_code(code, errors),
            None => errors.unhandled(),
        }
    }

    /// The error, whichever variant holds it.
    fn as_service_error(&self) -> &(dyn ServiceError + 'static) {
        match self.error() {
            ErrorRef::Modeled(error) => error,
            ErrorRef::Unhandled(error) => error,
        }
    }

    /// The modeled error structure, for a protocol to write as an error response's members
    /// (with [`ServiceError::code`] naming the error); `None` for an error the model does not
    /// describe.
    fn to_members(&self) -> Option<&dyn Encode> {
        match self.error() {
            ErrorRef::Modeled(error) => Some(error),
            ErrorRef::Unhandled(_) => None,
        }
    }

    /// The error the model does not describe, when this is one (the unhandled variant).
    fn as_unhandled(&self) -> Option<&UnhandledError> {
        match self.error() {
            ErrorRef::Modeled(_) => None,
            ErrorRef::Unhandled(error) => Some(error),
        }
    }

    /// Writes the error as its `Display` does (`Code: message`): what a generated enum's
    /// `Display` calls.
    ///
    /// # Errors
    ///
    /// As the formatter's.
    fn fmt_error(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_service_error(), f)
    }
}

/// The error a per-operation error enum holds ([`OperationError::error`]).
#[derive(Clone, Copy, Debug)]
pub enum ErrorRef<'a> {
    /// A modeled error structure.
    Modeled(&'a (dyn ModeledError + 'static)),
    /// An error the model does not describe.
    Unhandled(&'a UnhandledError),
}

/// A modeled error structure: its code and message, and its members for a protocol to write.
/// Every generated error structure is one.
pub trait ModeledError: ServiceError + Encode {}

impl<T: ServiceError + Serialize> ModeledError for T {}

impl<E: OperationError> ServiceError for E {
    fn code(&self) -> Option<&str> {
        self.as_service_error().code()
    }

    fn message(&self) -> Option<&str> {
        self.as_service_error().message()
    }
}

/// Builds a per-operation error enum from an error response's members: generated
/// [`OperationError::from_code`] impls match the error code and call [`ErrorDecoder::decode`]
/// with the variant, or [`ErrorDecoder::unhandled`] for codes they do not know.
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
/// Implemented by every generated error structure, every per-operation error enum (as an
/// [`OperationError`]), and [`UnhandledError`].
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

/// What a response said beside an operation output's members: its request id. Generated
/// outputs carry one (a private field, skipped by serde) and give it through
/// [`OutputMetadata`]; it is not part of the output's value, so any two compare equal.
#[derive(Clone, Default)]
pub struct ResponseMetadata {
    request_id: Option<String>,
}

impl ResponseMetadata {
    /// The request id the service reported (`x-amzn-requestid`, `x-amz-request-id`).
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Sets the request id.
    pub fn set_request_id(&mut self, request_id: Option<String>) {
        self.request_id = request_id;
    }
}

impl PartialEq for ResponseMetadata {
    /// Always `true`: metadata is not part of an output's value.
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

impl fmt::Debug for ResponseMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.request_id {
            Some(id) => write!(f, "request_id={id}"),
            None => f.write_str("-"),
        }
    }
}

/// An operation output with the [`ResponseMetadata`] of the response it was read from;
/// implemented by every generated output. Use [`RequestId`] to read it.
pub trait OutputMetadata {
    /// The metadata.
    fn metadata(&self) -> &ResponseMetadata;
    /// The metadata, to set.
    fn metadata_mut(&mut self) -> &mut ResponseMetadata;
}

/// The request id of a call's answer, as the AWS SDKs give it: `output.request_id()` after
/// `use smithy_runtime::operation::RequestId`.
pub trait RequestId {
    /// The request id the service reported, if any.
    fn request_id(&self) -> Option<&str>;
}

impl<T: OutputMetadata> RequestId for T {
    fn request_id(&self) -> Option<&str> {
        self.metadata().request_id()
    }
}
