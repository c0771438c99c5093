//! The pluggable sources of a [`Config`](super::Config): idempotency tokens and the wall
//! clock.

use std::fmt;
use std::time::SystemTime;

/// Makes the values of `@idempotencyToken` members that the caller left unset.
pub trait IdempotencyTokenProvider: Send + Sync + fmt::Debug {
    /// A fresh token.
    fn make_token(&self) -> String;
}

/// Random UUID v4 tokens (the default).
#[derive(Clone, Copy, Debug, Default)]
pub struct RandomUuidTokens;

impl IdempotencyTokenProvider for RandomUuidTokens {
    fn make_token(&self) -> String {
        uuid::Uuid::new_v4().to_string()
    }
}

/// The same token every time (for tests, feature `test-util`; the protocol tests expect
/// `00000000-0000-4000-8000-000000000000`).
#[cfg(feature = "test-util")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixedToken(String);

#[cfg(feature = "test-util")]
impl FixedToken {
    /// Always `token`.
    pub fn new(token: impl Into<String>) -> Self {
        FixedToken(token.into())
    }
}

#[cfg(feature = "test-util")]
impl IdempotencyTokenProvider for FixedToken {
    fn make_token(&self) -> String {
        self.0.clone()
    }
}

/// The wall clock that signatures are dated with.
///
/// Sleeps, timeouts and backoff do not use it: they follow tokio's clock
/// (`tokio::time`), so `#[tokio::test(start_paused = true)]` tests run without waiting.
pub trait TimeSource: Send + Sync + fmt::Debug {
    /// The current time.
    fn now(&self) -> SystemTime;
}

/// [`SystemTime::now`] (the default).
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl TimeSource for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock stopped at one instant (for tests, feature `test-util`).
#[cfg(feature = "test-util")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedTime(pub SystemTime);

#[cfg(feature = "test-util")]
impl TimeSource for FixedTime {
    fn now(&self) -> SystemTime {
        self.0
    }
}
