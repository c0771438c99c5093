//! The server compliance runner: built by `tests/tests/compliance_*.rs` beside a crate generated
//! from a protocol-test service (named `service` in its manifest), it answers each case of
//! `cases.json` with the generated router and prints one JSON line per case: the input the
//! handler received (request cases) and the HTTP response. Judging is the outer test's job.

use std::sync::{Arc, Mutex};

use smithy_runtime::bytes::Bytes;
use smithy_runtime::protocol::ErrorBody;
use smithy_runtime::serde_json::{self, json, Value};
use smithy_runtime::server::Router;
use smithy_runtime::{Blob, ErrorMetadata, Operation, OperationError, OperationVisitor, UnhandledError};

fn main() {
    let path = std::env::args().nth(1).expect("usage: server_runner CASES.json");
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
            json!({"id": case["id"], "error": "no such operation in the generated crate"})
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
        let captured: Arc<Mutex<Option<Value>>> = Arc::default();
        let answer = self.case.clone();
        let seen = captured.clone();
        let router = Router::builder(O::SERVICE)
            .operation::<O, _, _>(move |input, _cx| {
                // An input that cannot be written (a union's `Unknown` member) is reported
                // as such: the judge then finds the handler should not have been called.
                let value = serde_json::to_value(&input)
                    .unwrap_or_else(|e| json!({"unserializable input": e.to_string()}));
                *seen.lock().expect("lock") = Some(value);
                let result = handler_answer::<O>(&answer);
                async move { result }
            })
            .build();
        let request = match request::<O>(self.case) {
            Ok(request) => request,
            Err(e) => {
                self.line = Some(json!({"id": self.case["id"], "error": e}));
                return;
            }
        };
        let response = self.runtime.block_on(router.handle(request));
        let headers: Vec<Value> = response
            .headers()
            .iter()
            .map(|(n, v)| json!([n.as_str(), String::from_utf8_lossy(v.as_bytes())]))
            .collect();
        let input = captured.lock().expect("lock").take();
        self.line = Some(json!({
            "id": self.case["id"],
            "input": input,
            "response": {
                "status": response.status().as_u16(),
                "headers": headers,
                "body": Blob::new(response.body().to_vec()).to_base64(),
            },
        }));
    }
}

/// What the handler answers: the case's output or error, else an unhandled error (request
/// cases are judged on the input alone).
fn handler_answer<O: Operation>(case: &Value) -> Result<O::Output, O::Error> {
    if let Some(output) = case.get("output") {
        return serde_json::from_value(output.clone()).map_err(|e| unhandled::<O>(&e.to_string()));
    }
    if let Some(error) = case.get("error") {
        let code = error["code"].as_str().unwrap_or_default();
        let meta = ErrorMetadata::new().with_code(code);
        return Err(O::Error::from_response(
            Some(code),
            ErrorBody::json(error["members"].clone()),
            meta,
        ));
    }
    Err(unhandled::<O>("a request case: no answer"))
}

fn unhandled<O: Operation>(why: &str) -> O::Error {
    O::Error::from(UnhandledError::new(
        ErrorMetadata::new().with_code("RunnerAnswer").with_message(why),
    ))
}

/// The case's request, or for a response case one the client side writes for its input.
fn request<O: Operation>(case: &Value) -> Result<smithy_runtime::http::Request<Bytes>, String> {
    let spec = &case["request"];
    if spec.is_null() {
        let input: O::Input = serde_json::from_value(case["input"].clone())
            .map_err(|e| format!("the placeholder input does not decode: {e}"))?;
        let protocol = case["protocol"]
            .as_str()
            .and_then(|name| O::SERVICE.protocol_named(name))
            .or_else(|| O::SERVICE.default_protocol())
            .ok_or("the service lists no protocol")?;
        let endpoint = "http://localhost".parse().expect("a valid endpoint");
        return protocol
            .write_request(O::SERVICE, O::SPEC, &input, None, &endpoint)
            .map_err(|e| e.to_string());
    }
    let mut builder = smithy_runtime::http::Request::builder()
        .method(spec["method"].as_str().unwrap_or("POST"))
        .uri(spec["uri"].as_str().unwrap_or("/"));
    for pair in spec["headers"].as_array().into_iter().flatten() {
        builder = builder.header(
            pair[0].as_str().unwrap_or_default(),
            pair[1].as_str().unwrap_or_default(),
        );
    }
    let body = Blob::from_base64(spec["body"].as_str().unwrap_or_default())
        .map_err(|e| e.to_string())?
        .into_inner();
    builder.body(Bytes::from(body)).map_err(|e| e.to_string())
}
