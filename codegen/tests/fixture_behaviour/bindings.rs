//! Behaviour of the `bindings` fixture crate: labels, query parameters and headers of members
//! with a `@jsonName` are bound by their member or trait names, both ways, and an event-stream
//! operation is left out.
#![allow(clippy::unwrap_used)]

mod support;

use bindings::client::Client;
use bindings::types::PutThingInput;
use smithy_runtime::client::{Config, ScriptedTransport};
use smithy_runtime::protocol;
use smithy_runtime::serde_json::{self, json};
use smithy_runtime::{bytes, http, Operation};
use support::run;

fn client(transport: &ScriptedTransport) -> Client {
    let config = Config::builder()
        .region("us-east-1")
        .endpoint_url("http://localhost:8000")
        .http_client(transport.clone())
        .build();
    Client::new(config)
}

#[test]
fn json_named_label_query_and_header_members_are_sent_and_parsed() {
    let transport = ScriptedTransport::new();
    let response = http::Response::builder()
        .status(201)
        .header("ETag", "\"v7\"")
        .body(bytes::Bytes::from_static(br#"{"status":"stored"}"#))
        .unwrap();
    transport.push_response(response);
    let output = run(client(&transport)
        .put_thing()
        .thing_id("thing 1")
        .version(7)
        .trace("t-1")
        .note("hello")
        .send())
    .unwrap();
    assert_eq!(output.e_tag.as_deref(), Some("\"v7\""));
    assert_eq!(output.status.as_deref(), Some("stored"));

    let request = &transport.requests()[0];
    assert_eq!(request.method(), "PUT");
    assert_eq!(request.uri().path(), "/things/thing%201");
    assert_eq!(request.uri().query(), Some("version=7"));
    assert_eq!(request.headers()["x-trace"], "t-1");
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(body, json!({"note": "hello"}), "only body members, by JSON name");
}

#[test]
fn a_server_reads_the_bound_members_back_under_their_json_names() {
    type Op = bindings::operation::PutThing;
    let input = PutThingInput::builder().thing_id("t").version(2).trace("x").note("n").build().unwrap();
    let endpoint = "http://localhost".parse().unwrap();
    let request = protocol::write_request(Op::SERVICE, Op::SPEC, serde_json::to_value(&input).unwrap(), &endpoint).unwrap();
    let read = protocol::read_request(Op::SERVICE, Op::SPEC, &request).unwrap();
    assert_eq!(read, json!({"thingId": "t", "ver": 2, "trace": "x", "note": "n"}));
    let parsed: PutThingInput = serde_json::from_value(read).unwrap();
    assert_eq!(parsed, input);
}

#[test]
fn greedy_json_named_labels_keep_their_slashes_and_streaming_payloads_are_buffered() {
    let transport = ScriptedTransport::new();
    let response = http::Response::builder()
        .status(200)
        .header("Content-Type", "application/octet-stream")
        .body(bytes::Bytes::from_static(b"\x00file bytes"))
        .unwrap();
    transport.push_response(response);
    let output = run(client(&transport).get_file().thing_id("t").path("a/b c.txt").send()).unwrap();
    assert_eq!(output.content.as_bytes(), b"\x00file bytes");
    let request = &transport.requests()[0];
    assert_eq!(request.uri().path(), "/things/t/files/a/b%20c.txt");
}

#[test]
fn the_event_stream_operation_is_left_out() {
    struct Names(Vec<&'static str>);
    impl smithy_runtime::OperationVisitor for Names {
        fn visit<O: Operation>(&mut self) {
            self.0.push(O::NAME);
        }
    }
    let mut names = Names(Vec::new());
    bindings::operation::visit_all(&mut names);
    assert_eq!(names.0, ["GetFile", "PutThing"]);
}
