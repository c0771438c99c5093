//! Feature `aws-config`: configuration from an `aws_types::SdkConfig`, as
//! `aws_config::load_defaults` returns it, for teams already on aws-config.

use std::sync::Arc;

use aws_credential_types::provider::{
    ProvideCredentials as SdkProvideCredentials, SharedCredentialsProvider,
};
use aws_smithy_types::retry::RetryMode as SdkRetryMode;
use aws_types::SdkConfig;

use super::{
    BoxFuture, ConfigBuilder, Credentials, CredentialsError, ProvideCredentials, RetryConfig,
    RetryMode,
};

/// aws-config's credentials provider, asked through our trait.
#[derive(Debug)]
struct SdkCredentials(SharedCredentialsProvider);

impl ProvideCredentials for SdkCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(async move {
            let found = self.0.provide_credentials().await.map_err(|e| {
                let message = format!("aws-config credentials provider: {e}");
                match e {
                    aws_credential_types::provider::error::CredentialsError::CredentialsNotLoaded(_) => {
                        CredentialsError::not_loaded(message)
                    }
                    other => CredentialsError::provider_error(message).with_source(other),
                }
            })?;
            let mut credentials =
                Credentials::new(found.access_key_id(), found.secret_access_key())
                    .with_source("aws-config");
            if let Some(token) = found.session_token() {
                credentials = credentials.with_session_token(token);
            }
            if let Some(expiry) = found.expiry() {
                credentials = credentials.with_expiry(expiry);
            }
            Ok(credentials)
        })
    }
}

impl ConfigBuilder {
    /// A builder holding what `sdk` sets: its credentials provider (behind our
    /// [`CredentialsCache`](super::CredentialsCache)), region, endpoint URL, retry settings
    /// (attempts, backoff, standard or adaptive mode) and operation and attempt timeouts.
    /// What `sdk` leaves unset stays unset here, so [`load_env`](Self::load_env) can still
    /// fill it.
    ///
    /// ```
    /// # use smithy_runtime::client::ConfigBuilder;
    /// // In an application: `let sdk = aws_config::load_defaults(BehaviorVersion::latest()).await;`
    /// let sdk = aws_types::SdkConfig::builder()
    ///     .region(aws_types::region::Region::new("eu-west-1"))
    ///     .build();
    /// let config = ConfigBuilder::from_sdk_config(&sdk).build();
    /// assert_eq!(config.region(), Some("eu-west-1"));
    /// ```
    pub fn from_sdk_config(sdk: &SdkConfig) -> Self {
        let mut builder = ConfigBuilder::default();
        if let Some(provider) = sdk.credentials_provider() {
            builder = builder.shared_credentials_provider(Arc::new(SdkCredentials(provider)));
        }
        if let Some(region) = sdk.region() {
            builder = builder.region(region.to_string());
        }
        if let Some(url) = sdk.endpoint_url() {
            builder = builder.endpoint_url(url);
        }
        if let Some(retry) = sdk.retry_config() {
            let mode = match retry.mode() {
                SdkRetryMode::Adaptive => RetryMode::Adaptive,
                _ => RetryMode::Standard,
            };
            builder = builder.retry_config(
                RetryConfig::standard()
                    .mode(mode)
                    .max_attempts(retry.max_attempts())
                    .initial_backoff(retry.initial_backoff())
                    .max_backoff(retry.max_backoff()),
            );
        }
        if let Some(timeouts) = sdk.timeout_config() {
            if let Some(timeout) = timeouts.operation_timeout() {
                builder = builder.operation_timeout(timeout);
            }
            if let Some(timeout) = timeouts.operation_attempt_timeout() {
                builder = builder.attempt_timeout(timeout);
            }
        }
        builder
    }
}
