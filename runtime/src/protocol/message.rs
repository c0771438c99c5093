//! Helpers shared by the codecs: JSON bodies, media types and assembling HTTP messages.

use bytes::Bytes;
use http::header::{HeaderMap, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use serde_json::{Map, Value};

use super::values::json_type;

/// `application/json`.
pub(crate) const APPLICATION_JSON: &str = "application/json";

/// The object of a serde JSON form: `null` is an empty object, other non-objects are errors.
/// Top-level `null` members are dropped (unset).
pub(crate) fn into_object(value: Value) -> Result<Map<String, Value>, String> {
    match value {
        Value::Null => Ok(Map::new()),
        Value::Object(mut object) => {
            object.retain(|_, member| !member.is_null());
            Ok(object)
        }
        other => Err(format!(
            "expected a JSON object but found {}",
            json_type(&other)
        )),
    }
}

/// The JSON text of `value`.
pub(crate) fn to_json_bytes(value: &Value) -> Bytes {
    // Writing a `serde_json::Value` into a `Vec` cannot fail: its map keys are strings.
    Bytes::from(serde_json::to_vec(value).unwrap_or_default())
}

/// The JSON object in `body`: empty (or all whitespace) is `{}`; top-level `null` members
/// are dropped.
pub(crate) fn parse_object(body: &[u8]) -> Result<Map<String, Value>, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    let value: Value =
        serde_json::from_slice(body).map_err(|error| format!("invalid JSON: {error}"))?;
    match value {
        Value::Object(_) => into_object(value),
        other => Err(format!(
            "expected a JSON object but found {}",
            json_type(&other)
        )),
    }
}

/// The media type of the `Content-Type` header (lowercased, parameters dropped), `None`
/// when there is none; an unreadable header counts as the empty type.
pub(crate) fn content_type(headers: &HeaderMap) -> Option<String> {
    headers
        .get(CONTENT_TYPE)
        .map(|value| essence(value.as_bytes()))
}

/// A request's `Content-Type`, if sent, must be `expected` (parameters ignored): else the
/// server answers 415.
pub(crate) fn check_content_type(
    headers: &HeaderMap,
    expected: &str,
) -> Result<(), super::errors::MalformedRequest> {
    match content_type(headers) {
        Some(sent) if sent != expected => Err(super::errors::MalformedRequest::new(
            super::errors::MalformedKind::UnsupportedMediaType,
            format!("header `Content-Type`: expected `{expected}` but found `{sent}`"),
        )),
        _ => Ok(()),
    }
}

/// The media type of a `Content-Type` or `Accept` element: before any `;`, trimmed,
/// lowercased.
pub(crate) fn essence(value: &[u8]) -> String {
    let text = String::from_utf8_lossy(value);
    let media = text.split(';').next().unwrap_or_default();
    media.trim().to_ascii_lowercase()
}

/// Whether the `Accept` headers (if any) let a response of `media_type` through: no header,
/// `*/*`, `type/*` or the exact type, parameters ignored.
pub(crate) fn accepts(headers: &HeaderMap, media_type: &str) -> bool {
    let wanted = media_type.to_ascii_lowercase();
    let main = wanted.split('/').next().unwrap_or_default();
    let mut ranges = headers
        .get_all(http::header::ACCEPT)
        .iter()
        .flat_map(|value| value.as_bytes().split(|&b| b == b',').map(essence))
        .peekable();
    if ranges.peek().is_none() {
        return true;
    }
    ranges.any(|range| {
        range == "*/*"
            || range == wanted
            || range
                .strip_suffix("/*")
                .is_some_and(|range_main| range_main == main)
    })
}

/// The body and headers of a message: sets `Content-Type` (unless a bound header already
/// did) and `Content-Length`. With no body, `Content-Length: 0` is written only when
/// `empty_length` says so.
pub(crate) fn set_body_headers(
    headers: &mut HeaderMap,
    body: Option<(Bytes, &str)>,
    empty_length: bool,
) -> Bytes {
    match body {
        Some((bytes, media_type)) => {
            if !headers.contains_key(CONTENT_TYPE) {
                if let Ok(value) = HeaderValue::from_str(media_type) {
                    headers.insert(CONTENT_TYPE, value);
                }
            }
            headers.insert(CONTENT_LENGTH, HeaderValue::from(bytes.len()));
            bytes
        }
        None => {
            if empty_length {
                headers.insert(CONTENT_LENGTH, HeaderValue::from(0u16));
            }
            Bytes::new()
        }
    }
}

/// The path of an endpoint without a trailing `/` (`""` for the root).
pub(crate) fn base_path(endpoint: &http::Uri) -> &str {
    endpoint.path().trim_end_matches('/')
}

/// `scheme://authority` of an endpoint followed by `path_and_query`.
pub(crate) fn with_path(endpoint: &http::Uri, path_and_query: &str) -> Result<http::Uri, String> {
    let scheme = endpoint
        .scheme_str()
        .ok_or_else(|| format!("endpoint `{endpoint}` has no scheme"))?;
    let authority = endpoint
        .authority()
        .ok_or_else(|| format!("endpoint `{endpoint}` has no host"))?;
    format!("{scheme}://{authority}{path_and_query}")
        .parse()
        .map_err(|error| format!("invalid request URI: {error}"))
}

/// A response with `status`, `headers` and `body`; an impossible status becomes 500.
pub(crate) fn response(status: u16, headers: HeaderMap, body: Bytes) -> http::Response<Bytes> {
    let mut response = http::Response::new(body);
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    *response.headers_mut() = headers;
    response
}
