//! [`ErrorMetadata`] and [`UnhandledError`].

use std::fmt;

/// What an error response says about itself.
///
/// Built with [`ErrorMetadata::new`] and the `with_*` methods:
///
/// ```
/// # use smithy_runtime::ErrorMetadata;
/// let meta = ErrorMetadata::new().with_code("ThrottlingException").with_message("slow down");
/// assert_eq!(meta.code(), Some("ThrottlingException"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default)]
pub struct ErrorMetadata {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    status: Option<u16>,
}

impl ErrorMetadata {
    /// Metadata with nothing set.
    pub fn new() -> Self {
        ErrorMetadata::default()
    }

    /// Sets the error code (the sanitized shape name, such as `ThrottlingException`).
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Sets the human-readable message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Sets the request id that the service reported.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// Sets the HTTP status a server answers this error with (a server handler returning an
    /// error the model does not describe; 500 when unset).
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// The HTTP status set with [`ErrorMetadata::with_status`].
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The error code, if the response had one.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The message, if the response had one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The request id, if the response had one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

/// A service error that the model does not describe for the operation.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct UnhandledError {
    meta: ErrorMetadata,
}

impl UnhandledError {
    /// An unhandled error described by `meta`.
    pub fn new(meta: ErrorMetadata) -> Self {
        UnhandledError { meta }
    }

    /// Everything the response said about the error.
    pub fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }

    /// The metadata, giving up the error.
    pub fn into_meta(self) -> ErrorMetadata {
        self.meta
    }

    /// The error code, if the response had one.
    pub fn code(&self) -> Option<&str> {
        self.meta.code()
    }

    /// The message, if the response had one.
    pub fn message(&self) -> Option<&str> {
        self.meta.message()
    }

    /// The request id, if the response had one.
    pub fn request_id(&self) -> Option<&str> {
        self.meta.request_id()
    }
}

impl From<ErrorMetadata> for UnhandledError {
    fn from(meta: ErrorMetadata) -> Self {
        UnhandledError::new(meta)
    }
}

/// `{code}: {message}`, or only the code; without a code, `unknown error (no code)`,
/// followed by `: {message}` if there is a message.
impl fmt::Display for UnhandledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.code(), self.message()) {
            (Some(code), Some(message)) => write!(f, "{code}: {message}"),
            (Some(code), None) => f.write_str(code),
            (None, Some(message)) => write!(f, "unknown error (no code): {message}"),
            (None, None) => f.write_str("unknown error (no code)"),
        }
    }
}

impl std::error::Error for UnhandledError {}
