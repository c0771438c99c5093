//! [`HttpOptions`]: how the default transport connects, what it trusts, how long it waits and
//! how much it reads.

use std::path::PathBuf;
use std::time::Duration;

/// The default transport's settings. The defaults: connect within 3.1 s, wait at most 60 s for
/// each part of a response (its head, then each piece of its body), read at most 256 MiB of
/// body, proxies from `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY`, Mozilla's roots (webpki-roots)
/// plus `AWS_CA_BUNDLE` (or the profile's `ca_bundle`) when set.
///
/// ```
/// use std::time::Duration;
/// use smithy_runtime::client::{HttpOptions, Proxy, TlsRoots};
///
/// let options = HttpOptions::default()
///     .connect_timeout(Duration::from_secs(1))
///     .read_timeout(Duration::from_secs(10))
///     .max_response_body_size(8 << 20)
///     .proxy(Proxy::url("http://proxy.internal:3128").no_proxy("169.254.169.254,.internal"))
///     .tls_roots(TlsRoots::WebPkiAndNative);
/// assert_eq!(options.connect_timeout_value(), Duration::from_secs(1));
/// ```
#[derive(Clone, Debug)]
pub struct HttpOptions {
    pub(crate) connect_timeout: Duration,
    pub(crate) read_timeout: Option<Duration>,
    pub(crate) max_response_body: usize,
    pub(crate) proxy: Proxy,
    pub(crate) roots: TlsRoots,
    pub(crate) ca_bundle: Option<PathBuf>,
}

/// The default cap on a response body: 256 MiB.
pub const DEFAULT_MAX_RESPONSE_BODY: usize = 256 << 20;

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            connect_timeout: Duration::from_millis(3100),
            read_timeout: Some(Duration::from_secs(60)),
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
            proxy: Proxy::FromEnv,
            roots: TlsRoots::WebPki,
            ca_bundle: None,
        }
    }
}

impl HttpOptions {
    /// Bounds connecting (DNS, TCP, the proxy's tunnel and TLS).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Bounds each wait for the server: for the response head, then for each piece of the
    /// body.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// Waits for the server without a bound (the attempt timeout still applies).
    pub fn no_read_timeout(mut self) -> Self {
        self.read_timeout = None;
        self
    }

    /// The largest response body read; a larger one fails the attempt.
    pub fn max_response_body_size(mut self, bytes: usize) -> Self {
        self.max_response_body = bytes;
        self
    }

    /// Where requests go through a proxy.
    pub fn proxy(mut self, proxy: Proxy) -> Self {
        self.proxy = proxy;
        self
    }

    /// Which root certificates are trusted.
    pub fn tls_roots(mut self, roots: TlsRoots) -> Self {
        self.roots = roots;
        self
    }

    /// Also trusts the certificates of the PEM file at `path` (what `AWS_CA_BUNDLE` names).
    pub fn ca_bundle(mut self, path: impl Into<PathBuf>) -> Self {
        self.ca_bundle = Some(path.into());
        self
    }

    /// The connect timeout.
    pub fn connect_timeout_value(&self) -> Duration {
        self.connect_timeout
    }
}

/// Which root certificates the default transport trusts (a CA bundle comes on top).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum TlsRoots {
    /// Mozilla's roots, compiled in (webpki-roots): nothing is read from the system.
    #[default]
    WebPki,
    /// The operating system's roots (rustls-native-certs), read when the client is built.
    Native,
    /// Both.
    WebPkiAndNative,
}

/// Where the default transport sends requests through an HTTP proxy. `https://` requests are
/// tunnelled (`CONNECT`); `http://` ones are sent to the proxy whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Proxy {
    /// `HTTPS_PROXY` for `https://` requests, `HTTP_PROXY` for `http://` ones (lower-case
    /// names too), except the hosts `NO_PROXY` lists.
    #[default]
    FromEnv,
    /// No proxy, whatever the environment says.
    Disabled,
    /// This proxy for every request, except the hosts its `no_proxy` lists.
    Url {
        /// The proxy (`http://host:port`, optionally with `user:password@`).
        url: String,
        /// Hosts reached directly, as `NO_PROXY` lists them (`localhost,.internal,10.0.0.0/8`).
        no_proxy: Option<String>,
    },
}

impl Proxy {
    /// A proxy for every request.
    pub fn url(url: impl Into<String>) -> Self {
        Proxy::Url {
            url: url.into(),
            no_proxy: None,
        }
    }

    /// Hosts that bypass this proxy (`NO_PROXY` syntax); meaningful for [`Proxy::url`].
    pub fn no_proxy(self, hosts: impl Into<String>) -> Self {
        match self {
            Proxy::Url { url, .. } => Proxy::Url {
                url,
                no_proxy: Some(hosts.into()),
            },
            other => other,
        }
    }
}
