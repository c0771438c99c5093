//! The HTTP transport: the [`HttpClient`] trait, its error, and the default hyper + rustls
//! implementation ([`HyperClient`], feature `rustls`).

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::pin::Pin;

use bytes::Bytes;

/// A boxed, `Send` future borrowing from `'a`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

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

#[cfg(feature = "rustls")]
pub use hyper_client::HyperClient;

#[cfg(feature = "rustls")]
mod hyper_client {
    use std::sync::Arc;
    use std::time::Duration;

    use bytes::Bytes;
    use http_body_util::{BodyExt, Full};
    use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
    use hyper_util::client::legacy::connect::HttpConnector;
    use hyper_util::client::legacy::Client;
    use hyper_util::rt::TokioExecutor;

    use super::{BoxFuture, HttpClient, TransportError};

    /// The default transport: a pooled hyper 1 client speaking HTTP/1.1 over rustls (ring
    /// provider, Mozilla's root certificates from `webpki-roots`) to `https://` endpoints and in
    /// plain text to `http://` ones. Connecting times out after 3.1 s.
    ///
    /// Calls must run inside a tokio runtime. Clones share the connection pool.
    #[derive(Clone)]
    pub struct HyperClient {
        client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
    }

    impl HyperClient {
        /// The default client.
        pub fn try_new() -> Result<Self, TransportError> {
            let provider = Arc::new(rustls::crypto::ring::default_provider());
            let mut http = HttpConnector::new();
            http.enforce_http(false);
            http.set_connect_timeout(Some(Duration::from_millis(3100)));
            http.set_nodelay(true);
            let https = HttpsConnectorBuilder::new()
                .with_provider_and_webpki_roots(provider)
                .map_err(|e| TransportError::other("cannot configure TLS").with_source(e))?
                .https_or_http()
                .enable_http1()
                .wrap_connector(http);
            let client = Client::builder(TokioExecutor::new()).build(https);
            Ok(HyperClient { client })
        }
    }

    impl std::fmt::Debug for HyperClient {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("HyperClient")
        }
    }

    impl HttpClient for HyperClient {
        fn call(
            &self,
            request: http::Request<Bytes>,
        ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
            Box::pin(async move {
                let response = self
                    .client
                    .request(request.map(Full::new))
                    .await
                    .map_err(|e| {
                        let error = if e.is_connect() {
                            TransportError::connect(format!("cannot connect: {e}"))
                        } else {
                            TransportError::io(format!("HTTP request failed: {e}"))
                        };
                        error.with_source(e)
                    })?;
                let (parts, body) = response.into_parts();
                let body = body
                    .collect()
                    .await
                    .map_err(|e| {
                        TransportError::io(format!("reading the response body failed: {e}"))
                            .with_source(e)
                    })?
                    .to_bytes();
                Ok(http::Response::from_parts(parts, body))
            })
        }
    }
}
