//! The generated routers validate inputs like the real services: every violation at once
//! (`@required` at any depth, enum values), reported with the operation's own validation
//! error (GameLift `InvalidRequestException`, GameSparks `ValidationException`) in the
//! protocol the request came in.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use bytes::Bytes;
use smithy_runtime::server::Router;

struct Fleets;
impl gamelift::server::GameLiftServer for Fleets {}

struct Games;
impl gamesparks::server::GameSparksServer for Games {}

async fn send(router: &Router, request: http::Request<Bytes>) -> (u16, http::HeaderMap, Bytes) {
    let (parts, body) = router.handle(request).await.into_parts();
    (parts.status.as_u16(), parts.headers, body)
}

fn aws_json(operation: &str, body: &str) -> http::Request<Bytes> {
    http::Request::post("/")
        .header("x-amz-target", format!("GameLift.{operation}"))
        .header("content-type", "application/x-amz-json-1.1")
        .body(Bytes::from(body.to_owned()))
        .unwrap()
}

const NAME_MISSING: &str = "Value at '/Name' failed to satisfy constraint: Member must not be null";

#[tokio::test]
async fn every_violation_is_reported_with_the_operations_error() {
    let router = gamelift::server::router(Fleets);
    let (status, headers, body) = send(
        &router,
        aws_json("CreateFleet", r#"{"EC2InstanceType": "c9.mega"}"#),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(headers["x-amzn-errortype"], "InvalidRequestException");
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["__type"], "InvalidRequestException");
    let message = body["Message"].as_str().unwrap();
    assert!(
        message.starts_with("2 validation errors detected. "),
        "{message}"
    );
    assert!(message.contains(NAME_MISSING), "{message}");
    assert!(
        message.contains(
            "Value at '/EC2InstanceType' failed to satisfy constraint: Member must satisfy enum value set: [t2.micro, "
        ),
        "{message}"
    );
}

#[tokio::test]
async fn required_members_of_nested_structures_are_checked_on_the_wire() {
    let router = gamelift::server::router(Fleets);
    let body = r#"{"FleetId": "fleet-1", "MaximumPlayerSessionCount": 2, "GameProperties": [{"Key": "mode"}]}"#;
    let (status, _, body) = send(&router, aws_json("CreateGameSession", body)).await;
    assert_eq!(status, 400);
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        body["Message"],
        "1 validation error detected. Value at '/GameProperties/0/Value' failed to satisfy constraint: Member must not be null"
    );
}

#[tokio::test]
async fn cbor_requests_get_cbor_validation_errors() {
    let router = gamelift::server::router(Fleets);
    let mut body = Vec::new();
    ciborium::ser::into_writer(&ciborium::Value::Map(vec![]), &mut body).unwrap();
    let request = http::Request::post("/service/GameLift/operation/CreateFleet")
        .header("smithy-protocol", "rpc-v2-cbor")
        .header("content-type", "application/cbor")
        .body(Bytes::from(body))
        .unwrap();
    let (status, headers, body) = send(&router, request).await;
    assert_eq!(status, 400);
    assert_eq!(headers["content-type"], "application/cbor");
    let body: ciborium::Value = ciborium::de::from_reader(body.as_ref()).unwrap();
    let text = |key: &str| {
        body.as_map()
            .unwrap()
            .iter()
            .find(|(k, _)| k.as_text() == Some(key))
            .and_then(|(_, v)| v.as_text())
            .unwrap()
            .to_owned()
    };
    assert_eq!(text("__type"), "InvalidRequestException");
    let message = text("Message");
    assert!(
        message.starts_with("2 validation errors detected. "),
        "{message}"
    );
    assert!(message.contains(NAME_MISSING), "{message}");
}

#[tokio::test]
async fn rest_json_inputs_get_validation_exception() {
    let router = gamesparks::server::router(Games);
    let request = http::Request::post("/game")
        .header("content-type", "application/json")
        .body(Bytes::from_static(b"{}"))
        .unwrap();
    let (status, headers, body) = send(&router, request).await;
    assert_eq!(status, 400);
    assert_eq!(headers["x-amzn-errortype"], "ValidationException");
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        body["Message"],
        "1 validation error detected. Value at '/GameName' failed to satisfy constraint: Member must not be null"
    );
}

#[tokio::test]
async fn valid_inputs_reach_the_handler() {
    let router = gamelift::server::router(Fleets);
    let body = r#"{"Name": "f", "EC2InstanceType": "c4.large"}"#;
    let (status, headers, _) = send(&router, aws_json("CreateFleet", body)).await;
    assert_eq!(
        (status, &headers["x-amzn-errortype"]),
        (501, &"NotImplemented".parse::<http::HeaderValue>().unwrap())
    );
}
