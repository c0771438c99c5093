//! Which failures are retried, and the retry quota.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::protocol::ErrorSpec;

/// Error codes that mean "throttled": always retried.
pub const THROTTLING_ERROR_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// HTTP statuses of transient server errors: always retried.
pub const TRANSIENT_STATUS_CODES: &[u16] = &[500, 502, 503, 504];

/// Why a failed attempt may be retried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RetryKind {
    /// A transient server or connection failure.
    Transient,
    /// The service throttled the request.
    Throttling,
    /// The attempt timed out.
    Timeout,
}

impl RetryKind {
    /// The retry quota tokens a retry of this kind costs.
    pub(crate) fn cost(self) -> u32 {
        match self {
            RetryKind::Timeout => 10,
            RetryKind::Transient | RetryKind::Throttling => 5,
        }
    }
}

/// Whether an error response (status and sanitized code) is retryable: throttling codes,
/// errors modeled `@retryable`, and statuses 500, 502, 503 and 504. Other errors (other 4xx
/// in particular) are not.
pub(crate) fn classify_error_response(
    status: u16,
    code: Option<&str>,
    modeled: &[ErrorSpec],
) -> Option<RetryKind> {
    if let Some(code) = code {
        if THROTTLING_ERROR_CODES.contains(&code) {
            return Some(RetryKind::Throttling);
        }
        if let Some(spec) = modeled.iter().find(|spec| spec.code == code) {
            if spec.throttling {
                return Some(RetryKind::Throttling);
            }
            if spec.retryable {
                return Some(RetryKind::Transient);
            }
        }
    }
    TRANSIENT_STATUS_CODES
        .contains(&status)
        .then_some(RetryKind::Transient)
}

/// The standard mode's retry quota: a token bucket shared by all calls of a handle.
#[derive(Debug)]
pub(crate) struct RetryQuota {
    capacity: u32,
    available: AtomicU32,
}

impl RetryQuota {
    pub(crate) fn new(capacity: u32) -> Self {
        RetryQuota {
            capacity,
            available: AtomicU32::new(capacity),
        }
    }

    /// Takes `cost` tokens if there are that many.
    pub(crate) fn try_acquire(&self, cost: u32) -> bool {
        self.available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| {
                available.checked_sub(cost)
            })
            .is_ok()
    }

    /// Gives back `amount` tokens, up to the capacity.
    pub(crate) fn release(&self, amount: u32) {
        let capacity = self.capacity;
        // The closure always returns Some, so this cannot fail.
        let _ = self
            .available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| {
                Some(available.saturating_add(amount).min(capacity))
            });
    }

    /// Tokens left.
    #[cfg(test)]
    pub(crate) fn available(&self) -> u32 {
        self.available.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ERRORS: &[ErrorSpec] = &[
        ErrorSpec {
            code: "ConflictException",
            status: 409,
            retryable: false,
            throttling: false,
            members: &[],
            shape_id: "test#ConflictException",
            query_error: None,
        },
        ErrorSpec {
            code: "InternalServiceException",
            status: 500,
            retryable: true,
            throttling: false,
            members: &[],
            shape_id: "test#InternalServiceException",
            query_error: None,
        },
        ErrorSpec {
            code: "Busy",
            status: 400,
            retryable: true,
            throttling: true,
            members: &[],
            shape_id: "test#Busy",
            query_error: None,
        },
    ];

    #[test]
    fn classification() {
        assert_eq!(
            classify_error_response(400, Some("ThrottlingException"), ERRORS),
            Some(RetryKind::Throttling)
        );
        assert_eq!(
            classify_error_response(400, Some("SlowDown"), &[]),
            Some(RetryKind::Throttling)
        );
        assert_eq!(
            classify_error_response(400, Some("Busy"), ERRORS),
            Some(RetryKind::Throttling)
        );
        assert_eq!(
            classify_error_response(500, Some("InternalServiceException"), ERRORS),
            Some(RetryKind::Transient)
        );
        assert_eq!(
            classify_error_response(503, None, ERRORS),
            Some(RetryKind::Transient)
        );
        assert_eq!(
            classify_error_response(502, Some("Whatever"), ERRORS),
            Some(RetryKind::Transient)
        );
        assert_eq!(
            classify_error_response(409, Some("ConflictException"), ERRORS),
            None
        );
        assert_eq!(
            classify_error_response(400, Some("ValidationException"), ERRORS),
            None
        );
        assert_eq!(classify_error_response(429, None, ERRORS), None);
        assert_eq!(classify_error_response(501, None, ERRORS), None);
    }

    #[test]
    fn quota_acquire_and_release() {
        let quota = RetryQuota::new(12);
        assert!(quota.try_acquire(5));
        assert!(quota.try_acquire(5));
        assert!(!quota.try_acquire(5));
        assert_eq!(quota.available(), 2);
        quota.release(5);
        assert_eq!(quota.available(), 7);
        quota.release(100);
        assert_eq!(quota.available(), 12);
    }
}
