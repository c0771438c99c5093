//! awsJson1_0 and awsJson1_1 (SMITHY.md 5): `POST` to the endpoint, `X-Amz-Target`, the
//! whole input or output as a JSON object.

use bytes::Bytes;
use http::header::{HeaderMap, HeaderName, HeaderValue};

use super::body::{Decode, Encode, Plan};
use super::error_response::{read_json_error, write_json_error, ErrorResponse};
use super::errors::{Fault, MalformedRequest, RequestError, ResponseError};
use super::message::{check_content_type, response, set_body_headers};
use super::spec::{OperationSpec, ServiceSpec};
use super::{Protocol, Route};

/// `aws.protocols#awsJson1_0`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AwsJson1_0;

/// `aws.protocols#awsJson1_1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AwsJson1_1;

/// The header naming the operation.
const TARGET_HEADER: HeaderName = HeaderName::from_static("x-amz-target");

/// The two versions differ only in their names and `Content-Type`.
macro_rules! aws_json {
    ($ty:ident, $name:literal, $media_type:literal, $full_type:literal) => {
        impl Protocol for $ty {
            fn name(&self) -> &'static str {
                $name
            }

            fn shape_id(&self) -> &'static str {
                concat!("aws.protocols#", $name)
            }

            fn write_request(
                &self,
                service: &ServiceSpec,
                op: &OperationSpec,
                input: &dyn Encode,
                idempotency_token: Option<&str>,
                endpoint: &http::Uri,
            ) -> Result<http::Request<Bytes>, RequestError> {
                write_request($media_type, service, op, input, idempotency_token, endpoint)
            }

            fn read_request(
                &self,
                _service: &ServiceSpec,
                _op: &OperationSpec,
                request: &http::Request<Bytes>,
                input: &mut dyn Decode,
            ) -> Result<(), MalformedRequest> {
                read_request($media_type, request, input)
            }

            fn write_response(
                &self,
                service: &ServiceSpec,
                op: &OperationSpec,
                output: &dyn Encode,
            ) -> http::Response<Bytes> {
                write_response(self, $media_type, service, op, output)
            }

            fn read_response(
                &self,
                _service: &ServiceSpec,
                _op: &OperationSpec,
                response: &http::Response<Bytes>,
                output: &mut dyn Decode,
            ) -> Result<(), ResponseError> {
                output
                    .decode_json(response.body())
                    .map_err(|e| Fault::new("response body", e).into())
            }

            fn write_error(
                &self,
                _service: &ServiceSpec,
                code: &str,
                status: u16,
                members: &dyn Encode,
            ) -> http::Response<Bytes> {
                // awsJson1_0 servers write the error's shape id in `__type`, awsJson1_1 ones
                // its name (as the compliance suites expect).
                let code = if $full_type {
                    code
                } else {
                    super::sanitize_error_code(code)
                };
                write_json_error(code, status, members, $media_type, true)
            }

            fn read_error(
                &self,
                _service: &ServiceSpec,
                _op: &OperationSpec,
                response: &http::Response<Bytes>,
            ) -> ErrorResponse {
                read_json_error(response, |_, _| {})
            }

            fn route(
                &self,
                service: &ServiceSpec,
                operations: &[&OperationSpec],
                request: &http::Request<Bytes>,
            ) -> Route {
                route($media_type, service, operations, request)
            }
        }
    };
}

aws_json!(AwsJson1_0, "awsJson1_0", "application/x-amz-json-1.0", true);
aws_json!(
    AwsJson1_1,
    "awsJson1_1",
    "application/x-amz-json-1.1",
    false
);

/// Writes `POST {endpoint path}/` with `X-Amz-Target`, the protocol's `Content-Type` and the
/// input as a JSON object.
fn write_request(
    media_type: &'static str,
    service: &ServiceSpec,
    op: &OperationSpec,
    input: &dyn Encode,
    idempotency_token: Option<&str>,
    endpoint: &http::Uri,
) -> Result<http::Request<Bytes>, RequestError> {
    let plan = Plan {
        bound: &[],
        extra: op.idempotency_token.zip(idempotency_token),
    };
    let encoded = input
        .encode_json(&plan)
        .map_err(|e| Fault::new("input", e))?;
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
    let body = Bytes::from(encoded.body);
    let body = set_body_headers(&mut headers, Some((body, media_type)), true);
    let mut request = http::Request::new(body);
    *request.method_mut() = http::Method::POST;
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    Ok(request)
}

/// Reads the input of a request: an empty body is `{}`; a `Content-Type`, if sent, must be
/// the protocol's (parameters ignored).
fn read_request(
    media_type: &str,
    request: &http::Request<Bytes>,
    input: &mut dyn Decode,
) -> Result<(), MalformedRequest> {
    check_content_type(request.headers(), media_type)?;
    input
        .decode_json(request.body())
        .map_err(|e| MalformedRequest::serialization(Fault::new("request body", e)))
}

/// Writes a 200 response with the output as a JSON object; an operation whose output is
/// `smithy.api#Unit` answers with no body.
fn write_response(
    protocol: &dyn Protocol,
    media_type: &'static str,
    service: &ServiceSpec,
    op: &OperationSpec,
    output: &dyn Encode,
) -> http::Response<Bytes> {
    if op.output_unit {
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::CONTENT_TYPE,
            HeaderValue::from_static(media_type),
        );
        let body = set_body_headers(&mut headers, None, true);
        return response(200, headers, body);
    }
    match output.encode_json(&Plan::default()) {
        Ok(encoded) => {
            let mut headers = HeaderMap::new();
            let body = Bytes::from(encoded.body);
            let body = set_body_headers(&mut headers, Some((body, media_type)), true);
            response(200, headers, body)
        }
        Err(e) => super::internal_failure(protocol, service, &e),
    }
}

/// An awsJson request carries `X-Amz-Target: {Service}.{Operation}`; when a `Content-Type` is
/// sent too, it must be this version's (so that a service listing both versions tells them
/// apart).
fn route(
    media_type: &str,
    service: &ServiceSpec,
    operations: &[&OperationSpec],
    request: &http::Request<Bytes>,
) -> Route {
    let Some(target) = request.headers().get(TARGET_HEADER) else {
        return Route::Other;
    };
    let sent = super::message::content_type(request.headers());
    if sent.is_some_and(|sent| sent != media_type && sent.starts_with("application/x-amz-json")) {
        return Route::Other;
    }
    let target = String::from_utf8_lossy(target.as_bytes());
    let operation = target
        .split_once('.')
        .filter(|(prefix, _)| *prefix == service.shape_name)
        .map(|(_, operation)| operation);
    match operation.and_then(|name| operations.iter().position(|op| op.name == name)) {
        Some(index) => Route::Operation(index),
        None => Route::Unknown(format!(
            "`X-Amz-Target: {target}` names no operation of {}",
            service.shape_name
        )),
    }
}
