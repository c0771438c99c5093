//! The adaptive retry mode's client-side rate limiter, as the AWS SDKs' retry behaviour
//! specification describes it.
//!
//! A token bucket that stays off until the service first throttles a request. From then on
//! every attempt takes a token, and the bucket's fill rate follows a CUBIC curve: cut to 70%
//! of the measured send rate at each throttle, then grown back towards (and past) the rate
//! that was throttled.

use std::sync::Mutex;

use tokio::time::Instant;

/// The factor a throttle cuts the rate by.
const BETA: f64 = 0.7;
/// How fast the rate grows back.
const SCALE_CONSTANT: f64 = 0.4;
/// The weight of the newest measurement in the smoothed send rate.
const SMOOTH: f64 = 0.8;
/// The lowest fill rate, in requests per second.
const MIN_FILL_RATE: f64 = 0.5;
/// The smallest bucket.
const MIN_CAPACITY: f64 = 1.0;

/// The adaptive mode's rate limiter, shared by all calls of a client.
#[derive(Debug)]
pub(crate) struct ClientRateLimiter {
    start: Instant,
    state: Mutex<Bucket>,
}

#[derive(Debug, Default)]
struct Bucket {
    enabled: bool,
    fill_rate: f64,
    max_capacity: f64,
    current_capacity: f64,
    last_refill: Option<f64>,
    measured_rate: f64,
    last_rate_bucket: f64,
    request_count: f64,
    last_max_rate: f64,
    last_throttle: f64,
    time_window: f64,
}

impl ClientRateLimiter {
    /// A limiter that lets everything through until the first throttle.
    pub(crate) fn new() -> Self {
        ClientRateLimiter {
            start: Instant::now(),
            state: Mutex::new(Bucket::default()),
        }
    }

    fn now(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    fn bucket(&self) -> std::sync::MutexGuard<'_, Bucket> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Waits until the bucket has a token for one more attempt, and takes it.
    pub(crate) async fn acquire(&self) {
        loop {
            let wait = {
                let now = self.now();
                let mut bucket = self.bucket();
                if !bucket.enabled {
                    return;
                }
                bucket.refill(now);
                if bucket.current_capacity >= 1.0 {
                    bucket.current_capacity -= 1.0;
                    return;
                }
                (1.0 - bucket.current_capacity) / bucket.fill_rate
            };
            tokio::time::sleep(std::time::Duration::from_secs_f64(wait)).await;
        }
    }

    /// Records the outcome of an attempt: `throttled` when the service throttled it.
    pub(crate) fn update(&self, throttled: bool) {
        let now = self.now();
        let mut bucket = self.bucket();
        bucket.measure(now);
        let rate = if throttled {
            let rate_to_use = if bucket.enabled {
                bucket.measured_rate.min(bucket.fill_rate)
            } else {
                bucket.measured_rate
            };
            bucket.last_max_rate = rate_to_use;
            bucket.time_window = bucket.window();
            bucket.last_throttle = now;
            bucket.enabled = true;
            rate_to_use * BETA
        } else {
            bucket.time_window = bucket.window();
            let elapsed = now - bucket.last_throttle - bucket.time_window;
            SCALE_CONSTANT * elapsed.powi(3) + bucket.last_max_rate
        };
        let new_rate = rate.min(2.0 * bucket.measured_rate);
        bucket.set_rate(new_rate, now);
    }

    /// The current fill rate (requests per second) and whether the limiter is on.
    #[cfg(test)]
    fn rate(&self) -> (f64, bool) {
        let bucket = self.bucket();
        (bucket.fill_rate, bucket.enabled)
    }
}

impl Bucket {
    fn refill(&mut self, now: f64) {
        if let Some(last) = self.last_refill {
            let added = (now - last) * self.fill_rate;
            self.current_capacity = (self.current_capacity + added).min(self.max_capacity);
        }
        self.last_refill = Some(now);
    }

    /// The CUBIC time window: how long after a throttle the rate is back at the old maximum.
    fn window(&self) -> f64 {
        (self.last_max_rate * (1.0 - BETA) / SCALE_CONSTANT).cbrt()
    }

    /// Updates the smoothed send rate, measured in half-second buckets.
    fn measure(&mut self, now: f64) {
        let time_bucket = (now * 2.0).floor() / 2.0;
        self.request_count += 1.0;
        if time_bucket > self.last_rate_bucket {
            let current = self.request_count / (time_bucket - self.last_rate_bucket);
            self.measured_rate = current * SMOOTH + self.measured_rate * (1.0 - SMOOTH);
            self.request_count = 0.0;
            self.last_rate_bucket = time_bucket;
        }
    }

    fn set_rate(&mut self, rate: f64, now: f64) {
        self.refill(now);
        self.fill_rate = rate.max(MIN_FILL_RATE);
        self.max_capacity = rate.max(MIN_CAPACITY);
        self.current_capacity = self.current_capacity.min(self.max_capacity);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test(start_paused = true)]
    async fn off_until_the_first_throttle() {
        let limiter = ClientRateLimiter::new();
        let started = Instant::now();
        for _ in 0..100 {
            limiter.acquire().await;
            limiter.update(false);
        }
        assert_eq!(started.elapsed(), Duration::ZERO);
        assert!(!limiter.rate().1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_throttle_slows_calls_and_the_rate_recovers() {
        let limiter = ClientRateLimiter::new();
        // 20 requests a second for 2 s: the measured rate settles near 20.
        for _ in 0..40 {
            limiter.acquire().await;
            limiter.update(false);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        limiter.update(true);
        let (throttled_rate, enabled) = limiter.rate();
        assert!(enabled);
        assert!(
            throttled_rate > 5.0 && throttled_rate < 20.0,
            "{throttled_rate}"
        );
        // With the bucket on, 30 acquisitions take at least what the fill rate allows.
        let started = Instant::now();
        for _ in 0..30 {
            limiter.acquire().await;
        }
        let least = Duration::from_secs_f64((30.0 - throttled_rate) / throttled_rate);
        assert!(
            started.elapsed() >= least,
            "{:?} < {least:?}",
            started.elapsed()
        );
        // Successes after the time window grow the rate back past where it was cut.
        for _ in 0..60 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            limiter.acquire().await;
            limiter.update(false);
        }
        assert!(limiter.rate().0 > throttled_rate, "{:?}", limiter.rate());
    }
}
