//! The credentials cache on a controlled clock: refresh ahead of expiry, one fetch for many
//! waiting calls, and the last good credentials served while refreshes fail.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use smithy_runtime::client::{
    BoxFuture, Credentials, CredentialsCache, CredentialsError, ProvideCredentials, TimeSource,
};

/// A wall clock the test moves.
#[derive(Clone, Debug)]
struct Clock(Arc<Mutex<SystemTime>>);

impl Clock {
    fn new() -> Clock {
        Clock(Arc::new(Mutex::new(crate::client_support::fixed_time())))
    }

    fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }
}

impl TimeSource for Clock {
    fn now(&self) -> SystemTime {
        *self.0.lock().unwrap()
    }
}

/// Hands out `KEY<n>` credentials valid for `lifetime` from the clock's now, counting
/// fetches; scripted failures come first when queued; each fetch takes `delay`.
#[derive(Debug)]
struct Counting {
    clock: Clock,
    lifetime: Duration,
    delay: Duration,
    fetches: AtomicUsize,
    failures: Mutex<VecDeque<CredentialsError>>,
}

impl Counting {
    fn new(clock: &Clock, lifetime: Duration) -> Arc<Counting> {
        Arc::new(Counting {
            clock: clock.clone(),
            lifetime,
            delay: Duration::ZERO,
            fetches: AtomicUsize::new(0),
            failures: Mutex::default(),
        })
    }

    fn fetches(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }

    fn fail_next(&self, times: usize) {
        let mut failures = self.failures.lock().unwrap();
        for _ in 0..times {
            failures.push_back(CredentialsError::provider_error("STS is unreachable"));
        }
    }
}

impl ProvideCredentials for Counting {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(async move {
            let n = self.fetches.fetch_add(1, Ordering::SeqCst) + 1;
            if !self.delay.is_zero() {
                tokio::time::sleep(self.delay).await;
            }
            if let Some(error) = self.failures.lock().unwrap().pop_front() {
                return Err(error);
            }
            Ok(Credentials::new(format!("KEY{n}"), "secret")
                .with_expiry(self.clock.now() + self.lifetime))
        })
    }
}

fn cache(clock: &Clock, provider: Arc<Counting>) -> CredentialsCache {
    CredentialsCache::builder()
        .time_source(clock.clone())
        .build_shared(provider)
}

async fn key(cache: &CredentialsCache) -> String {
    cache.get().await.unwrap().access_key_id().to_owned()
}

#[tokio::test]
async fn refreshes_ahead_of_expiry_and_not_before() {
    let clock = Clock::new();
    let provider = Counting::new(&clock, Duration::from_secs(3600));
    let cache = cache(&clock, provider.clone());
    assert_eq!(key(&cache).await, "KEY1");
    clock.advance(Duration::from_secs(54 * 60));
    assert_eq!(key(&cache).await, "KEY1", "6 minutes left: still fresh");
    assert_eq!(provider.fetches(), 1);
    clock.advance(Duration::from_secs(2 * 60));
    assert_eq!(key(&cache).await, "KEY2", "4 minutes left: refreshed");
    clock.advance(Duration::from_secs(2 * 3600));
    assert_eq!(key(&cache).await, "KEY3", "long expired: refreshed");
    assert_eq!(provider.fetches(), 3);
}

#[tokio::test]
async fn credentials_without_expiry_are_asked_for_again_after_15_minutes() {
    #[derive(Debug)]
    struct Static(AtomicUsize);
    impl ProvideCredentials for Static {
        fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
            let n = self.0.fetch_add(1, Ordering::SeqCst) + 1;
            Box::pin(async move { Ok(Credentials::new(format!("STATIC{n}"), "s")) })
        }
    }
    let clock = Clock::new();
    let cache = CredentialsCache::builder()
        .time_source(clock.clone())
        .build(Static(AtomicUsize::new(0)));
    assert_eq!(key(&cache).await, "STATIC1");
    clock.advance(Duration::from_secs(9 * 60));
    assert_eq!(key(&cache).await, "STATIC1");
    clock.advance(Duration::from_secs(2 * 60));
    assert_eq!(
        key(&cache).await,
        "STATIC2",
        "within 5 minutes of the 15-minute lifetime"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_calls_on_expired_credentials_cause_one_fetch() {
    let clock = Clock::new();
    let provider = Arc::new(Counting {
        delay: Duration::from_millis(50),
        ..Arc::try_unwrap(Counting::new(&clock, Duration::from_secs(3600))).unwrap()
    });
    let cache = Arc::new(cache(&clock, provider.clone()));
    assert_eq!(key(&cache).await, "KEY1");
    clock.advance(Duration::from_secs(2 * 3600));

    let calls: Vec<_> = (0..50)
        .map(|_| {
            let cache = cache.clone();
            tokio::spawn(async move { key(&cache).await })
        })
        .collect();
    for call in calls {
        assert_eq!(call.await.unwrap(), "KEY2");
    }
    assert_eq!(provider.fetches(), 2, "one fetch for the fifty calls");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_calls_on_a_failing_source_cause_one_fetch_and_share_its_error() {
    let clock = Clock::new();
    let provider = Arc::new(Counting {
        delay: Duration::from_millis(50),
        ..Arc::try_unwrap(Counting::new(&clock, Duration::from_secs(3600))).unwrap()
    });
    provider.fail_next(1);
    let cache = Arc::new(cache(&clock, provider.clone()));
    let calls: Vec<_> = (0..50)
        .map(|_| {
            let cache = cache.clone();
            tokio::spawn(async move { cache.get().await })
        })
        .collect();
    for call in calls {
        assert_eq!(
            call.await.unwrap().unwrap_err().message(),
            "STS is unreachable"
        );
    }
    assert_eq!(provider.fetches(), 1);
    // The next call tries again.
    assert_eq!(key(&cache).await, "KEY2");
}

#[tokio::test]
async fn a_failed_refresh_serves_the_last_good_credentials_for_a_bounded_time() {
    let clock = Clock::new();
    let provider = Counting::new(&clock, Duration::from_secs(600));
    let cache = cache(&clock, provider.clone());
    assert_eq!(key(&cache).await, "KEY1");
    provider.fail_next(100);

    // 4 minutes before expiry: the refresh fails, the valid credentials are served.
    clock.advance(Duration::from_secs(6 * 60));
    assert_eq!(key(&cache).await, "KEY1");
    assert_eq!(provider.fetches(), 2);
    // Within 10 seconds of that failure, no new attempt.
    clock.advance(Duration::from_secs(5));
    assert_eq!(key(&cache).await, "KEY1");
    assert_eq!(provider.fetches(), 2);
    // 4 minutes past expiry: still served (the grace), after another failed attempt.
    clock.advance(Duration::from_secs(8 * 60));
    assert_eq!(key(&cache).await, "KEY1");
    assert_eq!(provider.fetches(), 3);
    // 6 minutes past expiry: the refresh's error.
    clock.advance(Duration::from_secs(2 * 60));
    let error = cache.get().await.unwrap_err();
    assert_eq!(error.message(), "STS is unreachable");
    // When the source recovers, so does the cache.
    provider.failures.lock().unwrap().clear();
    assert_eq!(key(&cache).await, "KEY5");
}

/// Fetch 2 waits until the test opens the gate.
#[derive(Debug)]
struct Gated {
    clock: Clock,
    fetches: AtomicUsize,
    gate: tokio::sync::Notify,
}

impl ProvideCredentials for Gated {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(async move {
            let n = self.fetches.fetch_add(1, Ordering::SeqCst) + 1;
            if n == 2 {
                self.gate.notified().await;
            }
            Ok(Credentials::new(format!("KEY{n}"), "s")
                .with_expiry(self.clock.now() + Duration::from_secs(3600)))
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_during_a_refresh_of_valid_credentials_do_not_wait() {
    let clock = Clock::new();
    let provider = Arc::new(Gated {
        clock: clock.clone(),
        fetches: AtomicUsize::new(0),
        gate: tokio::sync::Notify::new(),
    });
    let cache = Arc::new(
        CredentialsCache::builder()
            .time_source(clock.clone())
            .build_shared(provider.clone()),
    );
    assert_eq!(key(&cache).await, "KEY1");
    clock.advance(Duration::from_secs(56 * 60));
    let refreshing = {
        let cache = cache.clone();
        tokio::spawn(async move { key(&cache).await })
    };
    while provider.fetches.load(Ordering::SeqCst) < 2 {
        tokio::task::yield_now().await;
    }
    let during = tokio::time::timeout(Duration::from_secs(10), key(&cache))
        .await
        .expect("a call during the refresh does not wait for it");
    assert_eq!(during, "KEY1");
    provider.gate.notify_one();
    assert_eq!(refreshing.await.unwrap(), "KEY2");
    assert_eq!(key(&cache).await, "KEY2");
}
