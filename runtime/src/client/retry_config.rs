//! Retry settings: [`RetryConfig`] (attempts, backoff, jitter, quota) and [`RetryMode`].

use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Retry settings: the AWS "standard" retries, optionally with the "adaptive" mode's
/// client-side rate limiter ([`RetryMode`]).
///
/// Before retry `i` (1 for the first retry) the client sleeps
/// `jitter * min(initial_backoff * 2^(i-1), max_backoff)`, with `jitter` in `[0, 1)` from
/// [`Jitter`]. Retries also draw on a retry quota shared by all calls of a
/// [`Handle`](super::Handle): 500 tokens, 5 per retry (10 after a timeout); a successful call
/// gives back what its retries took, or 1 token if it needed none; no tokens, no retry.
#[derive(Clone, Debug)]
pub struct RetryConfig {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    jitter: Jitter,
    quota: Option<u32>,
    mode: RetryMode,
}

impl RetryConfig {
    /// Up to 3 attempts, backoff from 1 s up to 20 s with full random jitter, a 500-token quota.
    pub fn standard() -> Self {
        RetryConfig {
            max_attempts: 3,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
            jitter: Jitter::random(),
            quota: Some(500),
            mode: RetryMode::Standard,
        }
    }

    /// The standard retries plus the adaptive mode's client-side rate limiter.
    pub fn adaptive() -> Self {
        RetryConfig::standard().mode(RetryMode::Adaptive)
    }

    /// Sets the retry mode.
    pub fn mode(mut self, mode: RetryMode) -> Self {
        self.mode = mode;
        self
    }

    /// The retry mode.
    pub fn retry_mode(&self) -> RetryMode {
        self.mode
    }

    /// A single attempt: nothing is retried.
    pub fn disabled() -> Self {
        RetryConfig::standard().max_attempts(1)
    }

    /// Sets the number of attempts, the first included (0 counts as 1).
    pub fn max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts.max(1);
        self
    }

    /// Sets the backoff before the first retry (before jitter).
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// Sets the cap on the backoff (before jitter).
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// Sets the jitter source (tests use [`Jitter::fixed`] or [`Jitter::seeded`]).
    pub fn jitter(mut self, jitter: Jitter) -> Self {
        self.jitter = jitter;
        self
    }

    /// Sets the retry quota's capacity in tokens (default 500).
    pub fn retry_quota(mut self, tokens: u32) -> Self {
        self.quota = Some(tokens);
        self
    }

    /// Turns the retry quota off: retries are limited by `max_attempts` only.
    pub fn without_retry_quota(mut self) -> Self {
        self.quota = None;
        self
    }

    /// The number of attempts, the first included.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The retry quota's capacity, if there is a quota.
    pub fn quota(&self) -> Option<u32> {
        self.quota
    }

    /// The sleep before retry `retry` (1 for the first retry), jitter drawn now.
    pub fn backoff(&self, retry: u32) -> Duration {
        let exponent = i32::try_from(retry.saturating_sub(1)).unwrap_or(i32::MAX);
        let uncapped = self.initial_backoff.as_secs_f64() * 2f64.powi(exponent);
        let capped = uncapped.min(self.max_backoff.as_secs_f64());
        Duration::try_from_secs_f64(capped * self.jitter.sample()).unwrap_or(self.max_backoff)
    }
}

impl Default for RetryConfig {
    fn default() -> Self {
        RetryConfig::standard()
    }
}

/// The random factor in `[0, 1)` that scales each retry backoff.
#[derive(Clone, Debug)]
pub struct Jitter(JitterKind);

#[derive(Clone, Debug)]
enum JitterKind {
    Random,
    Fixed(f64),
    Seeded(Arc<Mutex<fastrand::Rng>>),
}

impl Jitter {
    /// Uniformly random (the default).
    pub fn random() -> Self {
        Jitter(JitterKind::Random)
    }

    /// Always `factor`, clamped to `[0, 1]`; `Jitter::fixed(1.0)` means no jitter.
    pub fn fixed(factor: f64) -> Self {
        let factor = if factor.is_nan() {
            1.0
        } else {
            factor.clamp(0.0, 1.0)
        };
        Jitter(JitterKind::Fixed(factor))
    }

    /// Pseudo-random from `seed`: the same sequence every run. Clones share the sequence.
    pub fn seeded(seed: u64) -> Self {
        Jitter(JitterKind::Seeded(Arc::new(Mutex::new(
            fastrand::Rng::with_seed(seed),
        ))))
    }

    /// The next factor.
    pub fn sample(&self) -> f64 {
        match &self.0 {
            JitterKind::Random => fastrand::f64(),
            JitterKind::Fixed(factor) => *factor,
            JitterKind::Seeded(rng) => rng
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .f64(),
        }
    }
}

/// How failed attempts are retried.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryMode {
    /// Retries with exponential backoff and a retry quota.
    #[default]
    Standard,
    /// Standard retries, plus the AWS SDKs' client-side rate limiter: a token bucket that
    /// stays off until the service first throttles a request, then paces every attempt of
    /// the client at a rate that is cut at each throttle and grows back (CUBIC).
    Adaptive,
}

impl RetryMode {
    /// The mode named `name` (`standard` or `adaptive`, any case).
    pub(crate) fn parse(name: &str) -> Result<Self, &'static str> {
        match name.trim().to_ascii_lowercase().as_str() {
            "standard" => Ok(RetryMode::Standard),
            "adaptive" => Ok(RetryMode::Adaptive),
            "legacy" => Err("the legacy retry mode is not supported: use standard or adaptive"),
            _ => Err("expected standard or adaptive"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_by_name() {
        assert_eq!(RetryMode::parse("Standard"), Ok(RetryMode::Standard));
        assert_eq!(RetryMode::parse(" adaptive "), Ok(RetryMode::Adaptive));
        assert!(RetryMode::parse("legacy")
            .unwrap_err()
            .contains("not supported"));
        assert!(RetryMode::parse("fast").is_err());
    }
}
