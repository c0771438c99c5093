//! restJson1 responses: server side (exact bytes) and client side (back to the JSON form).

mod protocol_fixtures;

use protocol_fixtures::*;
use serde_json::{json, Value};
use smithy_runtime::protocol::{read_response, write_response, OperationSpec};

/// Writes `output` for `op`, checks that the client reads the same output back, and returns
/// the response.
fn round_trip(op: &OperationSpec, output: Value) -> http::Response<bytes::Bytes> {
    let response = write_response(&REST, op, output.clone());
    assert_eq!(
        read_response(&REST, op, &response).expect("readable"),
        output,
        "{response:?}"
    );
    response
}

#[test]
fn headers_are_read_back_into_the_json_form() {
    let response = response(
        200,
        &[
            ("X-String", "Hello"),
            ("X-StringList", r#""b,c", "\"def\"", a"#),
            (
                "X-TimestampList",
                "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:19 GMT",
            ),
            ("X-Integer", "123"),
            ("X-Boolean", "false"),
            ("X-Float", "-Infinity"),
            ("X-Timestamp", "Mon, 16 Dec 2019 23:48:18 GMT"),
            ("X-Blob", "AAE="),
            ("X-Foo-Abc", "ABC"),
            ("X-Foo-Def", "DEF"),
            ("Content-Type", "application/json"),
        ],
        r#"{"Body": "x", "headerString": "from the body is ignored", "Extra": null}"#,
    );
    let output = read_response(&REST, &HEADERS, &response).unwrap();
    assert_eq!(
        output,
        json!({
            "Body": "x",
            "headerString": "Hello",
            "headerStringList": ["b,c", "\"def\"", "a"],
            "headerTimestampList": [1_576_540_098, 1_576_540_099],
            "headerInteger": 123,
            "headerBoolean": false,
            "headerFloat": "-Infinity",
            "headerTimestamp": 1_576_540_098,
            "headerBlob": "AAE=",
            // Header names are case-insensitive: the http crate hands them over lowercased.
            "fooMap": {"abc": "ABC", "def": "DEF"},
        })
    );
}

#[test]
fn header_lists_without_quotes_and_repeated_headers() {
    let response = response(
        200,
        &[
            ("X-StringList", "a,b"),
            ("X-StringList", " c "),
            ("X-Integer", " 7 "),
        ],
        "",
    );
    let output = read_response(&REST, &HEADERS, &response).unwrap();
    assert_eq!(
        output,
        json!({"headerStringList": ["a", "b", "c"], "headerInteger": 7})
    );
}

#[test]
fn bad_headers_are_response_errors() {
    for (name, value) in [
        ("X-Integer", "1.5"),
        ("X-Boolean", "True"),
        ("X-Timestamp", "2019-12-16T23:48:18Z"),
        ("X-TimestampList", "Mon, 16 Dec 2019"),
        ("X-StringList", "\"open"),
        ("X-Blob", "not base64!"),
    ] {
        let response = response(200, &[(name, value)], "{}");
        let error = read_response(&REST, &HEADERS, &response).unwrap_err();
        assert!(
            error.message().contains(&format!("header `{name}`")),
            "{error}"
        );
    }
}

#[test]
fn server_writes_headers_and_body() {
    let output = json!({
        "headerString": "Hello",
        "headerStringList": ["a", "b"],
        "headerTimestamp": 1_576_540_098,
        "headerBoolean": false,
        "fooMap": {"abc": "ABC"},
        "Body": {"nested": [1, 2]},
    });
    let response = round_trip(&HEADERS, output);
    assert_eq!(response.status(), 200);
    assert_eq!(header(response.headers(), "x-string"), "Hello");
    assert_eq!(header(response.headers(), "x-stringlist"), "a, b");
    assert_eq!(
        header(response.headers(), "x-timestamp"),
        "Mon, 16 Dec 2019 23:48:18 GMT"
    );
    assert_eq!(header(response.headers(), "x-boolean"), "false");
    assert_eq!(header(response.headers(), "x-foo-abc"), "ABC");
    assert_eq!(
        header(response.headers(), "content-type"),
        "application/json"
    );
    assert_eq!(response.body().as_ref(), br#"{"Body":{"nested":[1,2]}}"#);
}

#[test]
fn empty_output_still_gets_a_json_object() {
    let response = round_trip(&NO_BODY_POST, json!({}));
    assert_eq!(response.body().as_ref(), b"{}");
    assert_eq!(
        header(response.headers(), "content-type"),
        "application/json"
    );
    assert_eq!(header(response.headers(), "content-length"), "2");
    let response = round_trip(&HEADERS, json!({"headerInteger": 1}));
    assert_eq!(response.body().as_ref(), b"{}");
}

#[test]
fn client_accepts_an_empty_body() {
    let empty = response(200, &[], "");
    assert_eq!(
        read_response(&REST, &NO_BODY_POST, &empty).unwrap(),
        json!({})
    );
    let bad = response(200, &[], "[1]");
    let error = read_response(&REST, &NO_BODY_POST, &bad).unwrap_err();
    assert!(error.message().contains("response body"), "{error}");
}

#[test]
fn response_code_member() {
    let response_ = round_trip(&CREATE_STAGE, json!({"Status": 202, "Name": "x"}));
    assert_eq!(response_.status(), 202);
    assert_eq!(response_.body().as_ref(), br#"{"Name":"x"}"#);
    // Unset: the operation's `@http` code, which the client reads back as the member.
    let response_ = write_response(&REST, &CREATE_STAGE, json!({}));
    assert_eq!(response_.status(), 201);
    let read = read_response(&REST, &CREATE_STAGE, &response_).unwrap();
    assert_eq!(read, json!({"Status": 201}));
    let response_ = write_response(&REST, &CREATE_STAGE, json!({"Status": 70000}));
    assert_eq!(response_.status(), 500);
}

#[test]
fn blob_payload() {
    let response_ = round_trip(&BLOB_PAYLOAD, json!({"foo": "Foo", "blob": "YmxvYg=="}));
    assert_eq!(response_.body().as_ref(), b"blob");
    assert_eq!(
        header(response_.headers(), "content-type"),
        "application/octet-stream"
    );
    let response_ = round_trip(&BLOB_PAYLOAD, json!({"foo": "Foo"}));
    assert!(response_.body().is_empty());
    assert_eq!(header(response_.headers(), "content-length"), "0");
    assert!(response_.headers().get("content-type").is_none());
    let binary = http::Response::new(bytes::Bytes::from_static(&[0xff, 0x00, 0xfe]));
    let read = read_response(&REST, &BLOB_PAYLOAD, &binary).unwrap();
    assert_eq!(read, json!({"blob": "/wD+"}));
}

#[test]
fn string_structure_union_and_document_payloads() {
    let response_ = round_trip(&STRING_PAYLOAD, json!({"payload": "text ☃"}));
    assert_eq!(header(response_.headers(), "content-type"), "text/plain");
    let response_ = round_trip(&STRUCTURE_PAYLOAD, json!({"nested": {"greeting": "hi"}}));
    assert_eq!(response_.body().as_ref(), br#"{"greeting":"hi"}"#);
    // An unset structure payload is no body (the suite's
    // `RestJsonHttpPayloadWithStructureAndEmptyResponseBody`).
    let response_ = write_response(&REST, &STRUCTURE_PAYLOAD, json!({}));
    assert!(response_.body().is_empty());
    let response_ = round_trip(&UNION_PAYLOAD, json!({}));
    assert!(response_.body().is_empty());
    assert_eq!(header(response_.headers(), "content-length"), "0");
    round_trip(&UNION_PAYLOAD, json!({"nested": {"greeting": "hi"}}));
    round_trip(&DOCUMENT_PAYLOAD, json!({"documentValue": "just a string"}));
    let bad = response(200, &[], "[1]");
    let error = read_response(&REST, &STRUCTURE_PAYLOAD, &bad).unwrap_err();
    assert!(
        error.message().contains("member `nested` (payload)"),
        "{error}"
    );
}
