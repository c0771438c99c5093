//! [`WebIdentityCredentials`]: STS `AssumeRoleWithWebIdentity` with a token from a file,
//! as EKS (IAM roles for service accounts) sets it up: `AWS_WEB_IDENTITY_TOKEN_FILE`,
//! `AWS_ROLE_ARN` and the optional `AWS_ROLE_SESSION_NAME`.

use std::path::Path;

use super::sts::{assume_role_with_web_identity, default_session_name, Role};
use super::{Credentials, CredentialsError, ProvideCredentials, ProviderConfig};
use crate::client::transport::BoxFuture;

/// Web identity credentials from the environment; see the module docs. The token file is
/// read at each fetch, since it is rotated.
#[derive(Clone, Debug)]
pub struct WebIdentityCredentials {
    config: ProviderConfig,
}

impl WebIdentityCredentials {
    /// The source with `config`'s environment, transport and clock.
    pub fn new(config: &ProviderConfig) -> Self {
        WebIdentityCredentials {
            config: config.clone(),
        }
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let env = self.config.env();
        let Some(token_file) = env.get_non_empty("AWS_WEB_IDENTITY_TOKEN_FILE") else {
            return Err(CredentialsError::not_loaded(
                "web identity: AWS_WEB_IDENTITY_TOKEN_FILE unset",
            ));
        };
        let Some(arn) = env.get_non_empty("AWS_ROLE_ARN") else {
            return Err(CredentialsError::invalid(
                "web identity: AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not; set both",
            ));
        };
        let role = Role {
            arn,
            session_name: env
                .get_non_empty("AWS_ROLE_SESSION_NAME")
                .unwrap_or_else(|| default_session_name(&self.config)),
            external_id: None,
            duration_seconds: None,
        };
        fetch(&self.config, Path::new(&token_file), &role)
            .await
            .map_err(|e| e.context("web identity"))
    }
}

/// Reads the token in `token_file` and exchanges it for `role`'s credentials.
pub(crate) async fn fetch(
    config: &ProviderConfig,
    token_file: &Path,
    role: &Role,
) -> Result<Credentials, CredentialsError> {
    let token = std::fs::read_to_string(token_file).map_err(|e| {
        CredentialsError::invalid(format!(
            "cannot read the token file {}: {e}",
            token_file.display()
        ))
    })?;
    let token = token.trim();
    if token.is_empty() {
        return Err(CredentialsError::invalid(format!(
            "the token file {} is empty",
            token_file.display()
        )));
    }
    let credentials = assume_role_with_web_identity(config, role, token).await?;
    Ok(credentials.with_source("web identity"))
}

impl ProvideCredentials for WebIdentityCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
