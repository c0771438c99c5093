//! Error responses, the same way for all three protocols (SMITHY.md 5.4, 6.3).

use bytes::Bytes;
use http::header::{HeaderMap, HeaderName, HeaderValue};
use serde_json::{Map, Value};

use super::message::{into_object, parse_object, response, set_body_headers, to_json_bytes};
use super::spec::{ErrorSpec, ServiceSpec};

/// The header naming the error code in restJson1 (and, harmlessly, awsJson) responses.
pub(crate) const ERROR_TYPE_HEADER: HeaderName = HeaderName::from_static("x-amzn-errortype");

/// What a non-2xx response says: the error code, message, request id and members.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ErrorResponse {
    /// The sanitized error code (the error shape's name), if the response names one.
    pub code: Option<String>,
    /// The body's `message`, `Message` or `errorMessage` string.
    pub message: Option<String>,
    /// The `x-amzn-requestid` (or `x-amz-request-id`) header.
    pub request_id: Option<String>,
    /// The members of the error structure in their serde JSON form: the JSON body object
    /// (`{}` when the body is empty or not a JSON object) without `__type` and `code`.
    pub body: Value,
}

/// The error shape's name in an error code: cut at the first `:` (a trailing URI), then
/// keep what follows the first `#` (the namespace).
///
/// ```
/// # use smithy_runtime::protocol::sanitize_error_code;
/// let raw = "aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/";
/// assert_eq!(sanitize_error_code(raw), "FooError");
/// assert_eq!(sanitize_error_code("FooError"), "FooError");
/// ```
pub fn sanitize_error_code(raw: &str) -> &str {
    let before_colon = raw.split(':').next().unwrap_or(raw);
    match before_colon.split_once('#') {
        Some((_, name)) => name,
        None => before_colon,
    }
}

/// Reads an error response (client side, any protocol).
///
/// The code comes from the `X-Amzn-Errortype` header, else the body's `code`, else its
/// top-level `__type`, sanitized with [`sanitize_error_code`]; an empty code counts as none.
pub fn read_error(_service: &ServiceSpec, response: &http::Response<Bytes>) -> ErrorResponse {
    let headers = response.headers();
    let mut body = parse_object(response.body()).unwrap_or_default();
    let code = header_text(headers, "x-amzn-errortype")
        .filter(|code| !code.is_empty())
        .or_else(|| string_member(&body, "code"))
        .or_else(|| string_member(&body, "__type"))
        .map(|raw| sanitize_error_code(&raw).to_owned())
        .filter(|code| !code.is_empty());
    let message = ["message", "Message", "errorMessage"]
        .iter()
        .find_map(|key| string_member(&body, key));
    let request_id = header_text(headers, "x-amzn-requestid")
        .or_else(|| header_text(headers, "x-amz-request-id"));
    body.shift_remove("__type");
    body.shift_remove("code");
    ErrorResponse {
        code,
        message,
        request_id,
        body: Value::Object(body),
    }
}

/// Client: adds to `response.body` the members that the modeled error it names (one of
/// `errors`) carries in headers (restJson1 `@httpHeader` / `@httpPrefixHeaders`), in their serde
/// JSON form. Header values that do not parse are left out: the error still decodes from its
/// body.
pub fn read_error_headers(errors: &[ErrorSpec], headers: &HeaderMap, response: &mut ErrorResponse) {
    let Some(spec) = errors
        .iter()
        .find(|e| response.code.as_deref() == Some(e.code))
    else {
        return;
    };
    if spec.members.is_empty() {
        return;
    }
    if let Value::Object(body) = &mut response.body {
        let mut bound = Map::new();
        if super::rest_json::read_headers(spec.members, headers, &mut bound).is_ok() {
            body.extend(bound);
        }
    }
}

/// Writes an error response (server side): status `status`, `X-Amzn-Errortype: code`, the
/// protocol's `Content-Type`, and the members of `body` as a JSON object; awsJson bodies
/// also carry `"__type": code` first.
pub fn write_error(
    service: &ServiceSpec,
    code: &str,
    status: u16,
    body: Value,
) -> http::Response<Bytes> {
    let members = into_object(body).unwrap_or_default();
    let object = match super::aws_json::content_type(service.protocol) {
        Some(_) => {
            let mut object = Map::new();
            object.insert("__type".to_owned(), Value::String(code.to_owned()));
            object.extend(members.into_iter().filter(|(key, _)| key != "__type"));
            object
        }
        None => members,
    };
    let media_type =
        super::aws_json::content_type(service.protocol).unwrap_or(super::message::APPLICATION_JSON);
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_str(code) {
        headers.insert(ERROR_TYPE_HEADER, value);
    }
    let bytes = to_json_bytes(&Value::Object(object));
    let bytes = set_body_headers(&mut headers, Some((bytes, media_type)), true);
    response(status, headers, bytes)
}

/// The text of header `name`, if present and readable.
fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    let value = headers.get(name)?;
    std::str::from_utf8(value.as_bytes())
        .ok()
        .map(|text| text.trim().to_owned())
}

/// The top-level string member `key` of `body`.
fn string_member(body: &Map<String, Value>, key: &str) -> Option<String> {
    body.get(key).and_then(Value::as_str).map(str::to_owned)
}
