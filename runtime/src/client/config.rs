//! [`Config`]: everything a [`Handle`](super::Handle) needs besides the service description.

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use super::credentials::{Credentials, DefaultCredentialsChain, Env, ProvideCredentials};
use super::transport::HttpClient;
use crate::protocol::Protocol;

/// Client configuration: region, credentials, endpoint, timeouts, retries and the pluggable
/// parts (HTTP transport, idempotency tokens, signing clock).
///
/// Build one with [`Config::builder`] or [`Config::from_env`]. Nothing is checked here: a
/// missing region or credentials is reported by each call, as an
/// [`SdkError::Construction`](super::SdkError::Construction) error that says what to set.
///
/// ```
/// use std::time::Duration;
/// use smithy_runtime::client::{Config, Credentials, RetryConfig};
///
/// let config = Config::builder()
///     .region("us-west-2")
///     .credentials(Credentials::new("AKID", "SECRET"))
///     .operation_timeout(Duration::from_secs(30))
///     .retry_config(RetryConfig::standard().max_attempts(5))
///     .build();
/// assert_eq!(config.region(), Some("us-west-2"));
/// ```
#[derive(Clone, Debug)]
pub struct Config {
    region: Option<String>,
    credentials: Option<Arc<dyn ProvideCredentials>>,
    endpoint_url: Option<String>,
    operation_timeout: Option<Duration>,
    attempt_timeout: Option<Duration>,
    retry: RetryConfig,
    http_client: HttpClientSetting,
    idempotency_tokens: Arc<dyn IdempotencyTokenProvider>,
    time_source: Arc<dyn TimeSource>,
    compression: Option<u32>,
    protocol: Option<&'static dyn Protocol>,
}

/// The default `requestMinCompressionSizeBytes`: bodies of at least 10 KiB are compressed.
pub const DEFAULT_MIN_COMPRESSION_SIZE: u32 = 10_240;

/// The transport, or why there is none (reported at call time).
#[derive(Clone, Debug)]
pub(crate) enum HttpClientSetting {
    Set(Arc<dyn HttpClient>),
    Unavailable(String),
}

impl Config {
    /// A builder with nothing set: no region, no credentials, standard retries, no timeouts,
    /// the default transport.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// Configuration from the process environment; see [`ConfigBuilder::load_env`].
    pub fn from_env() -> Config {
        Config::builder().load_env(&Env::process()).build()
    }

    /// A builder holding this configuration, to change some of it.
    pub fn to_builder(&self) -> ConfigBuilder {
        ConfigBuilder {
            region: self.region.clone(),
            credentials: self.credentials.clone(),
            endpoint_url: self.endpoint_url.clone(),
            operation_timeout: self.operation_timeout,
            attempt_timeout: self.attempt_timeout,
            retry: self.retry.clone(),
            http_client: match &self.http_client {
                HttpClientSetting::Set(client) => Some(client.clone()),
                HttpClientSetting::Unavailable(_) => None,
            },
            idempotency_tokens: Some(self.idempotency_tokens.clone()),
            time_source: Some(self.time_source.clone()),
            compression: Some(self.compression),
            protocol: self.protocol,
        }
    }

    /// The region (`us-east-1`), if set.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The credentials provider, if set.
    pub fn credentials_provider(&self) -> Option<&Arc<dyn ProvideCredentials>> {
        self.credentials.as_ref()
    }

    /// The endpoint override, if set.
    pub fn endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// The bound on a whole call, retries and backoff included.
    pub fn operation_timeout(&self) -> Option<Duration> {
        self.operation_timeout
    }

    /// The bound on each attempt (sending the request and receiving the whole response).
    pub fn attempt_timeout(&self) -> Option<Duration> {
        self.attempt_timeout
    }

    /// The retry settings.
    pub fn retry_config(&self) -> &RetryConfig {
        &self.retry
    }

    /// The HTTP transport; `None` when there is none (the `rustls` feature is off and none was
    /// set, or the default transport could not be built).
    pub fn http_client(&self) -> Option<&Arc<dyn HttpClient>> {
        match &self.http_client {
            HttpClientSetting::Set(client) => Some(client),
            HttpClientSetting::Unavailable(_) => None,
        }
    }

    pub(crate) fn http_client_setting(&self) -> &HttpClientSetting {
        &self.http_client
    }

    /// The idempotency token source.
    pub fn idempotency_token_provider(&self) -> &Arc<dyn IdempotencyTokenProvider> {
        &self.idempotency_tokens
    }

    /// The wall clock used for signing.
    pub fn time_source(&self) -> &Arc<dyn TimeSource> {
        &self.time_source
    }

    /// The protocol to send, when set; otherwise the service's default (the first it lists).
    pub fn protocol(&self) -> Option<&'static dyn Protocol> {
        self.protocol
    }

    /// The smallest body (in bytes) compressed for operations with `@requestCompression`;
    /// `None` when request compression is off.
    pub fn request_min_compression_size(&self) -> Option<u32> {
        self.compression
    }
}

/// Builds a [`Config`]; every setting is optional.
#[derive(Clone, Debug, Default)]
pub struct ConfigBuilder {
    region: Option<String>,
    credentials: Option<Arc<dyn ProvideCredentials>>,
    endpoint_url: Option<String>,
    operation_timeout: Option<Duration>,
    attempt_timeout: Option<Duration>,
    retry: RetryConfig,
    http_client: Option<Arc<dyn HttpClient>>,
    idempotency_tokens: Option<Arc<dyn IdempotencyTokenProvider>>,
    time_source: Option<Arc<dyn TimeSource>>,
    compression: Option<Option<u32>>,
    protocol: Option<&'static dyn Protocol>,
}

impl ConfigBuilder {
    /// Compresses (gzip) the bodies of `@requestCompression` operations that have at least
    /// `bytes` bytes (default [`DEFAULT_MIN_COMPRESSION_SIZE`]).
    pub fn request_min_compression_size_bytes(mut self, bytes: u32) -> Self {
        self.compression = Some(Some(bytes));
        self
    }

    /// Sends every body uncompressed, `@requestCompression` or not.
    pub fn disable_request_compression(mut self) -> Self {
        self.compression = Some(None);
        self
    }

    /// Sets the region (`us-east-1`): it picks the endpoint and is part of the signature.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Sets the credentials source.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// Uses fixed credentials.
    pub fn credentials(self, credentials: Credentials) -> Self {
        self.credentials_provider(credentials)
    }

    /// Sends requests to `url` (`http://localhost:8080`, `https://proxy.example/base`) instead
    /// of the service's regional endpoint. Checked at call time.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }

    /// Bounds each whole call, retries and backoff included (default: unbounded).
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.operation_timeout = Some(timeout);
        self
    }

    /// Bounds each attempt (default: unbounded); a timed-out attempt is retried.
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// Sets the retry behaviour (default: [`RetryConfig::standard`]).
    pub fn retry_config(mut self, retry: RetryConfig) -> Self {
        self.retry = retry;
        self
    }

    /// Sets the HTTP transport (default: [`HyperClient`](super::HyperClient) with the
    /// `rustls` feature).
    pub fn http_client(mut self, client: impl HttpClient + 'static) -> Self {
        self.http_client = Some(Arc::new(client));
        self
    }

    /// Sets an already shared HTTP transport.
    pub fn shared_http_client(mut self, client: Arc<dyn HttpClient>) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Sets the idempotency token source (default: [`RandomUuidTokens`]).
    pub fn idempotency_token_provider(
        mut self,
        provider: impl IdempotencyTokenProvider + 'static,
    ) -> Self {
        self.idempotency_tokens = Some(Arc::new(provider));
        self
    }

    /// Sets the protocol requests are sent in, one of those the service lists (default: the
    /// first it lists, a JSON protocol where there is one). A protocol the service does not
    /// list makes every call fail with a construction error naming the ones it does.
    ///
    /// ```
    /// use smithy_runtime::client::Config;
    /// use smithy_runtime::protocol::{Protocol, RpcV2Cbor};
    ///
    /// let config = Config::builder().protocol(&RpcV2Cbor).build();
    /// assert_eq!(config.protocol().map(|p| p.name()), Some("rpcv2Cbor"));
    /// ```
    pub fn protocol(mut self, protocol: &'static dyn Protocol) -> Self {
        self.protocol = Some(protocol);
        self
    }

    /// Sets the wall clock used for signing (default: [`SystemClock`]).
    pub fn time_source(mut self, time_source: impl TimeSource + 'static) -> Self {
        self.time_source = Some(Arc::new(time_source));
        self
    }

    /// Fills what is still unset from `env`:
    ///
    /// * region: `AWS_REGION`, else `AWS_DEFAULT_REGION`;
    /// * credentials: a [`DefaultCredentialsChain`] over `env` (environment, then the shared
    ///   credentials file);
    /// * endpoint: `AWS_ENDPOINT_URL`.
    pub fn load_env(mut self, env: &Env) -> Self {
        if self.region.is_none() {
            self.region = env
                .get_non_empty("AWS_REGION")
                .or_else(|| env.get_non_empty("AWS_DEFAULT_REGION"));
        }
        if self.credentials.is_none() {
            self.credentials = Some(Arc::new(DefaultCredentialsChain::from_env(env.clone())));
        }
        if self.endpoint_url.is_none() {
            self.endpoint_url = env.get_non_empty("AWS_ENDPOINT_URL");
        }
        self
    }

    /// The configuration.
    pub fn build(self) -> Config {
        let http_client = match self.http_client {
            Some(client) => HttpClientSetting::Set(client),
            None => default_http_client(),
        };
        Config {
            region: self.region,
            credentials: self.credentials,
            endpoint_url: self.endpoint_url,
            operation_timeout: self.operation_timeout,
            attempt_timeout: self.attempt_timeout,
            retry: self.retry,
            http_client,
            idempotency_tokens: self
                .idempotency_tokens
                .unwrap_or_else(|| Arc::new(RandomUuidTokens)),
            time_source: self.time_source.unwrap_or_else(|| Arc::new(SystemClock)),
            compression: self
                .compression
                .unwrap_or(Some(DEFAULT_MIN_COMPRESSION_SIZE)),
            protocol: self.protocol,
        }
    }
}

#[cfg(feature = "rustls")]
fn default_http_client() -> HttpClientSetting {
    match super::HyperClient::try_new() {
        Ok(client) => HttpClientSetting::Set(Arc::new(client)),
        Err(e) => HttpClientSetting::Unavailable(format!(
            "the default HTTP client could not be built: {e}"
        )),
    }
}

#[cfg(not(feature = "rustls"))]
fn default_http_client() -> HttpClientSetting {
    HttpClientSetting::Unavailable(
        "no HTTP client configured: enable the `rustls` feature of smithy-runtime or call \
         Config::builder().http_client(..)"
            .to_owned(),
    )
}

/// AWS "standard" retry settings.
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
        }
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

/// The same token every time (for tests; the protocol tests expect
/// `00000000-0000-4000-8000-000000000000`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixedToken(String);

impl FixedToken {
    /// Always `token`.
    pub fn new(token: impl Into<String>) -> Self {
        FixedToken(token.into())
    }
}

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

/// A clock stopped at one instant (for tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedTime(pub SystemTime);

impl TimeSource for FixedTime {
    fn now(&self) -> SystemTime {
        self.0
    }
}
