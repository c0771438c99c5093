//! [`Config`]: everything a [`Handle`](super::Handle) needs besides the service description.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use super::credentials::{
    CredentialsCache, DefaultCredentialsChain, ProvideCredentials, ProviderConfig,
};
use super::env::Env;
use super::error::ConstructionErrorKind;
use super::resolved::ResolvedConfig;
use super::retry_config::RetryConfig;
use super::settings::EnvSettings;
use super::sources::{IdempotencyTokenProvider, RandomUuidTokens, SystemClock, TimeSource};
use super::transport::{default_http_client, HttpClient, HttpOptions};
use super::Credentials;
use crate::endpoint::Value as EndpointValue;
use crate::protocol::Protocol;

/// Client configuration: region, credentials, endpoint, timeouts, retries and the pluggable
/// parts (HTTP transport, idempotency tokens, signing clock).
///
/// Build one with [`Config::builder`] or [`Config::from_env`]. Nothing is checked or fetched
/// here: settings from the environment and the shared config files are read at a client's
/// first call, and a missing region or credentials is reported by each call, as an
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
    credentials: Option<Arc<CredentialsCache>>,
    endpoint_url: Option<String>,
    operation_timeout: Option<Duration>,
    attempt_timeout: Option<Duration>,
    retry: Option<RetryConfig>,
    http_client: Result<Arc<dyn HttpClient>, String>,
    idempotency_tokens: Arc<dyn IdempotencyTokenProvider>,
    time_source: Arc<dyn TimeSource>,
    compression: Option<u32>,
    protocol: Option<&'static dyn Protocol>,
    from_env: Option<Arc<EnvSettings>>,
    profile: Option<String>,
    user_credentials: Option<Arc<dyn ProvideCredentials>>,
    use_fips: Option<bool>,
    use_dual_stack: Option<bool>,
    endpoint_params: BTreeMap<String, EndpointValue>,
    user_http_client: Option<Arc<dyn HttpClient>>,
    http_options: HttpOptions,
}

/// The default `requestMinCompressionSizeBytes`: bodies of at least 10 KiB are compressed.
pub const DEFAULT_MIN_COMPRESSION_SIZE: u32 = 10_240;

impl Config {
    /// A builder with nothing set: no region, no credentials, standard retries, no timeouts,
    /// the default transport.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// Configuration from the process environment and the shared config files, as the AWS
    /// SDKs find it; see [`ConfigBuilder::load_env`]. Nothing is read until the first call.
    pub fn from_env() -> Config {
        Config::builder().load_env(&Env::process()).build()
    }

    /// A builder holding this configuration, to change some of it.
    pub fn to_builder(&self) -> ConfigBuilder {
        ConfigBuilder {
            region: self.region.clone(),
            credentials: self.user_credentials.clone(),
            endpoint_url: self.endpoint_url.clone(),
            operation_timeout: self.operation_timeout,
            attempt_timeout: self.attempt_timeout,
            retry: self.retry.clone(),
            http_client: self.user_http_client.clone(),
            http_options: self.http_options.clone(),
            idempotency_tokens: Some(self.idempotency_tokens.clone()),
            time_source: Some(self.time_source.clone()),
            compression: Some(self.compression),
            protocol: self.protocol,
            env: self.from_env.as_ref().map(|s| s.env().clone()),
            profile: self.profile.clone(),
            use_fips: self.use_fips,
            use_dual_stack: self.use_dual_stack,
            endpoint_params: self.endpoint_params.clone(),
        }
    }

    /// The region (`us-east-1`): the one set in code, else the environment's or the
    /// profile's (`None` when there is none, or the profile files cannot be read).
    pub fn region(&self) -> Option<&str> {
        match (&self.region, &self.from_env) {
            (Some(region), _) => Some(region),
            (None, Some(settings)) => settings.region().ok().flatten(),
            (None, None) => None,
        }
    }

    /// The credentials, cached in front of their provider, if there is one.
    pub fn credentials_cache(&self) -> Option<&Arc<CredentialsCache>> {
        self.credentials.as_ref()
    }

    /// The endpoint URL set in code, if any. Endpoint URLs from the environment or the
    /// profile (`AWS_ENDPOINT_URL_<SERVICE>`…) are settled per service, at a client's first
    /// call.
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

    /// The retry settings set in code, else the standard ones (`AWS_MAX_ATTEMPTS` and
    /// `AWS_RETRY_MODE` are applied at a client's first call).
    pub fn retry_config(&self) -> RetryConfig {
        self.retry.clone().unwrap_or_default()
    }

    /// The HTTP transport; `None` when there is none (the `rustls` feature is off and none was
    /// set, or the default transport could not be built).
    pub fn http_client(&self) -> Option<&Arc<dyn HttpClient>> {
        self.http_client.as_ref().ok()
    }

    /// The transport, or why there is none.
    pub(crate) fn http_client_setting(&self) -> Result<&Arc<dyn HttpClient>, &str> {
        self.http_client.as_ref().map_err(String::as_str)
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

    /// The endpoint rule-set parameters set in code (a service's `@clientContextParams`).
    pub fn endpoint_params(&self) -> &BTreeMap<String, EndpointValue> {
        &self.endpoint_params
    }

    /// The smallest body (in bytes) compressed for operations with `@requestCompression`;
    /// `None` when request compression is off.
    pub fn request_min_compression_size(&self) -> Option<u32> {
        self.compression
    }

    /// Settles region, endpoint URL and retries for the service with SDK id `sdk_id`.
    pub(crate) fn resolve(
        &self,
        sdk_id: &str,
    ) -> Result<ResolvedConfig, (ConstructionErrorKind, String)> {
        let Some(settings) = &self.from_env else {
            return Ok(ResolvedConfig {
                region: self.region.clone(),
                endpoint_url: self.endpoint_url.clone(),
                retry: self.retry_config(),
                use_fips: self.use_fips.unwrap_or(false),
                use_dual_stack: self.use_dual_stack.unwrap_or(false),
            });
        };
        let invalid = |message: String| (ConstructionErrorKind::InvalidConfiguration, message);
        let region = match &self.region {
            Some(region) => Some(region.clone()),
            None => settings
                .region()
                .map_err(|e| invalid(e.to_string()))?
                .map(str::to_owned),
        };
        let endpoint_url = match &self.endpoint_url {
            Some(url) => Some(url.clone()),
            None => settings
                .endpoint_url(sdk_id)
                .map_err(invalid)?
                .map(|found| found.value),
        };
        let retry = match &self.retry {
            Some(retry) => retry.clone(),
            None => {
                let mut retry = RetryConfig::standard();
                if let Some(attempts) = settings.max_attempts().map_err(invalid)? {
                    retry = retry.max_attempts(attempts);
                }
                if let Some(mode) = settings.retry_mode().map_err(invalid)? {
                    retry = retry.mode(mode);
                }
                retry
            }
        };
        let flag = |set: Option<bool>, var: &str, key: &str| match set {
            Some(value) => Ok(value),
            None => settings
                .flag(var, key)
                .map(|v| v.unwrap_or(false))
                .map_err(invalid),
        };
        Ok(ResolvedConfig {
            region,
            endpoint_url,
            retry,
            use_fips: flag(self.use_fips, "AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint")?,
            use_dual_stack: flag(
                self.use_dual_stack,
                "AWS_USE_DUALSTACK_ENDPOINT",
                "use_dualstack_endpoint",
            )?,
        })
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
    retry: Option<RetryConfig>,
    http_client: Option<Arc<dyn HttpClient>>,
    idempotency_tokens: Option<Arc<dyn IdempotencyTokenProvider>>,
    time_source: Option<Arc<dyn TimeSource>>,
    compression: Option<Option<u32>>,
    protocol: Option<&'static dyn Protocol>,
    env: Option<Env>,
    profile: Option<String>,
    use_fips: Option<bool>,
    use_dual_stack: Option<bool>,
    endpoint_params: BTreeMap<String, EndpointValue>,
    http_options: HttpOptions,
}

impl ConfigBuilder {
    /// Sets how the default transport connects, waits, reads and trusts: timeouts, the cap on
    /// response bodies, proxies, root certificates and a CA bundle (see [`HttpOptions`]).
    /// Ignored when a transport is set with [`http_client`](Self::http_client).
    pub fn http_options(mut self, options: HttpOptions) -> Self {
        self.http_options = options;
        self
    }

    /// Asks for FIPS endpoints (default: `AWS_USE_FIPS_ENDPOINT` or the profile's
    /// `use_fips_endpoint` after [`load_env`](Self::load_env), else off). A partition without
    /// them makes each call fail with the rule set's message.
    pub fn use_fips(mut self, use_fips: bool) -> Self {
        self.use_fips = Some(use_fips);
        self
    }

    /// Asks for dual-stack endpoints (default: `AWS_USE_DUALSTACK_ENDPOINT` or the profile's
    /// `use_dualstack_endpoint` after [`load_env`](Self::load_env), else off).
    pub fn use_dual_stack(mut self, use_dual_stack: bool) -> Self {
        self.use_dual_stack = Some(use_dual_stack);
        self
    }

    /// Sets an endpoint rule-set parameter the service declares in `@clientContextParams`
    /// (S3's `ForcePathStyle`, say). A name the service's rule set does not declare makes
    /// each call fail with a message naming the ones it does.
    pub fn endpoint_param(
        mut self,
        name: impl Into<String>,
        value: impl Into<EndpointValue>,
    ) -> Self {
        self.endpoint_params.insert(name.into(), value.into());
        self
    }

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

    /// Sets the credentials source. A [`CredentialsCache`] is put in front of it.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// Sets an already shared credentials source.
    pub fn shared_credentials_provider(mut self, provider: Arc<dyn ProvideCredentials>) -> Self {
        self.credentials = Some(provider);
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

    /// Sets the retry behaviour (default: [`RetryConfig::standard`], or what
    /// `AWS_MAX_ATTEMPTS` and `AWS_RETRY_MODE` say after [`load_env`](Self::load_env)).
    pub fn retry_config(mut self, retry: RetryConfig) -> Self {
        self.retry = Some(retry);
        self
    }

    /// Sets the HTTP transport (default: [`HyperClient`](super::HyperClient) with the
    /// `rustls` feature). Credential providers that fetch (STS, SSO, containers, instance
    /// metadata) use it too.
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

    /// Sets the wall clock used for signing and credential expiry (default: [`SystemClock`]).
    pub fn time_source(mut self, time_source: impl TimeSource + 'static) -> Self {
        self.time_source = Some(Arc::new(time_source));
        self
    }

    /// Uses profile `name` of the shared config files, whatever `AWS_PROFILE` says (with
    /// [`load_env`](Self::load_env)).
    pub fn profile_name(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    /// Fills what is still unset, at the first call, from `env` and the shared config and
    /// credentials files it names, as the AWS SDKs do:
    ///
    /// * region: `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`;
    /// * credentials: a [`DefaultCredentialsChain`] (environment, profile, web identity,
    ///   container, instance metadata);
    /// * endpoint: `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's
    ///   `services` section and `endpoint_url`;
    /// * retries: `AWS_MAX_ATTEMPTS` / `max_attempts`, `AWS_RETRY_MODE` / `retry_mode`.
    pub fn load_env(mut self, env: &Env) -> Self {
        self.env = Some(env.clone());
        self
    }

    /// The configuration.
    pub fn build(self) -> Config {
        let time_source = self.time_source.unwrap_or_else(|| Arc::new(SystemClock));
        let from_env = self
            .env
            .map(|env| Arc::new(EnvSettings::new(env, self.profile.clone())));
        let http_client = match &self.http_client {
            Some(client) => Ok(client.clone()),
            None => default_http_client(&self.http_options, from_env.clone()),
        };
        let provider: Option<Arc<dyn ProvideCredentials>> = match (&self.credentials, &from_env) {
            (Some(provider), _) => Some(provider.clone()),
            (None, Some(settings)) => {
                Some(Arc::new(DefaultCredentialsChain::with(&ProviderConfig {
                    settings: settings.clone(),
                    http: http_client.clone(),
                    time: time_source.clone(),
                    region: self.region.clone(),
                })))
            }
            (None, None) => None,
        };
        let credentials = provider.map(|provider| {
            Arc::new(
                CredentialsCache::builder()
                    .shared_time_source(time_source.clone())
                    .build_shared(provider),
            )
        });
        Config {
            region: self.region,
            credentials,
            endpoint_url: self.endpoint_url,
            operation_timeout: self.operation_timeout,
            attempt_timeout: self.attempt_timeout,
            retry: self.retry,
            http_client,
            idempotency_tokens: self
                .idempotency_tokens
                .unwrap_or_else(|| Arc::new(RandomUuidTokens)),
            time_source,
            compression: self
                .compression
                .unwrap_or(Some(DEFAULT_MIN_COMPRESSION_SIZE)),
            protocol: self.protocol,
            from_env,
            profile: self.profile,
            user_credentials: self.credentials,
            use_fips: self.use_fips,
            use_dual_stack: self.use_dual_stack,
            endpoint_params: self.endpoint_params,
            user_http_client: self.http_client,
            http_options: self.http_options,
        }
    }
}
