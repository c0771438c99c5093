//! What the providers that read files or fetch over the network share: the environment and
//! profile files, the HTTP transport, the clock, the region, and how they reach STS and SSO.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;

use super::CredentialsError;
use crate::client::endpoint::dns_suffix;
use crate::client::profile::ProfileSet;
use crate::client::settings::EnvSettings;
use crate::client::sources::{SystemClock, TimeSource};
use crate::client::transport::HttpClient;
use crate::client::transport::{default_http_client, HttpOptions};
use crate::client::Env;

/// What the credential providers share: the environment (and the profile files it names),
/// the profile in use, the HTTP transport for STS, SSO, container and instance metadata
/// requests, the wall clock, and the region STS is called in.
///
/// [`Config`](crate::client::Config) makes one from its own settings; build one yourself to
/// use a provider on its own:
///
/// ```
/// use smithy_runtime::client::{Env, ProfileCredentials, ProviderConfig};
///
/// let config = ProviderConfig::builder()
///     .env(Env::from_vars([("HOME", "/home/me")]))
///     .profile_name("deploy")
///     .build();
/// let provider = ProfileCredentials::new(&config);
/// ```
#[derive(Clone, Debug)]
pub struct ProviderConfig {
    pub(crate) settings: Arc<EnvSettings>,
    pub(crate) http: Result<Arc<dyn HttpClient>, String>,
    pub(crate) time: Arc<dyn TimeSource>,
    /// A region set in code; else the environment's or the profile's.
    pub(crate) region: Option<String>,
}

impl Default for ProviderConfig {
    /// The process environment, the default transport, the system clock.
    fn default() -> Self {
        ProviderConfig::builder().build()
    }
}

/// Builds a [`ProviderConfig`].
#[derive(Debug, Default)]
pub struct ProviderConfigBuilder {
    env: Option<Env>,
    profile: Option<String>,
    region: Option<String>,
    http: Option<Arc<dyn HttpClient>>,
    time: Option<Arc<dyn TimeSource>>,
}

impl ProviderConfigBuilder {
    /// Reads `env` instead of the process environment.
    pub fn env(mut self, env: Env) -> Self {
        self.env = Some(env);
        self
    }

    /// Uses profile `name`, whatever `AWS_PROFILE` says.
    pub fn profile_name(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    /// The region STS is called in (default: the environment's or the profile's, else
    /// `us-east-1`).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// The transport for STS, SSO, container and instance metadata requests (default: the
    /// default transport of [`Config`](crate::client::Config)).
    pub fn http_client(mut self, http: impl HttpClient + 'static) -> Self {
        self.http = Some(Arc::new(http));
        self
    }

    /// The wall clock (session names, SSO token expiry, signing STS requests).
    pub fn time_source(mut self, time: impl TimeSource + 'static) -> Self {
        self.time = Some(Arc::new(time));
        self
    }

    /// The configuration.
    pub fn build(self) -> ProviderConfig {
        let settings = Arc::new(EnvSettings::new(self.env.unwrap_or_default(), self.profile));
        ProviderConfig {
            http: match self.http {
                Some(http) => Ok(http),
                None => default_http_client(&HttpOptions::default(), Some(settings.clone())),
            },
            settings,
            time: self.time.unwrap_or_else(|| Arc::new(SystemClock)),
            region: self.region,
        }
    }
}

/// The region STS is called in when none is configured: its global endpoint's region.
const STS_DEFAULT_REGION: &str = "us-east-1";

impl ProviderConfig {
    /// A builder.
    pub fn builder() -> ProviderConfigBuilder {
        ProviderConfigBuilder::default()
    }

    /// The process environment replaced by `env`; the rest as by default.
    pub fn from_env(env: Env) -> Self {
        ProviderConfig::builder().env(env).build()
    }

    /// The environment.
    pub(crate) fn env(&self) -> &Env {
        self.settings.env()
    }

    /// The profile files; a file that cannot be read or parsed is an `Invalid` error.
    pub(crate) fn profiles(&self) -> Result<&ProfileSet, CredentialsError> {
        self.settings
            .profiles()
            .map_err(|e| CredentialsError::invalid(e.to_string()))
    }

    /// The region that STS is called in: the configured one, else `us-east-1`.
    pub(crate) fn sts_region(&self) -> String {
        self.region
            .clone()
            .or_else(|| self.settings.region().ok().flatten().map(str::to_owned))
            .unwrap_or_else(|| STS_DEFAULT_REGION.to_owned())
    }

    /// The transport, or why there is none.
    pub(crate) fn http(&self) -> Result<&Arc<dyn HttpClient>, CredentialsError> {
        self.http
            .as_ref()
            .map_err(|why| CredentialsError::invalid(why.clone()))
    }

    /// The endpoint of the service with SDK id `sdk_id` (`STS`, `SSO`): its configured
    /// endpoint URL (`AWS_ENDPOINT_URL_STS`, …), else `https://{prefix}.{region}.{suffix}`.
    pub(crate) fn endpoint(
        &self,
        sdk_id: &str,
        prefix: &str,
        region: &str,
    ) -> Result<String, CredentialsError> {
        let configured = self
            .settings
            .endpoint_url(sdk_id)
            .map_err(CredentialsError::invalid)?;
        Ok(match configured {
            Some(found) => found.value.trim_end_matches('/').to_owned(),
            None => format!("https://{prefix}.{region}.{}", dns_suffix(region)),
        })
    }

    /// Sends `request`, bounded by `timeout`; `what` names the source in errors
    /// (`instance metadata`). Answers of any status are returned.
    pub(crate) async fn send(
        &self,
        request: http::Request<Bytes>,
        timeout: Duration,
        what: &str,
    ) -> Result<http::Response<Bytes>, SendError> {
        let http = self.http().map_err(SendError::Unavailable)?;
        let uri = request.uri().clone();
        match tokio::time::timeout(timeout, http.call(request)).await {
            Err(_) => Err(SendError::NoAnswer(format!(
                "{what}: no answer from {uri} in {}",
                seconds(timeout)
            ))),
            Ok(Err(e)) => Err(SendError::Failed(format!("{what}: {uri}: {e}"))),
            Ok(Ok(response)) => Ok(response),
        }
    }
}

/// Why a provider's request got no response.
#[derive(Debug)]
pub(crate) enum SendError {
    /// There is no transport.
    Unavailable(CredentialsError),
    /// Nothing answered in time.
    NoAnswer(String),
    /// The connection failed.
    Failed(String),
}

impl SendError {
    /// As a provider error (the source is configured, so its failure stops a chain).
    pub(crate) fn into_provider_error(self) -> CredentialsError {
        match self {
            SendError::Unavailable(e) => e,
            SendError::NoAnswer(m) | SendError::Failed(m) => CredentialsError::provider_error(m),
        }
    }
}

/// `1 s`, `500 ms`.
pub(crate) fn seconds(duration: Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{} ms", duration.as_millis())
    }
}

/// A response body as text for an error message: at most 300 characters.
pub(crate) fn body_excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    match text.char_indices().nth(300) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Credentials as the container endpoint, instance metadata and `credential_process` print
/// them (`Token` or `SessionToken`, an optional RFC 3339 `Expiration`).
#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct IssuedJson {
    access_key_id: String,
    secret_access_key: String,
    #[serde(alias = "SessionToken")]
    token: Option<String>,
    expiration: Option<String>,
}

impl IssuedJson {
    /// The credentials, labelled with `source`.
    pub(crate) fn into_credentials(
        self,
        source: &'static str,
    ) -> Result<super::Credentials, String> {
        let mut credentials =
            super::Credentials::new(self.access_key_id, self.secret_access_key).with_source(source);
        if let Some(token) = self.token {
            credentials = credentials.with_session_token(token);
        }
        if let Some(expiration) = self.expiration {
            credentials = credentials.with_expiry(parse_expiry(&expiration)?);
        }
        Ok(credentials)
    }
}

/// Parses an RFC 3339 expiry (`2026-12-06T12:00:00Z`).
pub(crate) fn parse_expiry(text: &str) -> Result<std::time::SystemTime, String> {
    let time = crate::DateTime::parse(text.trim(), crate::datetime::Format::DateTime)
        .map_err(|e| format!("expiration {text:?} is not an RFC 3339 time: {e}"))?;
    let secs =
        u64::try_from(time.secs()).map_err(|_| format!("expiration {text:?} is before 1970"))?;
    Ok(std::time::UNIX_EPOCH
        + Duration::from_secs(secs)
        + Duration::from_nanos(u64::from(time.subsec_nanos())))
}
