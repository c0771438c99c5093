//! The delay between attempts: [`retry_delay`].

use std::time::Duration;

/// The backoff delay before retry number `attempt` (1 for the first retry), with `remaining`
/// left before the deadline.
///
/// The formula of the Smithy waiter specification:
///
/// ```text
/// attemptCeiling = floor(ln(maxDelay / minDelay) / ln 2 + 1)
/// delay = attempt > attemptCeiling ? maxDelay : minDelay * 2^(attempt - 1)
/// delay = random integer seconds in [minDelay, delay]
/// if remaining - delay <= minDelay: delay = remaining
/// ```
///
/// The ceiling is computed exactly, in integers (the largest attempt whose doubled delay
/// stays within `max_delay`), so the delay never exceeds `max_delay`; `rng` gives the
/// jitter. The last cut makes the final attempt land on the deadline rather than leave less
/// than `min_delay` unused, and keeps every delay within `remaining`.
///
/// The model forbids a `min_delay` of 0 and a `max_delay` below it; here 0 counts as 1 second
/// (no polling in a tight loop) and a smaller `max_delay` as `min_delay`. An `attempt` of 0
/// counts as 1.
///
/// ```
/// # use std::time::Duration;
/// # use smithy_runtime::client::wait::retry_delay;
/// let mut rng = fastrand::Rng::with_seed(7);
/// let hour = Duration::from_secs(3600);
/// // The third retry: between 2 and 2 * 2^2 seconds.
/// let delay = retry_delay(3, 2, 120, hour, &mut rng);
/// assert!((2..=8).contains(&delay.as_secs()));
/// // Less than `min_delay` would be left after the delay: wait until the deadline instead.
/// let delay = retry_delay(1, 2, 120, Duration::from_secs(4), &mut rng);
/// assert_eq!(delay, Duration::from_secs(4));
/// ```
pub fn retry_delay(
    attempt: u32,
    min_delay: u64,
    max_delay: u64,
    remaining: Duration,
    rng: &mut fastrand::Rng,
) -> Duration {
    let min = min_delay.max(1);
    let max = max_delay.max(min);
    let attempt = attempt.max(1);
    let ceiling = if attempt > attempt_ceiling(min, max) {
        max
    } else {
        1u64.checked_shl(attempt - 1)
            .and_then(|factor| min.checked_mul(factor))
            .map_or(max, |delay| delay.min(max))
    };
    let delay = Duration::from_secs(rng.u64(min..=ceiling));
    if remaining.saturating_sub(delay) <= Duration::from_secs(min) {
        remaining
    } else {
        delay
    }
}

/// `floor(log2(max / min) + 1)` for `1 <= min <= max`: one more than the number of times
/// `min` can double without exceeding `max`.
pub(super) fn attempt_ceiling(min: u64, max: u64) -> u32 {
    let mut ceiling = 1;
    let mut delay = min;
    while let Some(doubled) = delay.checked_mul(2).filter(|&doubled| doubled <= max) {
        delay = doubled;
        ceiling += 1;
    }
    ceiling
}
