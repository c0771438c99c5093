//! [`EnvironmentCredentials`]: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//! `AWS_SESSION_TOKEN`.

use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::client::transport::BoxFuture;
use crate::client::Env;

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and the optional
/// `AWS_SESSION_TOKEN`.
#[derive(Clone, Debug, Default)]
pub struct EnvironmentCredentials {
    env: Env,
}

impl EnvironmentCredentials {
    /// Reads the process environment.
    pub fn new() -> Self {
        EnvironmentCredentials {
            env: Env::process(),
        }
    }

    /// Reads `env` instead of the process environment.
    pub fn from_env(env: Env) -> Self {
        EnvironmentCredentials { env }
    }

    /// The credentials, read now.
    pub(crate) fn load(&self) -> Result<Credentials, CredentialsError> {
        let key = self.env.get_non_empty("AWS_ACCESS_KEY_ID");
        let secret = self.env.get_non_empty("AWS_SECRET_ACCESS_KEY");
        match (key, secret) {
            (Some(key), Some(secret)) => {
                let credentials = Credentials::new(key, secret).with_source("environment");
                Ok(match self.env.get_non_empty("AWS_SESSION_TOKEN") {
                    Some(token) => credentials.with_session_token(token),
                    None => credentials,
                })
            }
            (None, None) => Err(CredentialsError::not_loaded(
                "environment: AWS_ACCESS_KEY_ID unset",
            )),
            (Some(_), None) => Err(CredentialsError::invalid(
                "environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both",
            )),
            (None, Some(_)) => Err(CredentialsError::invalid(
                "environment: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not; set both",
            )),
        }
    }
}

impl ProvideCredentials for EnvironmentCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(std::future::ready(self.load()))
    }
}
