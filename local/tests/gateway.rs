//! The gateway: both services on one endpoint, routed by protocol and by SigV4 scope; the
//! access log; `--require-auth`'s signature checks answering each service's documented
//! authentication error in the protocol the request came in.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use bytes::Bytes;
use local_services::{Gateway, Keys, Local, Settings};
use smithy_runtime::client::{Config, Credentials, HttpClient};
use smithy_runtime::protocol::{Protocol, RpcV2Cbor};

type Seen = Arc<Mutex<Vec<(String, Option<String>, u16)>>>;

fn logged(gateway: Gateway) -> (Gateway, Seen) {
    let seen: Seen = Arc::default();
    let sink = Arc::clone(&seen);
    let gateway = gateway.access_log(move |access| {
        let line = (
            access.service.to_owned(),
            access.operation.map(str::to_owned),
            access.status,
        );
        sink.lock().unwrap().push(line);
        assert!(access.to_string().starts_with(access.service), "{access}");
    });
    (gateway, seen)
}

fn config(gateway: &Gateway, secret: &str, protocol: Option<&'static dyn Protocol>) -> Config {
    let mut builder = Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", secret))
        .http_client(gateway.clone());
    if let Some(protocol) = protocol {
        builder = builder.protocol(protocol);
    }
    builder.build()
}

fn local() -> Local {
    Local::new(Settings::default()).unwrap()
}

#[tokio::test]
async fn each_protocol_reaches_its_service() {
    let (gateway, seen) = logged(local().gateway());
    let json = gamelift_api::client::Client::new(config(&gateway, "SECRET", None));
    let cbor = gamelift_api::client::Client::new(config(&gateway, "SECRET", Some(&RpcV2Cbor)));
    let sparks = gamesparks_api::client::Client::new(config(&gateway, "SECRET", None));
    let _ = json.describe_fleet_attributes().send().await;
    let _ = cbor.describe_matchmaking().ticket_ids("t").send().await;
    let _ = sparks.list_games().send().await;
    let seen: Vec<(String, Option<String>)> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|(s, o, _)| (s.clone(), o.clone()))
        .collect();
    let expected = [
        ("GameLift", "DescribeFleetAttributes"),
        ("GameLift", "DescribeMatchmaking"),
        ("GameSparks", "ListGames"),
    ]
    .map(|(s, o)| (s.to_owned(), Some(o.to_owned())));
    assert_eq!(seen, expected);
}

fn raw(path: &str, scope: Option<&str>) -> http::Request<Bytes> {
    let mut request = http::Request::builder().method("GET").uri(path);
    if let Some(service) = scope {
        request = request.header(
            "authorization",
            format!("AWS4-HMAC-SHA256 Credential=AKID/20261201/us-west-2/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00"),
        );
    }
    request.body(Bytes::new()).unwrap()
}

#[tokio::test]
async fn the_credential_scope_decides_a_request_no_operation_claims() {
    let (gateway, seen) = logged(local().gateway());
    let unscoped = gateway.handle(raw("/no/such/route", None)).await;
    let for_gamelift = gateway
        .handle(raw("/no/such/route", Some("gamelift")))
        .await;
    let for_gamesparks = gateway
        .handle(raw("/no/such/route", Some("gamesparks")))
        .await;
    let services: Vec<String> = seen.lock().unwrap().iter().map(|l| l.0.clone()).collect();
    assert_eq!(services, ["GameSparks", "GameLift", "GameSparks"]);
    for response in [&unscoped, &for_gamelift, &for_gamesparks] {
        assert!(
            response.status().is_client_error(),
            "{:?}",
            response.status()
        );
    }
    // GameLift answers in its default protocol, awsJson1_1: the code is in `__type`.
    let body: serde_json::Value = serde_json::from_slice(for_gamelift.body()).unwrap();
    assert!(body.get("__type").is_some(), "{body}");
}

#[tokio::test]
async fn require_auth_checks_signatures_and_answers_the_documented_errors() {
    let gateway = local()
        .gateway()
        .require_auth(Keys::new().with("AKID", "SECRET"));
    let (gateway, seen) = logged(gateway);

    let good = gamelift_api::client::Client::new(config(&gateway, "SECRET", None));
    let answer = good.describe_fleet_attributes().send().await;
    if let Err(error) = &answer {
        assert_ne!(error.code(), Some("UnauthorizedException"), "{error:?}");
    }
    for protocol in [None, Some(&RpcV2Cbor as &'static dyn Protocol)] {
        let bad = gamelift_api::client::Client::new(config(&gateway, "WRONG", protocol));
        let error = bad.describe_fleet_attributes().send().await.unwrap_err();
        assert_eq!(error.code(), Some("UnauthorizedException"), "{error:?}");
        assert_eq!(error.status(), Some(400));
    }
    let sparks = gamesparks_api::client::Client::new(config(&gateway, "WRONG", None));
    let error = sparks.list_games().send().await.unwrap_err();
    assert_eq!(error.code(), Some("AccessDeniedException"), "{error:?}");
    assert_eq!(error.status(), Some(403));

    let unsigned = gateway.call(raw("/game", None)).await.unwrap();
    assert_eq!(unsigned.status(), 403);
    let message = String::from_utf8_lossy(unsigned.body()).into_owned();
    assert!(message.contains("not signed"), "{message}");

    let statuses: Vec<u16> = seen.lock().unwrap().iter().map(|l| l.2).collect();
    assert_eq!(&statuses[1..], [400, 400, 403, 403]);
}

#[tokio::test]
async fn over_a_socket_a_body_past_the_limit_is_413_in_the_services_protocol() {
    let gateway = local().gateway();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(smithy_runtime::server::serve(
        gateway,
        listener,
        std::future::pending(),
    ));
    let config = Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET"))
        .endpoint_url(&url)
        .retry_config(smithy_runtime::client::RetryConfig::disabled())
        .build();
    let sparks = gamesparks_api::client::Client::new(config);
    sparks.create_game().game_name("big").send().await.unwrap();
    let file = vec![b' '; smithy_runtime::server::DEFAULT_BODY_LIMIT + 1];
    let error = sparks
        .import_game_configuration()
        .game_name("big")
        .import_source(
            gamesparks_api::types::ImportGameConfigurationSource::builder()
                .file(smithy_runtime::Blob::new(file))
                .build()
                .expect("every required member is set"),
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(413), "{error:?}");
    server.abort();
}
