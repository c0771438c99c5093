//! awsJson1_0 and awsJson1_1 (SMITHY.md 5): `POST` to the endpoint, `X-Amz-Target`, the
//! whole input or output as a JSON object.

use bytes::Bytes;
use http::header::{HeaderMap, HeaderName, HeaderValue};
use serde_json::Value;

use super::errors::{Fault, MalformedKind, MalformedRequest, RequestError, ResponseError};
use super::message::{
    content_type as request_media_type, into_object, parse_object, response, set_body_headers,
    to_json_bytes,
};
use super::spec::{OperationSpec, Protocol, ServiceSpec};

/// The header naming the operation.
const TARGET_HEADER: HeaderName = HeaderName::from_static("x-amz-target");

/// The `Content-Type` of an awsJson protocol, `None` for restJson1.
pub(crate) fn content_type(protocol: Protocol) -> Option<&'static str> {
    match protocol {
        Protocol::AwsJson1_0 => Some("application/x-amz-json-1.0"),
        Protocol::AwsJson1_1 => Some("application/x-amz-json-1.1"),
        Protocol::RestJson1 => None,
    }
}

/// The protocol's `Content-Type`, defaulting to 1.1 for a misrouted restJson1 call.
fn media_type(service: &ServiceSpec) -> &'static str {
    content_type(service.protocol).unwrap_or("application/x-amz-json-1.1")
}

/// Writes `POST {endpoint path}/` with `X-Amz-Target`, the protocol's `Content-Type` and the
/// input as a JSON object (`{}` when it is `null`).
pub(crate) fn write_request(
    service: &ServiceSpec,
    op: &OperationSpec,
    input: Value,
    endpoint: &http::Uri,
) -> Result<http::Request<Bytes>, RequestError> {
    let object = into_object(input).map_err(|message| Fault::new("input", message))?;
    // The endpoint's path, always ending in `/` (`https://example.com/custom` → `/custom/`).
    let path = endpoint.path();
    let path = if path.ends_with('/') {
        path.to_owned()
    } else {
        format!("{path}/")
    };
    let uri = super::message::with_path(endpoint, &path)
        .map_err(|message| Fault::new("endpoint", message))?;
    let target = format!("{}.{}", service.shape_name, op.name);
    let target = HeaderValue::from_str(&target)
        .map_err(|_| Fault::new("header `X-Amz-Target`", format!("invalid value `{target}`")))?;
    let mut headers = HeaderMap::new();
    headers.insert(TARGET_HEADER, target);
    if service.query_compatible {
        headers.insert(
            HeaderName::from_static("x-amzn-query-mode"),
            HeaderValue::from_static("true"),
        );
    }
    let body = to_json_bytes(&Value::Object(object));
    let body = set_body_headers(&mut headers, Some((body, media_type(service))), true);
    let mut request = http::Request::new(body);
    *request.method_mut() = http::Method::POST;
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    Ok(request)
}

/// Reads the input of a request routed to `op`: an empty body is `{}`; a `Content-Type`,
/// if sent, must be the protocol's (parameters ignored).
pub(crate) fn read_request(
    service: &ServiceSpec,
    _op: &OperationSpec,
    request: &http::Request<Bytes>,
) -> Result<Value, MalformedRequest> {
    if let Some(sent) = request_media_type(request.headers()) {
        if sent != media_type(service) {
            return Err(MalformedRequest::new(
                MalformedKind::UnsupportedMediaType,
                format!(
                    "header `Content-Type`: expected `{}` but found `{sent}`",
                    media_type(service)
                ),
            ));
        }
    }
    parse_object(request.body())
        .map(Value::Object)
        .map_err(|message| MalformedRequest::serialization(Fault::new("request body", message)))
}

/// Writes a 200 response with the output as a JSON object (`{}` when it is `null`); an
/// output that is not an object gives a 500 `InternalFailureException`.
pub(crate) fn write_response(
    service: &ServiceSpec,
    _op: &OperationSpec,
    output: Value,
) -> http::Response<Bytes> {
    match into_object(output) {
        Ok(object) => {
            let mut headers = HeaderMap::new();
            let body = to_json_bytes(&Value::Object(object));
            let body = set_body_headers(&mut headers, Some((body, media_type(service))), true);
            response(200, headers, body)
        }
        Err(_) => super::internal_failure(service),
    }
}

/// Reads the output from a 2xx response: an empty body is `{}`.
pub(crate) fn read_response(
    _service: &ServiceSpec,
    _op: &OperationSpec,
    response: &http::Response<Bytes>,
) -> Result<Value, ResponseError> {
    parse_object(response.body())
        .map(Value::Object)
        .map_err(|message| Fault::new("response body", message).into())
}
