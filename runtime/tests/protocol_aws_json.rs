//! awsJson1_0 / awsJson1_1: requests and responses, both directions, exact bytes.

mod protocol_fixtures;

use protocol_fixtures::*;
use serde_json::json;
use smithy_runtime::protocol::{
    read_request, read_response, write_request, write_response, MalformedKind,
};

#[test]
fn request_has_target_content_type_and_json_body() {
    let endpoint = "https://gamelift.us-west-2.amazonaws.com".parse().unwrap();
    let input = json!({"Name": "alias", "RoutingStrategy": {"Type": "SIMPLE"}, "Unset": null});
    let request = write_request(&JSON_1_1, &PLAIN, input, &endpoint).unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.uri().to_string(),
        "https://gamelift.us-west-2.amazonaws.com/"
    );
    assert_eq!(
        header(request.headers(), "x-amz-target"),
        "GameLift.CreateAlias"
    );
    assert_eq!(
        header(request.headers(), "content-type"),
        "application/x-amz-json-1.1"
    );
    let body = br#"{"Name":"alias","RoutingStrategy":{"Type":"SIMPLE"}}"#;
    assert_eq!(request.body().as_ref(), body);
    assert_eq!(
        header(request.headers(), "content-length"),
        body.len().to_string()
    );
    assert_eq!(request.headers().len(), 3);
}

#[test]
fn json_1_0_content_type_and_empty_input() {
    let endpoint = "http://localhost:8080/base".parse().unwrap();
    for input in [json!(null), json!({})] {
        let request = write_request(&JSON_1_0, &PLAIN, input, &endpoint).unwrap();
        assert_eq!(request.uri().to_string(), "http://localhost:8080/base/");
        assert_eq!(
            header(request.headers(), "content-type"),
            "application/x-amz-json-1.0"
        );
        assert_eq!(
            header(request.headers(), "x-amz-target"),
            "JsonRpc10.CreateAlias"
        );
        assert_eq!(request.body().as_ref(), b"{}");
        assert_eq!(header(request.headers(), "content-length"), "2");
    }
}

#[test]
fn bindings_are_ignored() {
    // awsJson puts everything in the body, even members a restJson1 table would bind.
    let input = json!({"foo": "x", "blob": "AAE="});
    let request = write_request(&JSON_1_1, &BLOB_PAYLOAD, input.clone(), &endpoint()).unwrap();
    assert_eq!(request.uri().path(), "/");
    assert_eq!(request.body().as_ref(), br#"{"foo":"x","blob":"AAE="}"#);
    assert_eq!(
        read_request(&JSON_1_1, &BLOB_PAYLOAD, &request).unwrap(),
        input
    );
}

#[test]
fn non_object_input_is_a_request_error() {
    let error = write_request(&JSON_1_1, &PLAIN, json!([1]), &endpoint()).unwrap_err();
    assert!(error.to_string().contains("input"), "{error}");
}

#[test]
fn request_round_trip() {
    let input = json!({"A": 1, "B": [true, "x"], "C": {"D": 1.5}, "E": "NaN"});
    let request = write_request(&JSON_1_1, &PLAIN, input.clone(), &endpoint()).unwrap();
    assert_eq!(read_request(&JSON_1_1, &PLAIN, &request).unwrap(), input);
}

#[test]
fn server_accepts_empty_body_and_content_type_parameters() {
    let empty = request(
        "POST",
        "/",
        &[("content-type", "application/x-amz-json-1.1; charset=utf-8")],
        "",
    );
    assert_eq!(read_request(&JSON_1_1, &PLAIN, &empty).unwrap(), json!({}));
    let none = request("POST", "/", &[], " {\"a\": null, \"b\": 1} ");
    assert_eq!(
        read_request(&JSON_1_1, &PLAIN, &none).unwrap(),
        json!({"b": 1})
    );
}

#[test]
fn server_rejects_malformed_bodies() {
    for body in ["{", "[]", "10", "null", "\"x\"", "{\"a\":1}x"] {
        let bad = request(
            "POST",
            "/",
            &[("content-type", "application/x-amz-json-1.1")],
            body,
        );
        let error = read_request(&JSON_1_1, &PLAIN, &bad).unwrap_err();
        assert_eq!(error.kind, MalformedKind::Serialization, "{body}");
        assert_eq!(error.status(), 400);
        assert_eq!(error.code(), "SerializationException");
    }
    let wrong = request("POST", "/", &[("content-type", "application/json")], "{}");
    let error = read_request(&JSON_1_1, &PLAIN, &wrong).unwrap_err();
    assert_eq!(error.kind, MalformedKind::UnsupportedMediaType);
    assert_eq!(error.status(), 415);
}

#[test]
fn response_round_trip() {
    let output = json!({"Alias": {"AliasId": "a-1", "CreationTime": 1_576_540_098.5}});
    let response = write_response(&JSON_1_1, &PLAIN, output.clone());
    assert_eq!(response.status(), 200);
    assert_eq!(
        header(response.headers(), "content-type"),
        "application/x-amz-json-1.1"
    );
    assert_eq!(
        response.body().as_ref(),
        br#"{"Alias":{"AliasId":"a-1","CreationTime":1576540098.5}}"#
    );
    assert_eq!(read_response(&JSON_1_1, &PLAIN, &response).unwrap(), output);
}

#[test]
fn empty_output() {
    let response_ = write_response(&JSON_1_0, &PLAIN, json!(null));
    assert_eq!(response_.body().as_ref(), b"{}");
    assert_eq!(
        header(response_.headers(), "content-type"),
        "application/x-amz-json-1.0"
    );
    let empty = response(200, &[], "");
    assert_eq!(read_response(&JSON_1_1, &PLAIN, &empty).unwrap(), json!({}));
}

#[test]
fn bad_response_body_is_an_error() {
    let bad = response(200, &[], "<html>");
    let error = read_response(&JSON_1_1, &PLAIN, &bad).unwrap_err();
    assert!(error.to_string().contains("response body"), "{error}");
}

#[test]
fn unwritable_output_is_an_internal_failure() {
    let response = write_response(&JSON_1_1, &PLAIN, json!("not an object"));
    assert_eq!(response.status(), 500);
    assert_eq!(
        header(response.headers(), "x-amzn-errortype"),
        "InternalFailure"
    );
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["__type"], "InternalFailure");
    assert_eq!(
        body["message"],
        "the server cannot write its output: expected a JSON object but found a string"
    );
}
