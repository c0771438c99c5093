//! [`CredentialsCache`]: one cache in front of any credentials provider.
//!
//! What it does, and why these numbers:
//!
//! * **Fresh credentials are served from memory.** Credentials without an expiry (static
//!   keys from the environment or a file) are kept for 15 minutes and then asked for again,
//!   so edits to the files are picked up, as the AWS SDKs do.
//! * **Refresh ahead.** Credentials are refreshed once they are within 5 minutes of their
//!   expiry: a request signed just before expiry can still be in flight, retried and
//!   re-signed, and STS, SSO, containers and instance metadata all hand out credentials with
//!   far longer lives (15 minutes at the least), so 5 minutes costs little.
//! * **Single flight.** One fetch at a time: calls that need new credentials while a fetch is
//!   under way wait for it and share its outcome. Calls that arrive during a refresh while
//!   the cached credentials are still valid do not wait at all.
//! * **Riding out a failed refresh.** When a refresh fails, the last good credentials keep
//!   being served until they expire (the 5 minutes of refresh-ahead) and for a grace of
//!   5 minutes past their expiry, with a new attempt at most every 10 seconds. The grace
//!   covers a metadata service or STS that is briefly unreachable (instance metadata
//!   credentials stay valid past their advertised expiry while the instance rotates them);
//!   past it, the caller gets the refresh's error, which says what went wrong, rather than
//!   the service's `ExpiredToken`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::client::sources::{SystemClock, TimeSource};
use crate::client::transport::BoxFuture;

/// Caches a provider's credentials and refreshes them ahead of expiry; see the module docs.
#[derive(Debug)]
pub struct CredentialsCache {
    provider: Arc<dyn ProvideCredentials>,
    clock: Arc<dyn TimeSource>,
    settings: Settings,
    state: Mutex<State>,
    fetching: tokio::sync::Mutex<()>,
}

#[derive(Clone, Copy, Debug)]
struct Settings {
    default_lifetime: Duration,
    refresh_ahead: Duration,
    grace: Duration,
    retry_interval: Duration,
}

#[derive(Debug, Default)]
struct State {
    entry: Option<Entry>,
    last_failure: Option<(SystemTime, CredentialsError)>,
    /// Counts finished fetches, so that a waiter can tell one finished while it waited.
    fetches: u64,
}

#[derive(Clone, Debug)]
struct Entry {
    credentials: Credentials,
    /// Valid until then: the expiry, or the fetch time plus the default lifetime.
    expires: SystemTime,
}

impl Entry {
    fn fresh(&self, now: SystemTime, settings: &Settings) -> bool {
        now + settings.refresh_ahead < self.expires
    }

    fn usable(&self, now: SystemTime, settings: &Settings) -> bool {
        now < self.expires + settings.grace
    }
}

/// Builds a [`CredentialsCache`] with other settings than the defaults.
#[derive(Debug)]
pub struct CredentialsCacheBuilder {
    clock: Arc<dyn TimeSource>,
    settings: Settings,
}

impl CredentialsCacheBuilder {
    /// The wall clock expiries are compared with (default: [`SystemClock`]).
    pub fn time_source(mut self, clock: impl TimeSource + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The wall clock, shared.
    pub fn shared_time_source(mut self, clock: Arc<dyn TimeSource>) -> Self {
        self.clock = clock;
        self
    }

    /// How long credentials without an expiry are kept (default 15 minutes).
    pub fn default_lifetime(mut self, lifetime: Duration) -> Self {
        self.settings.default_lifetime = lifetime;
        self
    }

    /// How long before expiry a refresh starts (default 5 minutes).
    pub fn refresh_ahead(mut self, ahead: Duration) -> Self {
        self.settings.refresh_ahead = ahead;
        self
    }

    /// How long past expiry the last good credentials are served while refreshes fail
    /// (default 5 minutes; zero turns it off).
    pub fn grace(mut self, grace: Duration) -> Self {
        self.settings.grace = grace;
        self
    }

    /// The least time between two refresh attempts while the last good credentials are
    /// served (default 10 seconds).
    pub fn retry_interval(mut self, interval: Duration) -> Self {
        self.settings.retry_interval = interval;
        self
    }

    /// The cache in front of `provider`.
    pub fn build(self, provider: impl ProvideCredentials + 'static) -> CredentialsCache {
        self.build_shared(Arc::new(provider))
    }

    /// The cache in front of a shared provider.
    pub fn build_shared(self, provider: Arc<dyn ProvideCredentials>) -> CredentialsCache {
        CredentialsCache {
            provider,
            clock: self.clock,
            settings: self.settings,
            state: Mutex::new(State::default()),
            fetching: tokio::sync::Mutex::new(()),
        }
    }
}

impl CredentialsCache {
    /// A cache with the default settings in front of `provider`.
    pub fn new(provider: impl ProvideCredentials + 'static) -> Self {
        Self::builder().build(provider)
    }

    /// A builder for other settings.
    pub fn builder() -> CredentialsCacheBuilder {
        CredentialsCacheBuilder {
            clock: Arc::new(SystemClock),
            settings: Settings {
                default_lifetime: Duration::from_secs(15 * 60),
                refresh_ahead: Duration::from_secs(5 * 60),
                grace: Duration::from_secs(5 * 60),
                retry_interval: Duration::from_secs(10),
            },
        }
    }

    /// The provider behind the cache.
    pub fn provider(&self) -> &Arc<dyn ProvideCredentials> {
        &self.provider
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Cached credentials, or new ones when they are due; see the module docs.
    pub async fn get(&self) -> Result<Credentials, CredentialsError> {
        let now = self.clock.now();
        let (entry, seen) = {
            let state = self.state();
            match &state.entry {
                Some(entry) if entry.fresh(now, &self.settings) => {
                    return Ok(entry.credentials.clone())
                }
                _ => (state.entry.clone(), state.fetches),
            }
        };
        let usable = entry.filter(|e| e.usable(now, &self.settings));
        if let Some(entry) = &usable {
            if self.failed_recently(now) {
                return Ok(entry.credentials.clone());
            }
        }
        let guard = match (self.fetching.try_lock(), &usable) {
            (Ok(guard), _) => guard,
            // A fetch is under way and what we have is still good: no need to wait.
            (Err(_), Some(entry)) => return Ok(entry.credentials.clone()),
            (Err(_), None) => self.fetching.lock().await,
        };
        if let Some(outcome) = self.outcome_since(seen) {
            return outcome;
        }
        let fetched = self.provider.provide_credentials().await;
        let outcome = self.record(fetched);
        drop(guard);
        outcome
    }

    fn failed_recently(&self, now: SystemTime) -> bool {
        let state = self.state();
        state
            .last_failure
            .as_ref()
            .is_some_and(|(when, _)| now < *when + self.settings.retry_interval)
    }

    /// The outcome of a fetch that finished after `seen` fetches, if one did.
    fn outcome_since(&self, seen: u64) -> Option<Result<Credentials, CredentialsError>> {
        let state = self.state();
        if state.fetches == seen {
            return None;
        }
        let now = self.clock.now();
        match (&state.entry, &state.last_failure) {
            (Some(entry), None) => Some(Ok(entry.credentials.clone())),
            (Some(entry), Some(_)) if entry.usable(now, &self.settings) => {
                Some(Ok(entry.credentials.clone()))
            }
            (_, Some((_, error))) => Some(Err(error.clone())),
            (None, None) => None,
        }
    }

    fn record(
        &self,
        fetched: Result<Credentials, CredentialsError>,
    ) -> Result<Credentials, CredentialsError> {
        let now = self.clock.now();
        let mut state = self.state();
        state.fetches += 1;
        match fetched {
            Ok(credentials) => {
                tracing::debug!(
                    source = credentials.source(),
                    expires = ?credentials.expiry(),
                    "credentials refreshed"
                );
                let expires = credentials
                    .expiry()
                    .unwrap_or(now + self.settings.default_lifetime);
                state.entry = Some(Entry {
                    credentials: credentials.clone(),
                    expires,
                });
                state.last_failure = None;
                Ok(credentials)
            }
            Err(error) => {
                state.last_failure = Some((now, error.clone()));
                match &state.entry {
                    Some(entry) if entry.usable(now, &self.settings) => {
                        tracing::warn!(
                            %error,
                            "refreshing credentials failed; the cached ones are served meanwhile"
                        );
                        Ok(entry.credentials.clone())
                    }
                    _ => {
                        tracing::debug!(%error, "fetching credentials failed");
                        Err(error)
                    }
                }
            }
        }
    }
}

impl ProvideCredentials for CredentialsCache {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.get())
    }
}
