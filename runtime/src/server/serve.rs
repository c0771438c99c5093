//! [`serve`]: a [`Router`](super::Router), or any service like it, over TCP with hyper 1.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

/// Serves `service` (a [`Router`](super::Router), or anything answering requests as it does)
/// on `listener` (HTTP/1.1) until `shutdown` resolves, then stops accepting and waits for the
/// open connections' requests to finish.
///
/// Bind the listener on loopback (`127.0.0.1:0`) unless the server must be reachable from
/// elsewhere: it is a test double, and it does not check signatures.
///
/// # Errors
///
/// When accepting a connection fails.
pub async fn serve<S>(
    service: S,
    listener: TcpListener,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()>
where
    S: tower_service::Service<
            http::Request<Incoming>,
            Response = http::Response<Full<Bytes>>,
            Error = Infallible,
        > + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, _peer): (_, SocketAddr) = tokio::select! {
            accepted = listener.accept() => accepted?,
            () = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(service.clone());
        let connection = hyper::server::conn::http1::Builder::new()
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A connection that fails (a client hanging up mid-request) ends alone.
            let _ = connection.await;
        });
    }
    graceful.shutdown().await;
    Ok(())
}
