//! Tracing of client calls: one `operation` span per call (service, operation, attempts, the
//! last status and request id, latency, and the error kind when it fails), one `attempt` span
//! per attempt (attempt number, status, request id, latency), and events for retries, client
//! rate limiting, credential refreshes and endpoint resolution. Nothing secret is recorded:
//! no credentials beyond their source, no input or output values.

use std::time::{Duration, Instant};

use tracing::field::Empty;
use tracing::Span;

use super::error::SdkError;

/// The span of one operation call.
pub(crate) fn operation_span(service: &str, operation: &str) -> Span {
    tracing::info_span!(
        "operation",
        service,
        operation,
        attempts = Empty,
        status = Empty,
        request_id = Empty,
        latency_ms = Empty,
        error = Empty,
    )
}

/// The span of one attempt.
pub(crate) fn attempt_span(attempt: u32) -> Span {
    tracing::debug_span!(
        "attempt",
        attempt,
        status = Empty,
        request_id = Empty,
        latency_ms = Empty,
    )
}

/// Records an attempt's answer on its span and on the operation span (the current one).
pub(crate) fn finish_attempt(
    span: &Span,
    status: Option<u16>,
    request_id: Option<&str>,
    started: Instant,
) {
    let latency = millis(started.elapsed());
    for span in [span, &Span::current()] {
        if let Some(status) = status {
            span.record("status", status);
        }
        if let Some(id) = request_id {
            span.record("request_id", id);
        }
    }
    span.record("latency_ms", latency);
}

/// Records how a call ended on its span.
pub(crate) fn finish_operation<T, E>(
    span: &Span,
    result: &Result<T, SdkError<E>>,
    attempts: u32,
    started: Instant,
) {
    span.record("attempts", attempts);
    span.record("latency_ms", millis(started.elapsed()));
    if let Err(error) = result {
        let kind = match error {
            SdkError::Construction(_) => "construction",
            SdkError::Timeout(_) => "timeout",
            SdkError::Transport(_) => "transport",
            SdkError::Response(_) => "response",
            SdkError::Service { .. } => "service",
        };
        span.record("error", kind);
    }
}

/// An attempt failed and will be retried after `backoff`.
pub(crate) fn retrying(attempt: u32, backoff: Duration, reason: &str) {
    tracing::info!(
        attempt,
        backoff_ms = millis(backoff),
        reason,
        "retrying after a failed attempt"
    );
}

/// The adaptive retry mode's rate limiter held an attempt back.
pub(crate) fn rate_limited(waited: Duration) {
    if !waited.is_zero() {
        tracing::debug!(waited_ms = millis(waited), "client-side rate limit");
    }
}

/// The endpoint a call goes to.
pub(crate) fn endpoint_resolved(endpoint: &http::Uri) {
    tracing::debug!(%endpoint, "endpoint resolved");
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
