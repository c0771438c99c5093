//! The compliance runner: built by `tests/tests/compliance_*.rs` into a scratch workspace beside
//! a crate generated from a protocol-test service (named `service` in its manifest), it runs
//! each case of `cases.json` through the generated client over a scripted transport and prints
//! one JSON line per case: the request the client sent and what the call returned. Judging the
//! lines against the cases is the outer test's job.

use smithy_runtime::bytes::Bytes;
use smithy_runtime::client::{
    Config, Credentials, FixedTime, FixedToken, Handle, RetryConfig, ScriptedTransport, SdkError,
};
use smithy_runtime::serde_json::{self, json, Value};
use smithy_runtime::{Blob, Operation, OperationError, OperationVisitor, ServiceError};

fn main() {
    let path = std::env::args().nth(1).expect("usage: runner CASES.json");
    let text = std::fs::read_to_string(&path).expect("read the cases");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("cases are JSON");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime");
    for case in &cases {
        let mut runner = Runner {
            case,
            runtime: &runtime,
            line: None,
        };
        service::operation::visit_all(&mut runner);
        let line = runner.line.unwrap_or_else(|| {
            json!({"id": case["id"], "outcome": {"error": "no such operation in the generated crate"}})
        });
        println!("{line}");
    }
}

struct Runner<'a> {
    case: &'a Value,
    runtime: &'a tokio::runtime::Runtime,
    line: Option<Value>,
}

impl OperationVisitor for Runner<'_> {
    fn visit<O: Operation>(&mut self) {
        if self.case["operation"].as_str() != Some(O::NAME) {
            return;
        }
        let transport = ScriptedTransport::new();
        transport.push_response(response(&self.case["response"]));
        let outcome = match serde_json::from_value::<O::Input>(self.case["input"].clone()) {
            Err(e) => json!({"error": format!("the input does not decode: {e}")}),
            Ok(input) => {
                let handle = Handle::new(config::<O>(self.case, &transport), O::SERVICE);
                outcome::<O>(self.runtime.block_on(handle.call::<O>(input)))
            }
        };
        let request = transport.requests().first().map(describe);
        self.line = Some(json!({"id": self.case["id"], "request": request, "outcome": outcome}));
    }
}

fn config<O: Operation>(case: &Value, transport: &ScriptedTransport) -> Config {
    let mut builder = Config::builder();
    // The suite's protocol, which need not be the service's default.
    if let Some(protocol) = case["protocol"]
        .as_str()
        .and_then(|name| O::SERVICE.protocol_named(name))
    {
        builder = builder.protocol(protocol);
    }
    builder
        .region("us-east-1")
        .credentials(Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        ))
        .endpoint_url(case["endpoint"].as_str().unwrap_or("https://example.com"))
        .http_client(transport.clone())
        .retry_config(RetryConfig::disabled())
        .idempotency_token_provider(FixedToken::new("00000000-0000-4000-8000-000000000000"))
        .time_source(FixedTime(
            std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_576_540_098),
        ))
        .build()
}

/// The scripted answer: `{"status", "headers": [[name, value]], "body": base64}`.
fn response(spec: &Value) -> smithy_runtime::http::Response<Bytes> {
    let status = u16::try_from(spec["status"].as_u64().unwrap_or(200)).expect("a status code");
    let mut builder = smithy_runtime::http::Response::builder().status(status);
    for pair in spec["headers"].as_array().into_iter().flatten() {
        builder = builder.header(
            pair[0].as_str().unwrap_or_default(),
            pair[1].as_str().unwrap_or_default(),
        );
    }
    let body = Blob::from_base64(spec["body"].as_str().unwrap_or_default())
        .expect("the body is base64")
        .into_inner();
    builder.body(Bytes::from(body)).expect("a valid response")
}

fn outcome<O: Operation>(result: Result<O::Output, SdkError<O::Error>>) -> Value {
    match result {
        Ok(output) => json!({"output": serde_json::to_value(output).expect("outputs serialize")}),
        Err(SdkError::Service { error, status, .. }) => json!({"service_error": {
            "code": error.code(), "status": status, "members": error.to_members().map(|m| m.to_json_value().expect("members serialize")),
        }}),
        Err(other) => json!({"error": other.to_string()}),
    }
}

/// `{"method", "uri", "headers": [[name, value]], "body": base64}`.
fn describe(request: &smithy_runtime::http::Request<Bytes>) -> Value {
    let headers: Vec<Value> = request
        .headers()
        .iter()
        .map(|(name, value)| json!([name.as_str(), String::from_utf8_lossy(value.as_bytes())]))
        .collect();
    json!({
        "method": request.method().as_str(),
        "uri": request.uri().to_string(),
        "headers": headers,
        "body": Blob::new(request.body().to_vec()).to_base64(),
    })
}
