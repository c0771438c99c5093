//! The default transport's connector: TCP, directly or through an HTTP proxy (a `CONNECT`
//! tunnel for `https://` destinations, the proxy itself for `http://` ones).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use http::Uri;
use hyper_util::client::legacy::connect::proxy::Tunnel;
use hyper_util::client::legacy::connect::{Connected, Connection, HttpConnector};
use hyper_util::client::proxy::matcher::Matcher;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tower_service::Service;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Connects directly or through the proxy the matcher picks for each destination.
#[derive(Clone)]
pub(super) struct ProxyConnector {
    http: HttpConnector,
    matcher: Option<Arc<Matcher>>,
    timeout: Duration,
}

impl ProxyConnector {
    /// Connects with `http`, through the proxies `matcher` picks, each connection (the proxy's
    /// tunnel included) bounded by `timeout`.
    pub(super) fn new(
        http: HttpConnector,
        matcher: Option<Arc<Matcher>>,
        timeout: Duration,
    ) -> Self {
        ProxyConnector {
            http,
            matcher,
            timeout,
        }
    }
}

/// A connection, marked when it goes to an HTTP proxy that wants absolute-form requests.
pub(super) struct ProxyStream {
    io: TokioIo<TcpStream>,
    to_http_proxy: bool,
}

impl Connection for ProxyStream {
    fn connected(&self) -> Connected {
        self.io.connected().proxy(self.to_http_proxy)
    }
}

impl hyper::rt::Read for ProxyStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl hyper::rt::Write for ProxyStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
}

impl Service<Uri> for ProxyConnector {
    type Response = ProxyStream;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<ProxyStream, BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.http.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, dst: Uri) -> Self::Future {
        let intercept = match never_proxied(&dst) {
            true => None,
            false => self.matcher.as_ref().and_then(|m| m.intercept(&dst)),
        };
        let http = self.http.clone();
        let timeout = self.timeout;
        Box::pin(async move {
            let connecting = connect(http, intercept, dst);
            match tokio::time::timeout(timeout, connecting).await {
                Ok(connected) => connected,
                Err(_) => Err(format!("no connection within {} ms", timeout.as_millis()).into()),
            }
        })
    }
}

/// Loopback and link-local destinations (this machine, instance metadata, the ECS and EKS
/// agents) are reached directly whatever the proxy settings say: no proxy can reach them.
fn never_proxied(dst: &Uri) -> bool {
    let host = dst.host().unwrap_or_default();
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match bare.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(ip)) => ip.is_loopback() || ip.is_link_local(),
        Ok(std::net::IpAddr::V6(ip)) => {
            ip.is_loopback()
                || (ip.segments()[0] & 0xffc0) == 0xfe80
                || bare == "fd00:ec2::254"
                || bare == "fd00:ec2::23"
        }
        Err(_) => false,
    }
}

/// A connection to `dst`, through the proxy of `intercept` if there is one.
async fn connect(
    mut http: HttpConnector,
    intercept: Option<hyper_util::client::proxy::matcher::Intercept>,
    dst: Uri,
) -> Result<ProxyStream, BoxError> {
    {
        let Some(proxy) = intercept else {
            let io = http.call(dst).await?;
            return Ok(ProxyStream {
                io,
                to_http_proxy: false,
            });
        };
        if dst.scheme_str() == Some("https") {
            let mut tunnel = Tunnel::new(proxy.uri().clone(), http);
            if let Some(auth) = proxy.basic_auth() {
                tunnel = tunnel.with_auth(auth.clone());
            }
            let io = tunnel.call(dst).await?;
            return Ok(ProxyStream {
                io,
                to_http_proxy: false,
            });
        }
        let io = http.call(proxy.uri().clone()).await?;
        Ok(ProxyStream {
            io,
            to_http_proxy: true,
        })
    }
}
