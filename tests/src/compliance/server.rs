//! The server side of the compliance cases: what the server runner
//! (`tests/compliance/server_runner.rs`) is given for a case, and how its answer is judged.

use std::collections::BTreeMap;

use serde_json::{json, Value};
use smithy_runtime::Blob;

use super::cases::{Case, Direction};
use super::judge;
use super::params::Types;

/// What the server runner needs for one case: the operation, the HTTP request to send to the
/// router, and for a response case the output (or error) the handler answers with.
pub(super) fn runner_input(
    types: &Types,
    ir: &codegen::ir::Service,
    name: &str,
    case: &Case,
) -> Result<Value, String> {
    let op = ir
        .operations
        .iter()
        .find(|op| op.name == name)
        .ok_or_else(|| format!("operation {name} is not generated"))?;
    let mut input = json!({"operation": name});
    match case.direction {
        Direction::Request | Direction::Malformed => input["request"] = request(case, ir, name)?,
        Direction::Response => {
            // The router needs a request to route: the runner writes one for a placeholder
            // input (labels filled) with the client side of the protocol.
            input["request"] = json!(null);
            if let Some(s) = types.structure(op.input) {
                input["input"] = types.placeholder(s);
            }
            match &case.error {
                Some(error) => {
                    let s = types
                        .structure_of_shape(error)
                        .ok_or_else(|| format!("no generated type for {error}"))?;
                    let members = types
                        .structure_value(s, &case.params())
                        .map_err(|e| format!("params: {e}"))?;
                    input["error"] = json!({"code": error.name(), "members": members});
                }
                None => {
                    let s = types
                        .structure(op.output)
                        .ok_or_else(|| format!("no output type for {name}"))?;
                    input["output"] = types
                        .structure_value(s, &case.params())
                        .map_err(|e| format!("params: {e}"))?;
                }
            }
        }
    }
    Ok(input)
}

/// The case's request: `{"method", "uri", "headers": [[name, value]], "body": base64}`. An
/// awsJson case that leaves out `X-Amz-Target` gets the one its operation's client sends: the
/// suites route those cases by operation, and the protocol routes by that header.
fn request(case: &Case, ir: &codegen::ir::Service, name: &str) -> Result<Value, String> {
    let mut uri = case.text("uri").unwrap_or("/").to_owned();
    let query = case.strings("queryParams");
    if !query.is_empty() {
        uri.push(if uri.contains('?') { '&' } else { '?' });
        uri.push_str(&query.join("&"));
    }
    let mut headers = case.headers();
    let aws_json = case.text("protocol").is_some_and(|p| p.contains("awsJson"));
    if aws_json && !headers.contains_key("x-amz-target") {
        headers.insert(
            "x-amz-target".to_owned(),
            format!("{}.{name}", ir.shape_name),
        );
    }
    let headers: Vec<Value> = headers
        .into_iter()
        .map(|(name, value)| json!([name, value]))
        .collect();
    Ok(json!({
        "method": case.text("method").unwrap_or("POST"),
        "uri": uri,
        "headers": headers,
        "body": Blob::new(case.body_bytes()?).to_base64(),
    }))
}

/// Judges the runner's line for a server case: a request case's decoded input must be its
/// `params`; a response case's HTTP response must have its status, headers and body.
pub(super) fn judge_case(
    types: &Types,
    ir: &codegen::ir::Service,
    name: &str,
    case: &Case,
    line: &Value,
) -> Result<(), String> {
    let response = &line["response"];
    match case.direction {
        Direction::Request => {
            let got = line.get("input").filter(|i| !i.is_null()).ok_or_else(|| {
                format!(
                    "the handler was not called: HTTP {} {}",
                    response["status"],
                    body_text(response)
                )
            })?;
            let op = ir
                .operations
                .iter()
                .find(|op| op.name == name)
                .ok_or_else(|| format!("operation {name} is not generated"))?;
            let s = types
                .structure(op.input)
                .ok_or_else(|| format!("no input type for {name}"))?;
            let want = types
                .server_input_value(s, &case.params())
                .map_err(|e| format!("params: {e}"))?;
            match judge::json_difference(&want, got, "input") {
                None => Ok(()),
                Some(d) => Err(d),
            }
        }
        Direction::Response => {
            let code = case
                .fields
                .get("code")
                .and_then(Value::as_u64)
                .unwrap_or(200);
            let mut problems = status_and_headers(response, code, &case.headers());
            if case.text("body").is_some() {
                let expected = case.body_bytes()?;
                if let Some(p) = judge::body_difference(
                    &expected,
                    case.text("bodyMediaType"),
                    &sent_body(response)?,
                ) {
                    problems.push(p);
                }
            }
            verdict(problems)
        }
        Direction::Malformed => {
            let expected = case.fields.get("response").cloned().unwrap_or_default();
            let code = expected["code"].as_u64().unwrap_or(400);
            let headers = expected["headers"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| {
                    (
                        k.to_ascii_lowercase(),
                        v.as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect();
            let mut problems = status_and_headers(response, code, &headers);
            if let Some(body) = expected.get("body") {
                problems.extend(malformed_body(body, &sent_body(response)?));
            }
            verdict(problems)
        }
    }
}

/// What is wrong with a response's status and the headers a case expects.
fn status_and_headers(
    response: &Value,
    code: u64,
    expected: &BTreeMap<String, String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    if response["status"].as_u64() != Some(code) {
        problems.push(format!(
            "status: sent {}, expected {code} ({})",
            response["status"],
            body_text(response)
        ));
    }
    let headers: Vec<(String, String)> = response["headers"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|pair| {
            let text = |i: usize| pair[i].as_str().unwrap_or_default().to_owned();
            (text(0).to_ascii_lowercase(), text(1))
        })
        .collect();
    for (name, value) in expected {
        let sent: Vec<&str> = headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect();
        if sent.join(", ") != *value {
            problems.push(format!("header {name}: sent {sent:?}, expected `{value}`"));
        }
    }
    problems
}

/// What is wrong with a malformed request's response body, by the case's `body` assertion:
/// `contents` compares the whole body (as its `mediaType`), `messageRegex` searches the
/// body's `message` member.
fn malformed_body(body: &Value, sent: &[u8]) -> Option<String> {
    let media_type = body["mediaType"].as_str();
    let assertion = &body["assertion"];
    if let Some(contents) = assertion["contents"].as_str() {
        return judge::body_difference(contents.as_bytes(), media_type, sent);
    }
    let pattern = assertion["messageRegex"].as_str()?;
    let regex = match regex::Regex::new(pattern) {
        Ok(regex) => regex,
        Err(e) => return Some(format!("the case's messageRegex does not compile: {e}")),
    };
    let message = serde_json::from_slice::<Value>(sent)
        .ok()
        .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_owned));
    match message {
        Some(m) if regex.is_match(&m) => None,
        Some(m) => Some(format!("message `{m}` does not match `{pattern}`")),
        None => Some(format!(
            "the body has no message to match `{pattern}`: {}",
            String::from_utf8_lossy(sent)
        )),
    }
}

/// The response body the runner reports.
fn sent_body(response: &Value) -> Result<Vec<u8>, String> {
    Blob::from_base64(response["body"].as_str().unwrap_or_default())
        .map(Blob::into_inner)
        .map_err(|e| e.to_string())
}

/// `Ok` for no problems, else the problems joined.
fn verdict(problems: Vec<String>) -> Result<(), String> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// The response body as text, for messages.
fn body_text(response: &Value) -> String {
    let body = Blob::from_base64(response["body"].as_str().unwrap_or_default())
        .map(Blob::into_inner)
        .unwrap_or_default();
    String::from_utf8_lossy(&body).chars().take(300).collect()
}
