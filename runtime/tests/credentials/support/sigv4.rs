//! SigV4 verification computed here with hmac/sha2, independently of aws-sigv4: the
//! canonical request from the request as received, the string to sign, the derived key.

use std::collections::BTreeMap;

use bytes::Bytes;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// The key id `request` is validly signed with for `service` (the scope's service), among
/// `known` (key id → secret, token), or why it is not.
pub fn verify(
    request: &http::Request<Bytes>,
    service: &str,
    known: &BTreeMap<String, (String, Option<String>)>,
) -> Result<String, String> {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let authorization = header("authorization").ok_or("not signed")?;
    let rest = authorization
        .strip_prefix("AWS4-HMAC-SHA256 ")
        .ok_or("not SigV4")?;
    let mut parts = BTreeMap::new();
    for part in rest.split(", ") {
        let (k, v) = part.split_once('=').ok_or("malformed authorization")?;
        parts.insert(k, v);
    }
    let credential = parts.get("Credential").ok_or("no Credential")?;
    let (key_id, scope) = credential.split_once('/').ok_or("malformed Credential")?;
    if scope.split('/').nth(2) != Some(service) {
        return Err(format!(
            "signed for another service than {service}: {scope}"
        ));
    }
    let (secret, token) = known
        .get(key_id)
        .ok_or_else(|| format!("unknown access key {key_id}"))?;
    if header("x-amz-security-token") != *token {
        return Err(format!("the session token of {key_id} does not match"));
    }
    let signed_headers = parts.get("SignedHeaders").ok_or("no SignedHeaders")?;
    let mut canonical_headers = String::new();
    for name in signed_headers.split(';') {
        let value = header(name).ok_or_else(|| format!("signed header {name} missing"))?;
        canonical_headers.push_str(&format!("{name}:{}\n", value.trim()));
    }
    let mut query: Vec<&str> = request
        .uri()
        .query()
        .unwrap_or_default()
        .split('&')
        .collect();
    query.retain(|q| !q.is_empty());
    query.sort_unstable();
    let canonical_request = format!(
        "{}\n{}\n{}\n{canonical_headers}\n{signed_headers}\n{}",
        request.method(),
        request.uri().path(),
        query.join("&"),
        hex(&Sha256::digest(request.body()))
    );
    let amz_date = header("x-amz-date").ok_or("no x-amz-date")?;
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
        hex(&Sha256::digest(canonical_request.as_bytes()))
    );
    let mut key = format!("AWS4{secret}").into_bytes();
    for step in scope.split('/') {
        key = hmac(&key, step);
    }
    let expected = hex(&hmac(&key, &string_to_sign));
    if parts.get("Signature") != Some(&expected.as_str()) {
        return Err(format!("the signature by {key_id} does not verify"));
    }
    Ok(key_id.to_owned())
}
