//! Behaviour of the `values` fixture crate: value forms, defaults, redaction, errors.
#![allow(clippy::unwrap_used)]

use smithy_runtime::serde_json::{self, json};
use smithy_runtime::{DateTime, ServiceError};
use values::types::{BadValue, Priority, PutValuesInput, ServiceFault};

#[test]
fn every_value_form_round_trips_in_its_json_form() {
    let wire = json!({
        "epoch": 1515531081.123, "iso": "2019-12-16T23:48:18Z", "httpDate": "Mon, 16 Dec 2019 23:48:18 GMT",
        "isoList": ["2019-12-16T23:48:18.500Z"], "data": "YmxvYg==", "doc": {"a": [1, null]},
        "password": "hunter2", "ratio": "NaN", "scores": {"x": "-Infinity", "y": 1.5},
        "maybe": ["a", null], "priority": 7, "retries": 5, "enabled": true, "RenamedOnWire": "r"
    });
    let input: PutValuesInput = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(input.iso, Some(DateTime::from_secs(1_576_540_098)));
    assert_eq!(input.http_date, input.iso);
    assert!(input.ratio.unwrap().is_nan());
    assert_eq!(input.priority, Some(Priority::Unknown(7)), "unknown intEnum values are kept");
    assert_eq!(input.maybe, Some(vec![Some("a".to_string()), None]), "sparse lists keep nulls");
    assert_eq!(input.renamed.as_deref(), Some("r"), "jsonName under restJson1");
    assert_eq!(serde_json::to_value(&input).unwrap(), wire);
}

#[test]
fn defaults_fill_missing_members_and_unset_members_are_omitted() {
    let input: PutValuesInput = serde_json::from_value(json!({"password": "p"})).unwrap();
    assert_eq!((input.retries, input.enabled), (3, false));
    assert_eq!(serde_json::to_value(&input).unwrap(), json!({"password": "p", "retries": 3, "enabled": false}));
    let built = PutValuesInput::builder().password("p").build().unwrap();
    assert_eq!(built, input, "builders apply the same defaults");
}

#[test]
fn builders_name_missing_required_members_and_debug_redacts_sensitive_ones() {
    let err = PutValuesInput::builder().retries(1).build().unwrap_err();
    assert_eq!(err.to_string(), "PutValuesInput is missing required member: password");
    let input = PutValuesInput::builder().password("hunter2").build().unwrap();
    let debug = format!("{input:?}");
    assert!(!debug.contains("hunter2") && debug.contains("*** Sensitive Data Redacted ***"), "{debug}");
}

#[test]
fn errors_display_code_and_message() {
    let bad = BadValue::builder().message("too big").build().unwrap();
    assert_eq!(bad.to_string(), "BadValue: too big");
    assert_eq!((BadValue::SPEC.status, ServiceFault::SPEC.status), (422, 500));
    assert_eq!((ServiceFault::SPEC.retryable, ServiceFault::SPEC.throttling, BadValue::SPEC.retryable), (true, true, false));
    let err = values::error::PutValuesError::BadValue(bad);
    assert_eq!((err.code(), err.message()), (Some("BadValue"), Some("too big")));
    assert_eq!(err.to_string(), "BadValue: too big");
    let service_level = values::error::PutValuesError::ServiceFault(ServiceFault::builder().build());
    assert_eq!(service_level.to_string(), "ServiceFault", "service errors belong to every operation");
    assert_eq!((err.is_bad_value(), err.is_service_fault()), (true, false));
    assert_eq!((service_level.is_bad_value(), service_level.is_service_fault()), (false, true));
    use smithy_runtime::OperationError;
    let members = err.to_members().map(|m| m.to_json_value().unwrap());
    assert_eq!(members, Some(json!({"message": "too big"})), "the members an error body carries");
    let unhandled = values::error::PutValuesError::Unhandled(smithy_runtime::UnhandledError::new(Default::default()));
    assert!(unhandled.to_members().is_none());
}

#[test]
fn http_bindings_travel_in_their_locations() {
    use smithy_runtime::protocol::{read_response, write_request};
    use smithy_runtime::{Blob, Operation};
    use values::operation::GetValue;
    use values::types::{GetValueInput, GetValueOutput};

    let input = GetValueInput::builder()
        .id("a b/c")
        .filters("x")
        .filters("y")
        .extra("k", "v")
        .since(DateTime::from_secs(1_576_540_098))
        .meta("color", "red")
        .build()
        .unwrap();
    assert_eq!(input.filters(), ["x", "y"], "list setters append, the getter gives the items");
    assert!(GetValueInput::builder().id("a").build().unwrap().filters().is_empty(), "an unset list reads as empty");
    let endpoint: smithy_runtime::http::Uri = "https://example.com".parse().unwrap();
    let json = serde_json::to_value(&input).unwrap();
    let request = write_request(GetValue::SERVICE, GetValue::SPEC, json, &endpoint).unwrap();
    assert_eq!(request.method(), "GET");
    assert_eq!(request.uri(), "https://example.com/values/a%20b/c?mode=full&filter=x&filter=y&k=v");
    assert_eq!(request.headers()["x-since"], "Mon, 16 Dec 2019 23:48:18 GMT");
    assert_eq!(request.headers()["x-meta-color"], "red");
    assert!(request.body().is_empty() && !request.headers().contains_key("content-type"), "no body members");

    let response = smithy_runtime::http::Response::builder()
        .status(201)
        .header("etag", "\"v1\"")
        .header("content-type", "image/png")
        .body(smithy_runtime::bytes::Bytes::from_static(b"\x89PNG"))
        .unwrap();
    let json = read_response(GetValue::SERVICE, GetValue::SPEC, &response).unwrap();
    let output: GetValueOutput = serde_json::from_value(json).unwrap();
    assert_eq!(output.status, Some(201));
    assert_eq!(output.e_tag.as_deref(), Some("\"v1\""));
    assert_eq!(output.image, Some(Blob::from(&b"\x89PNG"[..])));
}

#[test]
fn paginator_accessors_walk_nested_tokens_and_map_items() {
    use smithy_runtime::client::paginate::{PageSize, Paginated, PaginatedItems};
    use values::operation::ListValues;
    use values::types::{ListValuesInput, ListValuesOutput};

    let output: ListValuesOutput =
        serde_json::from_value(json!({"Page": {"Next": "n2"}, "Entries": {"a": "1", "b": "2"}})).unwrap();
    assert_eq!(ListValues::output_token(&output).map(String::as_str), Some("n2"));
    let pairs = vec![("a".to_string(), "1".to_string()), ("b".to_string(), "2".to_string())];
    assert_eq!(ListValues::items(output), pairs);
    let last: ListValuesOutput = serde_json::from_value(json!({"Entries": {}})).unwrap();
    assert_eq!(ListValues::output_token(&last), None, "no page, no token");
    assert!(ListValues::items(last).is_empty());

    let mut input = ListValuesInput::builder().build();
    ListValues::set_page_size(&mut input, 5);
    ListValues::set_input_token(&mut input, Some("n2".into()));
    assert_eq!(input.limit, Some(5_i64));
    assert_eq!(ListValues::input_token(&input).map(String::as_str), Some("n2"));
}
