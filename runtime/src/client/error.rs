//! [`SdkError`]: how a call can fail.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use bytes::Bytes;

use super::transport::TransportError;
use crate::ServiceError;

/// Boxed error source.
type Source = Box<dyn StdError + Send + Sync>;

/// Why a call failed.
///
/// Only [`Service`](SdkError::Service) errors come from the service itself; the others say
/// the request could not be built, sent or understood, or took too long.
#[derive(Debug)]
pub enum SdkError<E> {
    /// The request could not be built: invalid input, missing region or credentials, a bad
    /// endpoint URL, serialization or signing failed. Nothing was sent.
    Construction(ConstructionError),
    /// The operation timeout elapsed, or the last attempt hit the attempt timeout.
    Timeout(TimeoutError),
    /// The request could not be sent or its response not received (after all retries).
    Transport(TransportError),
    /// The service answered, but the response could not be understood.
    Response(MalformedResponse),
    /// The service answered with an error.
    Service {
        /// The operation's error, decoded from the response.
        error: E,
        /// The HTTP status of the response.
        status: u16,
        /// The request id the service reported.
        request_id: Option<String>,
        /// The response's headers, as received.
        headers: http::HeaderMap,
    },
}

impl<E> SdkError<E> {
    /// The service error, if the service answered with one.
    pub fn as_service_error(&self) -> Option<&E> {
        match self {
            SdkError::Service { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The service error, if the service answered with one.
    pub fn into_service_error(self) -> Option<E> {
        match self {
            SdkError::Service { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The request id the service reported, when it answered.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            SdkError::Service { request_id, .. } => request_id.as_deref(),
            SdkError::Response(response) => response.request_id(),
            _ => None,
        }
    }

    /// The headers of the service's answer, when it answered.
    pub fn headers(&self) -> Option<&http::HeaderMap> {
        match self {
            SdkError::Service { headers, .. } => Some(headers),
            SdkError::Response(response) => Some(response.headers()),
            _ => None,
        }
    }

    /// The HTTP status of the service's answer, when it answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            SdkError::Service { status, .. } => Some(*status),
            SdkError::Response(response) => Some(response.status()),
            _ => None,
        }
    }

    /// The error code of a service error.
    pub fn code(&self) -> Option<&str>
    where
        E: ServiceError,
    {
        self.as_service_error().and_then(ServiceError::code)
    }

    /// Converts the service error with `f`, keeping every other case.
    pub fn map_service_error<F>(self, f: impl FnOnce(E) -> F) -> SdkError<F> {
        match self {
            SdkError::Construction(e) => SdkError::Construction(e),
            SdkError::Timeout(e) => SdkError::Timeout(e),
            SdkError::Transport(e) => SdkError::Transport(e),
            SdkError::Response(e) => SdkError::Response(e),
            SdkError::Service {
                error,
                status,
                request_id,
                headers,
            } => SdkError::Service {
                error: f(error),
                status,
                request_id,
                headers,
            },
        }
    }
}

impl<E: fmt::Display> fmt::Display for SdkError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SdkError::Construction(e) => write!(f, "the request was not sent: {e}"),
            SdkError::Timeout(e) => e.fmt(f),
            SdkError::Transport(e) => write!(
                f,
                "the request could not be sent: {e} (check the endpoint URL and network connectivity)"
            ),
            SdkError::Response(e) => e.fmt(f),
            SdkError::Service {
                error,
                status,
                request_id,
                ..
            } => {
                write!(f, "the service returned an error (HTTP {status}")?;
                if let Some(id) = request_id {
                    write!(f, ", request id {id}")?;
                }
                write!(f, "): {error}")
            }
        }
    }
}

impl<E: StdError + 'static> StdError for SdkError<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            SdkError::Construction(e) => Some(e),
            SdkError::Timeout(e) => Some(e),
            SdkError::Transport(e) => Some(e),
            SdkError::Response(e) => Some(e),
            SdkError::Service { error, .. } => Some(error),
        }
    }
}

/// The request could not be built; the message says what to fix.
#[derive(Debug)]
pub struct ConstructionError {
    kind: ConstructionErrorKind,
    message: String,
    source: Option<Source>,
}

/// The kinds of [`ConstructionError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConstructionErrorKind {
    /// The input is invalid (a builder's required member is missing, or the input cannot be
    /// serialized into a request).
    InvalidInput,
    /// No region is configured.
    MissingRegion,
    /// The region is not a region name.
    InvalidRegion,
    /// The endpoint URL is unusable.
    InvalidEndpoint,
    /// No credentials (provider or source), or the credentials source failed.
    MissingCredentials,
    /// A setting from the environment or the shared config files is invalid (a malformed
    /// profile file, `AWS_MAX_ATTEMPTS=abc`, an unsupported `AWS_RETRY_MODE`).
    InvalidConfiguration,
    /// Signing failed.
    Signing,
    /// No HTTP transport is available.
    NoHttpClient,
    /// The operation belongs to another service than the handle's.
    WrongService,
    /// The configured protocol is not one the service speaks.
    UnsupportedProtocol,
}

impl ConstructionError {
    /// An error of `kind`, described by `message`.
    pub fn new(kind: ConstructionErrorKind, message: impl Into<String>) -> Self {
        ConstructionError {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// Attaches the underlying error.
    pub fn with_source(mut self, source: impl Into<Source>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// What kind of problem this is.
    pub fn kind(&self) -> ConstructionErrorKind {
        self.kind
    }
}

impl fmt::Display for ConstructionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for ConstructionError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

/// A call or an attempt ran out of time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeoutError {
    kind: TimeoutKind,
    after: Duration,
    attempts: u32,
}

/// Which timeout elapsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// The bound on the whole call ([`ConfigBuilder::operation_timeout`](super::ConfigBuilder::operation_timeout)).
    Operation,
    /// The bound on each attempt ([`ConfigBuilder::attempt_timeout`](super::ConfigBuilder::attempt_timeout)),
    /// on the last attempt.
    Attempt,
}

impl TimeoutError {
    pub(crate) fn new(kind: TimeoutKind, after: Duration, attempts: u32) -> Self {
        TimeoutError {
            kind,
            after,
            attempts,
        }
    }

    /// Which timeout elapsed.
    pub fn kind(&self) -> TimeoutKind {
        self.kind
    }

    /// The timeout's duration.
    pub fn after(&self) -> Duration {
        self.after
    }

    /// The number of attempts started.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let attempts = self.attempts;
        let plural = if attempts == 1 { "" } else { "s" };
        match self.kind {
            TimeoutKind::Operation => write!(
                f,
                "the operation did not complete within its {:?} operation timeout ({attempts} attempt{plural} started); \
                 raise it with Config::builder().operation_timeout(..) or check that the endpoint is reachable",
                self.after
            ),
            TimeoutKind::Attempt => write!(
                f,
                "attempt {attempts} did not complete within the {:?} attempt timeout and no retry is left; \
                 raise it with Config::builder().attempt_timeout(..) or check that the endpoint is reachable",
                self.after
            ),
        }
    }
}

impl StdError for TimeoutError {}

/// A response that could not be understood: its status, headers and raw body are kept.
#[derive(Debug)]
pub struct MalformedResponse {
    status: u16,
    // Boxed: `SdkError` stays small enough to return by value.
    headers: Box<http::HeaderMap>,
    body: Bytes,
    request_id: Option<String>,
    source: Source,
}

impl MalformedResponse {
    /// A response with `status`, `headers` and `body` that failed to decode with `source`.
    pub fn new(
        status: u16,
        headers: http::HeaderMap,
        body: Bytes,
        source: impl Into<Source>,
    ) -> Self {
        MalformedResponse {
            status,
            request_id: crate::protocol::request_id(&headers),
            headers: Box::new(headers),
            body,
            source: source.into(),
        }
    }

    /// The response headers.
    pub fn headers(&self) -> &http::HeaderMap {
        &self.headers
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The raw body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The request id from the response headers, if any.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

impl fmt::Display for MalformedResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the service's response (HTTP {}, {} body bytes) could not be decoded: {}",
            self.status,
            self.body.len(),
            self.source
        )
    }
}

impl StdError for MalformedResponse {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source as &(dyn StdError + 'static))
    }
}
