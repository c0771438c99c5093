//! restJson1 (SMITHY.md 6): `@http` routes, members bound to labels, query strings, headers,
//! the payload and the status code, the rest in a JSON body.

mod bind;
mod headers;
mod payload;
mod request;
mod response;
pub(crate) mod uri;

use crate::codec::Strictness;
use bytes::Bytes;

use super::body::{Decode, Encode, Plan};
use super::error_response::{read_json_error, write_json_error, ErrorResponse};
use super::errors::{MalformedRequest, RequestError, ResponseError};
use super::message::APPLICATION_JSON;
use super::spec::{ErrorSpec, OperationSpec, ServiceSpec};
use super::{Protocol, Route};

/// `aws.protocols#restJson1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RestJson1;

impl Protocol for RestJson1 {
    fn name(&self) -> &'static str {
        "restJson1"
    }

    fn shape_id(&self) -> &'static str {
        "aws.protocols#restJson1"
    }

    fn write_request(
        &self,
        _service: &ServiceSpec,
        op: &OperationSpec,
        input: &dyn Encode,
        idempotency_token: Option<&str>,
        endpoint: &http::Uri,
    ) -> Result<http::Request<Bytes>, RequestError> {
        request::write_request(op, input, idempotency_token, endpoint)
    }

    fn read_request(
        &self,
        _service: &ServiceSpec,
        op: &OperationSpec,
        request: &http::Request<Bytes>,
        input: &mut dyn Decode,
    ) -> Result<(), MalformedRequest> {
        request::read_request(op, request, input)
    }

    fn write_response(
        &self,
        service: &ServiceSpec,
        op: &OperationSpec,
        output: &dyn Encode,
    ) -> http::Response<Bytes> {
        response::write_response(op, output)
            .unwrap_or_else(|fault| super::internal_failure(self, service, &fault))
    }

    fn read_response(
        &self,
        _service: &ServiceSpec,
        op: &OperationSpec,
        response: &http::Response<Bytes>,
        output: &mut dyn Decode,
    ) -> Result<(), ResponseError> {
        response::read_response(op, response, output)
    }

    fn write_error(
        &self,
        _service: &ServiceSpec,
        code: &str,
        status: u16,
        members: &dyn Encode,
    ) -> http::Response<Bytes> {
        write_json_error(code, status, members, APPLICATION_JSON, false)
    }

    /// Members bound to headers (`@httpHeader`, `@httpPrefixHeaders` on the error) go in
    /// headers, the others in the body.
    fn write_modeled_error(
        &self,
        service: &ServiceSpec,
        spec: &ErrorSpec,
        members: &dyn Encode,
    ) -> http::Response<Bytes> {
        if spec.members.is_empty() {
            return self.write_error(service, spec.shape_id, spec.status, members);
        }
        let plan = Plan {
            bound: spec.members,
            extra: None,
        };
        let Ok(encoded) = members.encode_json(&plan) else {
            return self.write_error(service, spec.shape_id, spec.status, members);
        };
        let mut object = encoded.bound;
        let headers = match bind::take_bound(spec.members, &mut object) {
            Ok(bound) => bound.headers,
            Err(fault) => return super::internal_failure(self, service, &fault),
        };
        let body: serde_json::Value =
            serde_json::from_slice(&encoded.body).unwrap_or_else(|_| serde_json::json!({}));
        let mut response =
            write_json_error(spec.shape_id, spec.status, &body, APPLICATION_JSON, false);
        for (name, value) in &headers {
            response.headers_mut().append(name, value.clone());
        }
        response
    }

    fn route(
        &self,
        _service: &ServiceSpec,
        operations: &[&OperationSpec],
        request: &http::Request<Bytes>,
    ) -> Route {
        uri::route(operations, request)
    }

    fn read_error(
        &self,
        _service: &ServiceSpec,
        op: &OperationSpec,
        response: &http::Response<Bytes>,
    ) -> ErrorResponse {
        read_json_error(response, |code, body| {
            // The members the modeled error carries in headers; values that do not parse
            // are left out, and the error still decodes from its body.
            let spec = op.errors.iter().find(|e| code == Some(e.code));
            if let Some(spec) = spec.filter(|spec| !spec.members.is_empty()) {
                let mut bound = serde_json::Map::new();
                let read = bind::read_headers(
                    spec.members,
                    response.headers(),
                    &mut bound,
                    Strictness::Lenient,
                );
                if read.is_ok() {
                    body.extend(bound);
                }
            }
        })
    }
}
