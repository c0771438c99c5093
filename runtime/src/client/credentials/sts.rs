//! STS `AssumeRole` (signed with the source credentials) and `AssumeRoleWithWebIdentity`
//! (unsigned, with a web identity token): awsQuery requests, XML answers.

use std::time::Duration;

use bytes::Bytes;
use serde::Deserialize;

use super::http::{body_excerpt, parse_expiry, ProviderConfig};
use super::{Credentials, CredentialsError};
use crate::client::sign::sign_request;

/// How long one STS call may take.
const STS_TIMEOUT: Duration = Duration::from_secs(10);

/// What to assume: the role, and the optional settings of a profile's role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Role {
    pub(crate) arn: String,
    pub(crate) session_name: String,
    pub(crate) external_id: Option<String>,
    pub(crate) duration_seconds: Option<u32>,
}

/// A session name for calls that were given none: `smithy-rs-gamedev-<milliseconds>`.
pub(crate) fn default_session_name(config: &ProviderConfig) -> String {
    let millis = config
        .time
        .now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    format!("smithy-rs-gamedev-{millis}")
}

/// `AssumeRole` of `role`, signed with `source`.
pub(crate) async fn assume_role(
    config: &ProviderConfig,
    source: &Credentials,
    role: &Role,
) -> Result<Credentials, CredentialsError> {
    let mut form = vec![
        ("Action", "AssumeRole".to_owned()),
        ("Version", "2011-06-15".to_owned()),
        ("RoleArn", role.arn.clone()),
        ("RoleSessionName", role.session_name.clone()),
    ];
    if let Some(id) = &role.external_id {
        form.push(("ExternalId", id.clone()));
    }
    if let Some(seconds) = role.duration_seconds {
        form.push(("DurationSeconds", seconds.to_string()));
    }
    let region = config.sts_region();
    let mut request = sts_request(config, &region, &form)?;
    sign_request(&mut request, source, &region, "sts", config.time.now())
        .map_err(|e| CredentialsError::invalid(format!("cannot sign the STS request: {e}")))?;
    call(config, request, "AssumeRole", &role.arn).await
}

/// `AssumeRoleWithWebIdentity` of `role` with `token`.
pub(crate) async fn assume_role_with_web_identity(
    config: &ProviderConfig,
    role: &Role,
    token: &str,
) -> Result<Credentials, CredentialsError> {
    let form = [
        ("Action", "AssumeRoleWithWebIdentity".to_owned()),
        ("Version", "2011-06-15".to_owned()),
        ("RoleArn", role.arn.clone()),
        ("RoleSessionName", role.session_name.clone()),
        ("WebIdentityToken", token.to_owned()),
    ];
    let region = config.sts_region();
    let request = sts_request(config, &region, &form)?;
    call(config, request, "AssumeRoleWithWebIdentity", &role.arn).await
}

fn sts_request(
    config: &ProviderConfig,
    region: &str,
    form: &[(&str, String)],
) -> Result<http::Request<Bytes>, CredentialsError> {
    let endpoint = config.endpoint("STS", "sts", region)?;
    let body = form
        .iter()
        .map(|(k, v)| format!("{k}={}", form_encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    http::Request::post(format!("{endpoint}/"))
        .header(
            http::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded; charset=utf-8",
        )
        .body(Bytes::from(body))
        .map_err(|e| {
            CredentialsError::invalid(format!("the STS endpoint {endpoint:?} is not a URL: {e}"))
        })
}

/// Percent-encodes a form value: everything but the unreserved characters.
fn form_encode(value: &str) -> String {
    const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(value, UNRESERVED).to_string()
}

async fn call(
    config: &ProviderConfig,
    request: http::Request<Bytes>,
    action: &str,
    role_arn: &str,
) -> Result<Credentials, CredentialsError> {
    let what = format!("STS {action} of {role_arn}");
    let response = config
        .send(request, STS_TIMEOUT, &what)
        .await
        .map_err(|e| e.into_provider_error())?;
    let status = response.status();
    let text = std::str::from_utf8(response.body()).unwrap_or_default();
    let envelope: Envelope = quick_xml::de::from_str(text).map_err(|e| {
        CredentialsError::provider_error(format!(
            "{what}: unreadable answer (HTTP {}): {e}: {}",
            status.as_u16(),
            body_excerpt(response.body())
        ))
    })?;
    if let Some(error) = envelope.error {
        return Err(CredentialsError::provider_error(format!(
            "{what} failed: {}: {} (HTTP {})",
            error.code,
            error.message.unwrap_or_default(),
            status.as_u16()
        )));
    }
    match (status.is_success(), envelope.result) {
        (true, Some(result)) => result.credentials.into_credentials(&what),
        _ => Err(CredentialsError::provider_error(format!(
            "{what}: HTTP {} without credentials: {}",
            status.as_u16(),
            body_excerpt(response.body())
        ))),
    }
}

/// The root of an STS answer: `…Response` with a `…Result`, or `ErrorResponse`.
#[derive(Deserialize)]
struct Envelope {
    #[serde(rename = "AssumeRoleResult", alias = "AssumeRoleWithWebIdentityResult")]
    result: Option<RoleResult>,
    #[serde(rename = "Error")]
    error: Option<ErrorBody>,
}

#[derive(Deserialize)]
struct RoleResult {
    #[serde(rename = "Credentials")]
    credentials: XmlCredentials,
}

#[derive(Deserialize)]
struct XmlCredentials {
    #[serde(rename = "AccessKeyId")]
    access_key_id: String,
    #[serde(rename = "SecretAccessKey")]
    secret_access_key: String,
    #[serde(rename = "SessionToken")]
    session_token: String,
    #[serde(rename = "Expiration")]
    expiration: String,
}

impl XmlCredentials {
    fn into_credentials(self, what: &str) -> Result<Credentials, CredentialsError> {
        let expiry = parse_expiry(&self.expiration)
            .map_err(|e| CredentialsError::provider_error(format!("{what}: {e}")))?;
        Ok(Credentials::new(self.access_key_id, self.secret_access_key)
            .with_session_token(self.session_token)
            .with_expiry(expiry)
            .with_source("sts"))
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(rename = "Code")]
    code: String,
    #[serde(rename = "Message")]
    message: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_are_percent_encoded() {
        assert_eq!(
            form_encode("arn:aws:iam::1:role/a b+c"),
            "arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fa%20b%2Bc"
        );
        assert_eq!(form_encode("a-b_c.d~e"), "a-b_c.d~e");
    }

    #[test]
    fn answers_and_errors_parse() {
        let ok = r#"<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
            <AssumeRoleWithWebIdentityResult><SubjectFromWebIdentityToken>x</SubjectFromWebIdentityToken>
            <Credentials><AccessKeyId>ASIA</AccessKeyId><SecretAccessKey>s</SecretAccessKey>
            <SessionToken>t+/=</SessionToken><Expiration>2026-12-06T12:00:00Z</Expiration></Credentials>
            </AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>"#;
        let envelope: Envelope = quick_xml::de::from_str(ok).unwrap();
        let credentials = envelope
            .result
            .unwrap()
            .credentials
            .into_credentials("x")
            .unwrap();
        assert_eq!(credentials.session_token(), Some("t+/="));
        let error = r#"<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>
            <Message>not &quot;allowed&quot;</Message></Error><RequestId>r</RequestId></ErrorResponse>"#;
        let envelope: Envelope = quick_xml::de::from_str(error).unwrap();
        let error = envelope.error.unwrap();
        assert_eq!(
            (error.code.as_str(), error.message.as_deref()),
            ("AccessDenied", Some("not \"allowed\""))
        );
    }
}
