//! Per-call client cost of `DescribeGameSessions` with a 100-session response.
//!
//! Each contender builds the request, signs it (SigV4), hands it to an in-memory transport that
//! replays one fixed `200` response, and parses that response into its output type:
//!
//! 1. `ours (awsJson1_1)`: the generated `gamelift` crate with its default protocol;
//! 2. `ours (rpcv2Cbor)`: the same client configured for rpcv2Cbor;
//! 3. `aws-sdk-gamelift (rpcv2Cbor)`: the official SDK, which speaks rpcv2Cbor, over
//!    `aws_smithy_http_client::test_util::infallible_client_fn`.
//!
//! Every call runs through `block_on` on the same tokio current-thread runtime. Before anything
//! is timed, each contender's request is checked (method, path, protocol headers, signature) and
//! its parsed output is compared with the fixture, so an error path cannot be measured by
//! accident. Then criterion measures each contender, and a final interleaved pass measures the
//! mean and median time per call with `std::time::Instant` and prints the ratios.
//!
//! Set `GAMELIFT_BENCH_SUMMARY_ONLY=1` to skip the criterion part, and
//! `GAMELIFT_BENCH_ONLY=<text>` to time only the contenders whose name contains it (for a
//! profiler).

use std::hint::black_box;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use criterion::Criterion;
use smithy_runtime::bytes::Bytes;
use smithy_runtime::client::{BoxFuture, HttpClient, TransportError};
use smithy_runtime::http;
use tokio::runtime::Runtime;

/// The response bodies, built once from one list of game sessions.
mod fixture {
    use ciborium::Value as Cbor;
    use smithy_runtime::bytes::Bytes;
    use smithy_runtime::http;
    use smithy_runtime::serde_json::{self, json, Value as Json};

    /// Number of game sessions in the response.
    pub const SESSIONS: usize = 100;

    /// The fleet every session belongs to.
    const FLEET_ID: &str = "fleet-1a2b3c4d-5678-90ab-cdef-1234567890ab";

    /// The response's pagination token.
    pub const NEXT_TOKEN: &str = "AAMA-EFRSURBSGlkbjR4bUx0cW1ZM0N2S0pGcHhPQTNiUHFiOWtXbFh4ZW5kLTI";

    /// The request ID every response carries.
    const REQUEST_ID: &str = "1b7f1c2a-6d8e-4f3a-9b0c-5e2d7a8f9c10";

    /// One `GameSession`, with the members that exist both in `models/gamelift.json` and in
    /// `aws_sdk_gamelift::types::GameSession` (so no `ComputeName`, which our model lacks).
    pub struct Session {
        /// `GameSessionId`: the session's ARN.
        pub game_session_id: String,
        /// `Name`.
        pub name: String,
        /// `FleetArn`.
        pub fleet_arn: String,
        /// `CreationTime`: whole epoch seconds.
        pub creation_secs: i64,
        /// `CreationTime`: milliseconds past `creation_secs`, never 0.
        pub creation_millis: u32,
        /// `CurrentPlayerSessionCount`.
        pub current_players: i32,
        /// `MaximumPlayerSessionCount`.
        pub max_players: i32,
        /// `GameProperties`: two key/value pairs.
        pub game_properties: [(&'static str, String); 2],
        /// `IpAddress`.
        pub ip_address: String,
        /// `DnsName`.
        pub dns_name: String,
        /// `Port`.
        pub port: i32,
        /// `CreatorId`.
        pub creator_id: String,
        /// `GameSessionData`.
        pub game_session_data: String,
        /// `MatchmakerData`: a JSON document as text.
        pub matchmaker_data: String,
    }

    impl Session {
        /// `CreationTime` as fractional epoch seconds (`1700000000.123`).
        pub fn creation_time(&self) -> f64 {
            self.creation_secs as f64 + f64::from(self.creation_millis) / 1000.0
        }
    }

    /// The 100 sessions of the response.
    pub fn sessions() -> Vec<Session> {
        (0..SESSIONS)
            .map(|i| {
                let n = u32::try_from(i).expect("fewer than 2^32 sessions");
                let octet = 10 + n;
                let player_id = format!("player-{:08x}", 0x5eed_0000_u32 + n * 7919);
                Session {
                    game_session_id: format!(
                        "arn:aws:gamelift:us-west-2::gamesession/{FLEET_ID}/gsess-{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
                        0x9c3e_0000_u32 + n * 104_729,
                        (n * 31) % 0x1_0000,
                        (n * 17) % 0x1000,
                        (n * 13) % 0x1000,
                        0x00ab_cdef_0000_u64 + u64::from(n) * 65_537,
                    ),
                    name: format!("ranked-duel-{i:03}"),
                    fleet_arn: format!(
                        "arn:aws:gamelift:us-west-2:123456789012:fleet/{FLEET_ID}"
                    ),
                    creation_secs: 1_700_000_000 + i64::from(n) * 61,
                    creation_millis: (123 + 37 * n) % 1000,
                    current_players: i32::try_from(n % 9).expect("small"),
                    max_players: 8 + i32::try_from(n % 3).expect("small") * 4,
                    game_properties: [
                        ("mode", if n % 2 == 0 { "ranked" } else { "casual" }.to_owned()),
                        ("map", format!("arena-{:02}", n % 12)),
                    ],
                    ip_address: format!("54.203.17.{octet}"),
                    dns_name: format!(
                        "ec2-54-203-17-{octet}.us-west-2.compute.amazonaws.com"
                    ),
                    port: 7777 + i32::try_from(n % 50).expect("small"),
                    creator_id: player_id.clone(),
                    game_session_data: format!("seed={};region=us-west-2;ruleset=v3", 4_000 + n),
                    matchmaker_data: format!(
                        r#"{{"matchId":"m-{n:06}","matchmakingConfigurationArn":"arn:aws:gamelift:us-west-2:123456789012:matchmakingconfiguration/ranked","teams":[{{"name":"red","players":[{{"playerId":"{player_id}","attributes":{{"skill":{{"attributeType":"NUMBER","valueAttribute":{}}}}}}}]}}]}}"#,
                        1_000 + n * 3,
                    ),
                }
            })
            .collect()
    }

    /// The awsJson1_1 body: timestamps as epoch-seconds numbers.
    pub fn json_body(sessions: &[Session]) -> Bytes {
        let sessions: Vec<Json> = sessions
            .iter()
            .map(|s| {
                json!({
                    "GameSessionId": s.game_session_id,
                    "Name": s.name,
                    "FleetId": FLEET_ID,
                    "FleetArn": s.fleet_arn,
                    "CreationTime": s.creation_time(),
                    "CurrentPlayerSessionCount": s.current_players,
                    "MaximumPlayerSessionCount": s.max_players,
                    "Status": "ACTIVE",
                    "GameProperties": s.game_properties.iter()
                        .map(|(key, value)| json!({ "Key": key, "Value": value }))
                        .collect::<Vec<_>>(),
                    "IpAddress": s.ip_address,
                    "DnsName": s.dns_name,
                    "Port": s.port,
                    "PlayerSessionCreationPolicy": "ACCEPT_ALL",
                    "CreatorId": s.creator_id,
                    "GameSessionData": s.game_session_data,
                    "MatchmakerData": s.matchmaker_data,
                    "Location": "us-west-2",
                })
            })
            .collect();
        let body = json!({ "GameSessions": sessions, "NextToken": NEXT_TOKEN });
        Bytes::from(serde_json::to_vec(&body).expect("JSON encodes"))
    }

    /// The rpcv2Cbor body: keys are member names, timestamps are tag 1 around a float64.
    pub fn cbor_body(sessions: &[Session]) -> Bytes {
        fn text(s: &str) -> Cbor {
            Cbor::Text(s.to_owned())
        }
        fn int(i: i32) -> Cbor {
            Cbor::Integer(i.into())
        }
        fn map(entries: Vec<(&str, Cbor)>) -> Cbor {
            Cbor::Map(entries.into_iter().map(|(k, v)| (text(k), v)).collect())
        }
        let sessions: Vec<Cbor> = sessions
            .iter()
            .map(|s| {
                map(vec![
                    ("GameSessionId", text(&s.game_session_id)),
                    ("Name", text(&s.name)),
                    ("FleetId", text(FLEET_ID)),
                    ("FleetArn", text(&s.fleet_arn)),
                    (
                        "CreationTime",
                        Cbor::Tag(1, Box::new(Cbor::Float(s.creation_time()))),
                    ),
                    ("CurrentPlayerSessionCount", int(s.current_players)),
                    ("MaximumPlayerSessionCount", int(s.max_players)),
                    ("Status", text("ACTIVE")),
                    (
                        "GameProperties",
                        Cbor::Array(
                            s.game_properties
                                .iter()
                                .map(|(key, value)| {
                                    map(vec![("Key", text(key)), ("Value", text(value))])
                                })
                                .collect(),
                        ),
                    ),
                    ("IpAddress", text(&s.ip_address)),
                    ("DnsName", text(&s.dns_name)),
                    ("Port", int(s.port)),
                    ("PlayerSessionCreationPolicy", text("ACCEPT_ALL")),
                    ("CreatorId", text(&s.creator_id)),
                    ("GameSessionData", text(&s.game_session_data)),
                    ("MatchmakerData", text(&s.matchmaker_data)),
                    ("Location", text("us-west-2")),
                ])
            })
            .collect();
        let body = map(vec![
            ("GameSessions", Cbor::Array(sessions)),
            ("NextToken", text(NEXT_TOKEN)),
        ]);
        let mut bytes = Vec::new();
        ciborium::into_writer(&body, &mut bytes).expect("CBOR encodes");
        // Every CreationTime must be tag 1 (0xc1) followed by a float64 (0xfb).
        let float64_timestamps = bytes.windows(2).filter(|w| *w == [0xc1, 0xfb]).count();
        assert_eq!(
            float64_timestamps, SESSIONS,
            "CreationTime is not tag 1 + float64"
        );
        Bytes::from(bytes)
    }

    /// The awsJson1_1 `200` response.
    pub fn json_response(body: Bytes) -> http::Response<Bytes> {
        http::Response::builder()
            .status(200)
            .header("content-type", "application/x-amz-json-1.1")
            .header("content-length", body.len())
            .header("x-amzn-requestid", REQUEST_ID)
            .body(body)
            .expect("valid response")
    }

    /// The rpcv2Cbor `200` response.
    pub fn cbor_response(body: Bytes) -> http::Response<Bytes> {
        http::Response::builder()
            .status(200)
            .header("content-type", "application/cbor")
            .header("smithy-protocol", "rpc-v2-cbor")
            .header("content-length", body.len())
            .header("x-amzn-requestid", REQUEST_ID)
            .body(body)
            .expect("valid response")
    }
}

/// What each contender reports about one parsed output, compared with the fixture before
/// timing (and computed on every timed call too, so that the output is really read).
#[derive(Debug)]
struct Digest {
    /// Number of game sessions.
    sessions: usize,
    /// The first session's `GameSessionId`.
    first_id: String,
    /// The first session's `CreationTime`: whole seconds.
    first_creation_secs: i64,
    /// The first session's `CreationTime`: milliseconds.
    first_creation_millis: u32,
    /// The last session's `Port`.
    last_port: i32,
    /// `NextToken`.
    next_token: String,
}

impl Digest {
    /// A digest that records only how many sessions were read (for the breakdown parts).
    fn of_sessions(sessions: usize) -> Self {
        Digest {
            sessions,
            first_id: String::new(),
            first_creation_secs: 0,
            first_creation_millis: 0,
            last_port: 0,
            next_token: String::new(),
        }
    }

    /// The digest every contender must produce.
    fn expected(sessions: &[fixture::Session]) -> Digest {
        let first = sessions.first().expect("sessions");
        Digest {
            sessions: sessions.len(),
            first_id: first.game_session_id.clone(),
            first_creation_secs: first.creation_secs,
            first_creation_millis: first.creation_millis,
            last_port: sessions.last().expect("sessions").port,
            next_token: fixture::NEXT_TOKEN.to_owned(),
        }
    }

    /// Panics unless `self` matches `expected`. The milliseconds of `CreationTime` may be one
    /// lower: a decoder that turns the float64 into nanoseconds by plain float arithmetic gets
    /// `1700000000.123` as `…122.99…` ms and truncates it (the SDK's `aws-smithy-cbor` does).
    fn check(&self, contender: &str, expected: &Digest) {
        assert_eq!(
            self.sessions, expected.sessions,
            "{contender}: number of game sessions"
        );
        assert_eq!(
            self.first_id, expected.first_id,
            "{contender}: first GameSessionId"
        );
        assert_eq!(
            self.first_creation_secs, expected.first_creation_secs,
            "{contender}: first CreationTime, seconds"
        );
        let millis_off = expected
            .first_creation_millis
            .abs_diff(self.first_creation_millis);
        assert!(
            millis_off <= 1,
            "{contender}: first CreationTime, milliseconds: {} instead of {}",
            self.first_creation_millis,
            expected.first_creation_millis
        );
        if millis_off != 0 {
            println!(
                "note: {contender} decodes the first CreationTime as {}.{:03} s (sent: {}.{:03} s)",
                self.first_creation_secs,
                self.first_creation_millis,
                expected.first_creation_secs,
                expected.first_creation_millis
            );
        }
        assert_eq!(self.last_port, expected.last_port, "{contender}: last Port");
        assert_eq!(
            self.next_token, expected.next_token,
            "{contender}: NextToken"
        );
    }
}

/// A transport for our client that answers every request with a clone of one response.
#[derive(Clone, Debug)]
struct Replay {
    /// The response every request gets.
    response: http::Response<Bytes>,
}

impl HttpClient for Replay {
    fn call(
        &self,
        _request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        Box::pin(std::future::ready(Ok(self.response.clone())))
    }
}

/// The method, path and headers of the last request a recording transport saw.
type Recorded = Arc<Mutex<Option<http::request::Parts>>>;

/// A [`Replay`] that also records each request's head; used once, to check the requests.
#[derive(Clone, Debug)]
struct RecordingReplay {
    /// Answers the requests.
    replay: Replay,
    /// The last request's head.
    last: Recorded,
}

impl HttpClient for RecordingReplay {
    fn call(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        let (parts, _body) = request.into_parts();
        *self.last.lock().expect("lock") = Some(parts);
        self.replay.call(http::Request::new(Bytes::new()))
    }
}

/// Our client's configuration, common to both of its protocols.
fn ours_config(transport: impl HttpClient + 'static) -> smithy_runtime::client::ConfigBuilder {
    smithy_runtime::client::Config::builder()
        .region("us-west-2")
        .credentials(smithy_runtime::client::Credentials::new("AKID", "SECRET"))
        .endpoint_url("http://localhost:1234")
        .http_client(transport)
}

/// Our generated client speaking awsJson1_1, its default protocol.
fn ours_json_client(transport: impl HttpClient + 'static) -> gamelift::client::Client {
    gamelift::client::Client::new(ours_config(transport).build())
}

/// Our generated client configured for rpcv2Cbor.
fn ours_cbor_client(transport: impl HttpClient + 'static) -> gamelift::client::Client {
    gamelift::client::Client::new(
        ours_config(transport)
            .protocol(&smithy_runtime::protocol::RpcV2Cbor)
            .build(),
    )
}

/// One call through our client, and the digest of its output.
fn ours_call(runtime: &Runtime, client: &gamelift::client::Client) -> Digest {
    let output = runtime
        .block_on(
            client
                .describe_game_sessions()
                .fleet_id("fleet-1")
                .limit(100)
                .send(),
        )
        .expect("our DescribeGameSessions call succeeds");
    let sessions = output.game_sessions.as_deref().unwrap_or_default();
    let first = sessions.first();
    let first_time = first.and_then(|s| s.creation_time);
    Digest {
        sessions: sessions.len(),
        first_id: first
            .and_then(|s| s.game_session_id.clone())
            .unwrap_or_default(),
        first_creation_secs: first_time.map_or(0, |t| t.secs()),
        first_creation_millis: first_time.map_or(0, |t| t.subsec_nanos() / 1_000_000),
        last_port: sessions.last().and_then(|s| s.port).unwrap_or_default(),
        next_token: output.next_token.unwrap_or_default(),
    }
}

/// The official SDK's client, over `http_client`.
fn sdk_client(http_client: aws_sdk_gamelift::config::SharedHttpClient) -> aws_sdk_gamelift::Client {
    use aws_sdk_gamelift::config::{BehaviorVersion, Credentials, Region};
    let config = aws_sdk_gamelift::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-west-2"))
        .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "bench"))
        .endpoint_url("http://localhost:1234")
        .http_client(http_client)
        .build();
    aws_sdk_gamelift::Client::from_conf(config)
}

/// The SDK's replaying client: every request gets a clone of `response`; `record`, if given,
/// receives each request's head.
fn sdk_replay(
    response: http::Response<Bytes>,
    record: Option<Recorded>,
) -> aws_sdk_gamelift::config::SharedHttpClient {
    match record {
        None => aws_smithy_http_client::test_util::infallible_client_fn(move |_request| {
            response.clone()
        }),
        Some(last) => aws_smithy_http_client::test_util::infallible_client_fn(move |request| {
            *last.lock().expect("lock") = Some(request.into_parts().0);
            response.clone()
        }),
    }
}

/// One call through the SDK, and the digest of its output.
fn sdk_call(runtime: &Runtime, client: &aws_sdk_gamelift::Client) -> Digest {
    let output = runtime
        .block_on(
            client
                .describe_game_sessions()
                .fleet_id("fleet-1")
                .limit(100)
                .send(),
        )
        .expect("the SDK's DescribeGameSessions call succeeds");
    let sessions = output.game_sessions();
    let first = sessions.first();
    let first_time = first.and_then(|s| s.creation_time());
    Digest {
        sessions: sessions.len(),
        first_id: first
            .and_then(|s| s.game_session_id())
            .unwrap_or_default()
            .to_owned(),
        first_creation_secs: first_time.map_or(0, |t| t.secs()),
        first_creation_millis: first_time.map_or(0, |t| t.subsec_nanos() / 1_000_000),
        last_port: sessions.last().and_then(|s| s.port()).unwrap_or_default(),
        next_token: output.next_token().unwrap_or_default().to_owned(),
    }
}

/// What a contender's request must look like.
struct ExpectedRequest {
    /// The request path.
    path: &'static str,
    /// Headers that must be present with these values.
    headers: &'static [(&'static str, &'static str)],
}

/// The awsJson1_1 request.
const JSON_REQUEST: ExpectedRequest = ExpectedRequest {
    path: "/",
    headers: &[
        ("content-type", "application/x-amz-json-1.1"),
        ("x-amz-target", "GameLift.DescribeGameSessions"),
    ],
};

/// The rpcv2Cbor request.
const CBOR_REQUEST: ExpectedRequest = ExpectedRequest {
    path: "/service/GameLift/operation/DescribeGameSessions",
    headers: &[
        ("content-type", "application/cbor"),
        ("smithy-protocol", "rpc-v2-cbor"),
    ],
};

/// Panics unless the recorded request is a signed `POST` to `expected`.
fn check_request(contender: &str, recorded: &Recorded, expected: &ExpectedRequest) {
    let parts = recorded
        .lock()
        .expect("lock")
        .take()
        .unwrap_or_else(|| panic!("{contender}: no request reached the transport"));
    assert_eq!(parts.method, http::Method::POST, "{contender}: method");
    assert_eq!(parts.uri.path(), expected.path, "{contender}: path");
    for (name, value) in expected.headers {
        let actual = parts.headers.get(*name).and_then(|v| v.to_str().ok());
        assert_eq!(actual, Some(*value), "{contender}: header {name}");
    }
    let authorization = parts
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(
        authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKID/"),
        "{contender}: not SigV4-signed: {authorization:?}"
    );
}

/// A contender: a name and one complete call.
struct Contender {
    /// The name printed in the results.
    name: &'static str,
    /// Builds the request, signs, sends, parses; returns the output's digest.
    call: Box<dyn Fn(&Runtime) -> Digest>,
}

/// Checks every contender's request and output, then returns the contenders to time.
fn contenders(runtime: &Runtime, sessions: &[fixture::Session]) -> Vec<Contender> {
    let expected = Digest::expected(sessions);
    let json = fixture::json_response(fixture::json_body(sessions));
    let cbor = fixture::cbor_response(fixture::cbor_body(sessions));
    println!(
        "response bodies: awsJson1_1 {} bytes, rpcv2Cbor {} bytes, {} game sessions",
        json.body().len(),
        cbor.body().len(),
        fixture::SESSIONS,
    );

    let mut contenders = Vec::new();

    let name = "ours (awsJson1_1)";
    let last = Recorded::default();
    let recording = RecordingReplay {
        replay: Replay {
            response: json.clone(),
        },
        last: last.clone(),
    };
    ours_call(runtime, &ours_json_client(recording)).check(name, &expected);
    check_request(name, &last, &JSON_REQUEST);
    let client = ours_json_client(Replay {
        response: json.clone(),
    });
    contenders.push(Contender {
        name,
        call: Box::new(move |runtime| ours_call(runtime, &client)),
    });

    {
        let name = "ours (rpcv2Cbor)";
        let last = Recorded::default();
        let recording = RecordingReplay {
            replay: Replay {
                response: cbor.clone(),
            },
            last: last.clone(),
        };
        ours_call(runtime, &ours_cbor_client(recording)).check(name, &expected);
        check_request(name, &last, &CBOR_REQUEST);
        let client = ours_cbor_client(Replay {
            response: cbor.clone(),
        });
        contenders.push(Contender {
            name,
            call: Box::new(move |runtime| ours_call(runtime, &client)),
        });
    }

    parts(&mut contenders, &json, &cbor);

    let name = "aws-sdk-gamelift (rpcv2Cbor)";
    let last = Recorded::default();
    let recording = sdk_client(sdk_replay(cbor.clone(), Some(last.clone())));
    sdk_call(runtime, &recording).check(name, &expected);
    check_request(name, &last, &CBOR_REQUEST);
    let client = sdk_client(sdk_replay(cbor, None));
    contenders.push(Contender {
        name,
        call: Box::new(move |runtime| sdk_call(runtime, &client)),
    });

    contenders
}

/// Where the time of a call goes: decoding the response body alone (our decoders), and whole
/// calls whose response is an empty output (the cost of everything but the body), for our
/// client and the SDK.
fn parts(
    contenders: &mut Vec<Contender>,
    json: &http::Response<Bytes>,
    cbor: &http::Response<Bytes>,
) {
    use smithy_runtime::protocol::{Decode, Slot};
    type Output = gamelift::types::DescribeGameSessionsOutput;

    let body = json.body().clone();
    contenders.push(Contender {
        name: "part: decode JSON body",
        call: Box::new(move |_| {
            let mut slot = Slot::<Output>::new();
            slot.decode_json(&body).expect("the JSON body decodes");
            Digest::of_sessions(
                slot.take()
                    .map_or(0, |o| o.game_sessions.map_or(0, |s| s.len())),
            )
        }),
    });
    let body = cbor.body().clone();
    contenders.push(Contender {
        name: "part: decode CBOR body",
        call: Box::new(move |_| {
            let mut slot = Slot::<Output>::new();
            slot.decode_cbor(&body).expect("the CBOR body decodes");
            Digest::of_sessions(
                slot.take()
                    .map_or(0, |o| o.game_sessions.map_or(0, |s| s.len())),
            )
        }),
    });
    let empty_json = fixture::json_response(Bytes::from_static(b"{}"));
    let client = ours_json_client(Replay {
        response: empty_json,
    });
    contenders.push(Contender {
        name: "part: ours, empty output",
        call: Box::new(move |runtime| ours_call(runtime, &client)),
    });
    let empty_cbor = fixture::cbor_response(Bytes::from_static(&[0xa0]));
    let client = sdk_client(sdk_replay(empty_cbor, None));
    contenders.push(Contender {
        name: "part: SDK, empty output",
        call: Box::new(move |runtime| sdk_call(runtime, &client)),
    });
}

/// Times each contender with criterion.
fn run_criterion(runtime: &Runtime, contenders: &[Contender]) {
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50)
        .configure_from_args();
    let mut group = criterion.benchmark_group("describe_game_sessions_100");
    for contender in contenders {
        group.bench_function(contender.name, |b| {
            b.iter(|| black_box((contender.call)(runtime)))
        });
    }
    group.finish();
    criterion.final_summary();
}

/// Time per call of one contender in the interleaved pass.
struct Timing {
    /// Total time divided by total calls, in nanoseconds.
    mean_ns: f64,
    /// Median over the batches of each batch's time per call, in nanoseconds.
    median_ns: f64,
    /// Fastest batch's time per call, in nanoseconds.
    min_ns: f64,
    /// Calls made.
    calls: u64,
}

/// The interleaved pass: each contender warms up, then the contenders take turns running
/// batches of about `batch_time`, `rounds` times, so that drift (frequency scaling, other
/// load) affects them alike.
fn measure(
    runtime: &Runtime,
    contenders: &[Contender],
    rounds: usize,
    batch_time: Duration,
) -> Vec<Timing> {
    let batch_sizes: Vec<u64> = contenders
        .iter()
        .map(|contender| {
            let warm_up = Duration::from_millis(500);
            let start = Instant::now();
            let mut calls = 0u64;
            while start.elapsed() < warm_up {
                black_box((contender.call)(runtime));
                calls += 1;
            }
            let per_call = start.elapsed().as_secs_f64() / calls as f64;
            ((batch_time.as_secs_f64() / per_call) as u64).max(1)
        })
        .collect();

    let mut batches: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); contenders.len()];
    for round in 0..rounds {
        for k in 0..contenders.len() {
            // Rotate who goes first in each round.
            let i = (round + k) % contenders.len();
            let calls = batch_sizes[i];
            let start = Instant::now();
            for _ in 0..calls {
                black_box((contenders[i].call)(runtime));
            }
            batches[i].push(start.elapsed().as_nanos() as f64 / calls as f64);
        }
    }

    batches
        .into_iter()
        .zip(&batch_sizes)
        .map(|(mut per_call, &calls)| {
            // Every batch of a contender has the same size, so the mean of batch means is the mean.
            let mean_ns = per_call.iter().sum::<f64>() / per_call.len() as f64;
            per_call.sort_by(f64::total_cmp);
            let mid = per_call.len() / 2;
            let median_ns = if per_call.len() % 2 == 0 {
                (per_call[mid - 1] + per_call[mid]) / 2.0
            } else {
                per_call[mid]
            };
            Timing {
                mean_ns,
                median_ns,
                min_ns: per_call[0],
                calls: calls * per_call.len() as u64,
            }
        })
        .collect()
}

/// Formats nanoseconds as microseconds.
fn micros(ns: f64) -> String {
    format!("{:>9.1} µs", ns / 1000.0)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let sessions = fixture::sessions();
    let mut contenders = contenders(&runtime, &sessions);
    // For profiling one contender: `GAMELIFT_BENCH_ONLY=awsJson` keeps the names containing it.
    if let Some(only) = std::env::var_os("GAMELIFT_BENCH_ONLY") {
        let only = only.to_string_lossy().into_owned();
        contenders.retain(|c| c.name.contains(&only));
    }
    println!(
        "checked: every contender sends a signed request of its protocol and parses {} sessions",
        fixture::SESSIONS
    );

    if std::env::var_os("GAMELIFT_BENCH_SUMMARY_ONLY").is_none() {
        run_criterion(&runtime, &contenders);
    }

    let rounds = 60;
    let timings = measure(&runtime, &contenders, rounds, Duration::from_millis(25));
    println!();
    println!("per call, interleaved pass ({rounds} rounds of ~25 ms batches per contender):");
    println!(
        "  {:<30} {:>12} {:>12} {:>12} {:>8}",
        "contender", "mean", "median", "min", "calls"
    );
    for (contender, timing) in contenders.iter().zip(&timings) {
        println!(
            "  {:<30} {} {} {} {:>8}",
            contender.name,
            micros(timing.mean_ns),
            micros(timing.median_ns),
            micros(timing.min_ns),
            timing.calls
        );
    }

    let timing = |name: &str| {
        contenders
            .iter()
            .zip(&timings)
            .find(|(c, _)| c.name == name)
            .map(|(_, t)| t)
    };
    let ratio = |slow: &Timing, fast: &Timing| {
        format!(
            "{:.2}x (medians: {:.2}x)",
            slow.mean_ns / fast.mean_ns,
            slow.median_ns / fast.median_ns
        )
    };
    let Some(sdk) = timing("aws-sdk-gamelift (rpcv2Cbor)") else {
        return;
    };
    println!();
    println!("ratios of mean time per call (above 1x: the right-hand side is faster):");
    for name in ["ours (awsJson1_1)", "ours (rpcv2Cbor)"] {
        if let Some(ours) = timing(name) {
            println!("  aws-sdk-gamelift / {name}: {}", ratio(sdk, ours));
        }
    }
    if let (Some(json), Some(cbor)) = (timing("ours (awsJson1_1)"), timing("ours (rpcv2Cbor)")) {
        println!(
            "  ours (rpcv2Cbor) / ours (awsJson1_1): {}",
            ratio(cbor, json)
        );
    }
}
