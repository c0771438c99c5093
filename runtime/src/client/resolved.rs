//! [`ResolvedConfig`]: the settings a client uses, once settled.

use super::retry_config::RetryConfig;

/// The settings a client settles at its first call: what the code set, else what the
/// environment and the profile files say. [`Handle::resolved_config`](super::Handle::resolved_config)
/// shows them.
#[derive(Clone, Debug)]
pub struct ResolvedConfig {
    pub(crate) region: Option<String>,
    pub(crate) endpoint_url: Option<String>,
    pub(crate) retry: RetryConfig,
    pub(crate) use_fips: bool,
    pub(crate) use_dual_stack: bool,
}

impl ResolvedConfig {
    /// The region.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The endpoint URL set in code or configured for the service, if any (else the
    /// service's regional endpoint is used).
    pub fn endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// The retry settings.
    pub fn retry_config(&self) -> &RetryConfig {
        &self.retry
    }

    /// Whether FIPS endpoints are asked for.
    pub fn use_fips(&self) -> bool {
        self.use_fips
    }

    /// Whether dual-stack (IPv4 and IPv6) endpoints are asked for.
    pub fn use_dual_stack(&self) -> bool {
        self.use_dual_stack
    }
}
