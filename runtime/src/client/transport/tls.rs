//! The rustls configuration of the default transport: which roots it trusts.

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use rustls::{ClientConfig, RootCertStore};

use super::options::TlsRoots;

/// A TLS client configuration trusting `roots`, plus the certificates of `ca_bundle`.
pub(super) fn client_config(
    roots: TlsRoots,
    ca_bundle: Option<&Path>,
) -> Result<ClientConfig, String> {
    let mut store = RootCertStore::empty();
    if matches!(roots, TlsRoots::WebPki | TlsRoots::WebPkiAndNative) {
        store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    }
    if matches!(roots, TlsRoots::Native | TlsRoots::WebPkiAndNative) {
        let found = rustls_native_certs::load_native_certs();
        let (added, _ignored) = store.add_parsable_certificates(found.certs);
        if added == 0 && roots == TlsRoots::Native {
            let why = found
                .errors
                .first()
                .map_or_else(|| "none were found".to_owned(), ToString::to_string);
            return Err(format!(
                "no usable root certificates in the system's store ({why}); use TlsRoots::WebPki or set AWS_CA_BUNDLE"
            ));
        }
    }
    if let Some(path) = ca_bundle {
        add_bundle(&mut store, path)?;
    }
    // The ring provider: no C toolchain or cmake in the build (aws-lc-rs needs both). rustls
    // 0.23.48 deprecates it for lacking post-quantum key exchange; the AWS endpoints this
    // client talks to negotiate classic ECDHE with it.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("cannot configure TLS: {e}"))?
        .with_root_certificates(store)
        .with_no_client_auth();
    Ok(config)
}

/// Adds every certificate of the PEM file at `path`.
fn add_bundle(store: &mut RootCertStore, path: &Path) -> Result<(), String> {
    let shown = path.display();
    let certificates = CertificateDer::pem_file_iter(path)
        .map_err(|e| format!("cannot read the CA bundle {shown}: {e}"))?;
    let mut added = 0;
    for certificate in certificates {
        let certificate =
            certificate.map_err(|e| format!("the CA bundle {shown} is not PEM: {e}"))?;
        store
            .add(certificate)
            .map_err(|e| format!("the CA bundle {shown} holds an unusable certificate: {e}"))?;
        added += 1;
    }
    if added == 0 {
        return Err(format!(
            "the CA bundle {shown} holds no certificate (expected PEM `BEGIN CERTIFICATE` blocks)"
        ));
    }
    Ok(())
}
