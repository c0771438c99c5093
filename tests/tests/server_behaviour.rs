//! How the generated server's router answers what is not a well-formed call: unknown routes,
//! unreadable bodies, wrong media types, bodies past the limit, handlers that panic; and the
//! router served over TCP with hyper.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use bytes::Bytes;
use http_body_util::BodyExt as _;
use smithy_runtime::client::{RetryConfig, SdkError};
use smithy_runtime::server::{RequestContext, Router};
use smithy_runtime::ServiceError;

/// A GameLift server implementing `DescribeGameSessions` only.
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
            .build();
        Ok(gamelift::types::DescribeGameSessionsOutput::builder()
            .game_sessions(session)
            .build())
    }
}

fn request(method: &str, uri: &str, headers: &[(&str, &str)], body: &[u8]) -> http::Request<Bytes> {
    let mut builder = http::Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(Bytes::copy_from_slice(body)).unwrap()
}

/// The status, the error code (`X-Amzn-Errortype`, or CBOR `__type`) and the JSON body.
async fn answer(
    router: &Router,
    request: http::Request<Bytes>,
) -> (u16, String, http::HeaderMap, Bytes) {
    let response = router.handle(request).await;
    let code = response
        .headers()
        .get("x-amzn-errortype")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let (parts, body) = response.into_parts();
    (parts.status.as_u16(), code, parts.headers, body)
}

const TARGET: (&str, &str) = ("x-amz-target", "GameLift.DescribeGameSessions");
const JSON_1_1: (&str, &str) = ("content-type", "application/x-amz-json-1.1");

#[tokio::test]
async fn aws_json_malformed_requests_get_aws_json_errors() {
    let router = gamelift::server::router(Sessions);
    let (status, code, headers, body) = answer(
        &router,
        request("POST", "/", &[TARGET, JSON_1_1], b"{\"FleetId\": 5}"),
    )
    .await;
    assert_eq!((status, code.as_str()), (400, "SerializationException"));
    assert_eq!(headers["content-type"], "application/x-amz-json-1.1");
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["__type"], "SerializationException");
    assert!(
        body["message"].as_str().unwrap().contains("`FleetId`"),
        "{body}"
    );
    assert!(uuid::Uuid::parse_str(headers["x-amzn-requestid"].to_str().unwrap()).is_ok());

    let wrong_type = request(
        "POST",
        "/",
        &[TARGET, ("content-type", "text/plain")],
        b"{}",
    );
    let (status, code, ..) = answer(&router, wrong_type).await;
    assert_eq!(
        (status, code.as_str()),
        (415, "UnsupportedMediaTypeException")
    );

    let unknown = request(
        "POST",
        "/",
        &[("x-amz-target", "GameLift.Nope"), JSON_1_1],
        b"{}",
    );
    let (status, code, _, body) = answer(&router, unknown).await;
    assert_eq!((status, code.as_str()), (404, "UnknownOperationException"));
    assert!(String::from_utf8_lossy(&body).contains("GameLift.Nope"));
}

#[tokio::test]
async fn rpc_v2_cbor_errors_are_cbor() {
    let router = gamelift::server::router(Sessions);
    let cbor = ("smithy-protocol", "rpc-v2-cbor");
    let unknown = request("POST", "/service/GameLift/operation/Nope", &[cbor], b"");
    let (status, _, headers, body) = answer(&router, unknown).await;
    assert_eq!(status, 404);
    assert_eq!(headers["smithy-protocol"], "rpc-v2-cbor");
    assert_eq!(headers["content-type"], "application/cbor");
    let body: ciborium::Value = ciborium::de::from_reader(body.as_ref()).unwrap();
    let type_ = body
        .as_map()
        .unwrap()
        .iter()
        .find(|(k, _)| k.as_text() == Some("__type"))
        .map(|(_, v)| v.as_text().unwrap().to_owned());
    assert_eq!(type_.as_deref(), Some("UnknownOperationException"));

    let not_cbor = request(
        "POST",
        "/service/GameLift/operation/DescribeGameSessions",
        &[cbor, ("content-type", "application/cbor")],
        b"{}",
    );
    let (status, ..) = answer(&router, not_cbor).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn rest_json_routes_by_method_and_pattern() {
    struct Games;
    impl gamesparks::server::GameSparksServer for Games {}
    let router = gamesparks::server::router(Games);
    // GetGame is `GET /game/{GameName}`: routed, then answered 501.
    let (status, code, ..) = answer(&router, request("GET", "/game/chess", &[], b"")).await;
    assert_eq!((status, code.as_str()), (501, "NotImplemented"));
    let (status, code, ..) = answer(&router, request("GET", "/nothing/here", &[], b"")).await;
    assert_eq!((status, code.as_str()), (404, "UnknownOperationException"));
}

#[tokio::test]
async fn a_panicking_handler_answers_500_and_the_router_keeps_serving() {
    let router = gamelift::server::router_builder(Sessions)
        .operation::<gamelift::operation::DescribeFleetAttributes, _, _>(|_, _| async {
            panic!("boom")
        })
        .build();
    let config = integration_tests::test_config()
        .http_client(router)
        .retry_config(RetryConfig::disabled())
        .build();
    let client = gamelift::client::Client::new(config);
    match client.describe_fleet_attributes().send().await.unwrap_err() {
        SdkError::Service { error, status, .. } => {
            assert_eq!((status, error.code()), (500, Some("InternalFailure")));
            assert_eq!(
                error.message(),
                Some("answering DescribeFleetAttributes panicked; the server goes on serving")
            );
        }
        other => panic!("expected a 500, got {other:?}"),
    }
    let output = client
        .describe_game_sessions()
        .fleet_id("fleet-1")
        .send()
        .await
        .unwrap();
    assert_eq!(output.game_sessions.unwrap().len(), 1);
}

#[tokio::test]
async fn bodies_past_the_limit_answer_413() {
    let router = gamelift::server::router_builder(Sessions)
        .body_limit(16)
        .build();
    let big = request(
        "POST",
        "/",
        &[TARGET, JSON_1_1],
        br#"{"FleetId": "a-fleet-id-of-many-bytes"}"#,
    );
    let response =
        tower_service::Service::call(&mut router.clone(), big.map(http_body_util::Full::new))
            .await
            .unwrap();
    assert_eq!(response.status(), 413);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["__type"], "RequestEntityTooLargeException");
}

#[tokio::test]
async fn the_router_serves_over_loopback_tcp_until_shutdown() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(smithy_runtime::server::serve(
        gamelift::server::router(Sessions),
        listener,
        async {
            let _ = stopped.await;
        },
    ));
    let config = integration_tests::test_config()
        .endpoint_url(format!("http://{address}"))
        .build();
    let client = gamelift::client::Client::new(config);
    let output = client
        .describe_game_sessions()
        .fleet_id("fleet-tcp")
        .send()
        .await
        .unwrap();
    assert_eq!(
        output.game_sessions.unwrap()[0].fleet_id.as_deref(),
        Some("fleet-tcp")
    );
    stop.send(()).unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(10), server)
        .await
        .expect("the server stops after shutdown")
        .unwrap()
        .unwrap();
}
