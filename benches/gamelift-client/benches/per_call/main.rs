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
mod fixture;

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

    let cbor_protocol: &'static dyn smithy_runtime::protocol::Protocol =
        &smithy_runtime::protocol::RpcV2Cbor;
    let ours = [
        ("ours (awsJson1_1)", None, &json, &JSON_REQUEST),
        (
            "ours (rpcv2Cbor)",
            Some(cbor_protocol),
            &cbor,
            &CBOR_REQUEST,
        ),
    ];
    for (name, protocol, response, request) in ours {
        let last = Recorded::default();
        let recording = RecordingReplay {
            replay: Replay {
                response: response.clone(),
            },
            last: last.clone(),
        };
        ours_call(runtime, &ours_client(recording, protocol)).check(name, &expected);
        check_request(name, &last, request);
        let replay = Replay {
            response: response.clone(),
        };
        let client = ours_client(replay, protocol);
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
    let client = ours_client(
        Replay {
            response: empty_json,
        },
        None,
    );
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
