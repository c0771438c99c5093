//! What [`serve`](super::serve) puts around a service: request bodies that stall are cut off
//! ([`TimedBody`]), and a service that panics answers 500 ([`CatchPanic`]).

use std::convert::Infallible;
use std::future::Future as _;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use futures_util::FutureExt as _;
use http_body::{Body, Frame, SizeHint};
use http_body_util::Full;
use tokio::time::{Instant, Sleep};

use crate::BoxFuture;

/// A request body that fails once it has gone `timeout` without a frame: a client that stops
/// sending mid-body does not hold its connection for good.
#[derive(Debug)]
pub struct TimedBody<B> {
    inner: B,
    timeout: Duration,
    deadline: Pin<Box<Sleep>>,
}

/// The error of a [`TimedBody`] that timed out.
#[derive(Debug)]
pub struct BodyTimeout(pub Duration);

impl std::fmt::Display for BodyTimeout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the request body sent nothing for {:?}", self.0)
    }
}

impl std::error::Error for BodyTimeout {}

impl<B> TimedBody<B> {
    /// `inner`, failing after `timeout` without a frame.
    pub fn new(inner: B, timeout: Duration) -> Self {
        TimedBody {
            inner,
            timeout,
            deadline: Box::pin(tokio::time::sleep(timeout)),
        }
    }
}

impl<B> Body for TimedBody<B>
where
    B: Body + Unpin,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Data = B::Data;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(frame) => {
                let timeout = this.timeout;
                this.deadline.as_mut().reset(Instant::now() + timeout);
                Poll::Ready(frame.map(|f| f.map_err(Into::into)))
            }
            Poll::Pending => match this.deadline.as_mut().poll(cx) {
                Poll::Ready(()) => Poll::Ready(Some(Err(Box::new(BodyTimeout(this.timeout))))),
                Poll::Pending => Poll::Pending,
            },
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// A service whose requests get a [`TimedBody`], and whose panics answer a bare 500 (a router
/// answers its own panics in the request's protocol first; this catches what is left).
#[derive(Clone, Debug)]
pub(super) struct CatchPanic<S> {
    inner: S,
    body_timeout: Duration,
}

impl<S> CatchPanic<S> {
    pub(super) fn new(inner: S, body_timeout: Duration) -> Self {
        CatchPanic {
            inner,
            body_timeout,
        }
    }
}

impl<S, B> tower_service::Service<http::Request<B>> for CatchPanic<S>
where
    S: tower_service::Service<
        http::Request<TimedBody<B>>,
        Response = http::Response<Full<Bytes>>,
        Error = Infallible,
    >,
    S::Future: Send + 'static,
{
    type Response = http::Response<Full<Bytes>>;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let timeout = self.body_timeout;
        let request = request.map(|body| TimedBody::new(body, timeout));
        let called = std::panic::catch_unwind(AssertUnwindSafe(|| self.inner.call(request)));
        Box::pin(async move {
            let answer = match called {
                Ok(future) => AssertUnwindSafe(future).catch_unwind().await,
                Err(panic) => Err(panic),
            };
            match answer {
                Ok(Ok(response)) => Ok(response),
                Ok(Err(never)) => match never {},
                Err(_panic) => {
                    tracing::error!("the service panicked; answered 500");
                    Ok(bare_500())
                }
            }
        })
    }
}

/// A 500 with a JSON body, for a panic no router answered.
fn bare_500() -> http::Response<Full<Bytes>> {
    let mut response = http::Response::new(Full::new(Bytes::from_static(
        br#"{"__type":"InternalFailure","message":"the server failed while answering this request"}"#,
    )));
    *response.status_mut() = http::StatusCode::INTERNAL_SERVER_ERROR;
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    response
}
