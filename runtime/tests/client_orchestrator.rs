//! The orchestrator through a scripted transport, under tokio's paused clock: retries,
//! backoff, timeouts, the retry quota, idempotency tokens, errors.

mod client_support;

use std::time::Duration;

use smithy_runtime::client::{
    Config, ConstructionErrorKind, Env, FixedToken, Handle, Jitter, RetryConfig, ScriptedTransport,
    SdkError, Sender, TimeoutKind, TransportError, TransportErrorKind,
};
use smithy_runtime::{BuildError, ServiceError};
use tokio::time::Instant;

use client_support::*;

fn input(name: &str) -> CreateThingInput {
    CreateThingInput {
        name: Some(name.to_owned()),
        client_token: None,
    }
}

fn ok_body() -> &'static str {
    r#"{"ThingId":"thing-1"}"#
}

/// A handle whose retries sleep exactly the capped exponential backoff (no jitter).
fn handle(transport: &ScriptedTransport) -> Handle {
    let config = config(transport)
        .retry_config(RetryConfig::standard().jitter(Jitter::fixed(1.0)))
        .build();
    Handle::new(config, &SERVICE)
}

/// Sends `CreateThing` with name `a` through a handle built from `config`.
async fn call(config: Config) -> Result<CreateThingOutput, SdkError<CreateThingError>> {
    Handle::new(config, &SERVICE)
        .call::<CreateThing>(input("a"))
        .await
}

/// Scripts `n` answers that arrive only after a minute (to trip timeouts).
fn hang(transport: &ScriptedTransport, n: usize) {
    for _ in 0..n {
        transport.push_delayed(
            Duration::from_secs(60),
            smithy_runtime::client::json_response(200, ok_body()),
        );
    }
}

fn assert_close(actual: Duration, expected: Duration) {
    let slack = Duration::from_millis(5);
    assert!(
        actual >= expected && actual <= expected + slack,
        "expected {expected:?}, got {actual:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn success_sends_a_signed_awsjson_request() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, ok_body());
    let output = handle(&transport)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap();
    assert_eq!(output.thing_id.as_deref(), Some("thing-1"));

    let requests = transport.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "https://gamelift.us-west-2.amazonaws.com/");
    assert_eq!(request.headers()["x-amz-target"], "GameLift.CreateThing");
    assert_eq!(request.headers()["x-amz-date"], "20240102T030405Z");
    let authorization = request.headers()["authorization"].to_str().unwrap();
    assert!(
        authorization.starts_with(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-west-2/gamelift/aws4_request, "
        ),
        "{authorization}"
    );
    assert!(request.headers()["user-agent"]
        .to_str()
        .unwrap()
        .starts_with("smithy-rs-gamedev/"));
    assert!(request.headers().get("x-amz-security-token").is_none());
    assert_eq!(body_json(request)["Name"], "a");
}

#[tokio::test(start_paused = true)]
async fn session_token_is_sent() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, ok_body());
    let config = config(&transport)
        .credentials(
            smithy_runtime::client::Credentials::new("AKID", "SECRET").with_session_token("TOKEN"),
        )
        .build();
    call(config).await.unwrap();
    let request = &transport.requests()[0];
    assert_eq!(request.headers()["x-amz-security-token"], "TOKEN");
    assert!(request.headers()["authorization"]
        .to_str()
        .unwrap()
        .contains("x-amz-security-token"));
}

#[tokio::test(start_paused = true)]
async fn throttling_then_success_retries_once_after_the_backoff() {
    let timed = Timed::new(ScriptedTransport::new());
    timed
        .inner
        .push_response(error_response(400, "ThrottlingException", "slow down"));
    timed.inner.push_json(200, ok_body());
    let config = config(&timed.inner)
        .http_client(timed.clone())
        .retry_config(RetryConfig::standard().jitter(Jitter::fixed(0.5)))
        .build();
    let start = Instant::now();
    let output = call(config).await.unwrap();
    assert_eq!(output.thing_id.as_deref(), Some("thing-1"));
    assert_eq!(timed.inner.request_count(), 2);
    // Retry 1: 0.5 * min(1 s * 2^0, 20 s).
    assert_close(timed.gaps()[0], Duration::from_millis(500));
    assert_close(start.elapsed(), Duration::from_millis(500));
}

#[tokio::test(start_paused = true)]
async fn non_throttling_client_error_is_not_retried() {
    let transport = ScriptedTransport::new();
    transport.push_response(error_response(409, "ConflictException", "already exists"));
    transport.push_json(200, ok_body());
    let error = handle(&transport)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap_err();
    assert_eq!(transport.request_count(), 1);
    match &error {
        SdkError::Service {
            error: CreateThingError::Conflict(e),
            status,
            request_id,
            headers,
        } => {
            assert_eq!(e.message.as_deref(), Some("already exists"));
            assert_eq!(*status, 409);
            assert_eq!(request_id.as_deref(), Some("req-1234"));
            assert_eq!(headers["x-amzn-requestid"], "req-1234");
        }
        other => panic!("expected a modeled service error, got {other:?}"),
    }
    assert_eq!(error.code(), Some("ConflictException"));
    assert_eq!(error.request_id(), Some("req-1234"));
    assert_eq!(error.status(), Some(409));
    assert_eq!(
        error.headers().map(|h| h["content-type"].clone()),
        Some(http::HeaderValue::from_static("application/json"))
    );
    assert!(error.as_service_error().is_some());
    let message = error.to_string();
    assert!(
        message.contains("HTTP 409")
            && message.contains("req-1234")
            && message.contains("already exists"),
        "{message}"
    );
    assert!(std::error::Error::source(&error).is_some());
    assert!(matches!(
        error.into_service_error(),
        Some(CreateThingError::Conflict(_))
    ));
}

#[tokio::test(start_paused = true)]
async fn unknown_400_is_not_retried() {
    let transport = ScriptedTransport::new();
    transport.push_response(error_response(400, "ValidationException", "bad name"));
    let error = handle(&transport)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap_err();
    assert_eq!(transport.request_count(), 1);
    let service_error = error.as_service_error().unwrap();
    assert!(matches!(service_error, CreateThingError::Unhandled(_)));
    assert_eq!(service_error.code(), Some("ValidationException"));
    assert_eq!(service_error.message(), Some("bad name"));
}

#[tokio::test(start_paused = true)]
async fn modeled_retryable_error_is_retried() {
    let transport = ScriptedTransport::new();
    transport.push_response(error_response(400, "ResourceBusyException", "busy"));
    transport.push_json(200, ok_body());
    handle(&transport)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap();
    assert_eq!(transport.request_count(), 2);
}

#[tokio::test(start_paused = true)]
async fn three_503s_give_up_after_three_attempts() {
    let timed = Timed::new(ScriptedTransport::new());
    for _ in 0..4 {
        timed.inner.push_json(503, r#"{"message":"unavailable"}"#);
    }
    let config = config(&timed.inner)
        .http_client(timed.clone())
        .retry_config(RetryConfig::standard().jitter(Jitter::fixed(1.0)))
        .build();
    let start = Instant::now();
    let error = call(config).await.unwrap_err();
    assert_eq!(timed.inner.request_count(), 3);
    assert_eq!(timed.inner.remaining(), 1);
    assert!(
        matches!(
            error,
            SdkError::Service {
                status: 503,
                error: CreateThingError::Unhandled(_),
                ..
            }
        ),
        "{error:?}"
    );
    // Backoffs 1 s then 2 s.
    let gaps = timed.gaps();
    assert_close(gaps[0], Duration::from_secs(1));
    assert_close(gaps[1], Duration::from_secs(2));
    assert_close(start.elapsed(), Duration::from_secs(3));
}

#[tokio::test(start_paused = true)]
async fn backoff_is_capped_and_attempts_are_configurable() {
    let timed = Timed::new(ScriptedTransport::new());
    for _ in 0..5 {
        timed.inner.push_json(500, "{}");
    }
    let retry = RetryConfig::standard()
        .max_attempts(5)
        .max_backoff(Duration::from_secs(3))
        .jitter(Jitter::fixed(1.0));
    let config = config(&timed.inner)
        .http_client(timed.clone())
        .retry_config(retry)
        .build();
    call(config).await.unwrap_err();
    assert_eq!(timed.inner.request_count(), 5);
    let gaps = timed.gaps();
    for (gap, expected) in gaps.iter().zip([1, 2, 3, 3]) {
        assert_close(*gap, Duration::from_secs(expected));
    }
}

#[test]
fn jitter_is_deterministic_when_seeded() {
    let a = RetryConfig::standard().jitter(Jitter::seeded(7));
    let b = RetryConfig::standard().jitter(Jitter::seeded(7));
    let first: Vec<_> = (1..=6).map(|i| a.backoff(i)).collect();
    let second: Vec<_> = (1..=6).map(|i| b.backoff(i)).collect();
    assert_eq!(first, second);
    for (i, backoff) in (1..=6).zip(&first) {
        let cap = Duration::from_secs(1 << (i - 1)).min(Duration::from_secs(20));
        assert!(*backoff <= cap, "retry {i}: {backoff:?} > {cap:?}");
    }
    assert_eq!(
        RetryConfig::standard()
            .jitter(Jitter::fixed(0.25))
            .backoff(3),
        Duration::from_secs(1)
    );
    assert_eq!(
        RetryConfig::standard()
            .jitter(Jitter::fixed(1.0))
            .backoff(40),
        Duration::from_secs(20)
    );
    assert_eq!(RetryConfig::disabled().attempts(), 1);
    assert_eq!(RetryConfig::standard().attempts(), 3);
}

#[tokio::test(start_paused = true)]
async fn retries_disabled() {
    let transport = ScriptedTransport::new();
    transport.push_json(503, "{}").push_json(200, ok_body());
    let config = config(&transport)
        .retry_config(RetryConfig::disabled())
        .build();
    call(config).await.unwrap_err();
    assert_eq!(transport.request_count(), 1);
}

#[tokio::test(start_paused = true)]
async fn transport_error_then_success() {
    let transport = ScriptedTransport::new();
    transport
        .push_error(TransportError::connect("connection refused"))
        .push_json(200, ok_body());
    handle(&transport)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap();
    assert_eq!(transport.request_count(), 2);
}

#[tokio::test(start_paused = true)]
async fn transport_errors_exhaust_attempts_or_stop_when_not_retryable() {
    let transport = ScriptedTransport::new();
    for _ in 0..3 {
        transport.push_error(TransportError::io("connection reset"));
    }
    let error = handle(&transport)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap_err();
    assert_eq!(transport.request_count(), 3);
    match &error {
        SdkError::Transport(e) => assert_eq!(e.kind(), TransportErrorKind::Io),
        other => panic!("expected a transport error, got {other:?}"),
    }
    assert!(error.to_string().contains("connection reset"), "{error}");

    let transport = ScriptedTransport::new();
    transport
        .push_error(TransportError::other("cannot send this"))
        .push_json(200, ok_body());
    handle(&transport)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap_err();
    assert_eq!(transport.request_count(), 1);
}

#[tokio::test(start_paused = true)]
async fn attempt_timeout_then_success() {
    let transport = ScriptedTransport::new();
    transport
        .push_delayed(
            Duration::from_secs(60),
            smithy_runtime::client::json_response(200, ok_body()),
        )
        .push_json(200, r#"{"ThingId":"second"}"#);
    let config = config(&transport)
        .attempt_timeout(Duration::from_secs(2))
        .retry_config(RetryConfig::standard().jitter(Jitter::fixed(1.0)))
        .build();
    let start = Instant::now();
    let output = call(config).await.unwrap();
    assert_eq!(output.thing_id.as_deref(), Some("second"));
    assert_eq!(transport.request_count(), 2);
    // 2 s attempt timeout, then 1 s backoff.
    assert_close(start.elapsed(), Duration::from_secs(3));
}

#[tokio::test(start_paused = true)]
async fn every_attempt_timing_out_is_an_attempt_timeout() {
    let transport = ScriptedTransport::new();
    hang(&transport, 2);
    let config = config(&transport)
        .attempt_timeout(Duration::from_secs(1))
        .retry_config(
            RetryConfig::standard()
                .max_attempts(2)
                .jitter(Jitter::fixed(0.0)),
        )
        .build();
    let error = call(config).await.unwrap_err();
    match &error {
        SdkError::Timeout(timeout) => {
            assert_eq!(timeout.kind(), TimeoutKind::Attempt);
            assert_eq!(timeout.after(), Duration::from_secs(1));
            assert_eq!(timeout.attempts(), 2);
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(error.to_string().contains("attempt_timeout"), "{error}");
}

#[tokio::test(start_paused = true)]
async fn operation_timeout_bounds_the_whole_call() {
    let transport = ScriptedTransport::new();
    transport.push_json(503, "{}").push_delayed(
        Duration::from_secs(60),
        smithy_runtime::client::json_response(200, ok_body()),
    );
    let config = config(&transport)
        .operation_timeout(Duration::from_secs(5))
        .retry_config(RetryConfig::standard().jitter(Jitter::fixed(1.0)))
        .build();
    let start = Instant::now();
    let error = call(config).await.unwrap_err();
    assert_close(start.elapsed(), Duration::from_secs(5));
    match &error {
        SdkError::Timeout(timeout) => {
            assert_eq!(timeout.kind(), TimeoutKind::Operation);
            assert_eq!(timeout.attempts(), 2);
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(error.to_string().contains("operation_timeout"), "{error}");
}

#[tokio::test(start_paused = true)]
async fn retry_quota_is_shared_spent_and_refunded() {
    let transport = ScriptedTransport::new();
    let config = config(&transport)
        .retry_config(
            RetryConfig::standard()
                .retry_quota(10)
                .jitter(Jitter::fixed(0.0)),
        )
        .build();
    let handle = Handle::new(config, &SERVICE);

    // One retry (5 tokens), refunded by the success: back to 10.
    transport.push_json(503, "{}").push_json(200, ok_body());
    handle.call::<CreateThing>(input("a")).await.unwrap();
    assert_eq!(transport.request_count(), 2);

    // Two retries spend all 10 tokens (through a clone: the quota is shared).
    for _ in 0..3 {
        transport.push_json(503, "{}");
    }
    handle
        .clone()
        .call::<CreateThing>(input("a"))
        .await
        .unwrap_err();
    assert_eq!(transport.request_count(), 5);

    // Empty quota: no retry.
    transport.push_json(503, "{}").push_json(200, ok_body());
    handle.call::<CreateThing>(input("a")).await.unwrap_err();
    assert_eq!(transport.request_count(), 6);
}

#[tokio::test(start_paused = true)]
async fn timeout_retries_cost_more() {
    let transport = ScriptedTransport::new();
    hang(&transport, 3);
    let config = config(&transport)
        .attempt_timeout(Duration::from_secs(1))
        .retry_config(
            RetryConfig::standard()
                .retry_quota(15)
                .jitter(Jitter::fixed(0.0)),
        )
        .build();
    let error = call(config).await.unwrap_err();
    // The first timeout retry takes 10 of 15 tokens; the second would need 10 more.
    assert_eq!(transport.request_count(), 2);
    assert!(matches!(error, SdkError::Timeout(_)), "{error:?}");
}

#[tokio::test(start_paused = true)]
async fn idempotency_token_filled_when_unset_and_kept_when_set() {
    let transport = ScriptedTransport::new();
    transport
        .push_json(200, ok_body())
        .push_json(200, ok_body());
    let config = config(&transport)
        .idempotency_token_provider(FixedToken::new("00000000-0000-4000-8000-000000000000"))
        .build();
    let handle = Handle::new(config, &SERVICE);
    handle.call::<CreateThing>(input("a")).await.unwrap();
    let mine = CreateThingInput {
        name: None,
        client_token: Some("mine".to_owned()),
    };
    handle.call::<CreateThing>(mine).await.unwrap();
    let requests = transport.requests();
    assert_eq!(
        body_json(&requests[0])["ClientToken"],
        "00000000-0000-4000-8000-000000000000"
    );
    assert_eq!(body_json(&requests[1])["ClientToken"], "mine");
}

#[tokio::test(start_paused = true)]
async fn default_token_is_a_uuid_v4_reused_across_retries() {
    let transport = ScriptedTransport::new();
    transport.push_json(500, "{}").push_json(200, ok_body());
    handle(&transport)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap();
    let requests = transport.requests();
    let first = body_json(&requests[0])["ClientToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let second = body_json(&requests[1])["ClientToken"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(first, second);
    assert_eq!(first.len(), 36);
    assert_eq!(first.as_bytes()[14], b'4', "{first}");
}

#[tokio::test(start_paused = true)]
async fn every_attempt_carries_the_invocation_id_and_its_attempt_number() {
    let transport = ScriptedTransport::new();
    transport
        .push_json(503, "{}")
        .push_json(503, "{}")
        .push_json(200, ok_body())
        .push_json(200, ok_body());
    let handle = handle(&transport);
    handle.call::<CreateThing>(input("a")).await.unwrap();
    handle.call::<CreateThing>(input("b")).await.unwrap();
    let requests = transport.requests();
    let header = |i: usize, name: &str| requests[i].headers()[name].to_str().unwrap().to_owned();
    let attempts: Vec<String> = (0..4).map(|i| header(i, "amz-sdk-request")).collect();
    assert_eq!(
        attempts,
        [
            "attempt=1; max=3",
            "attempt=2; max=3",
            "attempt=3; max=3",
            "attempt=1; max=3"
        ]
    );
    let ids: Vec<String> = (0..4).map(|i| header(i, "amz-sdk-invocation-id")).collect();
    assert!(
        ids[..3].iter().all(|id| *id == ids[0]),
        "one id per call: {ids:?}"
    );
    assert_ne!(ids[3], ids[0], "a new call gets a new id");
    for id in &ids {
        assert_eq!((id.len(), id.as_bytes()[14]), (36, b'4'), "a UUID v4: {id}");
    }
}

#[tokio::test(start_paused = true)]
async fn missing_region_is_an_error_not_a_panic() {
    let transport = ScriptedTransport::new();
    let config = Config::builder()
        .credentials(smithy_runtime::client::Credentials::new("A", "B"))
        .http_client(transport.clone())
        .build();
    let error = call(config).await.unwrap_err();
    match &error {
        SdkError::Construction(e) => assert_eq!(e.kind(), ConstructionErrorKind::MissingRegion),
        other => panic!("expected a construction error, got {other:?}"),
    }
    assert!(
        error
            .to_string()
            .contains("set AWS_REGION or call Config::builder().region(..)"),
        "{error}"
    );
    assert_eq!(transport.request_count(), 0);

    // An endpoint override does not remove the need for a region: it is part of the signature.
    let config = Config::builder()
        .endpoint_url("http://localhost:1")
        .credentials(smithy_runtime::client::Credentials::new("A", "B"))
        .http_client(transport.clone())
        .build();
    let error = call(config).await.unwrap_err();
    assert!(
        matches!(&error, SdkError::Construction(e) if e.kind() == ConstructionErrorKind::MissingRegion)
    );
}

#[tokio::test(start_paused = true)]
async fn missing_credentials_is_an_error_not_a_panic() {
    let transport = ScriptedTransport::new();
    let config = Config::builder()
        .region("us-west-2")
        .http_client(transport.clone())
        .build();
    let error = call(config).await.unwrap_err();
    assert!(
        matches!(&error, SdkError::Construction(e) if e.kind() == ConstructionErrorKind::MissingCredentials)
    );
    assert!(
        error.to_string().contains("credentials_provider"),
        "{error}"
    );

    // The default chain finding nothing: its message says where it looked.
    let home = temp_dir();
    let env = Env::from_vars([
        ("AWS_REGION", "us-west-2"),
        ("HOME", home.to_str().unwrap()),
        ("AWS_EC2_METADATA_DISABLED", "true"),
    ]);
    let config = Config::builder()
        .http_client(transport.clone())
        .load_env(&env)
        .build();
    let error = call(config).await.unwrap_err();
    let message = error.to_string();
    assert!(
        matches!(&error, SdkError::Construction(e) if e.kind() == ConstructionErrorKind::MissingCredentials)
    );
    assert!(
        message.contains("AWS_ACCESS_KEY_ID") && message.contains(".aws/credentials"),
        "{message}"
    );
    assert_eq!(transport.request_count(), 0);
}

#[tokio::test(start_paused = true)]
async fn unsigned_service_needs_neither_region_nor_credentials_with_an_endpoint() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, ok_body());
    let config = Config::builder()
        .endpoint_url("http://localhost:8080/base")
        .http_client(transport.clone())
        .build();
    Handle::new(config, &UNSIGNED_SERVICE)
        .call::<CreateUnsignedThing>(input("a"))
        .await
        .unwrap();
    let request = &transport.requests()[0];
    // awsJson posts to the endpoint path with a trailing slash, as the Smithy suites expect.
    assert_eq!(request.uri(), "http://localhost:8080/base/");
    assert!(request.headers().get("authorization").is_none());
}

#[tokio::test(start_paused = true)]
async fn operation_of_another_service_is_rejected() {
    let transport = ScriptedTransport::new();
    let handle = Handle::new(config(&transport).build(), &UNSIGNED_SERVICE);
    let error = handle.call::<CreateThing>(input("a")).await.unwrap_err();
    assert!(
        matches!(&error, SdkError::Construction(e) if e.kind() == ConstructionErrorKind::WrongService)
    );
}

#[tokio::test(start_paused = true)]
async fn malformed_success_response_keeps_status_and_body() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, "this is not json");
    let error = handle(&transport)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap_err();
    match &error {
        SdkError::Response(response) => {
            assert_eq!(response.status(), 200);
            assert_eq!(response.body().as_ref(), b"this is not json");
        }
        other => panic!("expected a response error, got {other:?}"),
    }
    assert_eq!(transport.request_count(), 1);
    assert!(error.to_string().contains("HTTP 200"), "{error}");

    // Valid JSON of the wrong shape fails in the output's deserializer.
    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"ThingId": 5}"#);
    let error = handle(&transport)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap_err();
    assert!(matches!(error, SdkError::Response(_)), "{error:?}");
    let message = error.to_string();
    assert!(
        message.contains("could not be decoded: cannot read the response: response body: `ThingId`: invalid type: integer `5`, expected a string at line 1 column 13"),
        "the member path is named: {message}"
    );
}

#[tokio::test(start_paused = true)]
async fn send_turns_build_errors_into_construction_errors() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, ok_body());
    let send = Sender::<CreateThing>::new(handle(&transport));
    let error = send
        .clone()
        .send(Err(BuildError::missing("CreateThingInput", vec!["name"])))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, SdkError::Construction(e) if e.kind() == ConstructionErrorKind::InvalidInput)
    );
    assert!(
        error.to_string().contains("missing required member: name"),
        "{error}"
    );
    assert_eq!(transport.request_count(), 0);

    let output = send.send(Ok(input("a"))).await.unwrap();
    assert_eq!(output.thing_id.as_deref(), Some("thing-1"));
    assert!(
        format!("{:?}", Sender::<CreateThing>::new(handle(&transport))).contains("CreateThing")
    );
}

#[test]
fn call_futures_are_send() {
    fn assert_send<T: Send>(_: &T) {}
    let transport = ScriptedTransport::new();
    let handle = handle(&transport);
    let future = handle.call::<CreateThing>(input("a"));
    assert_send(&future);
    let future = Sender::<CreateThing>::new(handle.clone()).send(Ok(input("a")));
    assert_send(&future);
}

#[test]
fn handle_debug_redacts_secrets() {
    let transport = ScriptedTransport::new();
    let debug = format!("{:?}", handle(&transport));
    assert!(debug.contains("AKIDEXAMPLE"), "{debug}");
    assert!(!debug.contains("wJalrXUtnFEMI"), "{debug}");
}

#[tokio::test(start_paused = true)]
async fn to_builder_keeps_the_rest_of_the_configuration() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, ok_body());
    let original = config(&transport)
        .attempt_timeout(Duration::from_secs(7))
        .build();
    let changed = original.to_builder().region("eu-west-3").build();
    assert_eq!(changed.region(), Some("eu-west-3"));
    assert_eq!(changed.attempt_timeout(), Some(Duration::from_secs(7)));
    Handle::new(changed, &SERVICE)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap();
    assert_eq!(
        transport.requests()[0].uri(),
        "https://gamelift.eu-west-3.amazonaws.com/"
    );
}

#[cfg(not(feature = "rustls"))]
#[tokio::test(start_paused = true)]
async fn without_the_rustls_feature_a_transport_must_be_given() {
    let config = Config::builder()
        .region("us-west-2")
        .credentials(smithy_runtime::client::Credentials::new("A", "B"))
        .build();
    assert!(config.http_client().is_none());
    let error = call(config).await.unwrap_err();
    assert!(
        matches!(&error, SdkError::Construction(e) if e.kind() == ConstructionErrorKind::NoHttpClient)
    );
    assert!(error.to_string().contains("http_client"), "{error}");
}

/// The output of a call carries the request id of the response it was read from (as
/// `RequestId`), and an output that came without one says so.
#[tokio::test(start_paused = true)]
async fn outputs_carry_the_request_id_of_their_response() {
    use smithy_runtime::operation::RequestId as _;
    let transport = ScriptedTransport::new();
    let mut answered = smithy_runtime::client::json_response(200, ok_body());
    answered.headers_mut().insert(
        "x-amzn-requestid",
        http::HeaderValue::from_static("req-ok-1"),
    );
    transport.push_response(answered);
    transport.push_json(200, ok_body());
    let first = handle(&transport)
        .call::<CreateThing>(input("a"))
        .await
        .unwrap();
    assert_eq!(first.request_id(), Some("req-ok-1"));
    let second = handle(&transport)
        .call::<CreateThing>(input("b"))
        .await
        .unwrap();
    assert_eq!(second.request_id(), None);
    // Metadata is not part of the value.
    assert_eq!(first, second);
}
