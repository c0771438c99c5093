//! [`Keys`]: SigV4 signature checks for `--require-auth`.
//!
//! The signature is recomputed with `aws-sigv4` (the Rust SDK's signer; the generated clients
//! sign with the runtime's own, which is checked against it) over the request as received,
//! restricted to the headers the client says it signed, and compared with the one it sent.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use bytes::Bytes;

/// How far a request's `X-Amz-Date` may be from the server's clock (as AWS allows).
pub const MAX_SKEW: Duration = Duration::from_secs(15 * 60);

/// The access keys requests may be signed with: access key id to secret access key.
#[derive(Clone, Default)]
pub struct Keys {
    secrets: BTreeMap<String, String>,
    region: Option<String>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Secrets stay out of logs.
        f.debug_struct("Keys")
            .field("access_key_ids", &self.secrets.keys().collect::<Vec<_>>())
            .field("region", &self.region)
            .finish()
    }
}

/// The parts of a SigV4 `Authorization` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authorization {
    /// The access key id.
    pub access_key_id: String,
    /// The scope's date (`20261201`).
    pub date: String,
    /// The scope's region.
    pub region: String,
    /// The scope's service (signing name).
    pub service: String,
    /// The signed header names, lowercase, as listed.
    pub signed_headers: Vec<String>,
    /// The signature, lowercase hex.
    pub signature: String,
}

impl Keys {
    /// No keys: every signed request fails the check.
    pub fn new() -> Self {
        Keys::default()
    }

    /// Adds the key pair `access_key_id` / `secret_access_key`.
    #[must_use]
    pub fn with(mut self, access_key_id: impl Into<String>, secret: impl Into<String>) -> Self {
        self.secrets.insert(access_key_id.into(), secret.into());
        self
    }

    /// Requires the credential scope to name `region`, as AWS does (a client configured for
    /// another region is refused, saying so). Without it any region is accepted.
    #[must_use]
    pub fn in_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Parses `AKID:SECRET` (the form of `--key`).
    ///
    /// # Errors
    ///
    /// When there is no `:` or either side is empty.
    pub fn parse_pair(pair: &str) -> Result<(String, String), String> {
        match pair.split_once(':') {
            Some((id, secret)) if !id.is_empty() && !secret.is_empty() => {
                Ok((id.to_owned(), secret.to_owned()))
            }
            _ => Err(format!(
                "`{pair}` is not a key pair: write ACCESS_KEY_ID:SECRET_ACCESS_KEY"
            )),
        }
    }

    /// Checks that `request` is signed, with one of these keys, for `service` (its signing
    /// name), within [`MAX_SKEW`] of `now`.
    ///
    /// # Errors
    ///
    /// A message saying what is wrong, for the service's authentication error.
    pub fn verify(
        &self,
        request: &http::Request<Bytes>,
        service: &str,
        now: SystemTime,
    ) -> Result<(), String> {
        let header = request
            .headers()
            .get(http::header::AUTHORIZATION)
            .ok_or("the request is not signed: it has no Authorization header")?
            .to_str()
            .map_err(|_| "the Authorization header is not visible ASCII".to_owned())?;
        let auth = Authorization::parse(header)?;
        let secret = self.secrets.get(&auth.access_key_id).ok_or_else(|| {
            format!(
                "the access key id `{}` is not one this server was started with",
                auth.access_key_id
            )
        })?;
        if auth.service != service {
            return Err(format!(
                "the credential is scoped to service `{}`, not `{service}`",
                auth.service
            ));
        }
        if let Some(region) = self.region.as_deref().filter(|r| *r != auth.region) {
            return Err(format!(
                "the credential is scoped to region `{}`, but this server is in `{region}`: configure the client for {region}, or start the server with --region {}",
                auth.region, auth.region
            ));
        }
        let date = request
            .headers()
            .get("x-amz-date")
            .and_then(|v| v.to_str().ok())
            .ok_or("the request has no X-Amz-Date header")?;
        let time = parse_amz_date(date)?;
        let skew = now
            .duration_since(time)
            .or_else(|_| time.duration_since(now))
            .unwrap_or_default();
        if skew > MAX_SKEW {
            return Err(format!(
                "the signature has expired: X-Amz-Date {date} is more than 15 minutes from the server's time"
            ));
        }
        if !date.starts_with(&auth.date) {
            return Err(format!(
                "the credential scope's date {} is not the date of X-Amz-Date {date}",
                auth.date
            ));
        }
        let expected = signature(request, &auth, secret, time)?;
        if expected != auth.signature {
            return Err(
                "the request signature we calculated does not match the signature you provided; check your AWS secret access key and signing method"
                    .to_owned(),
            );
        }
        Ok(())
    }
}

impl Authorization {
    /// Parses `AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request,
    /// SignedHeaders=a;b, Signature=hex`.
    ///
    /// # Errors
    ///
    /// A message naming the part that is missing or malformed.
    pub fn parse(header: &str) -> Result<Self, String> {
        let rest = header.strip_prefix("AWS4-HMAC-SHA256 ").ok_or_else(|| {
            "the Authorization header is not a SigV4 (AWS4-HMAC-SHA256) signature".to_owned()
        })?;
        let mut credential = None;
        let mut signed_headers = None;
        let mut signature = None;
        for part in rest.split(',') {
            let part = part.trim();
            if let Some(value) = part.strip_prefix("Credential=") {
                credential = Some(value);
            } else if let Some(value) = part.strip_prefix("SignedHeaders=") {
                signed_headers = Some(value);
            } else if let Some(value) = part.strip_prefix("Signature=") {
                signature = Some(value);
            }
        }
        let missing = |what: &str| format!("the Authorization header has no {what}");
        let credential = credential.ok_or_else(|| missing("Credential"))?;
        let scope: Vec<&str> = credential.split('/').collect();
        let [access_key_id, date, region, service, "aws4_request"] = scope[..] else {
            return Err(format!(
                "the credential `{credential}` is not ACCESS_KEY_ID/DATE/REGION/SERVICE/aws4_request"
            ));
        };
        let signed_headers = signed_headers.ok_or_else(|| missing("SignedHeaders"))?;
        Ok(Authorization {
            access_key_id: access_key_id.to_owned(),
            date: date.to_owned(),
            region: region.to_owned(),
            service: service.to_owned(),
            signed_headers: signed_headers
                .split(';')
                .map(str::to_ascii_lowercase)
                .collect(),
            signature: signature
                .ok_or_else(|| missing("Signature"))?
                .to_ascii_lowercase(),
        })
    }
}

/// The signing name of the credential scope in `headers`' `Authorization`, if any.
pub fn scope_service(headers: &http::HeaderMap) -> Option<String> {
    let header = headers.get(http::header::AUTHORIZATION)?.to_str().ok()?;
    Authorization::parse(header).ok().map(|auth| auth.service)
}

/// The signature of `request` over the headers `auth` lists, with `secret` at `time`.
fn signature(
    request: &http::Request<Bytes>,
    auth: &Authorization,
    secret: &str,
    time: SystemTime,
) -> Result<String, String> {
    for required in ["host", "x-amz-date"] {
        if !auth.signed_headers.iter().any(|h| h == required) {
            return Err(format!("the `{required}` header must be signed"));
        }
    }
    let mut headers = Vec::new();
    for name in &auth.signed_headers {
        let values = request.headers().get_all(name.as_str());
        let mut any = false;
        for value in values {
            let value = value
                .to_str()
                .map_err(|_| format!("the signed header `{name}` is not visible ASCII"))?;
            headers.push((name.as_str(), value));
            any = true;
        }
        if !any {
            return Err(format!("the signed header `{name}` is not in the request"));
        }
    }
    let body = match request
        .headers()
        .get("x-amz-content-sha256")
        .and_then(|v| v.to_str().ok())
    {
        Some("UNSIGNED-PAYLOAD") => SignableBody::UnsignedPayload,
        // A hash the request states is not taken on trust (the header need not be signed, and
        // may not be the body's): the signature must cover the body as received.
        _ => SignableBody::Bytes(request.body()),
    };
    let identity: Identity =
        aws_credential_types::Credentials::new(&auth.access_key_id, secret, None, None, "local")
            .into();
    let mut settings = SigningSettings::default();
    // Exactly the headers the client signed: none of them is dropped.
    settings.excluded_headers = Some(Vec::<Cow<'static, str>>::new());
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(&auth.region)
        .name(&auth.service)
        .time(time)
        .settings(settings)
        .build()
        .map_err(|e| format!("cannot check the signature: {e}"))?
        .into();
    let uri = match request.uri().path_and_query() {
        Some(pq) => pq.as_str().to_owned(),
        None => "/".to_owned(),
    };
    let signable = SignableRequest::new(request.method().as_str(), uri, headers.into_iter(), body)
        .map_err(|e| format!("cannot check the signature: {e}"))?;
    let output = sign(signable, &params).map_err(|e| format!("cannot check the signature: {e}"))?;
    Ok(output.signature().to_owned())
}

/// `20261201T190000Z` as a time.
fn parse_amz_date(date: &str) -> Result<SystemTime, String> {
    let format = time::macros::format_description!("[year][month][day]T[hour][minute][second]Z");
    time::PrimitiveDateTime::parse(date, format)
        .map(|t| t.assume_utc().into())
        .map_err(|_| format!("X-Amz-Date `{date}` is not of the form 20261201T190000Z"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed(secret: &str, time: SystemTime) -> http::Request<Bytes> {
        let mut request = http::Request::builder()
            .method("POST")
            .uri("http://127.0.0.1:4566/")
            .header("content-type", "application/x-amz-json-1.1")
            .header("x-amz-target", "GameLift.DescribeFleetAttributes")
            .body(Bytes::from_static(b"{}"))
            .expect("request");
        let credentials = smithy_runtime::client::Credentials::new("AKID", secret);
        smithy_runtime::client::sign_request(
            &mut request,
            &credentials,
            "us-west-2",
            "gamelift",
            time,
        )
        .expect("sign");
        request
    }

    #[test]
    fn a_request_signed_with_a_configured_key_passes() {
        let keys = Keys::new().with("AKID", "SECRET");
        let now = SystemTime::now();
        assert_eq!(keys.verify(&signed("SECRET", now), "gamelift", now), Ok(()));
    }

    #[test]
    fn wrong_secrets_scopes_dates_and_missing_headers_fail() {
        let keys = Keys::new().with("AKID", "SECRET");
        let now = SystemTime::now();
        let wrong = keys.verify(&signed("OTHER", now), "gamelift", now);
        assert!(wrong.expect_err("wrong secret").contains("does not match"));
        let scope = keys.verify(&signed("SECRET", now), "gamesparks", now);
        assert!(scope
            .expect_err("wrong service")
            .contains("scoped to service"));
        let old = now - Duration::from_secs(3600);
        let expired = keys.verify(&signed("SECRET", old), "gamelift", now);
        assert!(expired.expect_err("expired").contains("expired"));
        let mut tampered = signed("SECRET", now);
        *tampered.body_mut() = Bytes::from_static(b"{\"Limit\":1}");
        assert!(keys.verify(&tampered, "gamelift", now).is_err());
        let mut unsigned = signed("SECRET", now);
        unsigned.headers_mut().remove(http::header::AUTHORIZATION);
        let missing = keys.verify(&unsigned, "gamelift", now);
        assert!(missing.expect_err("unsigned").contains("not signed"));
        let elsewhere = Keys::new().with("AKID", "SECRET").in_region("eu-west-1");
        let region = elsewhere.verify(&signed("SECRET", now), "gamelift", now);
        assert!(region
            .expect_err("wrong region")
            .contains("--region us-west-2"));
        let here = Keys::new().with("AKID", "SECRET").in_region("us-west-2");
        assert_eq!(here.verify(&signed("SECRET", now), "gamelift", now), Ok(()));
        let unknown = Keys::new().with("OTHER", "SECRET");
        let who = unknown.verify(&signed("SECRET", now), "gamelift", now);
        assert!(who.expect_err("unknown key").contains("`AKID`"));
    }

    /// A forged body does not pass because the request also carries an (unsigned)
    /// `x-amz-content-sha256` header naming the hash of the body that was signed.
    #[test]
    fn a_payload_hash_header_does_not_stand_in_for_the_body() {
        let keys = Keys::new().with("AKID", "SECRET");
        let now = SystemTime::now();
        let mut request = signed("SECRET", now);
        assert_eq!(keys.verify(&request, "gamelift", now), Ok(()));
        // SHA-256 of `{}`, the body that was signed.
        request.headers_mut().insert(
            "x-amz-content-sha256",
            http::HeaderValue::from_static(
                "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
            ),
        );
        assert_eq!(
            keys.verify(&request, "gamelift", now),
            Ok(()),
            "the true hash of the body is fine"
        );
        *request.body_mut() = Bytes::from_static(b"{\"Limit\":1}");
        assert!(
            keys.verify(&request, "gamelift", now).is_err(),
            "a body other than the one signed is refused"
        );
    }

    #[test]
    fn authorization_headers_parse() {
        let auth = Authorization::parse(
            "AWS4-HMAC-SHA256 Credential=AKID/20261201/us-west-2/gamesparks/aws4_request, SignedHeaders=host;X-Amz-Date, Signature=ABC",
        )
        .expect("parse");
        assert_eq!(auth.service, "gamesparks");
        assert_eq!(auth.signed_headers, ["host", "x-amz-date"]);
        assert_eq!(auth.signature, "abc");
        assert!(Authorization::parse("Basic abc").is_err());
        assert!(Authorization::parse(
            "AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=host, Signature=x"
        )
        .is_err());
    }
}
