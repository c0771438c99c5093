//! The transport a configuration gets when none is set: a [`HyperClient`] built at the first
//! request, with the proxy variables and the CA bundle (`AWS_CA_BUNDLE`, the profile's
//! `ca_bundle`) of the configuration's environment.

use std::sync::{Arc, OnceLock};

use bytes::Bytes;

use super::hyper::HyperClient;
use super::options::HttpOptions;
use super::{BoxFuture, HttpClient, TransportError};
use crate::client::env::Env;
use crate::client::settings::EnvSettings;

/// A [`HyperClient`] built on first use; see the module docs.
#[derive(Debug)]
pub(crate) struct DefaultHttpClient {
    options: HttpOptions,
    settings: Option<Arc<EnvSettings>>,
    built: OnceLock<Result<HyperClient, String>>,
}

impl DefaultHttpClient {
    /// The transport with `options`, completed from `settings` (else the process environment
    /// for proxies only).
    pub(crate) fn new(options: HttpOptions, settings: Option<Arc<EnvSettings>>) -> Self {
        DefaultHttpClient {
            options,
            settings,
            built: OnceLock::new(),
        }
    }

    fn client(&self) -> Result<&HyperClient, &str> {
        self.built
            .get_or_init(|| self.build())
            .as_ref()
            .map_err(String::as_str)
    }

    fn build(&self) -> Result<HyperClient, String> {
        let mut options = self.options.clone();
        let env = match &self.settings {
            Some(settings) => {
                if options.ca_bundle.is_none() {
                    let found = settings
                        .find("AWS_CA_BUNDLE", "ca_bundle")
                        .map_err(|e| e.to_string())?;
                    if let Some(found) = found {
                        options.ca_bundle = settings.env().expand_home(&found.value);
                    }
                }
                settings.env().clone()
            }
            None => Env::process(),
        };
        HyperClient::build(&options, &env)
            .map_err(|e| format!("the default HTTP client could not be built: {e}"))
    }
}

impl HttpClient for DefaultHttpClient {
    fn call(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        match self.client() {
            Ok(client) => client.call(request),
            Err(why) => Box::pin(std::future::ready(Err(TransportError::other(why)))),
        }
    }
}
