//! rpcv2Cbor (SMITHY.md 9): `POST {prefix}/service/{Service}/operation/{Operation}`, the
//! `smithy-protocol: rpc-v2-cbor` header, CBOR bodies keyed by member name, `__type` errors.
//!
//! The values' own serde impls write the CBOR forms when the serializer is not human-readable
//! (neither the runtime's CBOR writer nor its reader is): timestamps as tag 1 epoch
//! seconds, blobs as byte strings, floats as CBOR floats (NaN and the infinities included).

use bytes::Bytes;
use http::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT};
use serde::Deserialize;

use super::body::{Decode, Encode, Plan};
use super::error_response::{request_id, sanitize_error_code, ErrorBody, ErrorResponse};
use super::errors::{Fault, MalformedRequest, RequestError, ResponseError};
use super::message::{base_path, check_content_type, response, set_body_headers, with_path};
use super::spec::{OperationSpec, ServiceSpec};
use super::{Protocol, Route};

/// `smithy.protocols#rpcv2Cbor`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RpcV2Cbor;

/// `application/cbor`.
const APPLICATION_CBOR: &str = "application/cbor";
/// The header every request and response of the protocol carries.
const SMITHY_PROTOCOL: HeaderName = HeaderName::from_static("smithy-protocol");
/// Its value.
const RPC_V2_CBOR: HeaderValue = HeaderValue::from_static("rpc-v2-cbor");

impl Protocol for RpcV2Cbor {
    fn name(&self) -> &'static str {
        "rpcv2Cbor"
    }

    fn shape_id(&self) -> &'static str {
        "smithy.protocols#rpcv2Cbor"
    }

    fn write_request(
        &self,
        service: &ServiceSpec,
        op: &OperationSpec,
        input: &dyn Encode,
        idempotency_token: Option<&str>,
        endpoint: &http::Uri,
    ) -> Result<http::Request<Bytes>, RequestError> {
        let path = format!(
            "{}/service/{}/operation/{}",
            base_path(endpoint),
            service.shape_name,
            op.name
        );
        let uri = with_path(endpoint, &path).map_err(|message| Fault::new("endpoint", message))?;
        let mut headers = HeaderMap::new();
        headers.insert(SMITHY_PROTOCOL, RPC_V2_CBOR);
        headers.insert(ACCEPT, HeaderValue::from_static(APPLICATION_CBOR));
        if service.query_compatible {
            headers.insert(
                HeaderName::from_static("x-amzn-query-mode"),
                HeaderValue::from_static("true"),
            );
        }
        let body = if op.input_unit {
            None
        } else {
            let plan = Plan {
                bound: &[],
                extra: op.idempotency_token.zip(idempotency_token),
            };
            let encoded = input
                .encode_cbor(&plan)
                .map_err(|e| Fault::new("input", e))?;
            Some((Bytes::from(encoded.body), APPLICATION_CBOR))
        };
        let body = set_body_headers(&mut headers, body, true);
        let mut request = http::Request::new(body);
        *request.method_mut() = http::Method::POST;
        *request.uri_mut() = uri;
        *request.headers_mut() = headers;
        Ok(request)
    }

    fn read_request(
        &self,
        _service: &ServiceSpec,
        _op: &OperationSpec,
        request: &http::Request<Bytes>,
        input: &mut dyn Decode,
    ) -> Result<(), MalformedRequest> {
        check_content_type(request.headers(), APPLICATION_CBOR)?;
        input
            .decode_cbor(request.body())
            .map_err(|e| MalformedRequest::serialization(Fault::new("request body", e)))
    }

    fn write_response(
        &self,
        service: &ServiceSpec,
        op: &OperationSpec,
        output: &dyn Encode,
    ) -> http::Response<Bytes> {
        let body = if op.output_unit {
            None
        } else {
            match output.encode_cbor(&Plan::default()) {
                Ok(encoded) => Some((Bytes::from(encoded.body), APPLICATION_CBOR)),
                Err(e) => return super::internal_failure(self, service, &e),
            }
        };
        let mut headers = HeaderMap::new();
        headers.insert(SMITHY_PROTOCOL, RPC_V2_CBOR);
        let body = set_body_headers(&mut headers, body, true);
        response(200, headers, body)
    }

    fn read_response(
        &self,
        _service: &ServiceSpec,
        _op: &OperationSpec,
        response: &http::Response<Bytes>,
        output: &mut dyn Decode,
    ) -> Result<(), ResponseError> {
        output
            .decode_cbor(response.body())
            .map_err(|e| Fault::new("response body", e).into())
    }

    fn write_error(
        &self,
        _service: &ServiceSpec,
        code: &str,
        status: u16,
        members: &dyn Encode,
    ) -> http::Response<Bytes> {
        let plan = Plan {
            bound: &[],
            extra: Some(("__type", code)),
        };
        // An error structure that cannot be written still names its code.
        let body = members
            .encode_cbor(&plan)
            .or_else(|_| serde_json::json!({}).encode_cbor(&plan))
            .map(|encoded| encoded.body)
            .unwrap_or_default();
        let mut headers = HeaderMap::new();
        headers.insert(SMITHY_PROTOCOL, RPC_V2_CBOR);
        let body = set_body_headers(
            &mut headers,
            Some((Bytes::from(body), APPLICATION_CBOR)),
            true,
        );
        response(status, headers, body)
    }

    /// The path ends in `/service/{Service}/operation/{Operation}`; a request with the
    /// `smithy-protocol` header is this protocol's even when its path is wrong.
    fn route(
        &self,
        service: &ServiceSpec,
        operations: &[&OperationSpec],
        request: &http::Request<Bytes>,
    ) -> Route {
        let path = request.uri().path();
        let named = path
            .rsplit_once("/operation/")
            .and_then(|(start, operation)| {
                let (_, service) = start.rsplit_once("/service/")?;
                Some((service, operation))
            });
        let marked = request.headers().contains_key(SMITHY_PROTOCOL);
        match named {
            None if !marked => Route::Other,
            None => Route::Unknown(format!(
                "path `{path}` is not `/service/{{Service}}/operation/{{Operation}}`"
            )),
            Some((name, operation)) => {
                let index = operations.iter().position(|op| op.name == operation);
                match index.filter(|_| name == service.shape_name) {
                    Some(index) => Route::Operation(index),
                    None => Route::Unknown(format!(
                        "path `{path}` names no operation of {}",
                        service.shape_name
                    )),
                }
            }
        }
    }

    fn read_error(
        &self,
        _service: &ServiceSpec,
        _op: &OperationSpec,
        response: &http::Response<Bytes>,
    ) -> ErrorResponse {
        let head: Head = if response.body().is_empty() {
            Head::default()
        } else {
            crate::codec::cbor::from_slice(response.body()).unwrap_or_default()
        };
        ErrorResponse {
            code: head
                .type_
                .as_deref()
                .map(|raw| sanitize_error_code(raw).to_owned())
                .filter(|code| !code.is_empty()),
            message: head.message.or(head.capital_message).or(head.error_message),
            request_id: request_id(response.headers()),
            members: ErrorBody::cbor(response.body().clone()),
        }
    }
}

/// What a client needs from an error body before it knows the error's type.
#[derive(Debug, Default, Deserialize)]
struct Head {
    #[serde(rename = "__type")]
    type_: Option<String>,
    message: Option<String>,
    #[serde(rename = "Message")]
    capital_message: Option<String>,
    #[serde(rename = "errorMessage")]
    error_message: Option<String>,
}
