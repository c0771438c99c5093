//! [`Handle`]: runs operations (serialize, sign, send, retry, decode).

use std::fmt;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};

use bytes::Bytes;

mod attempt;
mod outcome;

use attempt::{copy_request, AttemptHeaders};
use outcome::{attempt_outcome, construction, decode_output, Failure};

use super::config::Config;
use super::credentials::{Credentials, CredentialsErrorKind};
use super::endpoint::{apply_host_prefix, check_region};
use super::endpoint_target::{target, EndpointConfig};
use super::error::{ConstructionError, ConstructionErrorKind, SdkError, TimeoutError, TimeoutKind};
use super::rate_limit::ClientRateLimiter;
use super::resolved::ResolvedConfig;
use super::retry::{classify_error_response, RetryKind, RetryQuota};
use super::retry_config::RetryMode;
use super::sign::{sign_request, user_agent};
use super::telemetry;
use super::transport::HttpClient;
use crate::endpoint::Resolver;
use crate::operation::Operation;
use crate::protocol::{Protocol, ServiceSpec};
use tracing::Instrument;

/// A client for one service: its [`Config`], its description, and the retry quota shared by its
/// calls. Cloning is cheap (the state is behind an `Arc`), and clones share the quota and the
/// transport's connections.
///
/// Generated clients wrap one; [`Handle::call`] runs any operation of the service.
#[derive(Clone)]
pub struct Handle {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    service: &'static ServiceSpec,
    state: OnceLock<Result<ClientState, (ConstructionErrorKind, String)>>,
}

/// What a client settles at its first call and keeps: the resolved settings, and the retry
/// quota and rate limiter its calls share.
struct ClientState {
    resolved: ResolvedConfig,
    quota: Option<RetryQuota>,
    limiter: Option<ClientRateLimiter>,
    /// The service's endpoint rule set with this client's resolution cache.
    resolver: Option<Resolver>,
}

impl ClientState {
    fn new(
        resolved: ResolvedConfig,
        service: &ServiceSpec,
    ) -> Result<Self, (ConstructionErrorKind, String)> {
        let resolver = match service.endpoint_rules {
            None => None,
            Some(rules) => {
                let rules = rules.rule_set().map_err(|e| {
                    (
                        ConstructionErrorKind::InvalidEndpoint,
                        format!(
                            "the endpoint rule set of {} is invalid: {e}",
                            service.sdk_id
                        ),
                    )
                })?;
                Some(Resolver::new(rules.clone()))
            }
        };
        let quota = resolved.retry.quota().map(RetryQuota::new);
        let limiter =
            (resolved.retry.retry_mode() == RetryMode::Adaptive).then(ClientRateLimiter::new);
        Ok(ClientState {
            resolved,
            quota,
            limiter,
            resolver,
        })
    }
}

impl fmt::Debug for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handle")
            .field("service", &self.inner.service.sdk_id)
            .field("config", &self.inner.config)
            .finish()
    }
}

/// What every attempt of a call shares.
struct Prepared<'a> {
    state: &'a ClientState,
    protocol: &'static dyn Protocol,
    transport: &'a Arc<dyn HttpClient>,
    /// The signing name and region, for services that sign.
    signing: Option<(String, String)>,
    request: http::Request<Bytes>,
}

impl Handle {
    /// A client for `service` configured by `config`.
    pub fn new(config: Config, service: &'static ServiceSpec) -> Self {
        Handle {
            inner: Arc::new(Inner {
                config,
                service,
                state: OnceLock::new(),
            }),
        }
    }

    /// The region, endpoint URL and retry settings this client uses: what the code set, else
    /// what the environment and the shared config files say. They are settled once, at the
    /// first call (or here, if that comes first).
    ///
    /// # Errors
    ///
    /// A setting that cannot be read: a malformed profile file, `AWS_MAX_ATTEMPTS=abc`, an
    /// unsupported `AWS_RETRY_MODE`.
    pub fn resolved_config(&self) -> Result<&ResolvedConfig, ConstructionError> {
        self.state().map(|state| &state.resolved)
    }

    /// The settings of this client, settled at the first call (from the code's settings,
    /// then the environment and the profile files).
    fn state(&self) -> Result<&ClientState, ConstructionError> {
        self.inner
            .state
            .get_or_init(|| {
                let service = self.inner.service;
                let resolved = self.inner.config.resolve(service.sdk_id)?;
                ClientState::new(resolved, service)
            })
            .as_ref()
            .map_err(|(kind, message)| ConstructionError::new(*kind, message.clone()))
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The service this handle talks to.
    pub fn service(&self) -> &'static ServiceSpec {
        self.inner.service
    }

    /// Runs operation `O` with `input`.
    ///
    /// Serializes the input (filling an unset idempotency token), resolves the region,
    /// credentials and endpoint, then per attempt writes the request with the protocol codec,
    /// signs it, and sends it (bounded by the attempt timeout). A 2xx response is decoded into
    /// the output; an error response into `O::Error`. Throttling errors, `@retryable` errors,
    /// 500/502/503/504, transport failures and attempt timeouts are retried with backoff, up to
    /// the configured attempts; the whole call is bounded by the operation timeout.
    pub async fn call<O: Operation>(
        &self,
        input: O::Input,
    ) -> Result<O::Output, SdkError<O::Error>> {
        let attempts = AtomicU32::new(0);
        let span = telemetry::operation_span(self.inner.service.sdk_id, O::NAME);
        let started = std::time::Instant::now();
        let run = self.run::<O>(input, &attempts).instrument(span.clone());
        let result = match self.inner.config.operation_timeout() {
            None => run.await,
            Some(limit) => match tokio::time::timeout(limit, run).await {
                Ok(result) => result,
                Err(_elapsed) => Err(SdkError::Timeout(TimeoutError::new(
                    TimeoutKind::Operation,
                    limit,
                    attempts.load(Ordering::Relaxed),
                ))),
            },
        };
        telemetry::finish_operation(&span, &result, attempts.load(Ordering::Relaxed), started);
        result
    }

    async fn run<O: Operation>(
        &self,
        input: O::Input,
        attempts: &AtomicU32,
    ) -> Result<O::Output, SdkError<O::Error>> {
        let prepared = self.prepare::<O>(input)?;
        let state = prepared.state;
        let retry = &state.resolved.retry;
        // One id for every attempt of this call, so that a server can tie them together.
        let invocation_id = http::HeaderValue::from_str(&uuid::Uuid::new_v4().to_string())
            .unwrap_or_else(|_| unreachable!("a UUID is a valid header value"));
        let mut last_retry_cost = 0;
        let mut attempt = 0;
        loop {
            attempt += 1;
            attempts.store(attempt, Ordering::Relaxed);
            let headers = AttemptHeaders {
                invocation_id: &invocation_id,
                attempt,
                max_attempts: retry.attempts(),
            };
            let request = self.attempt_request(&prepared, &headers).await?;
            if let Some(limiter) = &state.limiter {
                let waiting = std::time::Instant::now();
                limiter.acquire().await;
                telemetry::rate_limited(waiting.elapsed());
            }
            let span = telemetry::attempt_span(attempt);
            let started = std::time::Instant::now();
            let sent = self
                .send_attempt::<O>(&prepared, request)
                .instrument(span.clone())
                .await;
            let (status, request_id) = attempt_outcome(&sent);
            telemetry::finish_attempt(&span, status, request_id.as_deref(), started);
            let (failure, retry_kind) = match sent {
                Ok(response) => {
                    if let Some(limiter) = &state.limiter {
                        limiter.update(false);
                    }
                    if let Some(quota) = &state.quota {
                        quota.release(if last_retry_cost > 0 {
                            last_retry_cost
                        } else {
                            1
                        });
                    }
                    return decode_output::<O>(prepared.protocol, &response);
                }
                Err(failed) => failed,
            };
            if let (Some(limiter), Failure::Service { .. }) = (&state.limiter, &failure) {
                limiter.update(retry_kind == Some(RetryKind::Throttling));
            }
            let Some(kind) = retry_kind else {
                return Err(failure.into_sdk_error::<O>(attempt));
            };
            if attempt >= retry.attempts() {
                return Err(failure.into_sdk_error::<O>(attempt));
            }
            if let Some(quota) = &state.quota {
                if !quota.try_acquire(kind.cost()) {
                    return Err(failure.into_sdk_error::<O>(attempt));
                }
                last_retry_cost = kind.cost();
            }
            let backoff = retry.backoff(attempt);
            telemetry::retrying(attempt, backoff, failure.reason());
            tokio::time::sleep(backoff).await;
        }
    }

    /// Everything every attempt shares: the settled settings, the protocol, the transport,
    /// the signing scope and the written request.
    fn prepare<O: Operation>(&self, input: O::Input) -> Result<Prepared<'_>, SdkError<O::Error>> {
        let config = &self.inner.config;
        let service = self.inner.service;
        if O::SERVICE != service {
            return Err(construction(
                ConstructionErrorKind::WrongService,
                format!(
                    "operation {} belongs to service {}, but this client is for {}",
                    O::NAME,
                    O::SERVICE.sdk_id,
                    service.sdk_id
                ),
            ));
        }
        let state = self.state().map_err(SdkError::Construction)?;
        let protocol = self
            .protocol()
            .map_err(|message| construction(ConstructionErrorKind::UnsupportedProtocol, message))?;
        let endpoint_config = EndpointConfig {
            resolved: &state.resolved,
            resolver: state.resolver.as_ref(),
            client_params: config.endpoint_params(),
        };
        let target = target::<O>(&endpoint_config, &input).map_err(SdkError::Construction)?;
        let mut endpoint = target.uri;
        telemetry::endpoint_resolved(&endpoint);
        if let Some(prefix) = O::SPEC.host_prefix {
            // Host labels are read from the input's serde JSON form: operations with an
            // `@endpoint` host prefix are rare, and the labels are plain strings.
            let labels = serde_json::to_value(&input).map_err(|e| {
                construction(
                    ConstructionErrorKind::InvalidInput,
                    format!("cannot serialize the {} input: {e}", O::NAME),
                )
            })?;
            endpoint =
                apply_host_prefix(&endpoint, prefix, &labels).map_err(SdkError::Construction)?;
        }
        // One token for every attempt, written when the input leaves its member unset.
        let token = O::SPEC
            .idempotency_token
            .map(|_| config.idempotency_token_provider().make_token());
        let signing = match service.signing_name {
            None => None,
            Some(name) => {
                let region = match target.signing_region {
                    Some(region) => region,
                    None => check_region(state.resolved.region())
                        .map_err(SdkError::Construction)?
                        .to_owned(),
                };
                Some((
                    target.signing_name.unwrap_or_else(|| name.to_owned()),
                    region,
                ))
            }
        };
        let transport = config
            .http_client_setting()
            .map_err(|why| construction(ConstructionErrorKind::NoHttpClient, why))?;
        let user_agent = http::HeaderValue::from_str(&user_agent(service)).ok();
        let mut request =
            self.write_request::<O>(protocol, &input, token.as_deref(), &endpoint, user_agent)?;
        for (name, value) in target.headers {
            request.headers_mut().append(name, value);
        }
        Ok(Prepared {
            state,
            protocol,
            transport,
            signing,
            request,
        })
    }

    /// The request of one attempt: the SDK attempt headers, then the signature with the
    /// credentials of the moment (the cache refreshes them ahead of expiry).
    async fn attempt_request<E>(
        &self,
        prepared: &Prepared<'_>,
        headers: &AttemptHeaders<'_>,
    ) -> Result<http::Request<Bytes>, SdkError<E>> {
        let mut request = copy_request(&prepared.request);
        headers.add_to(&mut request);
        if let Some((name, region)) = &prepared.signing {
            let credentials = self.credentials().await?;
            let now = self.inner.config.time_source().now();
            sign_request(&mut request, &credentials, region, name, now)
                .map_err(SdkError::Construction)?;
        }
        Ok(request)
    }

    /// Sends one attempt: the 2xx response, or what failed and whether it may be retried.
    async fn send_attempt<O: Operation>(
        &self,
        prepared: &Prepared<'_>,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, (Failure, Option<RetryKind>)> {
        let sent = prepared.transport.call(request);
        let outcome = match self.inner.config.attempt_timeout() {
            None => Ok(sent.await),
            Some(limit) => tokio::time::timeout(limit, sent)
                .await
                .map_err(|_elapsed| limit),
        };
        match outcome {
            Ok(Ok(response)) if response.status().is_success() => Ok(response),
            Ok(Ok(response)) => {
                let status = response.status().as_u16();
                let service = self.inner.service;
                let error = prepared.protocol.read_error(service, O::SPEC, &response);
                let kind = classify_error_response(status, error.code.as_deref(), O::SPEC.errors);
                Err((
                    Failure::Service {
                        status,
                        response: error,
                        headers: response.headers().clone(),
                    },
                    kind,
                ))
            }
            Ok(Err(error)) => {
                let kind = error.is_retryable().then_some(RetryKind::Transient);
                Err((Failure::Transport(error), kind))
            }
            Err(limit) => Err((Failure::Timeout(limit), Some(RetryKind::Timeout))),
        }
    }

    /// The protocol calls are sent in: the configured one if the service lists it, else the
    /// service's default.
    fn protocol(&self) -> Result<&'static dyn Protocol, String> {
        let service = self.inner.service;
        match self.inner.config.protocol() {
            None => service
                .default_protocol()
                .ok_or_else(|| format!("service {} lists no protocol", service.sdk_id)),
            Some(chosen) => service.protocol_named(chosen.name()).ok_or_else(|| {
                format!(
                    "service {} does not speak {}; configure one of: {}",
                    service.sdk_id,
                    chosen.name(),
                    service.protocol_names()
                )
            }),
        }
    }

    /// The request every attempt sends: written by the protocol, its body compressed and
    /// checksummed as the operation asks, with the user agent; the SDK attempt headers and
    /// the signature are added per attempt.
    fn write_request<O: Operation>(
        &self,
        protocol: &dyn Protocol,
        input: &O::Input,
        token: Option<&str>,
        endpoint: &http::Uri,
        user_agent: Option<http::HeaderValue>,
    ) -> Result<http::Request<Bytes>, SdkError<O::Error>> {
        let mut request = protocol
            .write_request(self.inner.service, O::SPEC, input, token, endpoint)
            .map_err(|e| {
                SdkError::Construction(
                    ConstructionError::new(
                        ConstructionErrorKind::InvalidInput,
                        format!("{} input: {e}", O::NAME),
                    )
                    .with_source(e),
                )
            })?;
        if let Some(user_agent) = user_agent {
            request
                .headers_mut()
                .entry(http::header::USER_AGENT)
                .or_insert(user_agent);
        }
        let min_size = self.inner.config.request_min_compression_size();
        if let (true, Some(min_size)) = (O::SPEC.gzip, min_size) {
            super::body::gzip(&mut request, min_size).map_err(|e| {
                construction(
                    ConstructionErrorKind::InvalidInput,
                    format!("cannot gzip the {} request body: {e}", O::NAME),
                )
            })?;
        }
        if O::SPEC.checksum_required {
            super::body::content_md5(&mut request);
        }
        Ok(request)
    }

    async fn credentials<E>(&self) -> Result<Credentials, SdkError<E>> {
        let Some(cache) = self.inner.config.credentials_cache() else {
            return Err(construction(
                ConstructionErrorKind::MissingCredentials,
                "no credentials configured: call Config::builder().credentials_provider(..) or \
                 .credentials(..), or use Config::from_env() (the environment, ~/.aws/config, \
                 web identity, container or instance metadata credentials)",
            ));
        };
        cache.get().await.map_err(|e| {
            let message = match e.kind() {
                CredentialsErrorKind::NotLoaded => format!("no credentials: {e}"),
                _ => format!("unusable credentials: {e}"),
            };
            SdkError::Construction(
                ConstructionError::new(ConstructionErrorKind::MissingCredentials, message)
                    .with_source(e),
            )
        })
    }
}
