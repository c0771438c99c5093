//! [`DefaultCredentialsChain`]: the sources the AWS SDKs look at, in their order.

use super::container::ContainerCredentials;
use super::environment::EnvironmentCredentials;
use super::imds::ImdsCredentials;
use super::profile::ProfileCredentials;
use super::web_identity::WebIdentityCredentials;
use super::{
    Credentials, CredentialsError, CredentialsErrorKind, ProvideCredentials, ProviderConfig,
};
use crate::client::transport::BoxFuture;
use crate::client::Env;

/// The environment, the profile files, web identity from the environment, container
/// credentials, then instance metadata.
///
/// The first source with credentials wins. A source that is configured but unusable or
/// failing (say, only `AWS_ACCESS_KEY_ID` set, or STS refusing a role) stops the chain with
/// its error. When no source has credentials, the error says where the chain looked and why
/// each place gave nothing.
///
/// The chain fetches afresh each time it is asked; [`Config`](crate::client::Config) puts a
/// [`CredentialsCache`](super::CredentialsCache) in front of it.
#[derive(Debug)]
pub struct DefaultCredentialsChain {
    sources: Vec<Box<dyn ProvideCredentials>>,
}

impl DefaultCredentialsChain {
    /// The chain over the process environment, with the default HTTP transport.
    pub fn new() -> Self {
        Self::with(&ProviderConfig::default())
    }

    /// The chain over `env`: its variables, and the files and profile it names.
    pub fn from_env(env: Env) -> Self {
        Self::with(&ProviderConfig::from_env(env))
    }

    /// The chain with `config`'s environment, profile, transport, clock and region.
    pub fn with(config: &ProviderConfig) -> Self {
        DefaultCredentialsChain {
            sources: vec![
                Box::new(EnvironmentCredentials::from_env(config.env().clone())),
                Box::new(ProfileCredentials::new(config)),
                Box::new(WebIdentityCredentials::new(config)),
                Box::new(ContainerCredentials::new(config)),
                Box::new(ImdsCredentials::new(config)),
            ],
        }
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let mut looked_at = Vec::new();
        for source in &self.sources {
            match source.provide_credentials().await {
                Ok(credentials) => return Ok(credentials),
                Err(e) if e.kind() == CredentialsErrorKind::NotLoaded => {
                    looked_at.push(e.message().to_owned())
                }
                Err(e) => return Err(e),
            }
        }
        Err(CredentialsError::not_loaded(format!(
            "no AWS credentials found ({}); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, \
             configure a profile (`aws configure`, `aws sso login`), run where a role is \
             provided (ECS, EKS, EC2), or call Config::builder().credentials_provider(..)",
            looked_at.join("; ")
        )))
    }
}

impl Default for DefaultCredentialsChain {
    fn default() -> Self {
        Self::new()
    }
}

impl ProvideCredentials for DefaultCredentialsChain {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
