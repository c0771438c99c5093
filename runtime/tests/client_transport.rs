//! The default transport against loopback peers: read timeouts, the response body cap, HTTP
//! proxies (whole requests for `http://`, a `CONNECT` tunnel for `https://`, credentials,
//! `NO_PROXY`, the environment's variables), a CA bundle, and the errors of bad settings.
#![cfg(feature = "rustls")]
// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use smithy_runtime::client::{HttpClient, HttpOptions, HyperClient, Proxy};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// A request line and its Proxy-Authorization header.
type Head = (String, Option<String>);

/// What a fake proxy saw: each request's head.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<Head>>>);

impl Seen {
    fn lines(&self) -> Vec<Head> {
        self.0.lock().unwrap().clone()
    }
}

/// A test CA and a certificate for `service.example` it signed.
struct Pki {
    ca_pem: String,
    cert: rustls::pki_types::CertificateDer<'static>,
    key: rustls::pki_types::PrivateKeyDer<'static>,
}

fn pki() -> Pki {
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let ca_cert = ca_params.self_signed(&ca_key).unwrap();
    let issuer = rcgen::Issuer::new(ca_params, ca_key);
    let leaf_key = rcgen::KeyPair::generate().unwrap();
    let leaf = rcgen::CertificateParams::new(vec!["service.example".to_owned()])
        .unwrap()
        .signed_by(&leaf_key, &issuer)
        .unwrap();
    Pki {
        ca_pem: ca_cert.pem(),
        cert: leaf.der().clone(),
        key: rustls::pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into()),
    }
}

/// A fake HTTP proxy on loopback: answers `http://` requests itself, and for `CONNECT`
/// terminates TLS with `pki`'s certificate (playing the destination). Every answer's body
/// names the request line it answers.
async fn proxy(pki: Option<Pki>) -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Seen::default();
    let acceptor = pki.map(|pki| {
        // The ring provider, as the client uses (deprecated in newer rustls; see tls.rs).
        #[allow(deprecated)]
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![pki.cert], pki.key)
        .unwrap();
        tokio_rustls::TlsAcceptor::from(Arc::new(config))
    });
    let server_seen = seen.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let (seen, acceptor) = (server_seen.clone(), acceptor.clone());
            tokio::spawn(async move { serve_proxy(stream, seen, acceptor).await });
        }
    });
    (url, seen)
}

/// Reads a request head: its first line and its Proxy-Authorization header.
async fn read_head<R: tokio::io::AsyncBufRead + Unpin>(reader: &mut R) -> Option<Head> {
    let mut first = String::new();
    reader.read_line(&mut first).await.ok()?;
    let mut auth = None;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).await.ok()?;
        if line.trim().is_empty() {
            break;
        }
        if let Some(value) = line
            .strip_prefix("proxy-authorization: ")
            .or_else(|| line.strip_prefix("Proxy-Authorization: "))
        {
            auth = Some(value.trim().to_owned());
        }
    }
    Some((first.trim().to_owned(), auth))
}

fn answer(request_line: &str) -> Vec<u8> {
    let body = format!("answered {request_line}");
    format!(
        "HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

async fn serve_proxy(stream: TcpStream, seen: Seen, acceptor: Option<tokio_rustls::TlsAcceptor>) {
    let mut reader = BufReader::new(stream);
    let Some((line, auth)) = read_head(&mut reader).await else {
        return;
    };
    seen.0.lock().unwrap().push((line.clone(), auth));
    if !line.starts_with("CONNECT ") {
        let _ = reader.get_mut().write_all(&answer(&line)).await;
        return;
    }
    let mut stream = reader.into_inner();
    let _ = stream
        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
        .await;
    let Some(acceptor) = acceptor else { return };
    let Ok(tls) = acceptor.accept(stream).await else {
        return;
    };
    let mut tls = BufReader::new(tls);
    if let Some((inner, _)) = read_head(&mut tls).await {
        let _ = tls
            .get_mut()
            .write_all(&answer(&format!("{inner} (tunnelled)")))
            .await;
    }
}

fn get(url: &str) -> http::Request<Bytes> {
    http::Request::get(url).body(Bytes::new()).unwrap()
}

async fn body(client: &HyperClient, url: &str) -> String {
    let response = client.call(get(url)).await.unwrap();
    String::from_utf8(response.body().to_vec()).unwrap()
}

#[tokio::test]
async fn http_requests_go_whole_to_the_proxy_with_its_credentials() {
    let (proxy_url, seen) = proxy(None).await;
    let with_auth = proxy_url.replace("http://", "http://user:p%40ss@");
    let client =
        HyperClient::with_options(&HttpOptions::default().proxy(Proxy::url(&with_auth))).unwrap();
    assert_eq!(
        body(&client, "http://service.example/path?q=1").await,
        "answered GET http://service.example/path?q=1 HTTP/1.1"
    );
    let (_, auth) = &seen.lines()[0];
    assert_eq!(auth.as_deref(), Some("Basic dXNlcjpwQHNz"), "user:p@ss");
}

#[tokio::test]
async fn https_requests_are_tunnelled_and_trust_the_ca_bundle() {
    let pki = pki();
    let dir = std::env::temp_dir().join(format!("smithy-transport-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bundle = dir.join("ca.pem");
    std::fs::write(&bundle, &pki.ca_pem).unwrap();
    let (proxy_url, seen) = proxy(Some(pki)).await;

    let options = HttpOptions::default()
        .proxy(Proxy::url(&proxy_url))
        .ca_bundle(&bundle);
    let client = HyperClient::with_options(&options).unwrap();
    assert_eq!(
        body(&client, "https://service.example/x").await,
        "answered GET /x HTTP/1.1 (tunnelled)"
    );
    assert_eq!(seen.lines()[0].0, "CONNECT service.example:443 HTTP/1.1");

    // Without the bundle the certificate is not trusted.
    let untrusting =
        HyperClient::with_options(&HttpOptions::default().proxy(Proxy::url(&proxy_url))).unwrap();
    let error = untrusting
        .call(get("https://service.example/x"))
        .await
        .unwrap_err();
    assert!(format!("{error:?}").contains("UnknownIssuer"), "{error:?}");
}

#[tokio::test]
async fn no_proxy_hosts_and_loopback_go_direct() {
    let (proxy_url, seen) = proxy(None).await;
    let options = HttpOptions::default()
        .connect_timeout(Duration::from_secs(2))
        .proxy(Proxy::url(&proxy_url).no_proxy("direct.invalid"));
    let client = HyperClient::with_options(&options).unwrap();
    // Direct: the name does not resolve, and the proxy sees nothing.
    let error = client
        .call(get("http://direct.invalid/"))
        .await
        .unwrap_err();
    assert!(error.to_string().starts_with("cannot connect"), "{error}");
    // Loopback: a server here answers, not the proxy.
    let (direct_url, direct_seen) = proxy(None).await;
    assert_eq!(
        body(&client, &format!("{direct_url}/here")).await,
        "answered GET /here HTTP/1.1"
    );
    assert!(seen.lines().is_empty(), "{:?}", seen.lines());
    assert_eq!(direct_seen.lines().len(), 1);
}

#[tokio::test]
async fn the_environment_names_the_proxy_for_from_env_configurations() {
    use smithy_runtime::client::{Config, Env};
    let (proxy_url, seen) = proxy(None).await;
    let env = Env::from_vars([
        ("HTTP_PROXY", proxy_url.as_str()),
        ("NO_PROXY", "other.example"),
    ]);
    let config = Config::builder().load_env(&env).build();
    let transport = config.http_client().unwrap();
    let response = transport
        .call(get("http://service.example/env"))
        .await
        .unwrap();
    assert_eq!(
        response.body(),
        "answered GET http://service.example/env HTTP/1.1"
    );
    assert_eq!(seen.lines().len(), 1);

    // HTTPS_PROXY and the profile's ca_bundle, read at the first request.
    let pki = pki();
    let dir = std::env::temp_dir().join(format!("smithy-transport-env-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("ca.pem"), &pki.ca_pem).unwrap();
    let config_file = dir.join("config");
    std::fs::write(
        &config_file,
        format!("[default]\nca_bundle = {}\n", dir.join("ca.pem").display()),
    )
    .unwrap();
    let (proxy_url, seen) = proxy(Some(pki)).await;
    let env = Env::from_vars([
        ("HTTPS_PROXY", proxy_url.as_str()),
        ("AWS_CONFIG_FILE", config_file.to_str().unwrap()),
    ]);
    let transport = Config::builder()
        .load_env(&env)
        .build()
        .http_client()
        .unwrap()
        .clone();
    let response = transport
        .call(get("https://service.example/tls"))
        .await
        .unwrap();
    assert_eq!(response.body(), "answered GET /tls HTTP/1.1 (tunnelled)");
    assert_eq!(seen.lines()[0].0, "CONNECT service.example:443 HTTP/1.1");
}

/// A server that sends a head and then `body` bytes, then stalls.
async fn stalling_server(body: usize, declared: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 1024];
                let _ = stream.read(&mut buf).await;
                let head = format!("HTTP/1.1 200 OK\r\ncontent-length: {declared}\r\n\r\n");
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(&vec![b'x'; body]).await;
                tokio::time::sleep(Duration::from_secs(30)).await;
            });
        }
    });
    url
}

#[tokio::test]
async fn read_timeouts_and_the_body_cap() {
    let url = stalling_server(10, 100).await;
    let client =
        HyperClient::with_options(&HttpOptions::default().read_timeout(Duration::from_millis(300)))
            .unwrap();
    let error = client.call(get(&url)).await.unwrap_err();
    assert!(
        error
            .to_string()
            .contains("no data for the response body within 300 ms"),
        "{error}"
    );
    assert!(error.is_retryable());

    let url = stalling_server(2048, 2048).await;
    let client =
        HyperClient::with_options(&HttpOptions::default().max_response_body_size(1024)).unwrap();
    let error = client.call(get(&url)).await.unwrap_err();
    assert!(error.to_string().contains("exceeds 1024 bytes"), "{error}");
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn a_proxy_that_never_answers_is_a_connect_timeout() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
        }
    });
    let options = HttpOptions::default()
        .connect_timeout(Duration::from_millis(300))
        .proxy(Proxy::url(&url));
    let client = HyperClient::with_options(&options).unwrap();
    let error = client
        .call(get("https://service.example/"))
        .await
        .unwrap_err();
    assert!(
        format!("{error:?}").contains("no connection within 300 ms"),
        "{error:?}"
    );
}

#[test]
fn bad_settings_are_errors_that_say_what_to_fix() {
    let error =
        HyperClient::with_options(&HttpOptions::default().proxy(Proxy::url("https://proxy:443")))
            .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("only HTTP proxies are supported"),
        "{error}"
    );
    let error = HyperClient::with_options(&HttpOptions::default().ca_bundle("/nonexistent/ca.pem"))
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("cannot read the CA bundle /nonexistent/ca.pem"),
        "{error}"
    );
    let dir = std::env::temp_dir().join(format!("smithy-transport-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.pem");
    std::fs::write(&empty, "not a certificate\n").unwrap();
    let error = HyperClient::with_options(&HttpOptions::default().ca_bundle(&empty)).unwrap_err();
    assert!(
        error.to_string().contains("holds no certificate"),
        "{error}"
    );
}
