//! Waiters through a scripted transport, under tokio's paused clock: success, failure and
//! the deadline, the backoff between polls, and the errors that end a wait. Comparators and
//! paths are in `client_waiter_matchers.rs`, the delay formula in `client_waiter_backoff.rs`.

mod client_support;
mod waiter_support;

use std::time::Duration;

use smithy_runtime::client::wait::{AcceptorState, Comparator, Matcher, Wait, WaitError, Waiter};
use smithy_runtime::client::{ConstructionErrorKind, ScriptedTransport, SdkError, TransportError};
use smithy_runtime::{BuildError, ServiceError};
use tokio::time::Instant;

use client_support::Timed;
use waiter_support::*;

use AcceptorState::{Failure, Retry, Success};
use Comparator::{AllStringEquals, AnyStringEquals, StringEquals};

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
