//! AWS credentials and where they come from.
//!
//! [`ProvideCredentials`] is the asynchronous, pluggable source. [`CredentialsCache`] sits in
//! front of any source: it serves cached credentials, refreshes them ahead of their expiry
//! with one fetch however many calls wait, and rides out a failed refresh for a bounded time.
//! [`DefaultCredentialsChain`] looks where the AWS SDKs look, in their order: the
//! environment, the shared config and credentials files (static keys, `credential_process`,
//! roles to assume, SSO, web identity), web identity from the environment (EKS), container
//! credentials (ECS, EKS Pod Identity) and EC2 instance metadata (IMDSv2).

mod cache;
mod chain;
mod container;
mod environment;
mod http;
mod imds;
mod process;
mod profile;
mod sso;
mod sts;
mod web_identity;

use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

use super::sign::SigningKeys;
use super::transport::BoxFuture;
use crate::REDACTED;

pub use cache::{CredentialsCache, CredentialsCacheBuilder};
pub use chain::DefaultCredentialsChain;
pub use container::ContainerCredentials;
pub use environment::EnvironmentCredentials;
pub use imds::ImdsCredentials;
pub use profile::ProfileCredentials;
pub use web_identity::WebIdentityCredentials;

pub use http::{ProviderConfig, ProviderConfigBuilder};

/// An access key, its secret, an optional session token and an optional expiry.
///
/// Cloning is cheap (the values are shared). `Debug` shows the access key id, the expiry and
/// the source; the secret and the token print as redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials(Arc<Inner>);

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    expiry: Option<SystemTime>,
    source: &'static str,
    /// The SigV4 signing key last derived from the secret.
    signing_keys: SigningKeys,
}

impl Credentials {
    /// Credentials from a key id and its secret, without a session token or expiry.
    pub fn new(access_key_id: impl Into<String>, secret_access_key: impl Into<String>) -> Self {
        Credentials(Arc::new(Inner {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token: None,
            expiry: None,
            source: "static",
            signing_keys: SigningKeys::default(),
        }))
    }

    /// Sets the session token of temporary credentials.
    pub fn with_session_token(mut self, session_token: impl Into<String>) -> Self {
        Arc::make_mut(&mut self.0).session_token = Some(session_token.into());
        self
    }

    /// Sets the time after which the credentials are no longer valid.
    pub fn with_expiry(mut self, expiry: SystemTime) -> Self {
        Arc::make_mut(&mut self.0).expiry = Some(expiry);
        self
    }

    /// Names the source the credentials came from (`environment`, `profile`, `container`…),
    /// for messages and `Debug`.
    pub fn with_source(mut self, source: &'static str) -> Self {
        Arc::make_mut(&mut self.0).source = source;
        self
    }

    /// The access key id (`AKIA…`, `ASIA…`).
    pub fn access_key_id(&self) -> &str {
        &self.0.access_key_id
    }

    /// The secret access key.
    pub fn secret_access_key(&self) -> &str {
        &self.0.secret_access_key
    }

    /// The session token of temporary credentials.
    pub fn session_token(&self) -> Option<&str> {
        self.0.session_token.as_deref()
    }

    /// When the credentials stop being valid; `None` when they do not expire.
    pub fn expiry(&self) -> Option<SystemTime> {
        self.0.expiry
    }

    /// The source they came from (`static` unless a provider said otherwise).
    pub fn source(&self) -> &'static str {
        self.0.source
    }

    /// The cache of the SigV4 signing key derived from these credentials.
    pub(crate) fn signing_keys(&self) -> &SigningKeys {
        &self.0.signing_keys
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.0.access_key_id)
            .field("secret_access_key", &REDACTED)
            .field(
                "session_token",
                &self.0.session_token.as_ref().map(|_| REDACTED),
            )
            .field("expiry", &self.0.expiry)
            .field("source", &self.0.source)
            .finish()
    }
}

/// A source of credentials.
///
/// Calls reach a provider through a [`CredentialsCache`] (the configuration puts one in
/// front of every provider), so a provider may fetch over the network each time it is asked.
///
/// ```
/// use smithy_runtime::client::{BoxFuture, Credentials, CredentialsError, ProvideCredentials};
///
/// #[derive(Debug)]
/// struct FromVault;
///
/// impl ProvideCredentials for FromVault {
///     fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
///         Box::pin(async { Ok(Credentials::new("AKID", "SECRET").with_source("vault")) })
///     }
/// }
/// ```
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// The credentials to sign the next requests with.
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>>;
}

/// Static credentials provide themselves.
impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(std::future::ready(Ok(self.clone())))
    }
}

impl<T: ProvideCredentials + ?Sized> ProvideCredentials for Arc<T> {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        (**self).provide_credentials()
    }
}

/// Why a provider gave no credentials.
#[derive(Clone, Debug)]
pub struct CredentialsError {
    kind: CredentialsErrorKind,
    message: String,
    source: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

/// What a [`CredentialsError`] means for a chain of providers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsErrorKind {
    /// The source is not configured here (variable unset, file or profile absent, no
    /// metadata service): a chain moves on to its next provider.
    NotLoaded,
    /// The source is configured but unusable (half-set variables, a malformed file, a
    /// profile that names a missing profile): a chain stops and reports it.
    Invalid,
    /// The source is configured but fetching failed (STS or SSO refused, a network failure,
    /// a `credential_process` that exited with an error): a chain stops and reports it.
    ProviderError,
}

impl CredentialsError {
    /// The source has no credentials; `message` says what was looked at.
    pub fn not_loaded(message: impl Into<String>) -> Self {
        Self::new(CredentialsErrorKind::NotLoaded, message)
    }

    /// The source is configured but unusable; `message` says what is wrong.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(CredentialsErrorKind::Invalid, message)
    }

    /// Fetching from a configured source failed; `message` says what happened.
    pub fn provider_error(message: impl Into<String>) -> Self {
        Self::new(CredentialsErrorKind::ProviderError, message)
    }

    fn new(kind: CredentialsErrorKind, message: impl Into<String>) -> Self {
        CredentialsError {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// Attaches the underlying error.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Arc::new(source));
        self
    }

    /// Which of the cases this is.
    pub fn kind(&self) -> CredentialsErrorKind {
        self.kind
    }

    /// What was looked at, or what is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The same error with `context: ` in front of its message.
    pub(crate) fn context(mut self, context: &str) -> Self {
        self.message = format!("{context}: {}", self.message);
        self
    }
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CredentialsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}
