//! SSO (IAM Identity Center) credentials: the access token that `aws sso login` cached in
//! `~/.aws/sso/cache`, exchanged at the SSO portal for the role's credentials.
//!
//! A profile names either an `sso_session` (whose `[sso-session]` section has
//! `sso_start_url` and `sso_region`; the token file is the SHA-1 of the session name) or,
//! in the legacy form, `sso_start_url` and `sso_region` itself (the token file is the SHA-1
//! of the start URL); in both, `sso_account_id` and `sso_role_name` pick the role. An
//! expired token is not refreshed: the error says to run `aws sso login`.

use std::path::PathBuf;
use std::time::{Duration, UNIX_EPOCH};

use bytes::Bytes;
use serde::Deserialize;
use sha1::{Digest, Sha1};

use super::http::{body_excerpt, parse_expiry, ProviderConfig};
use super::{Credentials, CredentialsError};

/// How long the portal may take to answer.
const TIMEOUT: Duration = Duration::from_secs(10);

/// What a profile says about its SSO role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SsoRole {
    pub(crate) profile: String,
    pub(crate) session: Option<String>,
    pub(crate) start_url: String,
    pub(crate) region: String,
    pub(crate) account_id: String,
    pub(crate) role_name: String,
}

impl SsoRole {
    /// The token cache file of this role's session or start URL.
    fn cache_file(&self, config: &ProviderConfig) -> Result<PathBuf, CredentialsError> {
        let key = self.session.as_deref().unwrap_or(&self.start_url);
        let digest = Sha1::digest(key.as_bytes());
        let name: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        config
            .env()
            .expand_home(&format!("~/.aws/sso/cache/{name}.json"))
            .ok_or_else(|| {
                CredentialsError::invalid("no home directory (HOME) to find ~/.aws/sso/cache in")
            })
    }

    fn login_hint(&self) -> String {
        format!("run `aws sso login --profile {}`", self.profile)
    }
}

/// The cached token's fields that matter here.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CachedToken {
    access_token: String,
    expires_at: String,
}

/// The role credentials of `role`.
pub(crate) async fn fetch(
    config: &ProviderConfig,
    role: &SsoRole,
) -> Result<Credentials, CredentialsError> {
    let token = cached_token(config, role)?;
    let endpoint = config.endpoint("SSO", "portal.sso", &role.region)?;
    let query = format!(
        "role_name={}&account_id={}",
        percent_encoding::utf8_percent_encode(&role.role_name, percent_encoding::NON_ALPHANUMERIC),
        percent_encoding::utf8_percent_encode(&role.account_id, percent_encoding::NON_ALPHANUMERIC),
    );
    let request = http::Request::get(format!("{endpoint}/federation/credentials?{query}"))
        .header("x-amz-sso_bearer_token", token)
        .body(Bytes::new())
        .map_err(|e| {
            CredentialsError::invalid(format!("the SSO endpoint {endpoint:?} is not a URL: {e}"))
        })?;
    let what = format!(
        "SSO GetRoleCredentials of {} in account {}",
        role.role_name, role.account_id
    );
    let response = config
        .send(request, TIMEOUT, &what)
        .await
        .map_err(|e| e.into_provider_error())?;
    parse(&response).map_err(|why| {
        let hint = if response.status() == http::StatusCode::UNAUTHORIZED {
            format!("; {}", role.login_hint())
        } else {
            String::new()
        };
        CredentialsError::provider_error(format!("{what} failed: {why}{hint}"))
    })
}

fn cached_token(config: &ProviderConfig, role: &SsoRole) -> Result<String, CredentialsError> {
    let path = role.cache_file(config)?;
    let shown = path.display();
    let text = std::fs::read_to_string(&path).map_err(|e| {
        CredentialsError::invalid(format!(
            "no cached SSO token at {shown} ({e}); {}",
            role.login_hint()
        ))
    })?;
    let cached: CachedToken = serde_json::from_str(&text).map_err(|e| {
        CredentialsError::invalid(format!(
            "the cached SSO token {shown} is unreadable ({e}); {}",
            role.login_hint()
        ))
    })?;
    // Older AWS CLI versions wrote `2026-12-06T12:00:00UTC`.
    let expires_at = cached.expires_at.replace("UTC", "Z");
    let expiry = parse_expiry(&expires_at).map_err(CredentialsError::invalid)?;
    if expiry <= config.time.now() {
        return Err(CredentialsError::invalid(format!(
            "the cached SSO token {shown} expired at {}; {}",
            cached.expires_at,
            role.login_hint()
        )));
    }
    Ok(cached.access_token)
}

fn parse(response: &http::Response<Bytes>) -> Result<Credentials, String> {
    if !response.status().is_success() {
        let code = response
            .headers()
            .get("x-amzn-errortype")
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(':').next().unwrap_or(v).to_owned());
        let body: Option<ErrorBody> = serde_json::from_slice(response.body()).ok();
        let message = body.and_then(|b| b.message.or(b.upper_message));
        return Err(match (code, message) {
            (Some(code), Some(message)) => {
                format!("{code}: {message} (HTTP {})", response.status().as_u16())
            }
            _ => format!(
                "HTTP {}: {}",
                response.status().as_u16(),
                body_excerpt(response.body())
            ),
        });
    }
    let answer: Answer = serde_json::from_slice(response.body())
        .map_err(|e| format!("unreadable answer: {e}: {}", body_excerpt(response.body())))?;
    let found = answer.role_credentials;
    let expiry = UNIX_EPOCH + Duration::from_millis(found.expiration.max(0) as u64);
    Ok(
        Credentials::new(found.access_key_id, found.secret_access_key)
            .with_session_token(found.session_token)
            .with_expiry(expiry)
            .with_source("sso"),
    )
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Answer {
    role_credentials: RoleCredentials,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RoleCredentials {
    access_key_id: String,
    secret_access_key: String,
    session_token: String,
    /// Milliseconds since the epoch.
    expiration: i64,
}

#[derive(Deserialize)]
struct ErrorBody {
    message: Option<String>,
    #[serde(rename = "Message")]
    upper_message: Option<String>,
}
