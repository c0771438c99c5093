//! The canonical request of SigV4 (the AWS General Reference, "Create a canonical request"):
//! the method, the normalized and twice-encoded path, the sorted and encoded query, the
//! signed headers with their trimmed values, and the payload's SHA-256.

use std::fmt::Write as _;

use percent_encoding::{percent_decode_str, utf8_percent_encode};
use sha2::{Digest, Sha256};

// Query names and values: everything but the unreserved characters of RFC 3986 is encoded;
// in a path, `/` is kept too (the encode sets of URI labels, shared).
use crate::protocol::rest_json::uri::{GREEDY as PATH, UNRESERVED as QUERY};

/// Headers that proxies and transports may change, never signed (the SDKs' common set).
const UNSIGNED_HEADERS: [&str; 4] = [
    "authorization",
    "user-agent",
    "x-amzn-trace-id",
    "transfer-encoding",
];

/// The request's parts that SigV4 signs, with the headers the signer adds.
pub(super) struct Signable<'a> {
    pub(super) method: &'a str,
    pub(super) path: &'a str,
    pub(super) query: Option<&'a str>,
    /// Every header of the request, in its order (`host` included).
    pub(super) headers: Vec<(&'a str, &'a str)>,
    /// `x-amz-date` and, with temporary credentials, `x-amz-security-token`.
    pub(super) added: Vec<(&'static str, &'a str)>,
    pub(super) body: &'a [u8],
}

/// The canonical request and its signed header names (`content-type;host;x-amz-date`).
pub(super) fn canonical_request(request: &Signable<'_>) -> (String, String) {
    let mut out = String::with_capacity(512);
    out.push_str(request.method);
    out.push('\n');
    canonical_path(request.path, &mut out);
    out.push('\n');
    canonical_query(request.query.unwrap_or(""), &mut out);
    out.push('\n');
    let headers = canonical_headers(request);
    let mut signed = String::with_capacity(headers.len() * 16);
    let mut at = 0;
    while let Some(&(name, _)) = headers.get(at) {
        out.push_str(name);
        out.push(':');
        // Values of one name, in request order, joined by commas.
        let mut first = true;
        while let Some(&(_, value)) = headers.get(at).filter(|(n, _)| *n == name) {
            if !first {
                out.push(',');
            }
            push_trimmed(value, &mut out);
            first = false;
            at += 1;
        }
        out.push('\n');
        if !signed.is_empty() {
            signed.push(';');
        }
        signed.push_str(name);
    }
    out.push('\n');
    out.push_str(&signed);
    out.push('\n');
    out.push_str(&hex(&Sha256::digest(request.body)));
    (out, signed)
}

/// The signed headers, sorted by name (stable: a name's values keep their order); those the
/// signer adds replace any the request carries.
fn canonical_headers<'a>(request: &Signable<'a>) -> Vec<(&'a str, &'a str)> {
    let mut headers: Vec<(&str, &str)> = request
        .headers
        .iter()
        .filter(|(name, _)| {
            !UNSIGNED_HEADERS.contains(name) && !request.added.iter().any(|(a, _)| a == name)
        })
        .copied()
        .chain(request.added.iter().copied())
        .collect();
    headers.sort_by(|a, b| a.0.cmp(b.0));
    headers
}

/// `value` without leading and trailing spaces, runs of spaces as one.
fn push_trimmed(value: &str, out: &mut String) {
    let mut previous_space = false;
    for c in value.trim_matches(' ').chars() {
        if c == ' ' && previous_space {
            continue;
        }
        previous_space = c == ' ';
        out.push(c);
    }
}

/// The path without empty and `.` segments, `..` segments applied, a trailing slash kept,
/// then percent-encoded again (the path of the URI is encoded already: this is the double
/// encoding every service but S3 expects).
fn canonical_path(path: &str, out: &mut String) {
    let needs_normalizing = path.contains("//") || path.split('/').any(|s| s == "." || s == "..");
    if !needs_normalizing && path.starts_with('/') {
        out.extend(utf8_percent_encode(path, PATH));
        return;
    }
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            segment => segments.push(segment),
        }
    }
    let mut normalized = String::with_capacity(path.len() + 1);
    for segment in &segments {
        normalized.push('/');
        normalized.push_str(segment);
    }
    let ends_in_directory = path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..");
    if normalized.is_empty() || (ends_in_directory && !segments.is_empty()) {
        normalized.push('/');
    }
    out.extend(utf8_percent_encode(&normalized, PATH));
}

/// The query's parameters decoded (`+` as a space), encoded again, sorted by name then
/// value, joined by `&`.
fn canonical_query(query: &str, out: &mut String) {
    let encode = |text: &str| -> String {
        let plus_as_space = text.replace('+', " ");
        let decoded = percent_decode_str(&plus_as_space).decode_utf8_lossy();
        utf8_percent_encode(&decoded, QUERY).to_string()
    };
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (encode(name), encode(value))
        })
        .collect();
    pairs.sort();
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        let _ = write!(out, "{name}={value}");
    }
}

/// Lowercase hexadecimal.
pub(super) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    out
}
