//! A fake of the AWS endpoints credential providers talk to, on loopback: STS (awsQuery XML),
//! the SSO portal, a container credentials endpoint, IMDSv2, and a GameLift-like service that
//! accepts a call only when its SigV4 signature verifies (recomputed here with hmac/sha2)
//! with credentials the fake issued or was told about. Also a temporary home with the shared
//! config files.

#![allow(dead_code)]

mod sigv4;

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use smithy_runtime::client::Env;
use tokio::net::TcpListener;

pub use sigv4::verify;

/// A request the fake received, reduced to what the tests look at.
#[derive(Clone, Debug)]
pub struct Seen {
    /// `sts:AssumeRole`, `sso`, `container`, `imds:token`, `imds:role`, `imds:credentials`,
    /// `service`.
    pub what: String,
    /// The access key id the request was signed with (STS AssumeRole, the service).
    pub key_id: Option<String>,
    /// The form fields (STS), the query (SSO) or the authorization header (container).
    pub detail: BTreeMap<String, String>,
}

/// Issued credentials: key id → (secret, session token).
type Issued = BTreeMap<String, (String, Option<String>)>;

#[derive(Default)]
struct State {
    issued: Mutex<Issued>,
    seen: Mutex<Vec<Seen>>,
    counter: Mutex<u32>,
    /// When set, STS answers every call with this error: (status, code, message).
    sts_error: Mutex<Option<(u16, String, String)>>,
    /// The web identity token STS accepts.
    web_identity_token: Mutex<Option<String>>,
    /// The Authorization header the container endpoint requires.
    container_token: Mutex<Option<String>>,
    /// The bearer token the SSO portal accepts.
    sso_token: Mutex<Option<String>>,
    /// How long issued credentials live.
    lifetime: Mutex<Option<Duration>>,
}

/// The fake endpoints, on one loopback port.
#[derive(Clone)]
pub struct FakeAws {
    pub url: String,
    state: Arc<State>,
}

impl FakeAws {
    /// Starts the fake on a free loopback port.
    pub async fn start() -> FakeAws {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let state = Arc::new(State::default());
        let server_state = state.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = server_state.clone();
                tokio::spawn(async move {
                    let service =
                        service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
                            let state = state.clone();
                            async move {
                                let (parts, body) = request.into_parts();
                                let body = body
                                    .collect()
                                    .await
                                    .map(|b| b.to_bytes())
                                    .unwrap_or_default();
                                let request = http::Request::from_parts(parts, body);
                                let response = state.answer(&request);
                                Ok::<_, Infallible>(response.map(Full::new))
                            }
                        });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        FakeAws { url, state }
    }

    /// Lets the service and STS accept signatures by these static keys.
    pub fn knows(&self, key_id: &str, secret: &str, token: Option<&str>) {
        self.state.issued.lock().unwrap().insert(
            key_id.to_owned(),
            (secret.to_owned(), token.map(str::to_owned)),
        );
    }

    /// Makes STS answer every call with an error.
    pub fn sts_fails(&self, status: u16, code: &str, message: &str) {
        *self.state.sts_error.lock().unwrap() = Some((status, code.to_owned(), message.to_owned()));
    }

    /// The web identity token STS accepts.
    pub fn accept_web_identity_token(&self, token: &str) {
        *self.state.web_identity_token.lock().unwrap() = Some(token.to_owned());
    }

    /// The Authorization header the container endpoint requires.
    pub fn require_container_token(&self, token: &str) {
        *self.state.container_token.lock().unwrap() = Some(token.to_owned());
    }

    /// The bearer token the SSO portal accepts.
    pub fn accept_sso_token(&self, token: &str) {
        *self.state.sso_token.lock().unwrap() = Some(token.to_owned());
    }

    /// How long the credentials the fake issues live (default one hour).
    pub fn issue_for(&self, lifetime: Duration) {
        *self.state.lifetime.lock().unwrap() = Some(lifetime);
    }

    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    /// The requests of one kind.
    pub fn seen_of(&self, what: &str) -> Vec<Seen> {
        self.seen().into_iter().filter(|s| s.what == what).collect()
    }
}

impl State {
    fn record(&self, what: &str, key_id: Option<String>, detail: BTreeMap<String, String>) {
        self.seen.lock().unwrap().push(Seen {
            what: what.to_owned(),
            key_id,
            detail,
        });
    }

    /// New credentials, labelled (`ASIAROLEA1`), registered as accepted.
    fn issue(&self, label: &str) -> (String, String, String, SystemTime) {
        let n = {
            let mut counter = self.counter.lock().unwrap();
            *counter += 1;
            *counter
        };
        let key_id = format!("ASIA{}{n}", label.to_ascii_uppercase());
        let secret = format!("secret/{label}+{n}");
        let token = format!("token/{label}={n}");
        let lifetime = self
            .lifetime
            .lock()
            .unwrap()
            .unwrap_or(Duration::from_secs(3600));
        self.issued
            .lock()
            .unwrap()
            .insert(key_id.clone(), (secret.clone(), Some(token.clone())));
        (key_id, secret, token, SystemTime::now() + lifetime)
    }

    /// The key id a request is validly signed with, or why not.
    fn signed_by(&self, request: &http::Request<Bytes>, service: &str) -> Result<String, String> {
        let issued = self.issued.lock().unwrap().clone();
        verify(request, service, &issued)
    }

    fn answer(&self, request: &http::Request<Bytes>) -> http::Response<Bytes> {
        let path = request.uri().path();
        match (request.method().as_str(), path) {
            ("PUT", "/latest/api/token") => self.imds_token(request),
            ("GET", p) if p.starts_with("/latest/meta-data/iam/security-credentials/") => self
                .imds_credentials(
                    request,
                    &p["/latest/meta-data/iam/security-credentials/".len()..],
                ),
            ("GET", "/federation/credentials") => self.sso(request),
            ("GET", p) if p.starts_with("/creds") => self.container(request),
            ("POST", "/") if request.headers().contains_key("x-amz-target") => {
                self.service(request)
            }
            ("POST", "/") => self.sts(request),
            _ => respond(404, "text/plain", "no such fake endpoint".into()),
        }
    }

    fn service(&self, request: &http::Request<Bytes>) -> http::Response<Bytes> {
        match self.signed_by(request, "gamelift") {
            Ok(key_id) => {
                self.record("service", Some(key_id), BTreeMap::new());
                respond(
                    200,
                    "application/x-amz-json-1.1",
                    r#"{"ThingId":"thing-1"}"#.into(),
                )
            }
            Err(why) => {
                self.record(
                    "service",
                    None,
                    BTreeMap::from([("refused".to_owned(), why.clone())]),
                );
                let body =
                    serde_json::json!({"__type": "UnrecognizedClientException", "message": why});
                respond(403, "application/x-amz-json-1.1", body.to_string())
            }
        }
    }

    fn imds_token(&self, request: &http::Request<Bytes>) -> http::Response<Bytes> {
        self.record("imds:token", None, BTreeMap::new());
        if !request
            .headers()
            .contains_key("x-aws-ec2-metadata-token-ttl-seconds")
        {
            return respond(400, "text/plain", "missing TTL".into());
        }
        respond(200, "text/plain", "imds-session-token".into())
    }

    fn imds_credentials(
        &self,
        request: &http::Request<Bytes>,
        role: &str,
    ) -> http::Response<Bytes> {
        let token = request.headers().get("x-aws-ec2-metadata-token");
        if token.and_then(|t| t.to_str().ok()) != Some("imds-session-token") {
            return respond(401, "text/plain", "IMDSv2 token required".into());
        }
        if role.is_empty() {
            self.record("imds:role", None, BTreeMap::new());
            return respond(200, "text/plain", "instance-role\n".into());
        }
        self.record(
            "imds:credentials",
            None,
            BTreeMap::from([("role".to_owned(), role.to_owned())]),
        );
        let (key, secret, token, expiry) = self.issue("imds");
        let body = serde_json::json!({
            "Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": key, "SecretAccessKey": secret,
            "Token": token, "Expiration": rfc3339(expiry), "LastUpdated": rfc3339(SystemTime::now()),
        });
        respond(200, "text/plain", body.to_string())
    }

    fn container(&self, request: &http::Request<Bytes>) -> http::Response<Bytes> {
        let authorization = header(request, "authorization");
        let detail = BTreeMap::from([(
            "authorization".to_owned(),
            authorization.clone().unwrap_or_default(),
        )]);
        self.record("container", None, detail);
        let required = self.container_token.lock().unwrap().clone();
        if required.is_some() && required != authorization {
            let body =
                serde_json::json!({"code": "AccessDenied", "message": "bad authorization token"});
            return respond(403, "application/json", body.to_string());
        }
        let (key, secret, token, expiry) = self.issue("container");
        let body = serde_json::json!({
            "AccessKeyId": key, "SecretAccessKey": secret, "Token": token,
            "Expiration": rfc3339(expiry), "RoleArn": "arn:aws:iam::123456789012:role/task",
        });
        respond(200, "application/json", body.to_string())
    }

    fn sso(&self, request: &http::Request<Bytes>) -> http::Response<Bytes> {
        let query: BTreeMap<String, String> = request
            .uri()
            .query()
            .unwrap_or_default()
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        self.record("sso", None, query);
        let accepted = self.sso_token.lock().unwrap().clone();
        if accepted.is_none() || header(request, "x-amz-sso_bearer_token") != accepted {
            let mut response = respond(
                401,
                "application/json",
                r#"{"message":"Session token not found or invalid"}"#.into(),
            );
            response.headers_mut().insert(
                "x-amzn-errortype",
                http::HeaderValue::from_static(
                    "UnauthorizedException:http://internal.amazon.com/coral/",
                ),
            );
            return response;
        }
        let (key, secret, token, expiry) = self.issue("sso");
        let millis = expiry
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        let body = serde_json::json!({"roleCredentials": {
            "accessKeyId": key, "secretAccessKey": secret, "sessionToken": token, "expiration": millis,
        }});
        respond(200, "application/json", body.to_string())
    }

    fn sts(&self, request: &http::Request<Bytes>) -> http::Response<Bytes> {
        let form: BTreeMap<String, String> = std::str::from_utf8(request.body())
            .unwrap_or_default()
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_owned(), decode(v)))
            .collect();
        let action = form.get("Action").cloned().unwrap_or_default();
        let signed = self.signed_by(request, "sts");
        self.record(&format!("sts:{action}"), signed.clone().ok(), form.clone());
        if let Some((status, code, message)) = self.sts_error.lock().unwrap().clone() {
            return sts_error(status, &code, &message);
        }
        match action.as_str() {
            "AssumeRole" => {
                if let Err(why) = signed {
                    return sts_error(403, "SignatureDoesNotMatch", &why);
                }
            }
            "AssumeRoleWithWebIdentity" => {
                let accepted = self.web_identity_token.lock().unwrap().clone();
                if accepted.is_none() || form.get("WebIdentityToken") != accepted.as_ref() {
                    return sts_error(400, "InvalidIdentityToken", "the token is not valid");
                }
            }
            other => return sts_error(400, "InvalidAction", &format!("unknown action {other}")),
        }
        let role = form.get("RoleArn").cloned().unwrap_or_default();
        let label = role
            .rsplit('/')
            .next()
            .unwrap_or("role")
            .replace(['-', '_'], "");
        let (key, secret, token, expiry) = self.issue(&label);
        let body = format!(
            "<{action}Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><{action}Result>\
             <AssumedRoleUser><Arn>{role}</Arn></AssumedRoleUser><Credentials>\
             <AccessKeyId>{key}</AccessKeyId><SecretAccessKey>{secret}</SecretAccessKey>\
             <SessionToken>{token}</SessionToken><Expiration>{}</Expiration></Credentials>\
             </{action}Result><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>\
             </{action}Response>",
            rfc3339(expiry)
        );
        respond(200, "text/xml", body)
    }
}

fn sts_error(status: u16, code: &str, message: &str) -> http::Response<Bytes> {
    let body = format!(
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>\
         <Code>{code}</Code><Message>{message}</Message></Error><RequestId>r-2</RequestId></ErrorResponse>"
    );
    respond(status, "text/xml", body)
}

fn header(request: &http::Request<Bytes>, name: &str) -> Option<String> {
    request
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn respond(status: u16, content_type: &str, body: String) -> http::Response<Bytes> {
    http::Response::builder()
        .status(status)
        .header("content-type", content_type)
        .body(Bytes::from(body))
        .unwrap()
}

/// Decodes a form value (`%2F`, `+`).
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `2026-12-06T12:00:00Z`.
pub fn rfc3339(time: SystemTime) -> String {
    let secs = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    smithy_runtime::DateTime::from_secs(secs)
        .fmt(smithy_runtime::datetime::Format::DateTime)
        .unwrap()
}

/// A temporary home directory with `.aws/` files.
pub struct Home {
    pub dir: PathBuf,
}

impl Home {
    /// An empty home.
    pub fn new() -> Home {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "smithy-credentials-home-{}-{n}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join(".aws/sso/cache")).unwrap();
        Home { dir }
    }

    /// Writes `~/.aws/config`.
    pub fn config(self, text: &str) -> Self {
        std::fs::write(self.dir.join(".aws/config"), text).unwrap();
        self
    }

    /// Writes `~/.aws/credentials`.
    pub fn credentials(self, text: &str) -> Self {
        std::fs::write(self.dir.join(".aws/credentials"), text).unwrap();
        self
    }

    /// Writes a file under the home directory; returns its path.
    pub fn file(&self, name: &str, text: &str) -> String {
        let path = self.dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    /// `HOME`, instance metadata turned off (no test talks to a real metadata service; a
    /// test that wants the fake one sets `AWS_EC2_METADATA_DISABLED=false`), then the given
    /// variables, which win.
    pub fn env(&self, vars: &[(&str, &str)]) -> Env {
        let home = self.dir.display().to_string();
        Env::from_vars(
            [
                ("HOME", home.as_str()),
                ("AWS_EC2_METADATA_DISABLED", "true"),
            ]
            .into_iter()
            .chain(vars.iter().copied())
            .map(|(k, v)| (k.to_owned(), v.to_owned())),
        )
    }
}
