//! The generated GameLift client on each protocol its model lists: awsJson1_1 by default (what
//! boto3 and the AWS CLI send), rpcv2Cbor when configured (what aws-sdk-gamelift sends), and
//! a clear construction error for a protocol the service does not speak.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use smithy_runtime::bytes::Bytes;
use smithy_runtime::client::{RetryConfig, ScriptedTransport, SdkError};
use smithy_runtime::protocol::{Protocol, RestJson1, RpcV2Cbor};
use smithy_runtime::DateTime;

fn client(
    transport: &ScriptedTransport,
    protocol: Option<&'static dyn Protocol>,
) -> gamelift::client::Client {
    let mut config = integration_tests::test_config()
        .http_client(transport.clone())
        .retry_config(RetryConfig::disabled());
    if let Some(protocol) = protocol {
        config = config.protocol(protocol);
    }
    gamelift::client::Client::new(config.build())
}

/// A CBOR response of `status` with `body`.
fn cbor_response(status: u16, body: &ciborium::Value) -> http::Response<Bytes> {
    let mut bytes = Vec::new();
    ciborium::ser::into_writer(body, &mut bytes).unwrap();
    http::Response::builder()
        .status(status)
        .header("smithy-protocol", "rpc-v2-cbor")
        .header("content-type", "application/cbor")
        .body(Bytes::from(bytes))
        .unwrap()
}

fn text(s: &str) -> ciborium::Value {
    ciborium::Value::Text(s.to_owned())
}

#[tokio::test]
async fn aws_json_is_the_default() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"GameSessions": []}"#);
    client(&transport, None)
        .describe_game_sessions()
        .fleet_id("fleet-1")
        .send()
        .await
        .unwrap();
    let request = &transport.requests()[0];
    assert_eq!(request.uri().path(), "/");
    assert_eq!(
        request.headers()["x-amz-target"],
        "GameLift.DescribeGameSessions"
    );
    assert_eq!(
        request.headers()["content-type"],
        "application/x-amz-json-1.1"
    );
    assert_eq!(request.body().as_ref(), br#"{"FleetId":"fleet-1"}"#);
}

#[tokio::test]
async fn rpc_v2_cbor_when_configured() {
    let transport = ScriptedTransport::new();
    let session = ciborium::Value::Map(vec![
        (text("GameSessionId"), text("gsess-1")),
        (
            text("CreationTime"),
            ciborium::Value::Tag(1, Box::new(ciborium::Value::Float(1_700_000_000.5))),
        ),
        (text("Status"), text("ACTIVE")),
    ]);
    let output = ciborium::Value::Map(vec![(
        text("GameSessions"),
        ciborium::Value::Array(vec![session]),
    )]);
    transport.push_response(cbor_response(200, &output));
    let sessions = client(&transport, Some(&RpcV2Cbor))
        .describe_game_sessions()
        .fleet_id("fleet-1")
        .limit(5)
        .send()
        .await
        .unwrap()
        .game_sessions
        .unwrap();
    assert_eq!(sessions[0].game_session_id.as_deref(), Some("gsess-1"));
    assert_eq!(
        sessions[0].creation_time,
        Some(DateTime::from_millis(1_700_000_000_500))
    );

    let request = &transport.requests()[0];
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.uri().path(),
        "/service/GameLift/operation/DescribeGameSessions"
    );
    assert_eq!(request.headers()["smithy-protocol"], "rpc-v2-cbor");
    assert_eq!(request.headers()["content-type"], "application/cbor");
    assert_eq!(request.headers()["accept"], "application/cbor");
    assert!(request.headers().get("x-amz-target").is_none());
    let body: ciborium::Value = ciborium::de::from_reader(request.body().as_ref()).unwrap();
    let expected = ciborium::Value::Map(vec![
        (text("FleetId"), text("fleet-1")),
        (text("Limit"), ciborium::Value::Integer(5.into())),
    ]);
    assert_eq!(body, expected);
}

#[tokio::test]
async fn rpc_v2_cbor_errors_decode_into_the_modeled_error() {
    let transport = ScriptedTransport::new();
    let body = ciborium::Value::Map(vec![
        (
            text("__type"),
            text("com.amazonaws.gamelift#NotFoundException"),
        ),
        (text("Message"), text("no such fleet")),
    ]);
    transport.push_response(cbor_response(400, &body));
    let error = client(&transport, Some(&RpcV2Cbor))
        .describe_game_sessions()
        .fleet_id("fleet-404")
        .send()
        .await
        .unwrap_err();
    match error {
        SdkError::Service { error, status, .. } => {
            assert_eq!(status, 400);
            assert!(
                matches!(&error, gamelift::error::DescribeGameSessionsError::NotFoundException(e) if e.message.as_deref() == Some("no such fleet")),
                "{error:?}"
            );
        }
        other => panic!("expected a service error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_protocol_the_service_does_not_speak_is_a_construction_error() {
    let transport = ScriptedTransport::new();
    let error = client(&transport, Some(&RestJson1))
        .describe_game_sessions()
        .send()
        .await
        .unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, SdkError::Construction(_)), "{error:?}");
    assert!(
        message.contains("does not speak restJson1; configure one of: awsJson1_1, rpcv2Cbor"),
        "{message}"
    );
    assert_eq!(transport.request_count(), 0);
}

#[tokio::test]
async fn an_undecodable_output_names_the_member_path_in_both_protocols() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"GameSessions": [{"CreationTime": "yesterday"}]}"#);
    let bad_time = ciborium::Value::Map(vec![(
        text("GameSessions"),
        ciborium::Value::Array(vec![ciborium::Value::Map(vec![(
            text("CreationTime"),
            text("yesterday"),
        )])]),
    )]);
    transport.push_response(cbor_response(200, &bad_time));
    for protocol in [None, Some(&RpcV2Cbor as &'static dyn Protocol)] {
        let error = client(&transport, protocol)
            .describe_game_sessions()
            .send()
            .await
            .unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, SdkError::Response(_)), "{error:?}");
        assert!(
            message.contains("`GameSessions[0].CreationTime`: invalid type: string \"yesterday\""),
            "{message}"
        );
    }
}
