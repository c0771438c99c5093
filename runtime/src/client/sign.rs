//! SigV4 request signing (with the `aws-sigv4` crate) and the `User-Agent` header.

use std::time::SystemTime;

use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use bytes::Bytes;
use http::HeaderValue;

use super::credentials::Credentials;
use super::error::{ConstructionError, ConstructionErrorKind};
use crate::protocol::ServiceSpec;

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

    let identity: Identity = aws_credential_types::Credentials::new(
        credentials.access_key_id(),
        credentials.secret_access_key(),
        credentials.session_token().map(str::to_owned),
        credentials.expiry(),
        "smithy-runtime",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(signing_name)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| signing_error(format!("cannot sign the request: {e}")).with_source(e))?
        .into();

    let instructions = {
        let mut headers = Vec::with_capacity(request.headers().len());
        for (name, value) in request.headers() {
            let value = value.to_str().map_err(|e| {
                signing_error(format!(
                    "cannot sign the request: header {name} is not visible ASCII"
                ))
                .with_source(e)
            })?;
            headers.push((name.as_str(), value));
        }
        let signable = SignableRequest::new(
            request.method().as_str(),
            request.uri().to_string(),
            headers.into_iter(),
            SignableBody::Bytes(request.body()),
        )
        .map_err(|e| signing_error(format!("cannot sign the request: {e}")).with_source(e))?;
        let (instructions, _signature) = sign(signable, &params)
            .map_err(|e| signing_error(format!("cannot sign the request: {e}")).with_source(e))?
            .into_parts();
        instructions
    };
    instructions.apply_to_request_http1x(request);
    Ok(())
}
