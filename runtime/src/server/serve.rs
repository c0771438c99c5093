//! [`serve`]: a [`Router`](super::Router), or any service like it, over TCP with hyper 1, in a
//! way that no client can stop: accept errors (such as running out of file descriptors) are
//! logged and retried after a pause, a request head or body that stalls is cut off, the number
//! of open connections is bounded, a panicking service answers 500, and shutdown waits for the
//! requests in flight only up to a deadline.

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::guard::{CatchPanic, TimedBody};

/// How [`serve_with`] treats connections. [`ServeConfig::default`] suits a local test server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServeConfig {
    /// How long a client may take to send a request head, counted from when the server starts
    /// waiting for it: on a new connection, and between requests on a kept-alive one (so it is
    /// also how long an idle connection stays open). Default 30 s.
    pub head_timeout: Duration,
    /// How long a request body may go without sending a byte; past it the request is answered
    /// 400 and the connection closed. Default 30 s.
    pub body_timeout: Duration,
    /// How many connections are open at once; further clients wait in the listener's backlog
    /// until one closes. Default 1024.
    pub max_connections: usize,
    /// How long shutdown waits for the requests in flight before it closes their connections.
    /// Default 10 s.
    pub shutdown_grace: Duration,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            head_timeout: Duration::from_secs(30),
            body_timeout: Duration::from_secs(30),
            max_connections: 1024,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// The shortest and longest pause after a failed `accept`.
const ACCEPT_BACKOFF: (Duration, Duration) = (Duration::from_millis(5), Duration::from_secs(1));

/// The request type `serve` hands its service: hyper's body, cut off when it stalls.
pub type ServeRequest = http::Request<TimedBody<Incoming>>;

/// What [`serve`] can serve: a cloneable `tower::Service` of [`ServeRequest`]s that never
/// fails (a [`Router`](super::Router), a gateway of routers).
pub trait ServeService:
    tower_service::Service<ServeRequest, Response = http::Response<Full<Bytes>>, Error = Infallible>
    + Clone
    + Send
    + 'static
{
}

impl<S> ServeService for S where
    S: tower_service::Service<
            ServeRequest,
            Response = http::Response<Full<Bytes>>,
            Error = Infallible,
        > + Clone
        + Send
        + 'static
{
}

/// Serves `service` on `listener` with [`ServeConfig::default`] until `shutdown` resolves; see
/// [`serve_with`].
///
/// # Errors
///
/// None today: accept errors are logged and retried. The `Result` leaves room for setup
/// errors.
pub async fn serve<S>(
    service: S,
    listener: TcpListener,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()>
where
    S: ServeService,
    S::Future: Send + 'static,
{
    serve_with(service, listener, shutdown, ServeConfig::default()).await
}

/// Serves `service` (a [`Router`](super::Router), or anything answering requests as it does)
/// on `listener` (HTTP/1.1) until `shutdown` resolves, then stops accepting and waits up to
/// `config.shutdown_grace` for the open connections' requests to finish.
///
/// A failed `accept` (too many open files, say) is logged with `tracing` and retried after a
/// pause that doubles up to a second while it keeps failing; it never ends the server.
///
/// Bind the listener on loopback (`127.0.0.1:0`) unless the server must be reachable from
/// elsewhere: it is a test double, and it does not check signatures.
///
/// # Errors
///
/// None today: accept errors are logged and retried.
pub async fn serve_with<S>(
    service: S,
    listener: TcpListener,
    shutdown: impl Future<Output = ()>,
    config: ServeConfig,
) -> std::io::Result<()>
where
    S: ServeService,
    S::Future: Send + 'static,
{
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(config.max_connections.max(1)));
    let mut connections = JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    let mut backoff = ACCEPT_BACKOFF.0;
    loop {
        while connections.try_join_next().is_some() {}
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => slot,
            () = &mut shutdown => break,
        };
        let Ok(slot) = slot else { break };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let stream = match accepted {
            Ok((stream, _peer)) => {
                backoff = ACCEPT_BACKOFF.0;
                stream
            }
            Err(error) => {
                tracing::warn!(%error, pause = ?backoff, "accepting a connection failed; retrying after a pause");
                tokio::select! {
                    () = tokio::time::sleep(backoff) => {}
                    () = &mut shutdown => break,
                }
                backoff = (backoff * 2).min(ACCEPT_BACKOFF.1);
                continue;
            }
        };
        let service = CatchPanic::new(service.clone(), config.body_timeout);
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(config.head_timeout);
        let connection =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        connections.spawn(async move {
            // A connection that fails (a client hanging up mid-request, a head that times
            // out) ends alone.
            let _ = connection.await;
            drop(slot);
        });
    }
    if tokio::time::timeout(config.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            grace = ?config.shutdown_grace,
            open = connections.len(),
            "requests still in flight after the shutdown grace period; closing their connections"
        );
    }
    connections.shutdown().await;
    Ok(())
}
