//! The [`Protocol`] methods on values in their serde JSON form, with the service's default
//! protocol: for tests, tools and documentation, where a typed value is not at hand. A
//! `null` value counts as `{}`, and top-level `null` members as unset.

use bytes::Bytes;
use serde_json::Value;

use super::body::Slot;
use super::error_response::ErrorResponse;
use super::errors::{Fault, MalformedKind, MalformedRequest, RequestError, ResponseError};
use super::message::into_object;
use super::spec::{OperationSpec, ServiceSpec};
use super::Protocol;

/// The service's default protocol.
fn protocol(service: &ServiceSpec) -> Result<&'static dyn Protocol, Fault> {
    service.default_protocol().ok_or_else(|| {
        Fault::new(
            format!("service `{}`", service.shape_name),
            "lists no protocol",
        )
    })
}

/// [`Protocol::write_request`] for `input` (no idempotency token is filled in).
///
/// # Errors
///
/// As for [`Protocol::write_request`], and for an input that is not an object.
pub fn write_request(
    service: &ServiceSpec,
    op: &OperationSpec,
    input: Value,
    endpoint: &http::Uri,
) -> Result<http::Request<Bytes>, RequestError> {
    let object = into_object(input).map_err(|message| Fault::new("input", message))?;
    protocol(service)?.write_request(service, op, &Value::Object(object), None, endpoint)
}

/// [`Protocol::read_request`], giving the input's serde JSON form.
///
/// # Errors
///
/// As for [`Protocol::read_request`].
pub fn read_request(
    service: &ServiceSpec,
    op: &OperationSpec,
    request: &http::Request<Bytes>,
) -> Result<Value, MalformedRequest> {
    let serialization =
        |fault: Fault| MalformedRequest::new(MalformedKind::Serialization, fault.to_string());
    let mut slot = Slot::<Value>::new();
    protocol(service)
        .map_err(serialization)?
        .read_request(service, op, request, &mut slot)?;
    object_of(slot).map_err(|message| serialization(Fault::new("request body", message)))
}

/// [`Protocol::write_response`] for `output`; an output that is not an object gives a 500.
pub fn write_response(
    service: &ServiceSpec,
    op: &OperationSpec,
    output: Value,
) -> http::Response<Bytes> {
    let Ok(protocol) = protocol(service) else {
        return server_error();
    };
    match into_object(output) {
        Ok(object) => protocol.write_response(service, op, &Value::Object(object)),
        Err(message) => super::internal_failure(protocol, service, &message),
    }
}

/// [`Protocol::read_response`], giving the output's serde JSON form.
///
/// # Errors
///
/// As for [`Protocol::read_response`].
pub fn read_response(
    service: &ServiceSpec,
    op: &OperationSpec,
    response: &http::Response<Bytes>,
) -> Result<Value, ResponseError> {
    let mut slot = Slot::<Value>::new();
    protocol(service)?.read_response(service, op, response, &mut slot)?;
    object_of(slot).map_err(|message| Fault::new("response body", message).into())
}

/// [`Protocol::write_error`] with `members` (an object, or `null`).
pub fn write_error(
    service: &ServiceSpec,
    code: &str,
    status: u16,
    members: Value,
) -> http::Response<Bytes> {
    let Ok(protocol) = protocol(service) else {
        return server_error();
    };
    let members = into_object(members).unwrap_or_default();
    protocol.write_error(service, code, status, &Value::Object(members))
}

/// [`Protocol::read_error`].
pub fn read_error(
    service: &ServiceSpec,
    op: &OperationSpec,
    response: &http::Response<Bytes>,
) -> ErrorResponse {
    match protocol(service) {
        Ok(protocol) => protocol.read_error(service, op, response),
        Err(_) => ErrorResponse::default(),
    }
}

/// The decoded object, without its top-level `null` members.
fn object_of(slot: Slot<Value>) -> Result<Value, String> {
    match slot.take() {
        Some(object @ Value::Object(_)) => into_object(object).map(Value::Object),
        Some(other) => Err(format!(
            "expected a JSON object but found {}",
            super::values::json_type(&other)
        )),
        None => Err("nothing was decoded".to_owned()),
    }
}

/// A bare 500, for a service description without protocols.
fn server_error() -> http::Response<Bytes> {
    super::message::response(500, http::HeaderMap::new(), Bytes::new())
}
