//! SigV4 signing against known answers, the User-Agent, and endpoint selection.

mod client_support;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use smithy_runtime::client::{
    resolve_endpoint, sign_request, user_agent, ConstructionErrorKind, Credentials,
};

use client_support::{SERVICE, UNSIGNED_SERVICE};

const KEY_ID: &str = "AKIDEXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// The published AWS example ("Create a canonical request for Signature Version 4"):
/// `GET https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08` at 2015-08-30T12:36:00Z.
#[test]
fn published_iam_list_users_example() {
    let mut request = http::Request::builder()
        .method("GET")
        .uri("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")
        .header(
            "content-type",
            "application/x-www-form-urlencoded; charset=utf-8",
        )
        .body(Bytes::new())
        .unwrap();
    let time = UNIX_EPOCH + Duration::from_secs(1_440_938_160); // 2015-08-30T12:36:00Z
    sign_request(
        &mut request,
        &Credentials::new(KEY_ID, SECRET),
        "us-east-1",
        "iam",
        time,
    )
    .unwrap();

    assert_eq!(request.headers()["x-amz-date"], "20150830T123600Z");
    assert_eq!(
        request.headers()["authorization"],
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, \
         SignedHeaders=content-type;host;x-amz-date, \
         Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
    );
    assert!(request.headers().get("x-amz-security-token").is_none());
    assert_eq!(
        request.headers()["host"],
        "iam.amazonaws.com",
        "the signed host is sent as signed"
    );
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// A signed JSON POST with a session token, checked against the SigV4 algorithm computed here
/// with `hmac`/`sha2`: canonical request, string to sign, derived key.
#[test]
fn post_with_session_token_matches_independent_computation() {
    let body = r#"{"Name":"x","ClientToken":"t"}"#;
    let mut request = http::Request::builder()
        .method("POST")
        .uri("https://gamelift.us-west-2.amazonaws.com/")
        .header("content-type", "application/x-amz-json-1.1")
        .header("x-amz-target", "GameLift.CreateThing")
        .header("user-agent", "not-signed/1.0")
        .body(Bytes::from(body))
        .unwrap();
    let credentials = Credentials::new(KEY_ID, SECRET).with_session_token("SESSION/TOKEN+1=");
    let time: SystemTime = client_support::fixed_time(); // 2024-01-02T03:04:05Z
    sign_request(&mut request, &credentials, "us-west-2", "gamelift", time).unwrap();

    let amz_date = "20240102T030405Z";
    let signed_headers = "content-type;host;x-amz-date;x-amz-security-token;x-amz-target";
    let canonical_request = format!(
        "POST\n/\n\n\
         content-type:application/x-amz-json-1.1\n\
         host:gamelift.us-west-2.amazonaws.com\n\
         x-amz-date:{amz_date}\n\
         x-amz-security-token:SESSION/TOKEN+1=\n\
         x-amz-target:GameLift.CreateThing\n\n\
         {signed_headers}\n{}",
        hex(&Sha256::digest(body.as_bytes()))
    );
    let scope = "20240102/us-west-2/gamelift/aws4_request";
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
        hex(&Sha256::digest(canonical_request.as_bytes()))
    );
    let k_date = hmac(format!("AWS4{SECRET}").as_bytes(), "20240102");
    let k_region = hmac(&k_date, "us-west-2");
    let k_service = hmac(&k_region, "gamelift");
    let k_signing = hmac(&k_service, "aws4_request");
    let signature = hex(&hmac(&k_signing, &string_to_sign));

    assert_eq!(request.headers()["x-amz-date"], amz_date);
    assert_eq!(
        request.headers()["x-amz-security-token"],
        "SESSION/TOKEN+1="
    );
    assert_eq!(request.headers()["user-agent"], "not-signed/1.0");
    assert_eq!(
        request.headers()["authorization"],
        format!("AWS4-HMAC-SHA256 Credential={KEY_ID}/{scope}, SignedHeaders={signed_headers}, Signature={signature}")
            .as_str()
    );
}

#[test]
fn signing_rejects_unusable_values_instead_of_panicking() {
    let request = || {
        http::Request::builder()
            .uri("https://gamelift.us-west-2.amazonaws.com/")
            .body(Bytes::new())
            .unwrap()
    };
    let time = client_support::fixed_time();
    let bad_token = Credentials::new(KEY_ID, SECRET).with_session_token("line\nbreak");
    let error =
        sign_request(&mut request(), &bad_token, "us-west-2", "gamelift", time).unwrap_err();
    assert_eq!(error.kind(), ConstructionErrorKind::Signing);
    assert!(error.to_string().contains("session token"), "{error}");

    let mut relative = http::Request::builder()
        .uri("/path")
        .body(Bytes::new())
        .unwrap();
    let error = sign_request(
        &mut relative,
        &Credentials::new(KEY_ID, SECRET),
        "us-west-2",
        "gamelift",
        time,
    )
    .unwrap_err();
    assert!(error.to_string().contains("has no host"), "{error}");
}

#[test]
fn user_agent_names_the_runtime_and_service() {
    assert_eq!(
        user_agent(&SERVICE),
        format!("smithy-rs-gamedev/{} api/GameLift", smithy_runtime::VERSION)
    );
}

#[test]
fn endpoint_from_region_or_override() {
    assert_eq!(
        resolve_endpoint(&SERVICE, Some("us-west-2"), None).unwrap(),
        "https://gamelift.us-west-2.amazonaws.com/"
    );
    assert_eq!(
        resolve_endpoint(
            &UNSIGNED_SERVICE,
            Some("eu-west-1"),
            Some("http://127.0.0.1:9000/base")
        )
        .unwrap(),
        "http://127.0.0.1:9000/base"
    );
    // The override needs no region.
    assert_eq!(
        resolve_endpoint(&SERVICE, None, Some("https://example.com")).unwrap(),
        "https://example.com/"
    );

    let error = resolve_endpoint(&SERVICE, None, None).unwrap_err();
    assert_eq!(error.kind(), ConstructionErrorKind::MissingRegion);
    assert_eq!(
        error.to_string(),
        "no region configured: set AWS_REGION or call Config::builder().region(..)"
    );

    for region in ["", "us west", "evil.com/", "-x"] {
        let error = resolve_endpoint(&SERVICE, Some(region), None).unwrap_err();
        assert_eq!(
            error.kind(),
            ConstructionErrorKind::InvalidRegion,
            "{region:?}"
        );
    }
    for url in [
        "ftp://example.com",
        "example.com",
        "not a url",
        "http://",
        "https://example.com/?a=b",
    ] {
        let error = resolve_endpoint(&SERVICE, Some("us-west-2"), Some(url)).unwrap_err();
        assert_eq!(
            error.kind(),
            ConstructionErrorKind::InvalidEndpoint,
            "{url:?}"
        );
        assert!(error.to_string().contains(url), "{error}");
    }
}
