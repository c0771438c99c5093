//! [`Router`]: routes a request to its operation's handler, in the protocol it came in.

use std::fmt;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use bytes::Bytes;
use futures_util::FutureExt as _;
use http::{HeaderValue, Response};

use super::context::RequestContext;
use super::input::{Input, InputReader};
use crate::codec::Strictness;
use crate::operation::{Operation, OperationError, ServiceError};
use crate::protocol::{
    MalformedKind, MalformedRequest, OperationSpec, Protocol, Route, ServiceSpec,
};
use crate::validate::{Validation, Violation, MAX_REPORTED};
use crate::BoxFuture;

/// The default body limit: 10 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 10 * 1024 * 1024;

/// Decodes a request already routed to one operation, calls its handler, and encodes the
/// answer (the error response at once when the request does not decode).
type Dispatch = Box<
    dyn Fn(
            &'static dyn Protocol,
            &http::Request<Bytes>,
            RequestContext,
        ) -> BoxFuture<'static, Response<Bytes>>
        + Send
        + Sync,
>;

/// Answers requests to one service with its handlers. Cheap to clone.
///
/// Build one with [`Router::builder`] (generated crates do, in `server::router`). A request
/// is routed by the first of the service's protocols that claims it (awsJson by
/// `X-Amz-Target`, rpcv2Cbor by its path, restJson1 by method and URI pattern) and answered in
/// that protocol; an operation without a handler answers 501.
#[derive(Clone)]
pub struct Router {
    inner: Arc<Inner>,
}

struct Inner {
    service: &'static ServiceSpec,
    operations: Vec<&'static OperationSpec>,
    dispatch: Vec<Dispatch>,
    body_limit: usize,
}

impl fmt::Debug for Router {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.inner.operations.iter().map(|op| op.name).collect();
        f.debug_struct("Router")
            .field("service", &self.inner.service.shape_name)
            .field("operations", &names)
            .field("body_limit", &self.inner.body_limit)
            .finish()
    }
}

/// How a [`Router`] sees a request ([`Router::claim`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    /// The request calls this operation of the router's service.
    Operation(&'static str),
    /// The request is in one of the service's protocols but names none of its operations (a
    /// restJson1 path no operation has).
    Unknown,
    /// The request is in none of the service's protocols.
    Other,
}

/// The operation a response answers, in the response's extensions (for access logs); absent
/// when the request called no operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperationName(pub &'static str);

/// Builds a [`Router`]: one handler per operation.
pub struct RouterBuilder {
    service: &'static ServiceSpec,
    operations: Vec<&'static OperationSpec>,
    dispatch: Vec<Dispatch>,
    body_limit: usize,
}

impl Router {
    /// A builder for a router of `service`.
    pub fn builder(service: &'static ServiceSpec) -> RouterBuilder {
        RouterBuilder {
            service,
            operations: Vec::new(),
            dispatch: Vec::new(),
            body_limit: DEFAULT_BODY_LIMIT,
        }
    }

    /// The service this router answers for.
    pub fn service(&self) -> &'static ServiceSpec {
        self.inner.service
    }

    /// The largest request body accepted; larger ones answer 413.
    pub fn body_limit(&self) -> usize {
        self.inner.body_limit
    }

    /// Answers `request`. Never fails: every problem is an error response of the protocol.
    /// A gzip `Content-Encoding` (what `@requestCompression` clients send) is decoded first.
    pub async fn handle(&self, request: http::Request<Bytes>) -> Response<Bytes> {
        let request = match self.decompress(request) {
            Ok(request) => request,
            Err(answer) => return *answer,
        };
        let (protocol, route) = self.route(&request);
        let cx = RequestContext::new(protocol.name(), request.headers().clone());
        let request_id = cx.request_id.clone();
        let mut response = match route {
            Ok(index) => {
                let operation = self.inner.operations[index].name;
                // Decoding, validation, the handler and encoding: a panic in any of them is a
                // 500 in the request's protocol, and the router goes on.
                let dispatch = &self.inner.dispatch[index];
                let answer = AssertUnwindSafe(async { dispatch(protocol, &request, cx).await })
                    .catch_unwind()
                    .await;
                let mut response = answer.unwrap_or_else(|_panic| {
                    internal_failure(protocol, self.inner.service, operation)
                });
                response
                    .extensions_mut()
                    .insert(OperationName(self.inner.operations[index].name));
                response
            }
            Err(why) => malformed(
                protocol,
                self.inner.service,
                &MalformedRequest::new(MalformedKind::UnknownOperation, why),
            ),
        };
        if let Ok(value) = HeaderValue::from_str(&request_id) {
            response
                .headers_mut()
                .insert(http::HeaderName::from_static("x-amzn-requestid"), value);
        }
        response
    }

    /// The request with a gzip body decoded (and `gzip` taken out of `Content-Encoding`); the
    /// 400 answer when it does not decode, the 413 one when it decodes past the body limit.
    fn decompress(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Request<Bytes>, Box<Response<Bytes>>> {
        use std::io::Read as _;
        let encoding = http::header::CONTENT_ENCODING;
        let Some(value) = request
            .headers()
            .get(&encoding)
            .and_then(|v| v.to_str().ok())
        else {
            return Ok(request);
        };
        let codings: Vec<String> = value.split(',').map(|c| c.trim().to_owned()).collect();
        if !codings.iter().any(|c| c.eq_ignore_ascii_case("gzip")) {
            return Ok(request);
        }
        let rest: Vec<&str> = codings
            .iter()
            .filter(|c| !c.eq_ignore_ascii_case("gzip") && !c.is_empty())
            .map(String::as_str)
            .collect();
        let (mut parts, body) = request.into_parts();
        let limit = u64::try_from(self.inner.body_limit).unwrap_or(u64::MAX);
        let mut decoded = Vec::new();
        let read = flate2::read::GzDecoder::new(body.as_ref())
            .take(limit.saturating_add(1))
            .read_to_end(&mut decoded);
        let protocol = self.protocol_of(&http::Request::from_parts(parts.clone(), Bytes::new()));
        let problem = match read {
            Err(e) => Some(MalformedRequest::new(
                MalformedKind::Serialization,
                format!("the gzip body does not decode: {e}"),
            )),
            Ok(_) if decoded.len() > self.inner.body_limit => Some(MalformedRequest::new(
                MalformedKind::TooLarge,
                format!("the body is larger than {} bytes", self.inner.body_limit),
            )),
            Ok(_) => None,
        };
        if let Some(problem) = problem {
            return Err(Box::new(malformed(protocol, self.inner.service, &problem)));
        }
        match HeaderValue::from_str(&rest.join(", ")) {
            Ok(value) if !rest.is_empty() => {
                parts.headers.insert(&encoding, value);
            }
            _ => {
                parts.headers.remove(&encoding);
            }
        }
        parts.headers.insert(
            http::header::CONTENT_LENGTH,
            HeaderValue::from(decoded.len()),
        );
        Ok(http::Request::from_parts(parts, Bytes::from(decoded)))
    }

    /// Whether `request` is for this router's service: the operation it calls, in one of the
    /// service's protocols. Lets one endpoint serve several services ([`Claim`]).
    pub fn claim(&self, request: &http::Request<Bytes>) -> Claim {
        let service = self.inner.service;
        for protocol in service.protocols {
            match protocol.route(service, &self.inner.operations, request) {
                Route::Other => continue,
                Route::Operation(index) => {
                    return Claim::Operation(self.inner.operations[index].name)
                }
                Route::Unknown(_) => return Claim::Unknown,
            }
        }
        Claim::Other
    }

    /// An error response to `request` in the protocol it came in: error `code` with `status`
    /// and the error structure's `members` (`{"Message": ...}`), for errors the router's caller
    /// decides on, such as a failed authentication.
    pub fn reject(
        &self,
        request: &http::Request<Bytes>,
        code: &str,
        status: u16,
        members: &serde_json::Value,
    ) -> Response<Bytes> {
        let protocol = self.protocol_of(request);
        protocol.write_error(self.inner.service, code, status, members)
    }

    /// The protocol a request is answered in.
    pub(super) fn protocol_of(&self, request: &http::Request<Bytes>) -> &'static dyn Protocol {
        self.route(request).0
    }

    /// The protocol that claims `request`, and the index of the operation it calls or why it
    /// calls none; a request no protocol claims is the default protocol's unknown operation.
    fn route(
        &self,
        request: &http::Request<Bytes>,
    ) -> (&'static dyn Protocol, Result<usize, String>) {
        let service = self.inner.service;
        for protocol in service.protocols {
            match protocol.route(service, &self.inner.operations, request) {
                Route::Other => continue,
                Route::Operation(index) => return (*protocol, Ok(index)),
                Route::Unknown(why) => return (*protocol, Err(why)),
            }
        }
        let protocol = service
            .default_protocol()
            .unwrap_or(&crate::protocol::RestJson1);
        let why = format!(
            "the request is in none of the protocols {} speaks ({})",
            service.shape_name,
            service.protocol_names()
        );
        (protocol, Err(why))
    }
}

impl RouterBuilder {
    /// Sets the handler of operation `O`: an async function of the input and the request
    /// context. Operations without a handler answer 501.
    pub fn operation<O, F, Fut>(mut self, handler: F) -> Self
    where
        O: Operation,
        F: Fn(O::Input, RequestContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<O::Output, O::Error>> + Send + 'static,
    {
        let dispatch: Dispatch = Box::new(move |protocol, request, cx| {
            let input = match decode_input::<O>(protocol, request) {
                Ok(input) => input,
                Err(answer) => return ready(*answer),
            };
            let answer = handler(input, cx);
            Box::pin(async move {
                match answer.await {
                    Ok(output) => protocol.write_response(O::SERVICE, O::SPEC, &output),
                    Err(error) => operation_error::<O>(protocol, &error),
                }
            })
        });
        match self.operations.iter().position(|op| op.name == O::NAME) {
            Some(index) => self.dispatch[index] = dispatch,
            None => {
                self.operations.push(O::SPEC);
                self.dispatch.push(dispatch);
            }
        }
        self
    }

    /// Sets the handler of `operation` (its marker type's value) to a method of a shared
    /// service: `handler` gets a clone of `service` with each request's input and context.
    /// What generated `router_builder`s call for each operation of their server trait.
    pub fn shared_operation<O, S, F, Fut>(self, _operation: O, service: &Arc<S>, handler: F) -> Self
    where
        O: Operation,
        S: Send + Sync + 'static,
        F: Fn(Arc<S>, O::Input, RequestContext) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<O::Output, O::Error>> + Send + 'static,
    {
        let service = Arc::clone(service);
        self.operation::<O, _, _>(move |input, cx| handler(Arc::clone(&service), input, cx))
    }

    /// Sets the largest request body accepted (default [`DEFAULT_BODY_LIMIT`]).
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// The router.
    pub fn build(self) -> Router {
        Router {
            inner: Arc::new(Inner {
                service: self.service,
                operations: self.operations,
                dispatch: self.dispatch,
                body_limit: self.body_limit,
            }),
        }
    }
}

/// The request's input, decoded and validated in one pass; else the answer: the protocol's
/// error for a malformed request, or the validation error listing every violation. A server
/// reads requests strictly.
fn decode_input<O: Operation>(
    protocol: &'static dyn Protocol,
    request: &http::Request<Bytes>,
) -> Result<O::Input, Box<Response<Bytes>>> {
    let mut reader = InputReader::<O>::new(Strictness::Strict);
    let answer = match protocol.read_request(O::SERVICE, O::SPEC, request, &mut reader) {
        Err(error) => malformed(protocol, O::SERVICE, &error),
        Ok(()) => match (reader.take(), O::SPEC.validation) {
            (Some(Input::Valid(mut input)), _) => {
                O::fill_defaults(&mut input);
                return Ok(input);
            }
            (Some(Input::Invalid(violations)), Some(validation)) => {
                invalid::<O>(protocol, validation, &violations)
            }
            _ => malformed(
                protocol,
                O::SERVICE,
                &MalformedRequest::new(MalformedKind::Serialization, "no input decoded"),
            ),
        },
    };
    Err(Box::new(answer))
}

/// The validation error for `violations`: the operation's own validation error with the
/// message, or `smithy.framework#ValidationException` with its `fieldList` too.
fn invalid<O: Operation>(
    protocol: &dyn Protocol,
    validation: &Validation,
    violations: &[Violation],
) -> Response<Bytes> {
    let count = match violations.len() {
        1 => "1 validation error detected".to_owned(),
        n if n > MAX_REPORTED => {
            format!("More than {MAX_REPORTED} validation errors detected; the first {MAX_REPORTED}")
        }
        n => format!("{n} validation errors detected"),
    };
    let violations = &violations[..violations.len().min(MAX_REPORTED)];
    let details: Vec<&str> = violations.iter().map(|v| v.message.as_str()).collect();
    let message = format!("{count}. {}", details.join("; "));
    match validation.error {
        Some((code, key)) => {
            let status = O::SPEC
                .errors
                .iter()
                .find(|spec| spec.code == code)
                .map_or(400, |spec| spec.status);
            let mut members = serde_json::Map::new();
            members.insert(key.to_owned(), serde_json::Value::String(message));
            protocol.write_error(
                O::SERVICE,
                code,
                status,
                &serde_json::Value::Object(members),
            )
        }
        None => {
            let fields: Vec<serde_json::Value> = violations
                .iter()
                .map(|v| serde_json::json!({"path": v.path, "message": v.message}))
                .collect();
            let members = serde_json::json!({"message": message, "fieldList": fields});
            protocol.write_error(O::SERVICE, "ValidationException", 400, &members)
        }
    }
}

/// A response that is ready now.
fn ready(response: Response<Bytes>) -> BoxFuture<'static, Response<Bytes>> {
    Box::pin(std::future::ready(response))
}

/// The protocol's answer to a malformed request.
pub(super) fn malformed(
    protocol: &dyn Protocol,
    service: &ServiceSpec,
    error: &MalformedRequest,
) -> Response<Bytes> {
    let members = serde_json::json!({ "message": error.message });
    protocol.write_error(service, error.code(), error.status(), &members)
}

/// The answer for an error a handler returned: a modeled error with its status, or an
/// unhandled one with the status its metadata sets (500 by default).
fn operation_error<O: Operation>(protocol: &dyn Protocol, error: &O::Error) -> Response<Bytes> {
    let code = error.code().unwrap_or("InternalFailure");
    match error.to_members() {
        Some(members) => {
            let spec = O::SPEC.errors.iter().find(|spec| spec.code == code);
            let mut response = match spec {
                Some(spec) => protocol.write_modeled_error(O::SERVICE, spec, members),
                None => protocol.write_error(O::SERVICE, code, 500, members),
            };
            let query_error = spec.and_then(|spec| spec.query_error);
            if let (true, Some(value)) = (O::SERVICE.query_compatible, query_error) {
                if let Ok(value) = HeaderValue::from_str(value) {
                    response
                        .headers_mut()
                        .insert(http::HeaderName::from_static("x-amzn-query-error"), value);
                }
            }
            response
        }
        None => {
            let status = error
                .as_unhandled()
                .and_then(|e| e.meta().status())
                .unwrap_or(500);
            let members = serde_json::json!({ "message": error.message() });
            protocol.write_error(O::SERVICE, code, status, &members)
        }
    }
}

/// The 500 answer for an operation that panicked (decoding, validating, handling or encoding).
fn internal_failure(
    protocol: &dyn Protocol,
    service: &ServiceSpec,
    operation: &str,
) -> Response<Bytes> {
    let members = serde_json::json!({
        "message": format!("answering {operation} panicked; the server goes on serving")
    });
    protocol.write_error(service, "InternalFailure", 500, &members)
}
