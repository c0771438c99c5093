//! The wire protocols: awsJson1_0, awsJson1_1 and restJson1, symmetric (a request can be both
//! written and read, a response both written and read), driven by the generated [`spec`] tables.
//!
//! Typed values travel through their serde JSON form: a `serde_json::Value` object keyed as
//! the JSON body would be (member names; `jsonName` under restJson1). Members that
//! [`OperationSpec::input`] / [`OperationSpec::output`] bind elsewhere (labels, query
//! strings, headers, payload, status code) are taken out of that object and formatted for
//! their location; reading puts them back in the same form, so that the result can be given
//! to `serde_json::from_value`.
//!
//! | direction | client | server |
//! |---|---|---|
//! | request | [`write_request`] | [`read_request`] |
//! | success response | [`read_response`] | [`write_response`] |
//! | error response | [`read_error`] | [`write_error`] |
//!
//! ```
//! use smithy_runtime::protocol::{self, HttpSpec, OperationSpec, Protocol, ServiceSpec};
//!
//! static SERVICE: ServiceSpec = ServiceSpec {
//!     shape_name: "GameLift", sdk_id: "GameLift", version: "2015-10-01",
//!     protocol: Protocol::AwsJson1_1, signing_name: Some("gamelift"),
//!     endpoint_prefix: "gamelift", query_compatible: false,
//! };
//! static OP: OperationSpec = OperationSpec {
//!     name: "DescribeAlias",
//!     http: HttpSpec { method: "POST", uri: "/", code: 200 },
//!     input: &[], output: &[], input_has_body: true, output_has_body: true,
//!     idempotency_token: None, host_prefix: None, checksum_required: false, gzip: false,
//!     errors: &[],
//! };
//!
//! let endpoint = "https://gamelift.us-west-2.amazonaws.com".parse().unwrap();
//! let input = smithy_runtime::serde_json::json!({"AliasId": "alias-1"});
//! let request = protocol::write_request(&SERVICE, &OP, input.clone(), &endpoint).unwrap();
//! assert_eq!(request.headers()["x-amz-target"], "GameLift.DescribeAlias");
//! assert_eq!(request.body().as_ref(), br#"{"AliasId":"alias-1"}"#);
//! assert_eq!(protocol::read_request(&SERVICE, &OP, &request).unwrap(), input);
//! ```

mod aws_json;
mod error_response;
mod errors;
mod message;
mod rest_json;
pub mod spec;
pub(crate) mod values;

use bytes::Bytes;
use serde_json::Value;

pub use error_response::{
    read_error, read_error_headers, sanitize_error_code, write_error, ErrorResponse,
};
pub use errors::{MalformedKind, MalformedRequest, RequestError, ResponseError};
pub use spec::{
    ErrorSpec, HttpSpec, Location, MemberSpec, OperationSpec, Protocol, ServiceSpec, ValueKind,
};

/// Client: the request for `input` (serde JSON object of the input structure; `null` counts
/// as `{}`) to `endpoint` (`scheme://authority[/base-path]`).
///
/// awsJson: `POST` to the endpoint's path with `X-Amz-Target` and the whole input as JSON.
/// restJson1: method, path and query from `op.http` and the bound members, headers, and a
/// JSON body, a payload or no body. Idempotency tokens are not filled in here.
///
/// # Errors
///
/// An input that is not an object, a member of the wrong JSON type for its location, a
/// missing or empty label, a timestamp a textual format cannot express, invalid header
/// names or values, bad base64 in a blob payload.
pub fn write_request(
    service: &ServiceSpec,
    op: &OperationSpec,
    input: Value,
    endpoint: &http::Uri,
) -> Result<http::Request<Bytes>, RequestError> {
    match service.protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            aws_json::write_request(service, op, input, endpoint)
        }
        Protocol::RestJson1 => rest_json::write_request(service, op, input, endpoint),
    }
}

/// Server: the input's serde JSON form from a request already routed to `op` (restJson1
/// labels are read using `op.http.uri`).
///
/// # Errors
///
/// What the server must answer with: [`MalformedKind::Serialization`] for bad JSON or a
/// value that does not parse in its location, [`MalformedKind::UnsupportedMediaType`] and
/// [`MalformedKind::NotAcceptable`] for `Content-Type` and `Accept` headers the operation
/// does not take, [`MalformedKind::UnknownOperation`] when the path does not match.
pub fn read_request(
    service: &ServiceSpec,
    op: &OperationSpec,
    request: &http::Request<Bytes>,
) -> Result<Value, MalformedRequest> {
    match service.protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => aws_json::read_request(service, op, request),
        Protocol::RestJson1 => rest_json::read_request(service, op, request),
    }
}

/// Server: the success response for `output` (serde JSON of the output structure).
///
/// An output that cannot be written (not an object, a bound member of the wrong type) is a
/// server bug: the response is then a 500 `InternalFailureException`.
pub fn write_response(
    service: &ServiceSpec,
    op: &OperationSpec,
    output: Value,
) -> http::Response<Bytes> {
    match service.protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            aws_json::write_response(service, op, output)
        }
        Protocol::RestJson1 => rest_json::write_response(service, op, output),
    }
}

/// Client: the output's serde JSON form from a 2xx response.
///
/// # Errors
///
/// A body that is not JSON (or not an object where one is expected), a bound header that
/// does not parse as its member's kind.
pub fn read_response(
    service: &ServiceSpec,
    op: &OperationSpec,
    response: &http::Response<Bytes>,
) -> Result<Value, ResponseError> {
    match service.protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            aws_json::read_response(service, op, response)
        }
        Protocol::RestJson1 => rest_json::read_response(service, op, response),
    }
}

/// The 500 `InternalFailureException` a server answers with when it cannot write its own
/// output.
fn internal_failure(service: &ServiceSpec) -> http::Response<Bytes> {
    write_error(
        service,
        "InternalFailureException",
        500,
        Value::Object(serde_json::Map::new()),
    )
}
