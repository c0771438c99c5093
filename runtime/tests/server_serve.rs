//! `serve` under abuse on loopback: a request head or body that never ends is cut off, the
//! connection limit holds further clients back, shutdown has a deadline, a panicking service
//! answers 500; and the router answers 500 for panics in decoding and encoding, not only in
//! handlers.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

mod client_support;

use std::convert::Infallible;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full};
use serde::{Deserialize, Serialize};
use smithy_runtime::client::BoxFuture;
use smithy_runtime::server::{serve_with, Router, ServeConfig, ServeRequest};
use smithy_runtime::Operation;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

/// Long enough for anything the server should do at once on loopback; a guard, not a measure.
const PATIENCE: Duration = Duration::from_secs(10);

/// Answers `200 ok`, or panics for the path `/panic`.
#[derive(Clone)]
struct Ok200;

impl tower_service::Service<ServeRequest> for Ok200 {
    type Response = http::Response<Full<Bytes>>;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<Self::Response, Infallible>>;

    fn poll_ready(
        &mut self,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Infallible>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: ServeRequest) -> Self::Future {
        Box::pin(async move {
            let panics = request.uri().path() == "/panic";
            let collected = request.into_body().collect().await;
            assert!(!panics, "a service that panics");
            let status = if collected.is_ok() { 200 } else { 400 };
            let mut response = http::Response::new(Full::new(Bytes::from_static(b"ok")));
            *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
            Ok(response)
        })
    }
}

struct Server {
    address: std::net::SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

async fn start(config: ServeConfig) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(serve_with(
        Ok200,
        listener,
        async {
            let _ = stopped.await;
        },
        config,
    ));
    Server {
        address,
        stop,
        task,
    }
}

/// Sends `raw` on a new connection and reads until the server closes it: what it answered.
async fn exchange(stream: &mut TcpStream, raw: &[u8]) -> String {
    stream.write_all(raw).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(PATIENCE, stream.read_to_end(&mut answer))
        .await
        .expect("the server closes the connection")
        .unwrap_or_default();
    String::from_utf8_lossy(&answer).into_owned()
}

const GET: &[u8] = b"GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n";

#[tokio::test]
async fn a_request_head_that_never_ends_is_cut_off() {
    let server = start(ServeConfig {
        head_timeout: Duration::from_millis(200),
        ..ServeConfig::default()
    })
    .await;
    let mut stream = TcpStream::connect(server.address).await.unwrap();
    let answer = exchange(&mut stream, b"GET / HTTP/1.1\r\nhost: x\r\nx-slow: ").await;
    assert!(!answer.contains("200"), "{answer}");
    let mut fresh = TcpStream::connect(server.address).await.unwrap();
    assert!(exchange(&mut fresh, GET).await.starts_with("HTTP/1.1 200"));
}

#[tokio::test]
async fn a_body_that_stops_is_answered_400_and_closed() {
    let server = start(ServeConfig {
        body_timeout: Duration::from_millis(200),
        ..ServeConfig::default()
    })
    .await;
    let mut stream = TcpStream::connect(server.address).await.unwrap();
    let head = b"POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\nonly some";
    let answer = exchange(&mut stream, head).await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
}

#[tokio::test]
async fn shutdown_waits_for_stalled_connections_only_up_to_its_grace() {
    let server = start(ServeConfig {
        shutdown_grace: Duration::from_millis(200),
        ..ServeConfig::default()
    })
    .await;
    // A request in flight whose body never comes: the graceful shutdown would wait for it.
    let mut stalled = TcpStream::connect(server.address).await.unwrap();
    stalled
        .write_all(b"POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\nsome")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    server.stop.send(()).unwrap();
    tokio::time::timeout(PATIENCE, server.task)
        .await
        .expect("serve returns once the grace period is over")
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn clients_past_the_connection_limit_wait_for_a_free_slot() {
    let server = start(ServeConfig {
        max_connections: 1,
        ..ServeConfig::default()
    })
    .await;
    let holder = TcpStream::connect(server.address).await.unwrap();
    let mut waiting = TcpStream::connect(server.address).await.unwrap();
    waiting.write_all(GET).await.unwrap();
    let mut first = [0u8; 1];
    let early = tokio::time::timeout(Duration::from_millis(300), waiting.read(&mut first)).await;
    assert!(early.is_err(), "answered while the only slot was taken");
    drop(holder);
    let answer = exchange(&mut waiting, b"").await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn a_panicking_service_answers_500_and_serving_goes_on() {
    let server = start(ServeConfig::default()).await;
    let mut stream = TcpStream::connect(server.address).await.unwrap();
    let answer = exchange(
        &mut stream,
        b"GET /panic HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 500"), "{answer}");
    assert!(answer.contains("InternalFailure"), "{answer}");
    let mut next = TcpStream::connect(server.address).await.unwrap();
    assert!(exchange(&mut next, GET).await.starts_with("HTTP/1.1 200"));
}

/// An input whose decoding panics for the name `panic`.
#[derive(Clone, Debug, PartialEq, Serialize)]
struct Touchy {
    name: String,
}

impl<'de> Deserialize<'de> for Touchy {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(rename = "Name")]
            name: String,
        }
        let raw = Raw::deserialize(deserializer)?;
        assert_ne!(raw.name, "panic", "a decoder that panics");
        Ok(Touchy { name: raw.name })
    }
}

/// An output whose encoding panics.
#[derive(Clone, Debug, PartialEq, Deserialize)]
struct Unwritable;

impl smithy_runtime::operation::OutputMetadata for Unwritable {
    fn metadata(&self) -> &smithy_runtime::operation::ResponseMetadata {
        unreachable!("a server never reads an output's response metadata")
    }
    fn metadata_mut(&mut self) -> &mut smithy_runtime::operation::ResponseMetadata {
        unreachable!("a server never reads an output's response metadata")
    }
}

impl Serialize for Unwritable {
    fn serialize<S: serde::Serializer>(&self, _serializer: S) -> Result<S::Ok, S::Error> {
        panic!("an encoder that panics")
    }
}

struct Fragile;

impl Operation for Fragile {
    const NAME: &'static str = "CreateThing";
    const SERVICE: &'static smithy_runtime::protocol::ServiceSpec = &client_support::SERVICE;
    const SPEC: &'static smithy_runtime::protocol::OperationSpec =
        &client_support::CREATE_THING_SPEC;
    type Input = Touchy;
    type Output = Unwritable;
    type Error = client_support::CreateThingError;
}

fn fragile_request(name: &str) -> http::Request<Bytes> {
    http::Request::builder()
        .method("POST")
        .uri("/")
        .header("x-amz-target", "GameLift.CreateThing")
        .header("content-type", "application/x-amz-json-1.1")
        .body(Bytes::from(format!(r#"{{"Name":"{name}"}}"#)))
        .unwrap()
}

#[tokio::test]
async fn decoder_and_encoder_panics_answer_500_and_the_router_goes_on() {
    let router = Router::builder(&client_support::SERVICE)
        .operation::<Fragile, _, _>(|_, _| async { Ok(Unwritable) })
        .build();
    for name in ["panic", "fine"] {
        let response = router.handle(fragile_request(name)).await;
        assert_eq!(response.status(), 500, "{name}");
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(body["__type"], "InternalFailure", "{name}");
    }
}
