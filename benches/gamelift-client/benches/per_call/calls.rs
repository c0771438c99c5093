//! The contenders: our client on both protocols and the SDK, each over a replaying transport,
//! checked once before anything is timed; and the parts that split a call in two.

use std::sync::{Arc, Mutex};

use smithy_runtime::bytes::Bytes;
use smithy_runtime::client::{BoxFuture, HttpClient, TransportError};
use smithy_runtime::http;
use tokio::runtime::Runtime;

use crate::fixture;

/// The pairs whose ratios the passes print: (the SDK's contender, ours) for each response size
/// and each of our protocols.
pub fn comparisons() -> Vec<(String, String)> {
    [fixture::SESSIONS, 1]
        .into_iter()
        .flat_map(|sessions| {
            ["awsJson1_1", "rpcv2Cbor"]
                .map(|protocol| (sdk_name(sessions), ours_name(protocol, sessions)))
        })
        .collect()
}

/// A contender: a name and one complete call.
pub struct Contender {
    /// The name printed in the results.
    pub name: String,
    /// Builds the request, signs, sends, parses; returns the output's digest.
    pub call: Box<dyn Fn(&Runtime) -> Digest>,
}

/// The name of our client on `protocol` (`awsJson1_1`, `rpcv2Cbor`) at `sessions` sessions.
pub fn ours_name(protocol: &str, sessions: usize) -> String {
    format!("ours ({protocol}){}", size_suffix(sessions))
}

/// The name of the SDK's client at `sessions` sessions.
pub fn sdk_name(sessions: usize) -> String {
    format!("aws-sdk-gamelift (rpcv2Cbor){}", size_suffix(sessions))
}

/// Nothing for the large response, `, 1 session` for the small one.
fn size_suffix(sessions: usize) -> String {
    match sessions {
        fixture::SESSIONS => String::new(),
        1 => ", 1 session".to_owned(),
        n => format!(", {n} sessions"),
    }
}

/// What each contender reports about one parsed output, compared with the fixture before
/// timing (and computed on every timed call too, so that the output is really read).
#[derive(Debug)]
pub struct Digest {
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
    pub fn of_sessions(sessions: usize) -> Self {
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

/// Our generated client: awsJson1_1 (its default protocol) when `protocol` is `None`.
fn ours_client(
    transport: impl HttpClient + 'static,
    protocol: Option<&'static dyn smithy_runtime::protocol::Protocol>,
) -> gamelift::client::Client {
    let config = ours_config(transport);
    let config = match protocol {
        Some(protocol) => config.protocol(protocol),
        None => config,
    };
    gamelift::client::Client::new(config.build())
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

/// Checks each contender's request and output on a response of `sessions`, then returns the
/// contenders to time: ours on awsJson1_1, ours on rpcv2Cbor, the SDK.
pub fn contenders(runtime: &Runtime, sessions: &[fixture::Session]) -> Vec<Contender> {
    let expected = Digest::expected(sessions);
    let json = fixture::json_response(fixture::json_body(sessions));
    let cbor = fixture::cbor_response(fixture::cbor_body(sessions));
    println!(
        "response bodies: awsJson1_1 {} bytes, rpcv2Cbor {} bytes, {} game sessions",
        json.body().len(),
        cbor.body().len(),
        sessions.len(),
    );

    let mut contenders = Vec::new();
    let cbor_protocol: &'static dyn smithy_runtime::protocol::Protocol =
        &smithy_runtime::protocol::RpcV2Cbor;
    let ours = [
        ("awsJson1_1", None, &json, &JSON_REQUEST),
        ("rpcv2Cbor", Some(cbor_protocol), &cbor, &CBOR_REQUEST),
    ];
    for (protocol_name, protocol, response, request) in ours {
        let name = ours_name(protocol_name, sessions.len());
        let last = Recorded::default();
        let recording = RecordingReplay {
            replay: Replay {
                response: response.clone(),
            },
            last: last.clone(),
        };
        ours_call(runtime, &ours_client(recording, protocol)).check(&name, &expected);
        check_request(&name, &last, request);
        let replay = Replay {
            response: response.clone(),
        };
        let client = ours_client(replay, protocol);
        contenders.push(Contender {
            name,
            call: Box::new(move |runtime| ours_call(runtime, &client)),
        });
    }

    let name = sdk_name(sessions.len());
    let last = Recorded::default();
    let recording = sdk_client(sdk_replay(cbor.clone(), Some(last.clone())));
    sdk_call(runtime, &recording).check(&name, &expected);
    check_request(&name, &last, &CBOR_REQUEST);
    let client = sdk_client(sdk_replay(cbor, None));
    contenders.push(Contender {
        name,
        call: Box::new(move |runtime| sdk_call(runtime, &client)),
    });
    contenders
}

/// Where the time of a call goes: decoding the response body of `sessions` alone (our
/// decoders), and whole calls whose response is an empty output (the cost of everything but
/// the body), for our client and the SDK.
pub fn parts(sessions: &[fixture::Session]) -> Vec<Contender> {
    use smithy_runtime::protocol::{Decode, Slot};
    type Output = gamelift::types::DescribeGameSessionsOutput;

    /// The digest of a decoded output: how many sessions it holds.
    fn decoded(slot: Slot<Output>) -> Digest {
        Digest::of_sessions(
            slot.take()
                .map_or(0, |o| o.game_sessions.map_or(0, |s| s.len())),
        )
    }

    let mut parts = Vec::new();
    let body = fixture::json_body(sessions);
    parts.push(Contender {
        name: "part: decode JSON body".to_owned(),
        call: Box::new(move |_| {
            let mut slot = Slot::<Output>::new();
            slot.decode_json(&body).expect("the JSON body decodes");
            decoded(slot)
        }),
    });
    let body = fixture::cbor_body(sessions);
    parts.push(Contender {
        name: "part: decode CBOR body".to_owned(),
        call: Box::new(move |_| {
            let mut slot = Slot::<Output>::new();
            slot.decode_cbor(&body).expect("the CBOR body decodes");
            decoded(slot)
        }),
    });
    let empty_json = fixture::json_response(Bytes::from_static(b"{}"));
    let client = ours_client(
        Replay {
            response: empty_json,
        },
        None,
    );
    parts.push(Contender {
        name: "part: ours, empty output".to_owned(),
        call: Box::new(move |runtime| ours_call(runtime, &client)),
    });
    let empty_cbor = fixture::cbor_response(Bytes::from_static(&[0xa0]));
    let client = sdk_client(sdk_replay(empty_cbor, None));
    parts.push(Contender {
        name: "part: SDK, empty output".to_owned(),
        call: Box::new(move |runtime| sdk_call(runtime, &client)),
    });
    parts
}

/// Every contender: the calls on the large response, the calls on the one-session response,
/// then the parts of the large call.
pub fn all(runtime: &Runtime) -> Vec<Contender> {
    let sessions = fixture::sessions();
    let mut all = contenders(runtime, &sessions);
    all.extend(contenders(runtime, &sessions[..1]));
    all.extend(parts(&sessions));
    all
}
