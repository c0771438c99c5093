//! restJson1 servers: malformed requests give `MalformedRequest` of the right kind, never a
//! panic.

mod protocol_fixtures;

use protocol_fixtures::*;
use serde_json::json;
use smithy_runtime::protocol::{read_request, MalformedKind, OperationSpec};

/// The kind of error reading `request` for `op` gives (panics if it succeeds).
fn kind(op: &OperationSpec, request: &http::Request<bytes::Bytes>) -> MalformedKind {
    match read_request(&REST, op, request) {
        Ok(input) => panic!("{request:?} was read as {input}"),
        Err(error) => error.kind,
    }
}

const JSON: (&str, &str) = ("content-type", "application/json");

#[test]
fn bad_json_bodies() {
    for body in [
        "{",
        "{\"Body\": }",
        "[]",
        "10",
        "null",
        "\"s\"",
        "{} {}",
        "\u{0}",
    ] {
        let bad = request("POST", "/InputAndOutputWithHeaders", &[JSON], body);
        assert_eq!(kind(&HEADERS, &bad), MalformedKind::Serialization, "{body}");
    }
    let bad = request("PUT", "/HttpPayloadWithStructure", &[JSON], "[1]");
    assert_eq!(kind(&STRUCTURE_PAYLOAD, &bad), MalformedKind::Serialization);
    let bad = request(
        "POST",
        "/StringPayload",
        &[("content-type", "text/plain")],
        "\u{0}",
    );
    assert!(read_request(&REST, &STRING_PAYLOAD, &bad).is_ok());
}

#[test]
fn bad_labels() {
    let good = "/HttpRequestWithLabels/s/1/2/3/4.5/5/true/2019-12-16T23%3A48%3A18Z";
    let input = read_request(&REST, &LABELS, &request("GET", good, &[], "")).unwrap();
    assert_eq!(
        input,
        json!({"string": "s", "short": 1, "integer": 2, "long": 3, "float": 4.5,
               "double": 5.0, "boolean": true, "timestamp": 1_576_540_098})
    );
    for bad in [
        "/HttpRequestWithLabels/s/1.001/2/3/4.5/5/true/2019-12-16T23%3A48%3A18Z",
        "/HttpRequestWithLabels/s/1/0x42/3/4.5/5/true/2019-12-16T23%3A48%3A18Z",
        "/HttpRequestWithLabels/s/1/2/9223372036854775808/4.5/5/true/2019-12-16T23%3A48%3A18Z",
        "/HttpRequestWithLabels/s/1/2/3/inf/5/true/2019-12-16T23%3A48%3A18Z",
        "/HttpRequestWithLabels/s/1/2/3/4.5/5/True/2019-12-16T23%3A48%3A18Z",
        "/HttpRequestWithLabels/s/1/2/3/4.5/5/true/1576540098",
        "/HttpRequestWithLabels/s/1/2/3/4.5/5/true/Mon%2C%2016%20Dec%202019%2023%3A48%3A18%20GMT",
        "/HttpRequestWithLabels/%FF/1/2/3/4.5/5/true/2019-12-16T23%3A48%3A18Z",
    ] {
        let request = request("GET", bad, &[], "");
        assert_eq!(
            kind(&LABELS, &request),
            MalformedKind::Serialization,
            "{bad}"
        );
    }
}

#[test]
fn labels_are_percent_decoded() {
    let read = |path| read_request(&REST, &GREEDY, &request("GET", path, &[], ""));
    let input =
        read("/HttpRequestWithGreedyLabelInPath/foo/a%20b%2F%F0%9F%98%B9/baz/x/y%2Fz/").unwrap();
    assert_eq!(input, json!({"foo": "a b/😹", "baz": "x/y/z"}));
    for path in [
        "/HttpRequestWithGreedyLabelInPath/foo/a/baz",
        "/HttpRequestWithGreedyLabelInPath/foo/a/baz/",
        "/HttpRequestWithGreedyLabelInPath/foo//baz/x",
        "/Other/foo/a/baz/x",
        "/",
    ] {
        assert_eq!(
            read(path).unwrap_err().kind,
            MalformedKind::UnknownOperation,
            "{path}"
        );
    }
}

#[test]
fn bad_query_values() {
    for bad in [
        "Integer=1.001",
        "Integer=0x42",
        "Integer=2ABC",
        "Integer=9223372036854775808",
        "Boolean=True",
        "Boolean=1",
        "Float=Inf",
        "Timestamp=1576540098",
        "TimestampList=2019-12-16T23%3A48%3A18Z&TimestampList=x",
        "String=%FF",
    ] {
        let request = request("GET", &format!("/AllQueryStringTypesInput?{bad}"), &[], "");
        assert_eq!(
            kind(&QUERY, &request),
            MalformedKind::Serialization,
            "{bad}"
        );
    }
}

#[test]
fn scalars_take_the_first_query_value() {
    let uri =
        "/AllQueryStringTypesInput?Integer=1&Integer=2&String&StringList=a&StringList=b%2Bc+d";
    let input = read_request(&REST, &QUERY, &request("GET", uri, &[], "")).unwrap();
    assert_eq!(input["queryInteger"], json!(1));
    assert_eq!(input["queryString"], json!(""));
    assert_eq!(input["queryStringList"], json!(["a", "b+c+d"]));
    assert_eq!(
        input["queryParamsMapOfStrings"],
        json!({"Integer": "1", "String": "", "StringList": "a"})
    );
}

#[test]
fn bad_header_values() {
    for (name, value) in [
        ("X-Boolean", "True"),
        ("X-Boolean", "1"),
        ("X-Integer", "2ABC"),
        ("X-Integer", "99999999999999999999"),
        ("X-Float", "0x42"),
        ("X-Timestamp", "2019-12-16T23:48:18Z"),
        ("X-Timestamp", "1576540098"),
        ("X-Blob", "$$$"),
        ("X-StringList", "\"a\" \"b\""),
    ] {
        let bad = request(
            "POST",
            "/InputAndOutputWithHeaders",
            &[JSON, (name, value)],
            "{}",
        );
        assert_eq!(
            kind(&HEADERS, &bad),
            MalformedKind::Serialization,
            "{name}: {value}"
        );
    }
}

#[test]
fn content_type_of_body_operations() {
    let path = "/InputAndOutputWithHeaders";
    let ok = [("content-type", "application/json; charset=utf-8")];
    assert!(read_request(&REST, &HEADERS, &request("POST", path, &ok, "{}")).is_ok());
    // An empty body without a type is an empty input.
    assert!(read_request(&REST, &HEADERS, &request("POST", path, &[], "")).is_ok());
    let xml = request("POST", path, &[("content-type", "application/xml")], "{}");
    assert_eq!(kind(&HEADERS, &xml), MalformedKind::UnsupportedMediaType);
    let none = request("POST", path, &[], "{}");
    assert_eq!(kind(&HEADERS, &none), MalformedKind::UnsupportedMediaType);
}

/// `NoInputAndOutput` with `smithy.api#Unit` input.
static UNIT_POST: OperationSpec = OperationSpec {
    input_unit: true,
    ..op(
        "NoInputAndOutput",
        "POST",
        "/NoInputAndOutputOutput",
        &[],
        false,
        &[],
    )
};

#[test]
fn content_type_of_operations_without_body() {
    let path = "/NoInputAndOutputOutput";
    for op in [&NO_BODY_POST, &UNIT_POST] {
        // Neither, a bare `Content-Type` or a bare body: read (the body ignored).
        for (headers, body) in [(&[][..], ""), (&[JSON][..], ""), (&[][..], "{}")] {
            let ok = request("POST", path, headers, body);
            assert!(read_request(&REST, op, &ok).is_ok(), "{ok:?}");
        }
        let both = request("POST", path, &[JSON], "{\"a\": 1}");
        assert_eq!(kind(op, &both), MalformedKind::UnsupportedMediaType);
    }
    // `{}` as JSON is a memberless input structure's body, and no body of a Unit input.
    let empty = request("POST", path, &[JSON], "{ }");
    assert!(read_request(&REST, &NO_BODY_POST, &empty).is_ok());
    assert_eq!(
        kind(&UNIT_POST, &empty),
        MalformedKind::UnsupportedMediaType
    );
}

#[test]
fn content_type_of_payloads() {
    let string = request("POST", "/StringPayload", &[JSON], "text");
    assert_eq!(
        kind(&STRING_PAYLOAD, &string),
        MalformedKind::UnsupportedMediaType
    );
    let jpeg = request(
        "POST",
        "/HttpPayloadTraitsWithMediaType",
        &[("content-type", "text/html")],
        "x",
    );
    assert_eq!(
        kind(&JPEG_PAYLOAD, &jpeg),
        MalformedKind::UnsupportedMediaType
    );
    let any = request(
        "POST",
        "/HttpPayloadTraits",
        &[("content-type", "text/html")],
        "x",
    );
    assert_eq!(
        read_request(&REST, &BLOB_PAYLOAD, &any).unwrap(),
        json!({"blob": "eA=="})
    );
    let untyped = request("POST", "/HttpPayloadTraits", &[], "x");
    assert!(read_request(&REST, &BLOB_PAYLOAD, &untyped).is_ok());
}

#[test]
fn accept_header() {
    let path = "/InputAndOutputWithHeaders";
    for accept in [
        "application/json",
        "*/*",
        "application/*",
        "text/html, application/json;q=0.9",
    ] {
        let ok = request("POST", path, &[JSON, ("accept", accept)], "{}");
        assert!(read_request(&REST, &HEADERS, &ok).is_ok(), "{accept}");
    }
    let xml = request("POST", path, &[JSON, ("accept", "application/xml")], "{}");
    assert_eq!(kind(&HEADERS, &xml), MalformedKind::NotAcceptable);
    // A blob payload without `@mediaType` can be any type, so every `Accept` admits it
    // (the suite's `RestJsonHttpPayloadTraitsWithBlobAcceptsAllAccepts`).
    for accept in ["application/json", "image/jpeg"] {
        let any = request("POST", "/HttpPayloadTraits", &[("accept", accept)], "");
        assert!(read_request(&REST, &BLOB_PAYLOAD, &any).is_ok(), "{accept}");
    }
    let text = request(
        "POST",
        "/StringPayload",
        &[("accept", "application/json")],
        "",
    );
    assert_eq!(kind(&STRING_PAYLOAD, &text), MalformedKind::NotAcceptable);
}

#[test]
fn garbage_never_panics() {
    let ops = [
        &LABELS,
        &GREEDY,
        &GREEDY_MIDDLE,
        &QUERY,
        &QUERY_LISTS,
        &HEADERS,
        &NO_BODY_POST,
        &BLOB_PAYLOAD,
        &JPEG_PAYLOAD,
        &STRING_PAYLOAD,
        &STRUCTURE_PAYLOAD,
        &UNION_PAYLOAD,
        &DOCUMENT_PAYLOAD,
        &CREATE_STAGE,
    ];
    let pieces = [
        "/", "%", "%F", "%FF", "%2F", "{", "}", "?", "&", "=", "a", "😹", "+", "..", "\"", ",",
        "1e999", "-", "NaN", "true",
    ];
    // A small deterministic generator: every request below is some mix of the pieces.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..next(12) {
            text.push_str(pieces[next(pieces.len())]);
        }
        let path: String = format!("/{}", text.replace('"', "%22").replace(' ', "%20"));
        let Ok(uri) = path.parse::<http::Uri>() else {
            continue;
        };
        let mut builder = http::Request::builder().uri(uri).method("POST");
        if let Ok(value) = http::HeaderValue::from_str(&text) {
            builder = builder
                .header("x-integer", value.clone())
                .header("x-stringlist", value.clone())
                .header("x-timestamplist", value.clone())
                .header("x-foo-bar", value.clone())
                .header("accept", value.clone())
                .header("content-type", value);
        }
        let request = builder.body(bytes::Bytes::from(text.clone())).unwrap();
        for op in ops {
            let _ = read_request(&REST, op, &request);
            let _ = read_request(&JSON_1_1, op, &request);
        }
    }
}
