//! Waiters through a scripted transport, under tokio's paused clock: acceptors and their
//! matchers and comparators, the backoff between polls, the deadline, and the errors that end
//! a wait.

mod client_support;

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::json;
use smithy_runtime::client::wait::{
    retry_delay, Acceptor, AcceptorState, Comparator, Final, Matcher, Wait, WaitError, Waiter,
};
use smithy_runtime::client::{
    ConstructionErrorKind, Handle, RetryConfig, ScriptedTransport, SdkError, TransportError,
};
use smithy_runtime::operation::ErrorDecoder;
use smithy_runtime::protocol::{
    Encode, ErrorBody, ErrorSpec, HttpSpec, OperationSpec, ServiceSpec,
};
use smithy_runtime::{
    BuildError, ErrorMetadata, Operation, OperationError, ServiceError, UnhandledError,
};
use tokio::time::Instant;

use client_support::{config, error_response, Timed, SERVICE};

// ---------------------------------------------------------------------------------------------
// A hand-written `DescribeThing` operation (what the generator would emit).

static DESCRIBE_THING_SPEC: OperationSpec = OperationSpec {
    name: "DescribeThing",
    http: HttpSpec {
        method: "POST",
        uri: "/",
        code: 200,
    },
    input: &[],
    output: &[],
    input_has_body: true,
    output_has_body: true,
    input_unit: false,
    output_unit: false,
    idempotency_token: None,
    host_prefix: None,
    checksum_required: false,
    gzip: false,
    errors: &[ErrorSpec {
        code: "ResourceNotFoundException",
        status: 400,
        retryable: false,
        throttling: false,
        members: &[],
        shape_id: "test#ResourceNotFoundException",
        query_error: None,
    }],
    validation: None,
};

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
struct DescribeThingInput {
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
struct DescribeThingOutput {
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    #[serde(rename = "Items", skip_serializing_if = "Option::is_none")]
    items: Option<Vec<Item>>,
    #[serde(rename = "Ready", skip_serializing_if = "Option::is_none")]
    ready: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
struct Item {
    #[serde(rename = "State", skip_serializing_if = "Option::is_none")]
    state: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct ResourceNotFoundException {
    #[serde(rename = "Message", alias = "message")]
    message: Option<String>,
}

#[derive(Debug)]
enum DescribeThingError {
    NotFound(ResourceNotFoundException),
    Unhandled(UnhandledError),
}

impl fmt::Display for DescribeThingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DescribeThingError::NotFound(e) => write!(
                f,
                "ResourceNotFoundException: {}",
                e.message.as_deref().unwrap_or("")
            ),
            DescribeThingError::Unhandled(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for DescribeThingError {}

impl ServiceError for DescribeThingError {
    fn code(&self) -> Option<&str> {
        match self {
            DescribeThingError::NotFound(_) => Some("ResourceNotFoundException"),
            DescribeThingError::Unhandled(e) => e.code(),
        }
    }

    fn message(&self) -> Option<&str> {
        match self {
            DescribeThingError::NotFound(e) => e.message.as_deref(),
            DescribeThingError::Unhandled(e) => e.message(),
        }
    }
}

impl OperationError for DescribeThingError {
    fn from_response(code: Option<&str>, body: ErrorBody, meta: ErrorMetadata) -> Self {
        let d = ErrorDecoder::new(body, meta);
        match code {
            Some("ResourceNotFoundException") => d.decode(DescribeThingError::NotFound),
            _ => d.unhandled(),
        }
    }

    fn to_members(&self) -> Option<&dyn Encode> {
        match self {
            DescribeThingError::NotFound(e) => Some(e),
            DescribeThingError::Unhandled(_) => None,
        }
    }

    fn as_unhandled(&self) -> Option<&UnhandledError> {
        match self {
            DescribeThingError::NotFound(_) => None,
            DescribeThingError::Unhandled(e) => Some(e),
        }
    }
}

impl From<UnhandledError> for DescribeThingError {
    fn from(error: UnhandledError) -> Self {
        DescribeThingError::Unhandled(error)
    }
}

struct DescribeThing;

impl Operation for DescribeThing {
    const NAME: &'static str = "DescribeThing";
    const SERVICE: &'static ServiceSpec = &SERVICE;
    const SPEC: &'static OperationSpec = &DESCRIBE_THING_SPEC;
    type Input = DescribeThingInput;
    type Output = DescribeThingOutput;
    type Error = DescribeThingError;
}

// ---------------------------------------------------------------------------------------------
// Helpers.

type Outcome =
    Result<Final<DescribeThingOutput, DescribeThingError>, WaitError<DescribeThingError>>;

fn input(name: &str) -> Result<DescribeThingInput, BuildError> {
    Ok(DescribeThingInput {
        name: Some(name.to_owned()),
    })
}

/// A handle without the orchestrator's own retries, so that every attempt of a wait is one
/// request.
fn handle(transport: &ScriptedTransport) -> Handle {
    let config = config(transport)
        .retry_config(RetryConfig::disabled())
        .build();
    Handle::new(config, &SERVICE)
}

/// A handle whose transport records the tokio instant of every request.
fn timed_handle(timed: &Timed) -> Handle {
    let config = config(&timed.inner)
        .http_client(timed.clone())
        .retry_config(RetryConfig::disabled())
        .build();
    Handle::new(config, &SERVICE)
}

async fn wait(transport: &ScriptedTransport, waiter: &'static Waiter, max_wait: u64) -> Outcome {
    Wait::<DescribeThing>::new(handle(transport), waiter)
        .wait(input("thing-1"), Duration::from_secs(max_wait))
        .await
}

fn push_status(transport: &ScriptedTransport, status: &str) {
    transport.push_json(200, json!({ "Status": status }).to_string());
}

fn push_items(transport: &ScriptedTransport, states: &[&str]) {
    let items: Vec<_> = states.iter().map(|s| json!({ "State": s })).collect();
    transport.push_json(200, json!({ "Items": items }).to_string());
}

fn push_error(transport: &ScriptedTransport, code: &str) {
    transport.push_response(error_response(400, code, "scripted error"));
}

fn output_status(outcome: Outcome) -> Option<String> {
    outcome
        .expect("the wait succeeds")
        .into_output()
        .expect("with an output")
        .status
}

const fn output(path: &'static str, comparator: Comparator, expected: &'static str) -> Matcher {
    Matcher::Output {
        path,
        expected,
        comparator,
    }
}

const fn acceptor(state: AcceptorState, matcher: Matcher) -> Acceptor {
    Acceptor { state, matcher }
}

use AcceptorState::{Failure, Retry, Success};
use Comparator::{AllStringEquals, AnyStringEquals, BooleanEquals, StringEquals};

/// `ThingReady`: success on `Status == READY`, failure on `FAILED`.
static THING_READY: Waiter = Waiter {
    name: "ThingReady",
    min_delay: 2,
    max_delay: 120,
    acceptors: &[
        acceptor(Success, output("Status", StringEquals, "READY")),
        acceptor(Failure, output("Status", StringEquals, "FAILED")),
        acceptor(Retry, Matcher::ErrorType("ResourceNotFoundException")),
    ],
};

/// Deterministic delays: `min_delay == max_delay == 5`.
static EVERY_FIVE: Waiter = Waiter {
    name: "EveryFive",
    min_delay: 5,
    max_delay: 5,
    acceptors: &[acceptor(Success, output("Status", StringEquals, "READY"))],
};

/// A waiter that never succeeds on the scripted responses, with the default delays.
static NEVER: Waiter = Waiter {
    name: "Never",
    min_delay: 2,
    max_delay: 120,
    acceptors: &[acceptor(Success, output("Status", StringEquals, "READY"))],
};

// ---------------------------------------------------------------------------------------------
// Success, failure, deadline.

#[tokio::test(start_paused = true)]
async fn succeeds_once_the_status_advances() {
    let transport = ScriptedTransport::new();
    push_status(&transport, "CREATING");
    push_status(&transport, "UPDATING");
    push_status(&transport, "READY");
    push_status(&transport, "DELETED");
    let outcome = wait(&transport, &THING_READY, 600).await;
    assert_eq!(output_status(outcome).as_deref(), Some("READY"));
    assert_eq!(transport.request_count(), 3);
    assert_eq!(transport.remaining(), 1);
    let requests = transport.requests();
    for request in &requests {
        assert_eq!(request.headers()["x-amz-target"], "GameLift.DescribeThing");
        assert_eq!(client_support::body_json(request)["Name"], "thing-1");
    }
}

#[tokio::test(start_paused = true)]
async fn succeeds_on_the_first_attempt_without_sleeping() {
    let transport = ScriptedTransport::new();
    push_status(&transport, "READY");
    let start = Instant::now();
    let outcome = wait(&transport, &THING_READY, 600).await;
    assert_eq!(output_status(outcome).as_deref(), Some("READY"));
    assert_eq!(start.elapsed(), Duration::ZERO);
    assert_eq!(transport.request_count(), 1);
}

static FLEET_ACTIVE: Waiter = Waiter {
    name: "FleetActive",
    min_delay: 2,
    max_delay: 120,
    acceptors: &[
        acceptor(Success, output("Items[].State", AllStringEquals, "ACTIVE")),
        acceptor(
            Failure,
            output("Items[].State", AnyStringEquals, "NOT_FOUND"),
        ),
        acceptor(Failure, output("Items[].State", AnyStringEquals, "ERROR")),
    ],
};

#[tokio::test(start_paused = true)]
async fn a_failure_acceptor_ends_the_wait_with_its_index_and_description() {
    let transport = ScriptedTransport::new();
    push_items(&transport, &["NEW", "NEW"]);
    push_items(&transport, &["ACTIVE", "ACTIVATING"]);
    push_items(&transport, &["ACTIVE", "ERROR"]);
    push_items(&transport, &["ACTIVE", "ACTIVE"]);
    let error = wait(&transport, &FLEET_ACTIVE, 600).await.unwrap_err();
    match &error {
        WaitError::Failed {
            waiter,
            acceptor,
            description,
            attempts,
        } => {
            assert_eq!(*waiter, "FleetActive");
            assert_eq!(*acceptor, 2);
            assert_eq!(
                description,
                "output path `Items[].State` anyStringEquals `ERROR`"
            );
            assert_eq!(*attempts, 3);
        }
        other => panic!("expected Failed, got {other:?}"),
    }
    assert_eq!(error.attempts(), 3);
    assert_eq!(error.waiter(), "FleetActive");
    assert_eq!(
        error.to_string(),
        "waiter `FleetActive` failed: acceptor 2 matched \
         (output path `Items[].State` anyStringEquals `ERROR`) after 3 attempts"
    );
    assert!(std::error::Error::source(&error).is_none());
    assert_eq!(transport.request_count(), 3);
    assert_eq!(transport.remaining(), 1);
}

#[tokio::test(start_paused = true)]
async fn times_out_with_the_last_poll_at_the_deadline() {
    let timed = Timed::new(ScriptedTransport::new());
    for _ in 0..10 {
        push_status(&timed.inner, "CREATING");
    }
    let start = Instant::now();
    let error = Wait::<DescribeThing>::new(timed_handle(&timed), &EVERY_FIVE)
        .wait(input("thing-1"), Duration::from_secs(20))
        .await
        .unwrap_err();
    // Polls at 0, 5 and 10 s; after 10 s only 10 s remain, and a 5 s delay would leave no
    // more than the minimum delay, so the last poll waits for the deadline itself.
    let at: Vec<Duration> = timed
        .times
        .lock()
        .unwrap()
        .iter()
        .map(|t| *t - start)
        .collect();
    assert_eq!(
        at,
        [0, 5, 10, 20].map(Duration::from_secs).to_vec(),
        "request times"
    );
    match &error {
        WaitError::TimedOut {
            waiter,
            attempts,
            waited,
        } => {
            assert_eq!(*waiter, "EveryFive");
            assert_eq!(*attempts, 4);
            assert_eq!(*waited, Duration::from_secs(20));
        }
        other => panic!("expected TimedOut, got {other:?}"),
    }
    assert_eq!(start.elapsed(), Duration::from_secs(20));
    assert_eq!(
        error.to_string(),
        "waiter `EveryFive` timed out after 4 attempts in 20s"
    );
    assert_eq!(timed.inner.remaining(), 6);
}

#[tokio::test(start_paused = true)]
async fn a_zero_max_wait_polls_once() {
    let transport = ScriptedTransport::new();
    push_status(&transport, "CREATING");
    push_status(&transport, "READY");
    let error = wait(&transport, &THING_READY, 0).await.unwrap_err();
    assert!(
        matches!(error, WaitError::TimedOut { attempts: 1, waited, .. } if waited == Duration::ZERO),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "waiter `ThingReady` timed out after 1 attempt in 0ns"
    );
    assert_eq!(transport.request_count(), 1);
}

/// `floor(log2(max / min) + 1)`, by counting doublings.
fn ceiling_of(attempt: u32, min: u64, max: u64) -> u64 {
    let mut delay = min;
    for _ in 1..attempt {
        delay = (delay * 2).min(max);
    }
    delay
}

#[tokio::test(start_paused = true)]
async fn delays_between_polls_follow_the_backoff_and_stop_at_the_deadline() {
    let max_wait = Duration::from_secs(300);
    // Each run draws its own jitter: repeat to see many draws.
    for run in 0..20 {
        let timed = Timed::new(ScriptedTransport::new());
        for _ in 0..200 {
            push_status(&timed.inner, "CREATING");
        }
        let start = Instant::now();
        let error = Wait::<DescribeThing>::new(timed_handle(&timed), &NEVER)
            .wait(input("thing-1"), max_wait)
            .await
            .unwrap_err();
        let times = timed.times.lock().unwrap().clone();
        let attempts = times.len();
        assert!(
            matches!(error, WaitError::TimedOut { attempts: a, waited, .. }
                if a as usize == attempts && waited == max_wait),
            "run {run}: {error:?}"
        );
        assert_eq!(times[0], start, "run {run}: the first poll is immediate");
        assert_eq!(
            *times.last().unwrap() - start,
            max_wait,
            "run {run}: the last poll is at the deadline"
        );
        // Every poll but the last leaves more than the minimum delay before the deadline,
        // after a delay within the bounds of its retry.
        let gaps = timed.gaps();
        let (last, earlier) = gaps.split_last().unwrap();
        for (index, gap) in earlier.iter().enumerate() {
            let retry = index as u32 + 1;
            let (min, ceiling) = (2, ceiling_of(retry, 2, 120));
            assert!(
                gap.subsec_nanos() == 0 && (min..=ceiling).contains(&gap.as_secs()),
                "run {run}: retry {retry} slept {gap:?}, outside [{min}s, {ceiling}s]"
            );
            let polled_at = times[index + 1] - start;
            assert!(
                max_wait - polled_at > Duration::from_secs(2),
                "run {run}: retry {retry} polled at {polled_at:?}, too close to the deadline"
            );
        }
        // The last delay runs to the deadline: at most what the jitter allowed plus the
        // minimum delay it would have left.
        let retry = gaps.len() as u32;
        assert!(
            last.as_secs() <= ceiling_of(retry, 2, 120) + 2,
            "run {run}: last delay {last:?}"
        );
        // At least 2, 4, ..., 64 s for the ramp and then 120 s per retry at most.
        assert!(
            (4..=150).contains(&attempts),
            "run {run}: {attempts} attempts"
        );
        assert_eq!(timed.inner.remaining(), 200 - attempts);
    }
}

// ---------------------------------------------------------------------------------------------
// Errors and the acceptors that see them.

static THING_DELETED: Waiter = Waiter {
    name: "ThingDeleted",
    min_delay: 2,
    max_delay: 120,
    acceptors: &[
        acceptor(Success, Matcher::ErrorType("ResourceNotFoundException")),
        acceptor(Retry, Matcher::ErrorType("com.example#ThrottledException")),
        acceptor(Failure, output("Status", StringEquals, "FAILED")),
    ],
};

#[tokio::test(start_paused = true)]
async fn error_type_as_success_returns_the_error() {
    let transport = ScriptedTransport::new();
    push_status(&transport, "DELETING");
    // An unmodelled code, matched by the name part of `com.example#ThrottledException`.
    push_error(&transport, "ThrottledException");
    push_error(&transport, "ResourceNotFoundException");
    push_status(&transport, "DELETING");
    let outcome = wait(&transport, &THING_DELETED, 600).await.unwrap();
    assert!(outcome.output().is_none());
    match outcome.error() {
        Some(DescribeThingError::NotFound(e)) => {
            assert_eq!(e.message.as_deref(), Some("scripted error"));
        }
        other => panic!("expected the not-found error, got {other:?}"),
    }
    assert!(outcome.into_output().is_none());
    assert_eq!(transport.request_count(), 3);
}

#[tokio::test(start_paused = true)]
async fn error_type_as_retry_polls_again() {
    let transport = ScriptedTransport::new();
    push_error(&transport, "ResourceNotFoundException");
    push_error(&transport, "ResourceNotFoundException");
    push_status(&transport, "CREATING");
    push_status(&transport, "READY");
    let outcome = wait(&transport, &THING_READY, 600).await;
    assert_eq!(output_status(outcome).as_deref(), Some("READY"));
    assert_eq!(transport.request_count(), 4);
}

#[tokio::test(start_paused = true)]
async fn an_unmatched_error_ends_the_wait() {
    let transport = ScriptedTransport::new();
    push_status(&transport, "CREATING");
    push_error(&transport, "AccessDeniedException");
    push_status(&transport, "READY");
    let error = wait(&transport, &THING_READY, 600).await.unwrap_err();
    match &error {
        WaitError::Operation {
            waiter,
            attempts,
            source,
        } => {
            assert_eq!(*waiter, "ThingReady");
            assert_eq!(*attempts, 2);
            assert_eq!(source.code(), Some("AccessDeniedException"));
            assert_eq!(source.status(), Some(400));
            assert_eq!(source.request_id(), Some("req-1234"));
        }
        other => panic!("expected Operation, got {other:?}"),
    }
    let message = error.to_string();
    assert!(
        message.starts_with("waiter `ThingReady` stopped on an error after 2 attempts: "),
        "{message}"
    );
    let source = std::error::Error::source(&error).expect("a source");
    assert!(source.is::<SdkError<DescribeThingError>>());
    assert_eq!(transport.request_count(), 2);
    assert_eq!(transport.remaining(), 1);
}

/// Retries every error and every output: only what ends waiting at once stops it.
static RETRY_EVERYTHING: Waiter = Waiter {
    name: "RetryEverything",
    min_delay: 2,
    max_delay: 120,
    acceptors: &[
        acceptor(Retry, Matcher::Success(false)),
        acceptor(Retry, Matcher::Success(true)),
    ],
};

#[tokio::test(start_paused = true)]
async fn a_transport_error_ends_the_wait_at_once() {
    let transport = ScriptedTransport::new();
    push_status(&transport, "CREATING");
    transport.push_error(TransportError::io("connection reset"));
    push_status(&transport, "READY");
    let error = wait(&transport, &RETRY_EVERYTHING, 600).await.unwrap_err();
    assert!(
        matches!(
            &error,
            WaitError::Operation {
                attempts: 2,
                source: SdkError::Transport(_),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with("waiter `RetryEverything` stopped on an error after 2 attempts: "),
        "{error}"
    );
    assert_eq!(transport.request_count(), 2);
}

#[tokio::test(start_paused = true)]
async fn an_unreadable_response_ends_the_wait_at_once() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"Status": 5"#);
    push_status(&transport, "READY");
    let error = wait(&transport, &RETRY_EVERYTHING, 600).await.unwrap_err();
    assert!(
        matches!(
            &error,
            WaitError::Operation {
                attempts: 1,
                source: SdkError::Response(_),
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(transport.request_count(), 1);
}

#[tokio::test(start_paused = true)]
async fn an_input_that_did_not_build_sends_nothing() {
    let transport = ScriptedTransport::new();
    push_status(&transport, "READY");
    let error = Wait::<DescribeThing>::new(handle(&transport), &THING_READY)
        .wait(
            Err(BuildError::missing("DescribeThingInput", vec!["name"])),
            Duration::from_secs(600),
        )
        .await
        .unwrap_err();
    match &error {
        WaitError::Operation {
            attempts: 0,
            source: SdkError::Construction(e),
            ..
        } => assert_eq!(e.kind(), ConstructionErrorKind::InvalidInput),
        other => panic!("expected a construction error, got {other:?}"),
    }
    assert!(
        error
            .to_string()
            .starts_with("waiter `ThingReady` stopped on an error before its first attempt: "),
        "{error}"
    );
    assert_eq!(error.attempts(), 0);
    assert_eq!(transport.request_count(), 0);
}

static ANY_ERROR_RETRIES: Waiter = Waiter {
    name: "AnyErrorRetries",
    min_delay: 2,
    max_delay: 120,
    acceptors: &[
        acceptor(Retry, Matcher::Success(false)),
        acceptor(Success, Matcher::Success(true)),
    ],
};

static ANY_ERROR_FAILS: Waiter = Waiter {
    name: "AnyErrorFails",
    min_delay: 2,
    max_delay: 120,
    acceptors: &[
        acceptor(Success, output("Status", StringEquals, "READY")),
        acceptor(Failure, Matcher::Success(false)),
    ],
};

static ANY_ERROR_SUCCEEDS: Waiter = Waiter {
    name: "AnyErrorSucceeds",
    min_delay: 2,
    max_delay: 120,
    acceptors: &[acceptor(Success, Matcher::Success(false))],
};

#[tokio::test(start_paused = true)]
async fn success_matchers() {
    // `success: false` retries errors, `success: true` accepts the first output.
    let transport = ScriptedTransport::new();
    push_error(&transport, "ResourceNotFoundException");
    push_error(&transport, "AccessDeniedException");
    push_status(&transport, "CREATING");
    push_status(&transport, "READY");
    let outcome = wait(&transport, &ANY_ERROR_RETRIES, 600).await;
    assert_eq!(output_status(outcome).as_deref(), Some("CREATING"));
    assert_eq!(transport.request_count(), 3);

    // `success: false` as a failure: outputs that match nothing poll again.
    let transport = ScriptedTransport::new();
    push_status(&transport, "CREATING");
    push_error(&transport, "AccessDeniedException");
    push_status(&transport, "READY");
    let error = wait(&transport, &ANY_ERROR_FAILS, 600).await.unwrap_err();
    assert!(
        matches!(&error, WaitError::Failed { acceptor: 1, attempts: 2, description, .. }
            if description == "success `false`"),
        "{error:?}"
    );
    assert_eq!(transport.request_count(), 2);

    // `success: false` as success: the error is the result; outputs poll again.
    let transport = ScriptedTransport::new();
    push_status(&transport, "READY");
    push_error(&transport, "AccessDeniedException");
    let outcome = wait(&transport, &ANY_ERROR_SUCCEEDS, 600).await.unwrap();
    let error = outcome.into_error().expect("an error");
    assert_eq!(error.code(), Some("AccessDeniedException"));
    assert_eq!(transport.request_count(), 2);
}

// ---------------------------------------------------------------------------------------------
// Comparators and paths.

static ALL_READY: Waiter = Waiter {
    name: "AllReady",
    min_delay: 1,
    max_delay: 4,
    acceptors: &[acceptor(
        Success,
        output("Items[].State", AllStringEquals, "READY"),
    )],
};

#[tokio::test(start_paused = true)]
async fn all_string_equals_needs_a_non_empty_array_of_expected_strings() {
    let transport = ScriptedTransport::new();
    push_items(&transport, &[]);
    transport.push_json(200, "{}"); // `Items[].State` is null
                                    // The projection drops the item without a state: `["READY"]` matches.
    transport.push_json(200, r#"{"Items": [{"State": "READY"}, {}]}"#);
    push_items(&transport, &["READY", "READY"]);
    let outcome = wait(&transport, &ALL_READY, 600).await.unwrap();
    let items = outcome.into_output().unwrap().items.unwrap();
    assert_eq!(
        items,
        [
            Item {
                state: Some("READY".to_owned())
            },
            Item::default()
        ]
    );
    assert_eq!(transport.request_count(), 3);

    let transport = ScriptedTransport::new();
    push_items(&transport, &["READY", "CREATING"]);
    push_items(&transport, &["READY"]);
    wait(&transport, &ALL_READY, 600).await.unwrap();
    assert_eq!(transport.request_count(), 2);
}

static ANY_READY: Waiter = Waiter {
    name: "AnyReady",
    min_delay: 1,
    max_delay: 4,
    acceptors: &[
        acceptor(Success, output("Items[].State", AnyStringEquals, "READY")),
        // The result is a string, not an array: never matches.
        acceptor(Failure, output("Status", AnyStringEquals, "FAILED")),
    ],
};

#[tokio::test(start_paused = true)]
async fn any_string_equals_needs_an_array_with_the_expected_string() {
    let transport = ScriptedTransport::new();
    push_items(&transport, &[]);
    push_items(&transport, &["CREATING", "FAILED"]);
    transport.push_json(200, r#"{"Status": "FAILED"}"#);
    push_items(&transport, &["CREATING", "READY"]);
    wait(&transport, &ANY_READY, 600).await.unwrap();
    assert_eq!(transport.request_count(), 4);
}

static STATUS_STRING: Waiter = Waiter {
    name: "StatusString",
    min_delay: 1,
    max_delay: 4,
    acceptors: &[
        acceptor(Success, output("Status", StringEquals, "READY")),
        // The result is an array of the expected string, not the string: never matches.
        acceptor(Failure, output("Items[].State", StringEquals, "READY")),
    ],
};

#[tokio::test(start_paused = true)]
async fn string_equals_needs_the_expected_string() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, "{}");
    push_items(&transport, &["READY"]);
    push_status(&transport, "ready");
    push_status(&transport, "READY");
    let outcome = wait(&transport, &STATUS_STRING, 600).await;
    assert_eq!(output_status(outcome).as_deref(), Some("READY"));
    assert_eq!(transport.request_count(), 4);
}

static BOOLEANS: Waiter = Waiter {
    name: "Booleans",
    min_delay: 1,
    max_delay: 4,
    acceptors: &[
        acceptor(Failure, output("Ready", BooleanEquals, "false")),
        acceptor(
            Success,
            output("length(Items) > `1`", BooleanEquals, "true"),
        ),
        // `length(null)` is an evaluation error: no match.
        acceptor(
            Failure,
            output("length(Status) == `0`", BooleanEquals, "false"),
        ),
    ],
};

#[tokio::test(start_paused = true)]
async fn boolean_equals_compares_booleans() {
    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"Ready": true, "Items": [{}]}"#);
    transport.push_json(200, r#"{"Items": [{}, {}]}"#);
    wait(&transport, &BOOLEANS, 600).await.unwrap();
    assert_eq!(transport.request_count(), 2);

    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"Ready": false, "Items": [{}, {}]}"#);
    let error = wait(&transport, &BOOLEANS, 600).await.unwrap_err();
    assert!(
        matches!(
            &error,
            WaitError::Failed {
                acceptor: 0,
                attempts: 1,
                ..
            }
        ),
        "{error:?}"
    );

    let transport = ScriptedTransport::new();
    transport.push_json(200, r#"{"Status": "X"}"#);
    let error = wait(&transport, &BOOLEANS, 600).await.unwrap_err();
    assert!(
        matches!(
            &error,
            WaitError::Failed {
                acceptor: 2,
                attempts: 1,
                ..
            }
        ),
        "{error:?}"
    );
}

static NAMED_STATUS: Waiter = Waiter {
    name: "NamedStatus",
    min_delay: 1,
    max_delay: 4,
    acceptors: &[
        acceptor(
            Success,
            Matcher::InputOutput {
                path: "output.Status == input.Name",
                expected: "true",
                comparator: BooleanEquals,
            },
        ),
        acceptor(
            Failure,
            Matcher::InputOutput {
                path: "output.Status",
                expected: "FAILED",
                comparator: StringEquals,
            },
        ),
    ],
};

#[tokio::test(start_paused = true)]
async fn input_output_paths_see_the_input_and_the_output() {
    let transport = ScriptedTransport::new();
    push_status(&transport, "READY");
    push_status(&transport, "thing-1");
    let outcome = wait(&transport, &NAMED_STATUS, 600).await;
    assert_eq!(output_status(outcome).as_deref(), Some("thing-1"));
    assert_eq!(transport.request_count(), 2);

    let transport = ScriptedTransport::new();
    push_status(&transport, "FAILED");
    let error = wait(&transport, &NAMED_STATUS, 600).await.unwrap_err();
    assert!(
        matches!(&error, WaitError::Failed { acceptor: 1, description, .. }
            if description == "input and output path `output.Status` stringEquals `FAILED`"),
        "{error:?}"
    );

    // Errors do not reach input/output matchers: unmatched, the error ends the wait.
    let transport = ScriptedTransport::new();
    push_error(&transport, "ResourceNotFoundException");
    let error = wait(&transport, &NAMED_STATUS, 600).await.unwrap_err();
    assert!(
        matches!(&error, WaitError::Operation { attempts: 1, .. }),
        "{error:?}"
    );
}

static UNPARSABLE: Waiter = Waiter {
    name: "Unparsable",
    min_delay: 1,
    max_delay: 1,
    acceptors: &[
        acceptor(Failure, output("Status ==", StringEquals, "READY")),
        acceptor(Success, output("Status", StringEquals, "READY")),
    ],
};

#[tokio::test(start_paused = true)]
async fn a_path_that_does_not_parse_never_matches() {
    let transport = ScriptedTransport::new();
    push_status(&transport, "READY");
    let outcome = wait(&transport, &UNPARSABLE, 10).await;
    assert_eq!(output_status(outcome).as_deref(), Some("READY"));
}

// ---------------------------------------------------------------------------------------------
// The builder-facing type.

#[tokio::test(start_paused = true)]
async fn wait_is_clone_debug_and_its_future_is_send() {
    fn assert_send<T: Send>(_: &T) {}
    let transport = ScriptedTransport::new();
    push_status(&transport, "READY");
    let waiter = Wait::<DescribeThing>::new(handle(&transport), &THING_READY);
    assert_eq!(waiter.waiter().name, "ThingReady");
    let debug = format!("{:?}", waiter.clone());
    assert!(
        debug.contains("ThingReady") && debug.contains("DescribeThing"),
        "{debug}"
    );
    let future = waiter.wait(input("thing-1"), Duration::from_secs(60));
    assert_send(&future);
    let outcome = tokio::spawn(future).await.unwrap();
    assert_eq!(output_status(outcome).as_deref(), Some("READY"));
}

// ---------------------------------------------------------------------------------------------
// `retry_delay`.

const HOUR: Duration = Duration::from_secs(3600);

#[test]
fn retry_delays_are_jittered_up_to_the_doubling_ceiling() {
    let mut rng = fastrand::Rng::with_seed(42);
    let ceilings = [2, 4, 8, 16, 32, 64, 120, 120];
    for (index, ceiling) in ceilings.into_iter().enumerate() {
        let attempt = index as u32 + 1;
        assert_eq!(ceiling_of(attempt, 2, 120), ceiling);
        let delays: Vec<u64> = (0..2000)
            .map(|_| {
                let delay = retry_delay(attempt, 2, 120, HOUR, &mut rng);
                assert_eq!(delay.subsec_nanos(), 0, "whole seconds");
                delay.as_secs()
            })
            .collect();
        // Inclusive on both ends: the minimum and the ceiling are both drawn.
        assert_eq!(delays.iter().min(), Some(&2), "attempt {attempt}");
        assert_eq!(delays.iter().max(), Some(&ceiling), "attempt {attempt}");
    }
    for attempt in [9, 50, 1000, u32::MAX] {
        let delay = retry_delay(attempt, 2, 120, HOUR, &mut rng);
        assert!((2..=120).contains(&delay.as_secs()), "{attempt}: {delay:?}");
    }
}

#[test]
fn retry_delay_is_cut_to_the_remaining_time() {
    let mut rng = fastrand::Rng::with_seed(7);
    let secs = Duration::from_secs;
    // More than the minimum delay would be left: the jittered delay.
    assert_eq!(retry_delay(1, 2, 120, secs(10), &mut rng), secs(2));
    assert_eq!(
        retry_delay(1, 2, 120, Duration::from_millis(4500), &mut rng),
        secs(2)
    );
    // Exactly the minimum delay would be left: wait for the deadline.
    assert_eq!(retry_delay(1, 2, 120, secs(4), &mut rng), secs(4));
    // Less than the delay remains: the remaining time, never more.
    assert_eq!(retry_delay(1, 2, 120, secs(1), &mut rng), secs(1));
    assert_eq!(retry_delay(3, 2, 120, secs(3), &mut rng), secs(3));
    assert_eq!(
        retry_delay(7, 2, 120, Duration::ZERO, &mut rng),
        Duration::ZERO
    );
    let odd = Duration::from_millis(1234);
    assert_eq!(retry_delay(2, 2, 120, odd, &mut rng), odd);
    // With jitter, the cut happens when `remaining - delay <= min`: retry 5 draws from
    // [2 s, 32 s]; with 20 s left, a draw of 18 s or more becomes the whole 20 s.
    let (mut cut, mut kept) = (0, 0);
    for _ in 0..1000 {
        let remaining = secs(20);
        let delay = retry_delay(5, 2, 120, remaining, &mut rng);
        if delay == remaining {
            cut += 1;
        } else {
            kept += 1;
            assert!((2..=17).contains(&delay.as_secs()), "{delay:?}");
        }
    }
    assert!(cut > 300 && kept > 300, "{cut} cut, {kept} kept");
    // Delays of 5 s with 10 s left: 5 s would be left, not more than 5: the whole 10 s.
    assert_eq!(retry_delay(1, 5, 5, secs(10), &mut rng), secs(10));
    assert_eq!(retry_delay(1, 5, 5, secs(11), &mut rng), secs(5));
}

#[test]
fn retry_delay_survives_out_of_model_delays() {
    let mut rng = fastrand::Rng::with_seed(1);
    // A zero minimum counts as one second rather than polling in a tight loop.
    assert_eq!(retry_delay(1, 0, 0, HOUR, &mut rng), Duration::from_secs(1));
    assert!(retry_delay(3, 0, 10, HOUR, &mut rng) >= Duration::from_secs(1));
    // A maximum below the minimum counts as the minimum.
    assert_eq!(
        retry_delay(4, 30, 10, HOUR, &mut rng),
        Duration::from_secs(30)
    );
    // Attempt 0 counts as the first retry.
    assert_eq!(
        retry_delay(0, 3, 100, HOUR, &mut rng),
        Duration::from_secs(3)
    );
    // No overflow on huge delays and attempts.
    let huge = Duration::from_secs(u64::MAX);
    for attempt in [1, 2, 63, 64, 65, u32::MAX] {
        let delay = retry_delay(attempt, 1 << 40, u64::MAX, huge, &mut rng);
        assert!(
            delay >= Duration::from_secs(1 << 40),
            "{attempt}: {delay:?}"
        );
    }
    assert_eq!(
        retry_delay(1, u64::MAX, u64::MAX, huge, &mut rng),
        huge,
        "min == remaining: cut"
    );
}

#[test]
fn retry_delay_is_deterministic_for_a_seed() {
    let draw = |seed| {
        let mut rng = fastrand::Rng::with_seed(seed);
        (1..=10)
            .map(|attempt| retry_delay(attempt, 2, 120, HOUR, &mut rng))
            .collect::<Vec<_>>()
    };
    assert_eq!(draw(3), draw(3));
    assert_ne!(draw(3), draw(4));
}
