//! SigV4 request signing and the `User-Agent` header.
//!
//! The signer is the runtime's own (`canonical` builds the canonical request; HMAC-SHA256 from
//! RustCrypto's `hmac` and `sha2`): unlike `aws-sigv4`'s API, it lets a client keep the
//! signing key of a day, region and service, which is most of the cost of signing one
//! request. The tests check it against `aws-sigv4` on varied requests.

mod canonical;
mod key;

use std::time::SystemTime;

use bytes::Bytes;
use http::header::{HeaderName, AUTHORIZATION};
use http::HeaderValue;
use sha2::Digest as _;

use self::canonical::{canonical_request, hex, Signable};
pub(crate) use self::key::SigningKeys;
use super::credentials::Credentials;
use super::error::{ConstructionError, ConstructionErrorKind};
use crate::protocol::ServiceSpec;

/// The algorithm of SigV4 with HMAC-SHA256.
const ALGORITHM: &str = "AWS4-HMAC-SHA256";
const X_AMZ_DATE: &str = "x-amz-date";
const X_AMZ_SECURITY_TOKEN: &str = "x-amz-security-token";

/// The `User-Agent` this client sends: `smithy-rs-gamedev/{VERSION} api/{sdk_id}` (spaces in the
/// sdkId become `-`).
pub fn user_agent(service: &ServiceSpec) -> String {
    format!(
        "smithy-rs-gamedev/{} api/{}",
        crate::VERSION,
        service.sdk_id.replace(' ', "-")
    )
}

/// Values that end up in headers must be valid header values (the signer would panic later).
fn check_header_safe(
    credentials: &Credentials,
    region: &str,
    signing_name: &str,
) -> Result<(), String> {
    let header_safe = [
        ("access key id", Some(credentials.access_key_id())),
        ("session token", credentials.session_token()),
        ("region", Some(region)),
        ("signing name", Some(signing_name)),
    ];
    for (what, value) in header_safe {
        if let Some(value) = value {
            if value.is_empty()
                || HeaderValue::from_str(value).is_err()
                || value.contains(['\t', ' '])
            {
                return Err(format!(
                    "cannot sign the request: the {what} is empty or has characters not allowed in an HTTP header"
                ));
            }
        }
    }
    Ok(())
}

/// Signs `request` with SigV4 for service `signing_name` in `region` at `time`.
///
/// Adds `x-amz-date`, `authorization` and, for temporary credentials, `x-amz-security-token`.
/// Every header present is signed except `user-agent`, `authorization`,
/// `x-amzn-trace-id` and `transfer-encoding`; `host` comes from the URI when absent; the payload
/// hash is that of the body.
///
/// # Errors
///
/// When the credentials, region or signing name cannot go in a header, the URI has no host,
/// or a header value is not visible ASCII.
pub fn sign_request(
    request: &mut http::Request<Bytes>,
    credentials: &Credentials,
    region: &str,
    signing_name: &str,
    time: SystemTime,
) -> Result<(), ConstructionError> {
    let signing_error =
        |message: String| ConstructionError::new(ConstructionErrorKind::Signing, message);
    check_header_safe(credentials, region, signing_name).map_err(signing_error)?;
    let Some(authority) = request.uri().authority().cloned() else {
        return Err(signing_error(format!(
            "cannot sign the request: its URI {} has no host",
            request.uri()
        )));
    };
    // The signed `host` header, sent as signed (as botocore does) rather than left to the transport.
    if !request.headers().contains_key(http::header::HOST) {
        let host = HeaderValue::from_str(authority.as_str()).map_err(|_| {
            signing_error(format!("cannot sign the request: invalid host {authority}"))
        })?;
        request.headers_mut().insert(http::header::HOST, host);
    }
    let (date_time, date) = key::format_time(time);
    let authorization = authorization(
        request,
        credentials,
        region,
        signing_name,
        &date_time,
        &date,
    )
    .map_err(signing_error)?;
    let header = |value: &str, sensitive: bool| {
        let mut value = HeaderValue::from_str(value).map_err(|_| {
            signing_error("cannot sign the request: a signing header is not visible ASCII".into())
        })?;
        value.set_sensitive(sensitive);
        Ok::<_, ConstructionError>(value)
    };
    let date_time = header(&date_time, false)?;
    let token = credentials
        .session_token()
        .map(|t| header(t, true))
        .transpose()?;
    let authorization = header(&authorization, true)?;
    let headers = request.headers_mut();
    headers.insert(HeaderName::from_static(X_AMZ_DATE), date_time);
    if let Some(token) = token {
        headers.insert(HeaderName::from_static(X_AMZ_SECURITY_TOKEN), token);
    }
    headers.insert(AUTHORIZATION, authorization);
    Ok(())
}

/// The `Authorization` header's value for `request` signed at `date_time` (`20150830T123600Z`)
/// on `date` (`20150830`).
fn authorization(
    request: &http::Request<Bytes>,
    credentials: &Credentials,
    region: &str,
    signing_name: &str,
    date_time: &str,
    date: &str,
) -> Result<String, String> {
    let mut headers = Vec::with_capacity(request.headers().len() + 2);
    for (name, value) in request.headers() {
        let value = value
            .to_str()
            .map_err(|_| format!("cannot sign the request: header {name} is not visible ASCII"))?;
        headers.push((name.as_str(), value));
    }
    let mut added = vec![(X_AMZ_DATE, date_time)];
    if let Some(token) = credentials.session_token() {
        added.push((X_AMZ_SECURITY_TOKEN, token));
    }
    let signable = Signable {
        method: request.method().as_str(),
        path: request.uri().path(),
        query: request.uri().query(),
        headers,
        added,
        body: request.body(),
    };
    let (canonical, signed_headers) = canonical_request(&signable);
    let scope = format!("{date}/{region}/{signing_name}/aws4_request");
    let string_to_sign = format!(
        "{ALGORITHM}\n{date_time}\n{scope}\n{}",
        hex(&sha2::Sha256::digest(canonical.as_bytes()))
    );
    let key =
        credentials
            .signing_keys()
            .key(credentials.secret_access_key(), date, region, signing_name);
    let signature = hex(&key::hmac(&key, string_to_sign.as_bytes()));
    Ok(format!(
        "{ALGORITHM} Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
        credentials.access_key_id()
    ))
}
