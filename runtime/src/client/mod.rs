//! The client side: configuration, credentials, endpoints, SigV4 signing, the HTTP transport,
//! retries, and the [`Handle`] that runs an [`Operation`](crate::Operation) through all of them.
//!
//! ```no_run
//! # use smithy_runtime::client::{Config, Handle, SdkError};
//! # use smithy_runtime::Operation;
//! # async fn example<O: Operation>(service: &'static smithy_runtime::protocol::ServiceSpec, input: O::Input)
//! # -> Result<O::Output, SdkError<O::Error>> {
//! // Region, credentials, endpoint and retries from the environment and ~/.aws/config, as
//! // the AWS SDKs find them (read at the first call).
//! let handle = Handle::new(Config::from_env(), service);
//! let output = handle.call::<O>(input).await?;
//! # Ok(output)
//! # }
//! ```
//!
//! * [`Config`] / [`ConfigBuilder`]: region, credentials, endpoint override, timeouts,
//!   [`RetryConfig`] ([`RetryMode`] standard or adaptive), and the pluggable parts:
//!   [`HttpClient`], [`IdempotencyTokenProvider`], [`TimeSource`].
//! * Credentials: [`Credentials`] (with an optional expiry), the asynchronous
//!   [`ProvideCredentials`] trait, the [`CredentialsCache`] put in front of every provider,
//!   and the sources: [`DefaultCredentialsChain`], [`EnvironmentCredentials`],
//!   [`ProfileCredentials`], [`WebIdentityCredentials`], [`ContainerCredentials`],
//!   [`ImdsCredentials`], which read an [`Env`] (the process environment or a map).
//! * [`resolve_endpoint`], [`apply_host_prefix`] (`@endpoint` host prefixes), [`sign_request`] (SigV4; the signing key kept per day, region and service).
//! * Transport: the [`HttpClient`] trait and [`HyperClient`] (feature `rustls`, on by default).
//! * For tests (feature `test-util`): `ScriptedTransport` (scripted answers, recorded requests),
//!   `json_response`, and the fixed `FixedTime` and `FixedToken` sources.
//! * [`Handle`] and [`Sender`] run operations; failures are [`SdkError`]s.
//!
//! Sleeps and timeouts use `tokio::time`, so calls need a tokio runtime (with its timer), and
//! tests under `#[tokio::test(start_paused = true)]` see retries and timeouts without waiting.

mod body;
mod config;
mod credentials;
mod endpoint;
mod endpoint_target;
mod env;
mod error;
mod orchestrator;
pub mod paginate;
mod profile;
mod rate_limit;
mod resolved;
mod retry;
mod retry_config;
#[cfg(feature = "aws-config")]
mod sdk_config;
mod sender;
mod settings;
mod sign;
mod sources;
mod telemetry;
#[cfg(feature = "test-util")]
mod test_util;
mod transport;
pub mod wait;

pub use config::{Config, ConfigBuilder, DEFAULT_MIN_COMPRESSION_SIZE};
pub use credentials::{
    ContainerCredentials, Credentials, CredentialsCache, CredentialsCacheBuilder, CredentialsError,
    CredentialsErrorKind, DefaultCredentialsChain, EnvironmentCredentials, ImdsCredentials,
    ProfileCredentials, ProvideCredentials, ProviderConfig, ProviderConfigBuilder,
    WebIdentityCredentials,
};
pub use endpoint::{apply_host_prefix, resolve_endpoint};
pub use env::Env;
pub use error::{
    ConstructionError, ConstructionErrorKind, MalformedResponse, SdkError, TimeoutError,
    TimeoutKind,
};
pub use orchestrator::Handle;
pub use resolved::ResolvedConfig;
pub use retry::{THROTTLING_ERROR_CODES, TRANSIENT_STATUS_CODES};
pub use retry_config::{Jitter, RetryConfig, RetryMode};
pub use sender::Sender;
pub use sign::{sign_request, user_agent};
#[cfg(feature = "test-util")]
pub use sources::{FixedTime, FixedToken};
pub use sources::{IdempotencyTokenProvider, RandomUuidTokens, SystemClock, TimeSource};
#[cfg(feature = "test-util")]
pub use test_util::{json_response, ScriptedTransport};
#[cfg(feature = "rustls")]
pub use transport::HyperClient;
pub use transport::{
    BoxFuture, HttpClient, HttpOptions, Proxy, TlsRoots, TransportError, TransportErrorKind,
};
