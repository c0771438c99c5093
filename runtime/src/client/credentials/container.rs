//! [`ContainerCredentials`]: the credentials endpoint of ECS tasks and EKS Pod Identity.
//!
//! `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is a path on the ECS agent
//! (`http://169.254.170.2`); `AWS_CONTAINER_CREDENTIALS_FULL_URI` is a whole URL, allowed
//! only where the AWS SDKs allow it: any `https://` URL, and `http://` only to a loopback
//! address (or a name that resolves only to loopback addresses), the ECS agent
//! (`169.254.170.2`) or the EKS Pod Identity agent (`169.254.170.23`, `fd00:ec2::23`). The
//! `Authorization` header is the content of `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read at
//! each fetch, since it is rotated), else `AWS_CONTAINER_AUTHORIZATION_TOKEN`.

use std::net::IpAddr;
use std::time::Duration;

use bytes::Bytes;
use serde::Deserialize;

use super::http::{body_excerpt, IssuedJson, ProviderConfig};
use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::client::transport::BoxFuture;

/// The ECS agent, which relative URIs are paths on.
const ECS_AGENT: &str = "http://169.254.170.2";
/// How long the endpoint may take to answer.
const TIMEOUT: Duration = Duration::from_secs(5);
/// The hosts `http://` full URIs may name besides loopback: the ECS and EKS agents.
const AGENT_ADDRESSES: [&str; 3] = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23"];

/// Container credentials; see the module docs.
#[derive(Clone, Debug)]
pub struct ContainerCredentials {
    config: ProviderConfig,
}

impl ContainerCredentials {
    /// The source with `config`'s environment, transport and clock.
    pub fn new(config: &ProviderConfig) -> Self {
        ContainerCredentials {
            config: config.clone(),
        }
    }

    /// The URL to ask, from the environment.
    async fn uri(&self) -> Result<String, CredentialsError> {
        let env = self.config.env();
        if let Some(relative) = env.get_non_empty("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            if !relative.starts_with('/') {
                return Err(CredentialsError::invalid(format!(
                    "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is {relative:?}: it must be a path starting with /"
                )));
            }
            return Ok(format!("{ECS_AGENT}{relative}"));
        }
        let Some(full) = env.get_non_empty("AWS_CONTAINER_CREDENTIALS_FULL_URI") else {
            return Err(CredentialsError::not_loaded(
                "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI unset",
            ));
        };
        check_full_uri(&full).await.map_err(|why| {
            CredentialsError::invalid(format!(
                "container: AWS_CONTAINER_CREDENTIALS_FULL_URI {full:?} {why}"
            ))
        })?;
        Ok(full)
    }

    /// The `Authorization` header value, if configured.
    fn authorization(&self) -> Result<Option<String>, CredentialsError> {
        let env = self.config.env();
        let token = match env.get_non_empty("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
            Some(path) => Some(std::fs::read_to_string(&path).map_err(|e| {
                CredentialsError::invalid(format!(
                    "container: cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE {path}: {e}"
                ))
            })?),
            None => env.get_non_empty("AWS_CONTAINER_AUTHORIZATION_TOKEN"),
        };
        let token = token.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        if token.as_deref().is_some_and(|t| t.contains(['\r', '\n'])) {
            return Err(CredentialsError::invalid(
                "container: the authorization token has a line break, which a header cannot carry",
            ));
        }
        Ok(token)
    }

    async fn load(&self) -> Result<Credentials, CredentialsError> {
        let uri = self.uri().await?;
        let mut request = http::Request::get(&uri);
        if let Some(token) = self.authorization()? {
            request = request.header(http::header::AUTHORIZATION, token);
        }
        let request = request.body(Bytes::new()).map_err(|e| {
            CredentialsError::invalid(format!("container: {uri:?} is not a usable URL: {e}"))
        })?;
        let response = self
            .config
            .send(request, TIMEOUT, "container")
            .await
            .map_err(|e| e.into_provider_error())?;
        parse(&response).map_err(|e| e.context("container"))
    }
}

/// Why an `http://` full URI is not allowed, if it is not.
async fn check_full_uri(full: &str) -> Result<(), String> {
    let uri: http::Uri = full.parse().map_err(|_| "is not a URL".to_owned())?;
    match uri.scheme_str() {
        Some("https") => return Ok(()),
        Some("http") => {}
        _ => return Err("must be an http:// or https:// URL".to_owned()),
    }
    let host = uri.host().unwrap_or_default();
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        if ip.is_loopback() || AGENT_ADDRESSES.iter().any(|a| a.parse() == Ok(ip)) {
            return Ok(());
        }
    } else if let Ok(addresses) = tokio::net::lookup_host((bare, 80)).await {
        let addresses: Vec<_> = addresses.collect();
        if !addresses.is_empty() && addresses.iter().all(|a| a.ip().is_loopback()) {
            return Ok(());
        }
    }
    Err(format!(
        "is not allowed: over http:// it must name a loopback address or the ECS or EKS agent ({}); use https:// for other hosts",
        AGENT_ADDRESSES.join(", ")
    ))
}

/// The credentials in an answer, or the error it reports.
fn parse(response: &http::Response<Bytes>) -> Result<Credentials, CredentialsError> {
    let status = response.status().as_u16();
    if !response.status().is_success() {
        let reported: Option<Reported> = serde_json::from_slice(response.body()).ok();
        let why = match reported {
            Some(Reported {
                code: Some(code),
                message,
            }) => format!("{code}: {}", message.unwrap_or_default()),
            _ => body_excerpt(response.body()),
        };
        return Err(CredentialsError::provider_error(format!(
            "the endpoint answered HTTP {status}: {why}"
        )));
    }
    let answer: IssuedJson = serde_json::from_slice(response.body()).map_err(|e| {
        CredentialsError::provider_error(format!(
            "unreadable answer: {e}: {}",
            body_excerpt(response.body())
        ))
    })?;
    answer
        .into_credentials("container")
        .map_err(CredentialsError::provider_error)
}

#[derive(Deserialize)]
struct Reported {
    code: Option<String>,
    message: Option<String>,
}

impl ProvideCredentials for ContainerCredentials {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(self.load())
    }
}

#[cfg(test)]
mod tests {
    use super::check_full_uri;

    #[tokio::test]
    async fn full_uri_hosts() {
        for allowed in [
            "https://creds.example.com/x",
            "http://127.0.0.1:8080/creds",
            "http://127.1.2.3/creds",
            "http://[::1]:80/creds",
            "http://169.254.170.2/v2/credentials",
            "http://169.254.170.23/v1/credentials",
            "http://[fd00:ec2::23]/v1/credentials",
            "http://localhost:9000/creds",
        ] {
            assert_eq!(check_full_uri(allowed).await, Ok(()), "{allowed}");
        }
        for refused in [
            "http://169.254.169.254/latest",
            "http://192.168.1.1/creds",
            "http://[fd00:ec2::254]/creds",
            "ftp://127.0.0.1/creds",
        ] {
            assert!(check_full_uri(refused).await.is_err(), "{refused}");
        }
    }
}
