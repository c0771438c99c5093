//! Error responses: the client reading them (code priority, sanitizing, message variants,
//! request id) and the server writing them, for both protocol families.

mod protocol_fixtures;

use protocol_fixtures::*;
use serde_json::json;
use smithy_runtime::protocol::{read_error, sanitize_error_code, write_error, OperationSpec};

static ANY: OperationSpec = op("Any", "POST", "/", &[], true, &[]);

/// The members of an error response, in their serde JSON form.
fn members(error: &smithy_runtime::protocol::ErrorResponse) -> serde_json::Value {
    error.members.decode().expect("the members decode")
}

#[test]
fn sanitizing() {
    let raw = "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/";
    assert_eq!(sanitize_error_code(raw), "FooError");
    assert_eq!(
        sanitize_error_code("aws.protocoltests.restjson#FooError"),
        "FooError"
    );
    assert_eq!(
        sanitize_error_code("FooError:http://internal.amazon.com/"),
        "FooError"
    );
    assert_eq!(sanitize_error_code("FooError"), "FooError");
    assert_eq!(sanitize_error_code(""), "");
}

#[test]
fn header_beats_code_beats_type() {
    let all = response(
        400,
        &[("X-Amzn-Errortype", "ns#FromHeader:http://x/")],
        r#"{"code": "FromCode", "__type": "FromType"}"#,
    );
    assert_eq!(
        read_error(&REST, &ANY, &all).code.as_deref(),
        Some("FromHeader")
    );
    let body_only = response(400, &[], r#"{"code": "FromCode", "__type": "ns#FromType"}"#);
    assert_eq!(
        read_error(&REST, &ANY, &body_only).code.as_deref(),
        Some("FromCode")
    );
    let type_only = response(
        400,
        &[],
        r#"{"__type": "aws.protocoltests.json#FooError:http://x/"}"#,
    );
    assert_eq!(
        read_error(&JSON_1_1, &ANY, &type_only).code.as_deref(),
        Some("FooError")
    );
    let empty_header = response(
        400,
        &[("X-Amzn-Errortype", "")],
        r#"{"__type": "FooError"}"#,
    );
    assert_eq!(
        read_error(&REST, &ANY, &empty_header).code.as_deref(),
        Some("FooError")
    );
}

#[test]
fn only_top_level_type_counts() {
    let nested = response(400, &[], r#"{"Nested": {"__type": "Inner"}}"#);
    let error = read_error(&JSON_1_1, &ANY, &nested);
    assert_eq!(error.code, None);
    assert_eq!(members(&error), json!({"Nested": {"__type": "Inner"}}));
}

#[test]
fn message_variants() {
    for key in ["message", "Message", "errorMessage"] {
        let body = json!({"__type": "FooError", key: "Hi"}).to_string();
        let error = read_error(&JSON_1_1, &ANY, &response(400, &[], &body));
        assert_eq!(error.message.as_deref(), Some("Hi"), "{key}");
        assert_eq!(members(&error), json!({key: "Hi"}));
    }
}

#[test]
fn request_id_headers() {
    let amzn = response(500, &[("x-amzn-RequestId", "abc-123")], "");
    assert_eq!(
        read_error(&REST, &ANY, &amzn).request_id.as_deref(),
        Some("abc-123")
    );
    let amz = response(500, &[("x-amz-request-id", "def")], "");
    assert_eq!(
        read_error(&REST, &ANY, &amz).request_id.as_deref(),
        Some("def")
    );
}

#[test]
fn unreadable_bodies_give_empty_members() {
    let html = response(503, &[], "<html>Service Unavailable</html>");
    let error = read_error(&REST, &ANY, &html);
    assert_eq!(
        (error.code, error.message, error.request_id),
        (None, None, None)
    );
    assert_eq!(members(&read_error(&REST, &ANY, &html)), json!({}));
}

#[test]
fn rest_json_server_errors() {
    let response = write_error(&REST, "ConflictException", 409, json!({"Message": "Hi"}));
    assert_eq!(response.status(), 409);
    assert_eq!(
        header(response.headers(), "x-amzn-errortype"),
        "ConflictException"
    );
    assert_eq!(
        header(response.headers(), "content-type"),
        "application/json"
    );
    assert_eq!(response.body().as_ref(), br#"{"Message":"Hi"}"#);
    let read = read_error(&REST, &ANY, &response);
    assert_eq!(read.code.as_deref(), Some("ConflictException"));
    assert_eq!(read.message.as_deref(), Some("Hi"));
    assert_eq!(members(&read), json!({"Message": "Hi"}));
}

#[test]
fn aws_json_server_errors() {
    let response = write_error(
        &JSON_1_1,
        "InvalidRequestException",
        400,
        json!({"Message": "x"}),
    );
    assert_eq!(response.status(), 400);
    assert_eq!(
        header(response.headers(), "x-amzn-errortype"),
        "InvalidRequestException"
    );
    assert_eq!(
        header(response.headers(), "content-type"),
        "application/x-amz-json-1.1"
    );
    assert_eq!(
        response.body().as_ref(),
        br#"{"Message":"x","__type":"InvalidRequestException"}"#
    );
    let read = read_error(&JSON_1_1, &ANY, &response);
    assert_eq!(read.code.as_deref(), Some("InvalidRequestException"));
    assert_eq!(members(&read), json!({"Message": "x"}));
    let response = write_error(&JSON_1_0, "Throttled", 429, json!(null));
    assert_eq!(
        header(response.headers(), "content-type"),
        "application/x-amz-json-1.0"
    );
    assert_eq!(response.body().as_ref(), br#"{"__type":"Throttled"}"#);
}
