//! Requests per second of the generated GameLift router served over loopback TCP, against a
//! bare hyper server that answers every request with the same bytes, measured in the same run
//! with the same load: 50 concurrent keep-alive HTTP/1.1 connections sending a small
//! `DescribeGameSessions` (awsJson1_1) for a fixed time per round.
//!
//! `cargo bench -p integration-tests --bench router_rps` (release build). Prints each round and
//! the ratio router / bare of the total requests answered.

// A benchmark binary: setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full};
use hyper_util::rt::TokioIo;
use smithy_runtime::server::RequestContext;
use tokio::net::{TcpListener, TcpStream};

/// Concurrent connections.
const CONNECTIONS: usize = 50;
/// How long each round sends.
const ROUND: Duration = Duration::from_secs(2);
/// Rounds per server, alternating.
const ROUNDS: usize = 3;

struct Sessions;

impl gamelift::server::GameLiftServer for Sessions {
    async fn describe_game_sessions(
        &self,
        input: gamelift::types::DescribeGameSessionsInput,
        _cx: RequestContext,
    ) -> Result<
        gamelift::types::DescribeGameSessionsOutput,
        gamelift::error::DescribeGameSessionsError,
    > {
        let session = gamelift::types::GameSession::builder()
            .fleet_id(input.fleet_id.unwrap_or_default())
            .game_session_id("gsess-1")
            .build();
        Ok(gamelift::types::DescribeGameSessionsOutput::builder()
            .game_sessions(session)
            .build())
    }
}

/// The request every connection sends.
fn request(address: SocketAddr) -> http::Request<Full<Bytes>> {
    http::Request::post(format!("http://{address}/"))
        .header("host", address.to_string())
        .header("x-amz-target", "GameLift.DescribeGameSessions")
        .header("content-type", "application/x-amz-json-1.1")
        .body(Full::new(Bytes::from_static(
            br#"{"FleetId":"fleet-1","Limit":10}"#,
        )))
        .unwrap()
}

/// Serves the generated router; its address.
async fn router_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(smithy_runtime::server::serve(
        gamelift::server::router(Sessions),
        listener,
        std::future::pending(),
    ));
    address
}

/// Serves `body` to every request with hyper alone; its address.
async fn bare_server(body: Bytes) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            let body = body.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(
                    move |request: http::Request<hyper::body::Incoming>| {
                        let body = body.clone();
                        async move {
                            let _ = request.into_body().collect().await;
                            Ok::<_, Infallible>(
                                http::Response::builder()
                                    .header("content-type", "application/x-amz-json-1.1")
                                    .body(Full::new(body))
                                    .unwrap(),
                            )
                        }
                    },
                );
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    address
}

/// Requests answered by `address` in one round.
async fn load(address: SocketAddr) -> u64 {
    let answered = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + ROUND;
    let mut tasks = Vec::new();
    for _ in 0..CONNECTIONS {
        let answered = answered.clone();
        tasks.push(tokio::spawn(async move {
            let stream = TcpStream::connect(address).await.unwrap();
            stream.set_nodelay(true).unwrap();
            let (mut sender, connection) =
                hyper::client::conn::http1::handshake(TokioIo::new(stream))
                    .await
                    .unwrap();
            tokio::spawn(connection);
            while Instant::now() < deadline {
                let response = sender.send_request(request(address)).await.unwrap();
                assert!(response.status().is_success(), "{}", response.status());
                let _ = response.into_body().collect().await.unwrap();
                answered.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    answered.load(Ordering::Relaxed)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let router = router_server().await;
        // The bare server answers with the router's own response bytes.
        let client =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                .build_http::<Full<Bytes>>();
        let sample = client.request(request(router)).await.unwrap();
        assert!(sample.status().is_success());
        let body = sample.into_body().collect().await.unwrap().to_bytes();
        let bare = bare_server(body).await;

        let (mut routed, mut baseline) = (0u64, 0u64);
        for round in 1..=ROUNDS {
            let r = load(router).await;
            let b = load(bare).await;
            println!(
                "round {round}: router {:.0} req/s, bare hyper {:.0} req/s",
                r as f64 / ROUND.as_secs_f64(),
                b as f64 / ROUND.as_secs_f64()
            );
            routed += r;
            baseline += b;
        }
        println!(
            "router / bare hyper: {:.2} ({CONNECTIONS} connections, {ROUNDS} rounds of {:?} each)",
            routed as f64 / baseline as f64,
            ROUND
        );
    });
}
