//! The HTTP transport: the [`HttpClient`] trait, its error, and the default hyper + rustls
//! implementation ([`HyperClient`], feature `rustls`) with its [`HttpOptions`]: timeouts, a
//! cap on response bodies, proxies and trusted roots.

#[cfg(feature = "rustls")]
mod connector;
#[cfg(feature = "rustls")]
mod default;
#[cfg(feature = "rustls")]
mod hyper;
mod options;
#[cfg(feature = "rustls")]
mod tls;

#[cfg(feature = "rustls")]
pub(crate) use default::DefaultHttpClient;
#[cfg(feature = "rustls")]
pub use hyper::HyperClient;
pub use options::{HttpOptions, Proxy, TlsRoots};

use std::error::Error as StdError;
use std::fmt;

use bytes::Bytes;

pub use crate::BoxFuture;

/// Sends one request and returns the whole response.
///
/// Implementations: [`HyperClient`] (real connections), `ScriptedTransport` (tests, feature
/// `test-util`), or anything else, such as an in-process server.
pub trait HttpClient: Send + Sync + fmt::Debug {
    /// Sends `request`; the response body is collected.
    fn call(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>>;
}

impl<T: HttpClient + ?Sized> HttpClient for std::sync::Arc<T> {
    fn call(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        (**self).call(request)
    }
}

/// What went wrong sending a request or receiving its response.
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
    source: Option<Box<dyn StdError + Send + Sync>>,
}

/// The kinds of [`TransportError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made (DNS, refused, TLS handshake): retried.
    Connect,
    /// The connection failed while sending or receiving: retried.
    Io,
    /// Anything else (such as a request the transport cannot send): not retried.
    Other,
}

impl TransportError {
    /// A transport error of `kind`, described by `message`.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// A connection failure.
    pub fn connect(message: impl Into<String>) -> Self {
        TransportError::new(TransportErrorKind::Connect, message)
    }

    /// A failure on an open connection.
    pub fn io(message: impl Into<String>) -> Self {
        TransportError::new(TransportErrorKind::Io, message)
    }

    /// Any other failure.
    pub fn other(message: impl Into<String>) -> Self {
        TransportError::new(TransportErrorKind::Other, message)
    }

    /// Attaches the underlying error.
    pub fn with_source(mut self, source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The kind of failure.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether the failure is worth a retry (connect and I/O failures).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind,
            TransportErrorKind::Connect | TransportErrorKind::Io
        )
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

/// The transport a configuration uses when none is set: the default [`HyperClient`] with
/// `options`, built at its first request from `settings` (proxies, `AWS_CA_BUNDLE`), or why
/// there is none.
#[cfg(feature = "rustls")]
pub(crate) fn default_http_client(
    options: &HttpOptions,
    settings: Option<std::sync::Arc<crate::client::settings::EnvSettings>>,
) -> Result<std::sync::Arc<dyn HttpClient>, String> {
    Ok(std::sync::Arc::new(DefaultHttpClient::new(
        options.clone(),
        settings,
    )))
}

/// Without the `rustls` feature there is no default transport.
#[cfg(not(feature = "rustls"))]
pub(crate) fn default_http_client(
    _options: &HttpOptions,
    _settings: Option<std::sync::Arc<crate::client::settings::EnvSettings>>,
) -> Result<std::sync::Arc<dyn HttpClient>, String> {
    Err(
        "no HTTP client configured: enable the `rustls` feature of smithy-runtime or call \
         Config::builder().http_client(..)"
            .to_owned(),
    )
}
