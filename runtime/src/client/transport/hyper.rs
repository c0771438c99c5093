//! [`HyperClient`]: the default transport, hyper 1 over rustls.

use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use http_body_util::{BodyExt, Full};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::proxy::matcher::Matcher;
use hyper_util::rt::TokioExecutor;

use super::connector::ProxyConnector;
use super::options::{HttpOptions, Proxy};
use super::{BoxFuture, HttpClient, TransportError};
use crate::client::env::Env;

/// The default transport: a pooled hyper 1 client speaking HTTP/1.1 over rustls (ring
/// provider) to `https://` endpoints and in plain text to `http://` ones, with the
/// [`HttpOptions`] it was built with: connect and read timeouts, a cap on response bodies,
/// proxies (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY` by default) and the trusted roots.
///
/// Calls must run inside a tokio runtime. Clones share the connection pool.
#[derive(Clone)]
pub struct HyperClient {
    client: Client<HttpsConnector<ProxyConnector>, Full<Bytes>>,
    matcher: Option<Arc<Matcher>>,
    read_timeout: Option<Duration>,
    max_body: usize,
}

impl HyperClient {
    /// The client with the default options (proxies from the process environment).
    pub fn try_new() -> Result<Self, TransportError> {
        Self::with_options(&HttpOptions::default())
    }

    /// The client with `options` (proxies from the process environment when `options` says
    /// [`Proxy::FromEnv`]).
    pub fn with_options(options: &HttpOptions) -> Result<Self, TransportError> {
        Self::build(options, &Env::process())
    }

    /// The client with `options`, reading proxy variables from `env`.
    pub(crate) fn build(options: &HttpOptions, env: &Env) -> Result<Self, TransportError> {
        let tls = super::tls::client_config(options.roots, options.ca_bundle.as_deref())
            .map_err(TransportError::other)?;
        let matcher = proxy_matcher(&options.proxy, env)
            .map_err(TransportError::other)?
            .map(Arc::new);
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(Some(options.connect_timeout));
        http.set_nodelay(true);
        let connector = ProxyConnector::new(http, matcher.clone(), options.connect_timeout);
        let https = HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(connector);
        let client = Client::builder(TokioExecutor::new()).build(https);
        Ok(HyperClient {
            client,
            matcher,
            read_timeout: options.read_timeout,
            max_body: options.max_response_body,
        })
    }

    /// The proxy credentials for a plain `http://` request sent whole to a proxy.
    fn proxy_authorization(&self, uri: &http::Uri) -> Option<http::HeaderValue> {
        if uri.scheme_str() != Some("http") {
            return None;
        }
        let intercept = self.matcher.as_ref()?.intercept(uri)?;
        intercept.basic_auth().cloned()
    }

    async fn send(
        &self,
        mut request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        if let Some(auth) = self.proxy_authorization(request.uri()) {
            request
                .headers_mut()
                .insert(http::header::PROXY_AUTHORIZATION, auth);
        }
        let sent = self.client.request(request.map(Full::new));
        let response = within(self.read_timeout, "the response head", sent)
            .await?
            .map_err(|e| {
                let error = if e.is_connect() {
                    TransportError::connect(format!("cannot connect: {e}"))
                } else {
                    TransportError::io(format!("HTTP request failed: {e}"))
                };
                error.with_source(e)
            })?;
        let (parts, mut body) = response.into_parts();
        let mut collected = BytesMut::new();
        while let Some(frame) = within(self.read_timeout, "the response body", body.frame()).await?
        {
            let frame = frame.map_err(|e| {
                TransportError::io(format!("reading the response body failed: {e}")).with_source(e)
            })?;
            if let Ok(data) = frame.into_data() {
                if collected.len() + data.len() > self.max_body {
                    return Err(TransportError::other(format!(
                        "the response body exceeds {} bytes, the most this client reads \
                         (HttpOptions::max_response_body_size)",
                        self.max_body
                    )));
                }
                collected.extend_from_slice(&data);
            }
        }
        Ok(http::Response::from_parts(parts, collected.freeze()))
    }
}

/// `future`, bounded by `limit` when there is one; `what` names what was awaited.
async fn within<T>(
    limit: Option<Duration>,
    what: &str,
    future: impl std::future::Future<Output = T>,
) -> Result<T, TransportError> {
    match limit {
        None => Ok(future.await),
        Some(limit) => tokio::time::timeout(limit, future).await.map_err(|_| {
            TransportError::io(format!(
                "no data for {what} within {} ms (HttpOptions::read_timeout)",
                limit.as_millis()
            ))
        }),
    }
}

/// The proxy matcher `proxy` asks for; `None` for no proxy.
fn proxy_matcher(proxy: &Proxy, env: &Env) -> Result<Option<Matcher>, String> {
    let var = |upper: &str, lower: &str| {
        env.get_non_empty(upper)
            .or_else(|| env.get_non_empty(lower))
    };
    let (http, https, no) = match proxy {
        Proxy::Disabled => return Ok(None),
        Proxy::Url { url, no_proxy } => (Some(url.clone()), Some(url.clone()), no_proxy.clone()),
        Proxy::FromEnv => (
            var("HTTP_PROXY", "http_proxy"),
            var("HTTPS_PROXY", "https_proxy"),
            var("NO_PROXY", "no_proxy"),
        ),
    };
    if http.is_none() && https.is_none() {
        return Ok(None);
    }
    for url in http.iter().chain(&https) {
        check_proxy_url(url)?;
    }
    let mut builder = Matcher::builder();
    if let Some(http) = http {
        builder = builder.http(http);
    }
    if let Some(https) = https {
        builder = builder.https(https);
    }
    Ok(Some(builder.no(no.unwrap_or_default()).build()))
}

/// A proxy URL must be `http://host[:port]` (or `host[:port]`, read as `http://`).
fn check_proxy_url(url: &str) -> Result<(), String> {
    let full = if url.contains("://") {
        url.to_owned()
    } else {
        format!("http://{url}")
    };
    let uri: http::Uri = full
        .parse()
        .map_err(|_| format!("the proxy {url:?} is not a URL; expected http://host:port"))?;
    match uri.scheme_str() {
        Some("http") if uri.host().is_some() => Ok(()),
        Some("http") => Err(format!("the proxy {url:?} has no host")),
        _ => Err(format!(
            "the proxy {url:?} is not an http:// proxy; only HTTP proxies are supported (https:// destinations are tunnelled through them)"
        )),
    }
}

impl std::fmt::Debug for HyperClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HyperClient")
            .field("proxy", &self.matcher.is_some())
            .field("read_timeout", &self.read_timeout)
            .field("max_body", &self.max_body)
            .finish()
    }
}

impl HttpClient for HyperClient {
    fn call(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        Box::pin(self.send(request))
    }
}
