//! Comparing what the generated client did with what a case expects.

use serde_json::Value;
use smithy_runtime::{http, Blob};

use super::cases::Case;

/// A request the client sent, as the runner reports it.
pub struct SentRequest {
    /// Method.
    pub method: String,
    /// The whole URI (`https://host/path?query`).
    pub uri: http::Uri,
    /// Headers, names lowercased, in the order sent.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl SentRequest {
    /// Reads the runner's `{"method", "uri", "headers", "body"}`.
    pub fn from_json(value: &Value) -> Result<Self, String> {
        let uri = value["uri"]
            .as_str()
            .ok_or("no uri")?
            .parse()
            .map_err(|e| format!("bad uri: {e}"))?;
        let headers = value["headers"]
            .as_array()
            .ok_or("no headers")?
            .iter()
            .map(|pair| {
                let text = |i: usize| pair[i].as_str().unwrap_or_default().to_owned();
                (text(0).to_ascii_lowercase(), text(1))
            })
            .collect();
        let body = Blob::from_base64(value["body"].as_str().unwrap_or_default())
            .map_err(|e| e.to_string())?
            .into_inner();
        Ok(SentRequest {
            method: value["method"].as_str().unwrap_or_default().to_owned(),
            uri,
            headers,
            body,
        })
    }

    /// All values of header `name`, joined with `, `.
    fn header(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// The raw (still encoded) `key=value` pairs of the query string.
    fn query_pairs(&self) -> Vec<&str> {
        self.uri
            .query()
            .unwrap_or_default()
            .split('&')
            .filter(|p| !p.is_empty())
            .collect()
    }
}

/// Every difference between the request sent and the one `case` expects.
pub fn request(case: &Case, sent: &SentRequest) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(method) = case.text("method") {
        if !sent.method.eq_ignore_ascii_case(method) {
            problems.push(format!("method: sent {}, expected {method}", sent.method));
        }
    }
    if let Some(uri) = case.text("uri") {
        if sent.uri.path() != uri {
            problems.push(format!("path: sent {}, expected {uri}", sent.uri.path()));
        }
    }
    query(case, sent, &mut problems);
    headers(case, sent, &mut problems);
    if let Some(host) = case.text("resolvedHost") {
        let sent_host = sent.uri.host().unwrap_or_default();
        if sent_host != host {
            problems.push(format!("host: sent {sent_host}, expected {host}"));
        }
    }
    if case.text("body").is_some() {
        let media = case.text("bodyMediaType");
        match case.body_bytes() {
            Ok(expected) => {
                if let Some(problem) = body_difference(&expected, media, &sent.body) {
                    problems.push(problem);
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
    problems
}

fn query(case: &Case, sent: &SentRequest, problems: &mut Vec<String>) {
    let pairs = sent.query_pairs();
    let expected = case.strings("queryParams");
    for pair in &expected {
        // Each listed pair is sent at least as often as it is listed.
        let want = expected.iter().filter(|p| *p == pair).count();
        let sent_count = pairs.iter().filter(|p| *p == pair).count();
        if sent_count < want {
            problems.push(format!(
                "query: `{pair}` expected {want} time(s), sent {sent_count} in `{}`",
                pairs.join("&")
            ));
        }
    }
    let key = |pair: &str| pair.split('=').next().unwrap_or_default().to_owned();
    for forbidden in case.strings("forbidQueryParams") {
        if pairs.iter().any(|p| key(p) == forbidden) {
            problems.push(format!("query: `{forbidden}` must not be sent"));
        }
    }
    for required in case.strings("requireQueryParams") {
        if !pairs.iter().any(|p| key(p) == required) {
            problems.push(format!("query: `{required}` must be sent"));
        }
    }
}

fn headers(case: &Case, sent: &SentRequest, problems: &mut Vec<String>) {
    for (name, expected) in case.headers() {
        match sent.header(&name) {
            Some(value) if value == expected => {}
            Some(value) => problems.push(format!(
                "header {name}: sent `{value}`, expected `{expected}`"
            )),
            None => problems.push(format!("header {name}: missing, expected `{expected}`")),
        }
    }
    for name in case.strings("forbidHeaders") {
        if sent.header(&name.to_ascii_lowercase()).is_some() {
            problems.push(format!("header {name}: must not be sent"));
        }
    }
    for name in case.strings("requireHeaders") {
        if sent.header(&name.to_ascii_lowercase()).is_none() {
            problems.push(format!("header {name}: must be sent"));
        }
    }
}

/// How a body differs from the expected one: JSON compared as JSON, CBOR as CBOR (see
/// [`super::cbor::difference`]), anything else byte for byte.
pub fn body_difference(expected: &[u8], media_type: Option<&str>, actual: &[u8]) -> Option<String> {
    if media_type == Some("application/cbor") && !expected.is_empty() {
        return super::cbor::difference(expected, actual);
    }
    let json = media_type.is_some_and(|m| m.contains("json"));
    if json && !expected.is_empty() {
        let want: Value = match serde_json::from_slice(expected) {
            Ok(v) => v,
            Err(e) => return Some(format!("the case's JSON body does not parse: {e}")),
        };
        let got: Value = match serde_json::from_slice(actual) {
            Ok(v) => v,
            Err(_) => {
                return Some(format!(
                    "body: sent `{}`, expected JSON {want}",
                    String::from_utf8_lossy(actual)
                ))
            }
        };
        return json_difference(&want, &got, "body");
    }
    (expected != actual).then(|| {
        format!(
            "body: sent `{}`, expected `{}`",
            String::from_utf8_lossy(actual),
            String::from_utf8_lossy(expected)
        )
    })
}

/// The first difference between two JSON values, by path. Numbers compare by value (`1` and
/// `1.0` are equal; integers exactly, others as `f64`); `null` and an absent key differ.
pub fn json_difference(want: &Value, got: &Value, path: &str) -> Option<String> {
    match (want, got) {
        (Value::Number(a), Value::Number(b)) if numbers_equal(a, b) => None,
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let inner = format!("{path}.{key}");
                match b.get(key) {
                    Some(other) => {
                        if let Some(d) = json_difference(value, other, &inner) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{inner}: missing, expected {value}")),
                }
            }
            b.iter()
                .find(|(key, _)| !a.contains_key(*key))
                .map(|(key, value)| format!("{path}.{key}: unexpected {value}"))
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (x, y))| json_difference(x, y, &format!("{path}[{i}]"))),
        (a, b) if a == b => None,
        (a, b) => Some(format!("{path}: got {b}, expected {a}")),
    }
}

fn numbers_equal(a: &serde_json::Number, b: &serde_json::Number) -> bool {
    match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
        (Some(x), Some(y), _, _) => x == y,
        (_, _, Some(x), Some(y)) => x == y,
        _ => a.as_f64() == b.as_f64(),
    }
}
