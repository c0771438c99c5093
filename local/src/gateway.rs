//! [`Gateway`]: several services' routers behind one endpoint, with an access log and,
//! optionally, signature checks.
//!
//! A request goes to the router whose protocol claims it (GameLift's `X-Amz-Target` or
//! rpcv2Cbor path, a GameSparks REST route); where more than one could answer, to the one
//! whose signing name the SigV4 credential scope names.

use std::convert::Infallible;
use std::fmt;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant, SystemTime};

use bytes::Bytes;
use http_body_util::Full;
use smithy_runtime::client::{BoxFuture, HttpClient, TransportError};
use smithy_runtime::server::{collect_body, BodyError, Claim, OperationName, Router};

use crate::auth::{scope_service, Keys};

/// One request as the access log sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Access {
    /// The service that answered (`GameLift`), or `-` when none claimed the request.
    pub service: &'static str,
    /// The operation called, when the request named one.
    pub operation: Option<&'static str>,
    /// The HTTP method.
    pub method: String,
    /// The request path.
    pub path: String,
    /// The response status.
    pub status: u16,
    /// How long the answer took.
    pub latency: Duration,
}

impl fmt::Display for Access {
    /// `GameLift CreateFleet 200 0.4ms`, or the method and path when no operation was named.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.operation {
            Some(operation) => write!(f, "{} {operation}", self.service)?,
            None => write!(f, "{} {} {}", self.service, self.method, self.path)?,
        }
        let millis = self.latency.as_secs_f64() * 1000.0;
        write!(f, " {} {millis:.1}ms", self.status)
    }
}

/// What a service answers a request that fails the signature check with: its documented
/// authentication error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthError {
    /// The error code (`UnauthorizedException`).
    pub code: &'static str,
    /// Its HTTP status.
    pub status: u16,
}

type Log = Arc<dyn Fn(&Access) + Send + Sync>;

/// Routers of several services on one endpoint. Cheap to clone. Serve it with
/// `smithy_runtime::server::serve`, or use it as a client's in-process transport.
#[derive(Clone)]
pub struct Gateway {
    services: Arc<Vec<(Router, AuthError)>>,
    keys: Option<Arc<Keys>>,
    log: Option<Log>,
}

impl fmt::Debug for Gateway {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self
            .services
            .iter()
            .map(|(r, _)| r.service().shape_name)
            .collect();
        f.debug_struct("Gateway")
            .field("services", &names)
            .field("keys", &self.keys)
            .field("log", &self.log.is_some())
            .finish()
    }
}

impl Gateway {
    /// A gateway over `services`: each router with the error it answers failed signature
    /// checks with. Signatures are not checked until [`Gateway::require_auth`].
    pub fn new(services: Vec<(Router, AuthError)>) -> Self {
        Gateway {
            services: Arc::new(services),
            keys: None,
            log: None,
        }
    }

    /// Checks every request's SigV4 signature against `keys`; a request that fails gets the
    /// service's authentication error.
    #[must_use]
    pub fn require_auth(mut self, keys: Keys) -> Self {
        self.keys = Some(Arc::new(keys));
        self
    }

    /// Calls `log` with every request answered.
    #[must_use]
    pub fn access_log(mut self, log: impl Fn(&Access) + Send + Sync + 'static) -> Self {
        self.log = Some(Arc::new(log));
        self
    }

    /// Answers `request` with the service it is for. Never fails.
    pub async fn handle(&self, request: http::Request<Bytes>) -> http::Response<Bytes> {
        let started = Instant::now();
        let method = request.method().to_string();
        let path = request.uri().path().to_owned();
        let (router, auth_error) = self.pick(&request);
        let response = match self.check(&request, router, auth_error) {
            Some(rejection) => rejection,
            None => router.handle(request).await,
        };
        if let Some(log) = &self.log {
            log(&Access {
                service: router.service().shape_name,
                operation: response.extensions().get::<OperationName>().map(|o| o.0),
                method,
                path,
                status: response.status().as_u16(),
                latency: started.elapsed(),
            });
        }
        response
    }

    /// The router for `request`: the only one that names an operation for it. Where several
    /// do, or none does, the one the SigV4 credential scope names (among those that name an
    /// operation, if any); else the first that names an operation, or recognises the
    /// protocol, or the first router.
    fn pick(&self, request: &http::Request<Bytes>) -> (&Router, AuthError) {
        let claims: Vec<Claim> = self
            .services
            .iter()
            .map(|(router, _)| router.claim(request))
            .collect();
        let with = |wanted: fn(&Claim) -> bool| -> Vec<usize> {
            (0..claims.len()).filter(|i| wanted(&claims[*i])).collect()
        };
        let operations = with(|c| matches!(c, Claim::Operation(_)));
        let chosen = if let [only] = operations[..] {
            only
        } else {
            let scope = scope_service(request.headers());
            let signed_for = |i: &usize| {
                scope.is_some() && self.services[*i].0.service().signing_name == scope.as_deref()
            };
            let pool: Vec<usize> = if operations.is_empty() {
                (0..claims.len()).collect()
            } else {
                operations.clone()
            };
            pool.into_iter()
                .find(signed_for)
                .or_else(|| operations.first().copied())
                .or_else(|| with(|c| *c == Claim::Unknown).first().copied())
                .unwrap_or(0)
        };
        let (router, error) = &self.services[chosen];
        (router, *error)
    }

    /// The signature check, when required: the rejection of a request that fails it.
    fn check(
        &self,
        request: &http::Request<Bytes>,
        router: &Router,
        error: AuthError,
    ) -> Option<http::Response<Bytes>> {
        let keys = self.keys.as_ref()?;
        let service = router.service();
        let name = service.signing_name.unwrap_or(service.endpoint_prefix);
        let message = keys.verify(request, name, SystemTime::now()).err()?;
        let members = serde_json::json!({ "Message": message });
        Some(router.reject(request, error.code, error.status, &members))
    }

    fn body_limit(&self) -> usize {
        self.services
            .iter()
            .map(|(r, _)| r.body_limit())
            .max()
            .unwrap_or(smithy_runtime::server::DEFAULT_BODY_LIMIT)
    }
}

/// `tower::Service` for any body, as `serve` needs: the body is collected up to the largest
/// body limit (past it, the answer is 413 from the service the request is for).
impl<B> tower_service::Service<http::Request<B>> for Gateway
where
    B: http_body::Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<BodyError>,
{
    type Response = http::Response<Full<Bytes>>;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let gateway = self.clone();
        Box::pin(async move {
            let limit = gateway.body_limit();
            let response = match collect_body(request, limit).await {
                Ok(request) => gateway.handle(request).await,
                Err((parts, error)) => {
                    // Too large or cut off: the router for the request says so in its protocol.
                    let head = http::Request::from_parts(parts.clone(), Bytes::new());
                    let (router, _) = gateway.pick(&head);
                    router.body_error(&parts, error.as_ref())
                }
            };
            Ok(response.map(Full::new))
        })
    }
}

/// In-process transport: clients of any of the services send to the gateway directly.
impl HttpClient for Gateway {
    fn call(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        Box::pin(async move { Ok(self.handle(request).await) })
    }
}
