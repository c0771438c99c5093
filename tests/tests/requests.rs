//! The exact HTTP request the generated clients send for every documented operation, and the
//! parsing of the response back into the output type.
//!
//! Each operation gets a fully populated input (built from the model, independently of the
//! generator) and is sent through the generated `Client` to a scripted transport that answers
//! with a fully populated output. The request (method, URI, headers except the date, the
//! signature and the user agent, and the body) is snapshotted; the parsed output must equal
//! the answer.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, SystemTime};

use integration_tests::project::ProjectModel;
use smithy_runtime::client::{
    Config, Credentials, FixedTime, FixedToken, Handle, ScriptedTransport,
};
use smithy_runtime::{Operation, OperationVisitor};

/// The token smithy's protocol tests expect for unset idempotency tokens.
const TOKEN: &str = "00000000-0000-4000-8000-000000000000";
/// Headers that change with time or the client version; their presence is checked instead.
const VOLATILE: &[&str] = &["authorization", "x-amz-date", "user-agent"];

fn config(transport: &ScriptedTransport) -> Config {
    Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        ))
        .http_client(transport.clone())
        .idempotency_token_provider(FixedToken::new(TOKEN))
        .time_source(FixedTime(
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        ))
        .build()
}

/// The `amz-sdk-invocation-id` value (a fresh UUID per call) as `<uuid>`, once checked to be
/// a UUID; other header values unchanged.
fn mask_invocation_id(name: &str, value: &str) -> String {
    if name != "amz-sdk-invocation-id" {
        return value.to_string();
    }
    let uuid = uuid::Uuid::parse_str(value).unwrap_or_else(|e| panic!("{value}: {e}"));
    assert_eq!(uuid.get_version_num(), 4, "{value}");
    "<uuid>".to_string()
}

/// Method, URI, the stable headers (sorted) and the body, pretty-printed when it is JSON.
fn describe(request: &http::Request<bytes::Bytes>) -> String {
    let mut out = format!("{} {}\n", request.method(), request.uri());
    let mut headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .filter(|(name, _)| !VOLATILE.contains(&name.as_str()))
        .map(|(name, value)| {
            let text = value.to_str().unwrap_or("<binary>");
            (name.to_string(), mask_invocation_id(name.as_str(), text))
        })
        .collect();
    headers.sort();
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\n"));
    }
    for name in VOLATILE {
        assert!(
            request.headers().contains_key(*name),
            "the request has no {name} header"
        );
    }
    let body = request.body();
    if !body.is_empty() {
        out.push('\n');
        match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(json) => out.push_str(&serde_json::to_string_pretty(&json).unwrap()),
            Err(_) => out.push_str(&String::from_utf8_lossy(body)),
        }
        out.push('\n');
    }
    out
}

struct Requests {
    service: &'static str,
    project: ProjectModel,
    count: usize,
}

impl OperationVisitor for Requests {
    fn visit<O: Operation>(&mut self) {
        let (input, output) = self.project.sample_io(O::NAME).unwrap();
        let transport = ScriptedTransport::new();
        transport.push_json(O::SPEC.http.code, output.to_string());
        // What the generated `Client::send` does, for an operation known by the visitor's type.
        let handle = Handle::new(config(&transport), O::SERVICE);
        let input: O::Input = serde_json::from_value(input).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let parsed = runtime
            .block_on(handle.call::<O>(input))
            .unwrap_or_else(|e| panic!("{}: {e}", O::NAME));
        assert_eq!(
            serde_json::to_value(parsed).unwrap(),
            output,
            "{}: the output parsed from the response",
            O::NAME
        );
        let requests = transport.requests();
        assert_eq!(requests.len(), 1, "{}: one request", O::NAME);
        insta::assert_snapshot!(
            format!("{}__{}", self.service, O::NAME),
            describe(&requests[0])
        );
        self.count += 1;
    }
}

fn check(service: &'static str, file: &str, visit: fn(&mut Requests)) -> usize {
    let mut requests = Requests {
        service,
        project: ProjectModel::load(file).unwrap(),
        count: 0,
    };
    visit(&mut requests);
    requests.count
}

#[test]
fn gamelift_requests_match_the_protocol() {
    let n = check("gamelift", "gamelift.json", gamelift::operation::visit_all);
    assert_eq!(n, 17);
}

#[test]
fn gamesparks_requests_match_the_protocol() {
    let n = check(
        "gamesparks",
        "gamesparks.json",
        gamesparks::operation::visit_all,
    );
    assert_eq!(n, 33);
}

#[tokio::test]
async fn the_fluent_client_builds_signs_and_parses() {
    let transport = ScriptedTransport::new();
    transport.push_json(
        200,
        r#"{"Game": {"Name": "g", "State": "ACTIVE", "Tags": {"k": "v"}}}"#,
    );
    let client = gamesparks::client::Client::new(config(&transport));
    let output = client
        .create_game()
        .game_name("g")
        .description("d")
        .send()
        .await
        .unwrap();
    let game = output.game.unwrap();
    assert_eq!(game.state, Some(gamesparks::types::GameState::Active));
    let request = &transport.requests()[0];
    assert_eq!(request.uri().path(), "/game");
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"ClientToken": TOKEN, "Description": "d", "GameName": "g"})
    );
    let auth = request.headers()["authorization"].to_str().unwrap();
    assert!(
        auth.starts_with(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20231114/us-west-2/gamesparks/aws4_request"
        ),
        "{auth}"
    );

    let err = client
        .create_game()
        .description("no name")
        .send()
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("game_name"),
        "a missing required member is named: {err}"
    );
    assert_eq!(
        transport.requests().len(),
        1,
        "nothing is sent for an incomplete input"
    );
}

#[tokio::test]
async fn service_errors_become_the_operation_error_enum() {
    use gamelift::error::DescribeGameSessionsError;
    use smithy_runtime::ServiceError;

    let transport = ScriptedTransport::new();
    transport.push_json(
        400,
        r#"{"__type": "com.amazonaws.gamelift#NotFoundException", "Message": "no such fleet"}"#,
    );
    transport.push_json(
        400,
        r#"{"__type": "BrandNewException", "message": "surprise"}"#,
    );
    let client = gamelift::client::Client::new(config(&transport));
    let err = client
        .describe_game_sessions()
        .fleet_id("f")
        .send()
        .await
        .unwrap_err();
    match err.as_service_error() {
        Some(DescribeGameSessionsError::NotFoundException(e)) => {
            assert_eq!(e.message.as_deref(), Some("no such fleet"))
        }
        other => panic!("expected NotFoundException, got {other:?}"),
    }
    assert_eq!(
        err.as_service_error().map(|e| e.to_string()).as_deref(),
        Some("NotFoundException: no such fleet")
    );
    let err = client.describe_game_sessions().send().await.unwrap_err();
    let unhandled = err.as_service_error().unwrap();
    assert!(matches!(unhandled, DescribeGameSessionsError::Unhandled(_)));
    assert_eq!(
        (unhandled.code(), unhandled.message()),
        (Some("BrandNewException"), Some("surprise"))
    );

    let transport = ScriptedTransport::new();
    let mut response = smithy_runtime::client::json_response(404, r#"{"Message": "gone"}"#);
    response.headers_mut().insert(
        "x-amzn-errortype",
        "ResourceNotFoundException:http://internal/"
            .parse()
            .unwrap(),
    );
    response
        .headers_mut()
        .insert("x-amzn-requestid", "req-1".parse().unwrap());
    transport.push_response(response);
    let client = gamesparks::client::Client::new(config(&transport));
    let err = client.get_game().game_name("g").send().await.unwrap_err();
    assert_eq!(err.request_id(), Some("req-1"));
    assert!(
        matches!(
            err.as_service_error(),
            Some(gamesparks::error::GetGameError::ResourceNotFoundException(
                _
            ))
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_input_built_elsewhere_can_be_sent() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"Game": {"Name": "g"}}"#);
    let client = gamesparks::client::Client::new(config(&transport));
    let input = gamesparks::types::GetGameRequest::builder()
        .game_name("g")
        .build()
        .unwrap();
    let output = client
        .clone()
        .send::<gamesparks::operation::GetGame>(input)
        .await
        .unwrap();
    assert_eq!(output.game.and_then(|g| g.name).as_deref(), Some("g"));
    assert_eq!(transport.requests()[0].uri().path(), "/game/g");
}
