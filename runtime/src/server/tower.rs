//! The [`Router`] as a `tower::Service` for any request body, and as the client's in-process
//! HTTP transport.

use std::convert::Infallible;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full, Limited};

use super::router::{malformed, Router};
#[cfg(feature = "client")]
use crate::client::{HttpClient, TransportError};
use crate::protocol::{MalformedKind, MalformedRequest};
use crate::BoxFuture;

/// `tower::Service` for any body: the body is collected (up to [`Router::body_limit`]; past it
/// the answer is 413) and the request answered. Never fails.
impl<B> tower_service::Service<http::Request<B>> for Router
where
    B: http_body::Body + Send + 'static,
    B::Data: Send,
    B::Error:
        std::fmt::Display + Send + Sync + 'static + Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Response = http::Response<Full<Bytes>>;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let router = self.clone();
        Box::pin(async move {
            let response = match collect_body(request, router.body_limit()).await {
                Ok(request) => router.handle(request).await,
                Err((parts, error)) => router.body_error(&parts, error.as_ref()),
            };
            Ok(response.map(Full::new))
        })
    }
}

/// Why a request body could not be collected ([`collect_body`]).
pub type BodyError = Box<dyn std::error::Error + Send + Sync>;

/// `request` with its body collected, up to `limit` bytes; else its head and why not (for
/// [`Router::body_error`]: http-body-util's `LengthLimitError` past the limit). What a
/// `tower::Service` in front of routers does before [`Router::handle`].
///
/// # Errors
///
/// When the body is longer than `limit`, or reading it fails.
pub async fn collect_body<B>(
    request: http::Request<B>,
    limit: usize,
) -> Result<http::Request<Bytes>, (http::request::Parts, BodyError)>
where
    B: http_body::Body,
    B::Error: Into<BodyError>,
{
    let (parts, body) = request.into_parts();
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(http::Request::from_parts(parts, collected.to_bytes())),
        Err(error) => Err((parts, error)),
    }
}

impl Router {
    /// The answer to a request whose body could not be read (`parts` are its head): 413 when
    /// `error` is http-body-util's `LengthLimitError`, else 400, in the request's protocol.
    /// For servers that collect bodies themselves before [`Router::handle`].
    pub fn body_error(
        &self,
        parts: &http::request::Parts,
        error: &(dyn std::error::Error + Send + Sync + 'static),
    ) -> http::Response<Bytes> {
        let request = http::Request::from_parts(parts.clone(), Bytes::new());
        let protocol = self.protocol_of(&request);
        let problem = if error.is::<http_body_util::LengthLimitError>() {
            MalformedRequest::new(
                MalformedKind::TooLarge,
                format!("the body is larger than {} bytes", self.body_limit()),
            )
        } else {
            MalformedRequest::new(
                MalformedKind::Serialization,
                format!("cannot read the body: {error}"),
            )
        };
        malformed(protocol, self.service(), &problem)
    }
}

/// In-process transport: a client configured with `http_client(router)` sends its requests,
/// signed and encoded, straight to the router, without a socket (features `client` and
/// `server`).
#[cfg(feature = "client")]
impl HttpClient for Router {
    fn call(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        Box::pin(async move {
            if request.body().len() > self.body_limit() {
                let protocol = self.protocol_of(&request);
                let problem = MalformedRequest::new(
                    MalformedKind::TooLarge,
                    format!("the body is larger than {} bytes", self.body_limit()),
                );
                return Ok(malformed(protocol, self.service(), &problem));
            }
            Ok(self.handle(request).await)
        })
    }
}
