//! The runtime's SigV4 signer against `aws-sigv4`, the AWS SDK for Rust's signer: the same
//! requests, signed by both, carry the same signature.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use bytes::Bytes;
use smithy_runtime::client::{sign_request, Credentials};

/// The `authorization`, `x-amz-date` and `x-amz-security-token` headers `aws-sigv4` adds.
fn reference(
    request: &http::Request<Bytes>,
    credentials: &Credentials,
    region: &str,
    service: &str,
    time: SystemTime,
) -> Vec<(String, String)> {
    let identity: Identity = aws_credential_types::Credentials::new(
        credentials.access_key_id(),
        credentials.secret_access_key(),
        credentials.session_token().map(str::to_owned),
        None,
        "test",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(service)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let headers = request
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str(), value.to_str().unwrap()));
    let signable = SignableRequest::new(
        request.method().as_str(),
        request.uri().to_string(),
        headers,
        SignableBody::Bytes(request.body()),
    )
    .unwrap();
    let (instructions, _) = sign(signable, &params).unwrap().into_parts();
    let mut signed = request.clone();
    instructions.apply_to_request_http1x(&mut signed);
    signing_headers(&signed)
}

/// The headers a signer adds.
fn signing_headers(request: &http::Request<Bytes>) -> Vec<(String, String)> {
    ["authorization", "x-amz-date", "x-amz-security-token"]
        .iter()
        .filter_map(|name| {
            let value = request.headers().get(*name)?;
            Some(((*name).to_owned(), value.to_str().unwrap().to_owned()))
        })
        .collect()
}

/// A request with `host` set (as the client sets it before signing).
fn request(method: &str, uri: &str, headers: &[(&str, &str)], body: &str) -> http::Request<Bytes> {
    let mut builder = http::Request::builder().method(method).uri(uri);
    let host = uri.split('/').nth(2).unwrap().to_owned();
    builder = builder.header("host", host);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(Bytes::from(body.to_owned())).unwrap()
}

/// Paths, queries, repeated and untrimmed headers, headers never signed, bodies.
fn requests() -> Vec<http::Request<Bytes>> {
    let json = [("content-type", "application/x-amz-json-1.1")];
    vec![
        request(
            "POST",
            "https://gamelift.us-west-2.amazonaws.com/",
            &json,
            "{}",
        ),
        request(
            "POST",
            "https://gamelift.us-west-2.amazonaws.com/",
            &[
                ("content-type", "application/x-amz-json-1.1"),
                ("x-amz-target", "GameLift.DescribeGameSessions"),
                ("user-agent", "smithy-rs-gamedev/0.1 api/GameLift"),
                (
                    "x-amzn-trace-id",
                    "Root=1-5759e988-bd862e3fe1be46a994272793",
                ),
                (
                    "amz-sdk-invocation-id",
                    "b1ef4f0e-53a4-4b6a-8c6e-0d9c6f2b5b7a",
                ),
            ],
            r#"{"FleetId":"fleet-1","Limit":100}"#,
        ),
        request(
            "GET",
            "https://gamesparks.us-east-1.amazonaws.com/game/my%20game/snapshot/a:b/c%2Fd",
            &[("accept", "application/json")],
            "",
        ),
        request(
            "GET",
            "https://example.amazonaws.com/a/./b/../c//d/",
            &[],
            "",
        ),
        request("GET", "https://example.amazonaws.com/./", &[], ""),
        request("GET", "https://example.amazonaws.com/a/b/..", &[], ""),
        request(
            "GET",
            "https://example.amazonaws.com/list?b=2&a=1&a=0&c=&d&e=x+y&f=%2F%7E%20z&g=%ZZ&=v&&",
            &[],
            "",
        ),
        request(
            "PUT",
            "https://example.amazonaws.com/%E2%82%AC/%25?%E2%82%AC=%E2%82%AC&Tilde=~",
            &[
                ("x-custom", "  spaced   out   value  "),
                ("X-Mixed", "one"),
                ("x-mixed", "two  "),
                ("transfer-encoding", "chunked"),
                ("x-amz-date", "20000101T000000Z"),
            ],
            "binary \u{0} body ünïcode",
        ),
    ]
}

#[test]
fn signs_as_aws_sigv4_does() {
    let plain = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    let temporary = Credentials::new("ASIAEXAMPLE", "c2VjcmV0/+=")
        .with_session_token("FwoGZXIvYXdzEJr//////////wEaDOn+token=");
    let times = [
        UNIX_EPOCH + Duration::from_secs(1_440_938_160),
        UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        // Just before and after midnight UTC: the signing key changes with the day.
        UNIX_EPOCH + Duration::from_secs(1_700_006_399),
        UNIX_EPOCH + Duration::from_secs(1_700_006_400),
    ];
    let mut compared = 0;
    for credentials in [&plain, &temporary] {
        for (region, service) in [("us-west-2", "gamelift"), ("cn-north-1", "gamesparks")] {
            for time in times {
                for original in requests() {
                    let expected = reference(&original, credentials, region, service, time);
                    let mut ours = original.clone();
                    sign_request(&mut ours, credentials, region, service, time).unwrap();
                    assert_eq!(
                        signing_headers(&ours),
                        expected,
                        "{} {} at {time:?} in {region} for {service}",
                        original.method(),
                        original.uri()
                    );
                    compared += 1;
                }
            }
        }
    }
    assert_eq!(compared, 2 * 2 * 4 * requests().len());
}
