//! [`ImdsCredentials`]: the EC2 instance metadata service, IMDSv2 only.
//!
//! A session token (`PUT /latest/api/token`), the instance profile's role name
//! (`GET /latest/meta-data/iam/security-credentials/`), then its credentials. Each request
//! may take 1 second, so a machine without instance metadata fails in about a second.
//! `AWS_EC2_METADATA_DISABLED=true` turns the source off; `AWS_EC2_METADATA_SERVICE_ENDPOINT`
//! (profile: `ec2_metadata_service_endpoint`) moves it, and
//! `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6` (`ec2_metadata_service_endpoint_mode`)
//! selects its IPv6 address.

use std::time::Duration;

use bytes::Bytes;
use serde::Deserialize;

use super::http::{body_excerpt, seconds, IssuedJson, ProviderConfig, SendError};
use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::client::transport::BoxFuture;

const IPV4_ENDPOINT: &str = "http://169.254.169.254";
const IPV6_ENDPOINT: &str = "http://[fd00:ec2::254]";
/// How long each metadata request may take.
const TIMEOUT: Duration = Duration::from_secs(1);
/// The session token's lifetime asked for, in seconds (6 hours, the most IMDS grants).
const TOKEN_TTL: &str = "21600";
const WHAT: &str = "instance metadata";

/// Instance metadata credentials; see the module docs.
#[derive(Clone, Debug)]
pub struct ImdsCredentials {
    config: ProviderConfig,
}

impl ImdsCredentials {
    /// The source with `config`'s environment, transport and clock.
    pub fn new(config: &ProviderConfig) -> Self {
        ImdsCredentials {
            config: config.clone(),
        }
    }

    fn endpoint(&self) -> Result<String, CredentialsError> {
        let settings = &self.config.settings;
        let invalid =
            |e: crate::client::profile::ProfileError| CredentialsError::invalid(e.to_string());
        let endpoint = settings
            .find(
                "AWS_EC2_METADATA_SERVICE_ENDPOINT",
                "ec2_metadata_service_endpoint",
            )
            .map_err(invalid)?;
        if let Some(endpoint) = endpoint {
            return Ok(endpoint.value.trim_end_matches('/').to_owned());
        }
        let mode = settings
            .find(
                "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
                "ec2_metadata_service_endpoint_mode",
            )
            .map_err(invalid)?;
        match mode.as_ref().map(|m| m.value.to_ascii_lowercase()) {
            None => Ok(IPV4_ENDPOINT.to_owned()),
            Some(m) if m == "ipv4" => Ok(IPV4_ENDPOINT.to_owned()),
            Some(m) if m == "ipv6" => Ok(IPV6_ENDPOINT.to_owned()),
            Some(_) => Err(CredentialsError::invalid(format!(
                "{WHAT}: {} is {:?}: expected IPv4 or IPv6",
                mode.as_ref().map(|m| m.origin.as_str()).unwrap_or_default(),
                mode.as_ref().map(|m| m.value.as_str()).unwrap_or_default()
            ))),
        }
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let disabled = self.config.env().get_non_empty("AWS_EC2_METADATA_DISABLED");
        if disabled.is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            return Err(CredentialsError::not_loaded(format!(
                "{WHAT}: turned off by AWS_EC2_METADATA_DISABLED"
            )));
        }
        let endpoint = self.endpoint()?;
        let token = self.token(&endpoint).await?;
        let base = format!("{endpoint}/latest/meta-data/iam/security-credentials/");
        let role = self.get(&base, &token).await?;
        let role = role.lines().next().unwrap_or_default().trim().to_owned();
        if role.is_empty() {
            return Err(CredentialsError::provider_error(format!(
                "{WHAT}: the instance lists no IAM role"
            )));
        }
        let answer = self.get(&format!("{base}{role}"), &token).await?;
        parse(&answer).map_err(|e| e.context(WHAT))
    }

    /// A session token; no answer means there is no instance metadata service here.
    async fn token(&self, endpoint: &str) -> Result<String, CredentialsError> {
        let request = http::Request::put(format!("{endpoint}/latest/api/token"))
            .header("x-aws-ec2-metadata-token-ttl-seconds", TOKEN_TTL)
            .body(Bytes::new())
            .map_err(|e| {
                CredentialsError::invalid(format!(
                    "{WHAT}: endpoint {endpoint:?} is not a URL: {e}"
                ))
            })?;
        let response = match self.config.send(request, TIMEOUT, WHAT).await {
            Ok(response) => response,
            Err(SendError::NoAnswer(_)) => {
                return Err(CredentialsError::not_loaded(format!(
                    "{WHAT}: no answer from {endpoint} in {}",
                    seconds(TIMEOUT)
                )))
            }
            Err(SendError::Failed(why)) => return Err(CredentialsError::not_loaded(why)),
            Err(SendError::Unavailable(e)) => return Err(e),
        };
        if !response.status().is_success() {
            return Err(CredentialsError::provider_error(format!(
                "{WHAT}: the session token request got HTTP {} (IMDSv2 must be enabled): {}",
                response.status().as_u16(),
                body_excerpt(response.body())
            )));
        }
        String::from_utf8(response.body().to_vec()).map_err(|_| {
            CredentialsError::provider_error(format!("{WHAT}: the session token is not text"))
        })
    }

    async fn get(&self, uri: &str, token: &str) -> Result<String, CredentialsError> {
        let request = http::Request::get(uri)
            .header("x-aws-ec2-metadata-token", token)
            .body(Bytes::new())
            .map_err(|e| CredentialsError::provider_error(format!("{WHAT}: {uri}: {e}")))?;
        let response = self
            .config
            .send(request, TIMEOUT, WHAT)
            .await
            .map_err(|e| e.into_provider_error())?;
        if response.status() == http::StatusCode::NOT_FOUND {
            return Err(CredentialsError::provider_error(format!(
                "{WHAT}: {uri} not found: the instance has no IAM role (attach an instance profile)"
            )));
        }
        if !response.status().is_success() {
            return Err(CredentialsError::provider_error(format!(
                "{WHAT}: {uri} answered HTTP {}: {}",
                response.status().as_u16(),
                body_excerpt(response.body())
            )));
        }
        Ok(String::from_utf8_lossy(response.body()).into_owned())
    }
}

fn parse(answer: &str) -> Result<Credentials, CredentialsError> {
    let answer: Answer = serde_json::from_str(answer)
        .map_err(|e| CredentialsError::provider_error(format!("unreadable credentials: {e}")))?;
    if answer.code != "Success" {
        return Err(CredentialsError::provider_error(format!(
            "the credentials are not available: {}: {}",
            answer.code,
            answer.message.unwrap_or_default()
        )));
    }
    let Some(issued) = answer.issued else {
        return Err(CredentialsError::provider_error(
            "the answer has no AccessKeyId or SecretAccessKey",
        ));
    };
    issued
        .into_credentials("instance metadata")
        .map_err(CredentialsError::provider_error)
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Answer {
    code: String,
    message: Option<String>,
    #[serde(flatten)]
    issued: Option<IssuedJson>,
}

impl ProvideCredentials for ImdsCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}
