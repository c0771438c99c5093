//! The wire protocols: awsJson1_0, awsJson1_1, restJson1 and rpcv2Cbor, each one
//! implementation of the [`Protocol`] seam, which writes and reads requests, responses and
//! error responses in both directions: the client writes requests and reads responses, a
//! server reads requests and writes responses.
//!
//! | direction | client | server |
//! |---|---|---|
//! | request | [`Protocol::write_request`] | [`Protocol::read_request`] |
//! | success response | [`Protocol::read_response`] | [`Protocol::write_response`] |
//! | error response | [`Protocol::read_error`] | [`Protocol::write_error`] |
//!
//! Values go between the generated types and the wire through [`Encode`] and [`Decode`]
//! (see [`body`] for where a `serde_json::Value` step remains, and why). The per-operation
//! data comes from the generated [`spec`] tables.
//!
//! ```
//! use smithy_runtime::protocol::{
//!     AwsJson1_1, HttpSpec, OperationSpec, Protocol, RpcV2Cbor, ServiceSpec, Slot,
//! };
//!
//! static SERVICE: ServiceSpec = ServiceSpec {
//!     shape_name: "GameLift", sdk_id: "GameLift", version: "2015-10-01",
//!     protocols: &[&AwsJson1_1, &RpcV2Cbor], signing_name: Some("gamelift"),
//!     endpoint_prefix: "gamelift", query_compatible: false, endpoint_rules: None,
//! };
//! static OP: OperationSpec = OperationSpec {
//!     name: "DescribeAlias",
//!     http: HttpSpec { method: "POST", uri: "/", code: 200 },
//!     input: &[], output: &[], input_has_body: true, output_has_body: true,
//!     input_unit: false, output_unit: false,
//!     idempotency_token: None, host_prefix: None, checksum_required: false, gzip: false,
//!     errors: &[], validation: None, endpoint_params: &[],
//! };
//!
//! let endpoint = "https://gamelift.us-west-2.amazonaws.com".parse().unwrap();
//! let input = smithy_runtime::serde_json::json!({"AliasId": "alias-1"});
//! for protocol in SERVICE.protocols {
//!     let request = protocol.write_request(&SERVICE, &OP, &input, None, &endpoint).unwrap();
//!     let mut read = Slot::<smithy_runtime::serde_json::Value>::new();
//!     protocol.read_request(&SERVICE, &OP, &request, &mut read).unwrap();
//!     assert_eq!(read.take(), Some(input.clone()));
//! }
//! let request = AwsJson1_1.write_request(&SERVICE, &OP, &input, None, &endpoint).unwrap();
//! assert_eq!(request.headers()["x-amz-target"], "GameLift.DescribeAlias");
//! assert_eq!(request.body().as_ref(), br#"{"AliasId":"alias-1"}"#);
//! ```

mod aws_json;
pub mod body;
mod error_response;
mod errors;
mod message;
pub(crate) mod rest_json;
mod rpc_v2_cbor;
pub mod spec;
#[cfg(feature = "test-util")]
mod value_api;
pub(crate) mod values;

use std::fmt;

use bytes::Bytes;

pub use aws_json::{AwsJson1_0, AwsJson1_1};
pub use body::{Decode, Encode, Encoded, Plan, Slot};
#[cfg(feature = "client")]
pub(crate) use error_response::request_id;
pub use error_response::{sanitize_error_code, ErrorBody, ErrorResponse};
pub use errors::{MalformedKind, MalformedRequest, RequestError, ResponseError};
pub use rest_json::RestJson1;
pub use rpc_v2_cbor::RpcV2Cbor;
pub use spec::{ErrorSpec, HttpSpec, Location, MemberSpec, OperationSpec, ServiceSpec, ValueKind};
#[cfg(feature = "test-util")]
pub use value_api::{
    read_error, read_request, read_response, write_error, write_request, write_response,
};

/// One wire protocol, in both directions. Implementations are stateless unit structs
/// ([`AwsJson1_0`], [`AwsJson1_1`], [`RestJson1`], [`RpcV2Cbor`]); a service lists the ones it
/// speaks in [`ServiceSpec::protocols`].
pub trait Protocol: fmt::Debug + Send + Sync {
    /// The protocol trait's name (`awsJson1_1`, `rpcv2Cbor`).
    fn name(&self) -> &'static str;

    /// The protocol trait's shape id (`aws.protocols#awsJson1_1`).
    fn shape_id(&self) -> &'static str;

    /// Client: the request for `input` to `endpoint` (`scheme://authority[/base-path]`);
    /// `idempotency_token` is written as the operation's token member when the input does not
    /// set it.
    ///
    /// # Errors
    ///
    /// An input that is not a structure, a member that cannot be written in its location (a
    /// missing or empty label, a timestamp a textual format cannot express, an invalid header
    /// value).
    fn write_request(
        &self,
        service: &ServiceSpec,
        op: &OperationSpec,
        input: &dyn Encode,
        idempotency_token: Option<&str>,
        endpoint: &http::Uri,
    ) -> Result<http::Request<Bytes>, RequestError>;

    /// Server: decodes the input of a request already routed to `op` into `input`.
    ///
    /// # Errors
    ///
    /// What the server must answer with: [`MalformedKind::Serialization`] for a body or a
    /// bound value that does not read as the input, [`MalformedKind::UnsupportedMediaType`]
    /// and [`MalformedKind::NotAcceptable`] for `Content-Type` and `Accept` headers the
    /// operation does not take, [`MalformedKind::UnknownOperation`] when the route does not
    /// match.
    fn read_request(
        &self,
        service: &ServiceSpec,
        op: &OperationSpec,
        request: &http::Request<Bytes>,
        input: &mut dyn Decode,
    ) -> Result<(), MalformedRequest>;

    /// Server: the success response for `output`. An output that cannot be written is a
    /// server bug: the response is then a 500 `InternalFailure`.
    fn write_response(
        &self,
        service: &ServiceSpec,
        op: &OperationSpec,
        output: &dyn Encode,
    ) -> http::Response<Bytes>;

    /// Client: decodes the output of a 2xx response into `output`.
    ///
    /// # Errors
    ///
    /// A body that does not read as the output (the message names the member path), a bound
    /// header that does not parse as its member's kind.
    fn read_response(
        &self,
        service: &ServiceSpec,
        op: &OperationSpec,
        response: &http::Response<Bytes>,
        output: &mut dyn Decode,
    ) -> Result<(), ResponseError>;

    /// Server: an error response with status `status` naming error `code` where the protocol
    /// puts it, with the error structure's `members`. `code` is the error's name, or its shape
    /// id (`ns#Name`), which awsJson and rpcv2Cbor write in `__type` as it is; headers carry
    /// the name.
    fn write_error(
        &self,
        service: &ServiceSpec,
        code: &str,
        status: u16,
        members: &dyn Encode,
    ) -> http::Response<Bytes>;

    /// Server: the response for the modeled error `spec` with the error structure's
    /// `members`: [`Protocol::write_error`] with the error's shape id and status, unless the
    /// protocol binds some members elsewhere (restJson1 error headers).
    fn write_modeled_error(
        &self,
        service: &ServiceSpec,
        spec: &ErrorSpec,
        members: &dyn Encode,
    ) -> http::Response<Bytes> {
        self.write_error(service, spec.shape_id, spec.status, members)
    }

    /// Server: whether `request` is in this protocol and, if so, which of `operations` it
    /// calls (by index).
    fn route(
        &self,
        service: &ServiceSpec,
        operations: &[&OperationSpec],
        request: &http::Request<Bytes>,
    ) -> Route;

    /// Client: what a non-2xx response to `op` says: the sanitized error code, the message,
    /// the request id, and the error's members (those the modeled error carries in headers
    /// included).
    fn read_error(
        &self,
        service: &ServiceSpec,
        op: &OperationSpec,
        response: &http::Response<Bytes>,
    ) -> ErrorResponse;
}

/// Where a server sends a request, as one protocol sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The request is not in this protocol.
    Other,
    /// The request is in this protocol but calls no operation of the service: why.
    Unknown(String),
    /// The request calls the operation at this index.
    Operation(usize),
}

/// Every protocol this crate implements, in the order a client prefers them by default: the
/// JSON protocols, which botocore and the AWS CLI send, before rpcv2Cbor.
pub const ALL: &[&dyn Protocol] = &[&RestJson1, &AwsJson1_1, &AwsJson1_0, &RpcV2Cbor];

/// The 500 `InternalFailure` a server answers with when it cannot write its own output.
fn internal_failure(
    protocol: &dyn Protocol,
    service: &ServiceSpec,
    why: &dyn fmt::Display,
) -> http::Response<Bytes> {
    let members =
        serde_json::json!({ "message": format!("the server cannot write its output: {why}") });
    protocol.write_error(service, "InternalFailure", 500, &members)
}
