#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::{from_slice, or_empty_object, MAX_DEPTH};

#[test]
fn well_formed_documents_read_as_serde_json_reads_them() {
    for text in [
        "0",
        "-0",
        "1",
        "-1",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "1.5",
        "-1.5",
        "1e3",
        "1E-3",
        "1e+3",
        "0.1",
        "1700000000.123",
        "2.5e-5",
        "1.7976931348623157e308",
        "5e-324",
        "1e-400",
        "0.000001",
        "1234567890123456789.5",
        "3.0e22",
        "4.35e-8",
        "123.456e2",
        r#""""#,
        r#""plain""#,
        r#""\"\\\/\b\f\n\r\t""#,
        r#""\u00e9\u4e2d\ud83d\ude00""#,
        r#""é中😀""#,
        r#""a\u0000b""#,
        "true",
        "false",
        "null",
        "[]",
        "[1,2,3]",
        " [ 1 , [ ] , { } ] ",
        "{}",
        r#"{"a":1,"b":[true,null],"c":{"d":"e"}}"#,
        "\t\r\n {\"k\" : \"v\"} \n",
        r#"{"a":1,"a":2}"#,
        r#"{"\u0041":"key with escape"}"#,
        r#""a string long enough to take several eight-byte steps, with \"escapes\" in it""#,
    ] {
        typed_same::<Value>(text);
        assert!(from_slice::<Value>(text.as_bytes()).is_ok(), "{text:?}");
    }
}

#[test]
fn malformed_documents_are_refused_as_serde_json_refuses_them() {
    for text in [
        "",
        " ",
        "01",
        "-01",
        "1.",
        ".5",
        "+1",
        "-",
        "1e",
        "1e+",
        "1.e3",
        "0x10",
        "1e400",
        "-1e400",
        "NaN",
        "Infinity",
        "tru",
        "nul",
        "falsy",
        "[1,]",
        "[,1]",
        "[1 2]",
        "[1",
        "{\"a\":1,}",
        "{,}",
        "{\"a\" 1}",
        "{\"a\":}",
        "{a:1}",
        "{1:1}",
        "{\"a\":1",
        "\"abc",
        "\"a\u{1}b\"",
        "\"tab\there\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12G4\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\"",
        "\"\\",
        "[1] 2",
        "{} x",
        "\"a\" \"b\"",
        "[}",
        "{]",
        "'single'",
    ] {
        typed_same::<Value>(text);
        assert!(from_slice::<Value>(text.as_bytes()).is_err(), "{text:?}");
    }
}

#[test]
fn a_body_of_json_whitespace_only_reads_as_an_empty_object() {
    assert_eq!(or_empty_object(b""), b"{}");
    assert_eq!(or_empty_object(b" \t\r\n"), b"{}");
    // Form feed is ASCII whitespace but not JSON whitespace: the body stays, and is refused.
    assert_eq!(or_empty_object(b"\x0c"), b"\x0c");
    assert!(from_slice::<Value>(or_empty_object(b"\x0c")).is_err());
}

#[test]
fn a_body_that_is_not_utf8_is_refused() {
    let error = from_slice::<Value>(b"{\"a\":\"\xff\"}").unwrap_err();
    assert_eq!(
        error.to_string(),
        "the body is not UTF-8 at line 1 column 7"
    );
}

#[test]
fn nesting_beyond_the_limit_is_an_error_not_a_stack_overflow() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(from_slice::<Value>(deep(MAX_DEPTH - 1).as_bytes()).is_ok());
    let error = from_slice::<Value>(deep(MAX_DEPTH).as_bytes()).unwrap_err();
    assert!(
        error.to_string().starts_with("recursion limit exceeded"),
        "{error}"
    );
    // Skipped values (members the type does not know) are limited alike.
    let hidden = format!(r#"{{"unknown":{}}}"#, deep(100_000));
    let error = from_slice::<Unit>(hidden.as_bytes()).unwrap_err();
    assert!(
        error.to_string().starts_with("recursion limit exceeded"),
        "{error}"
    );
}

#[derive(Debug, Deserialize, PartialEq)]
struct Unit {}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
struct Session {
    id: String,
    name: Option<String>,
    players: Option<i32>,
    ratio: Option<f64>,
    tags: Option<Vec<String>>,
    properties: Option<BTreeMap<String, String>>,
    scores: Option<BTreeMap<i32, bool>>,
    status: Option<Status>,
    shape: Option<Shape>,
}

#[derive(Debug, Deserialize, PartialEq)]
enum Status {
    Active,
    Ended,
}

#[derive(Debug, Deserialize, PartialEq)]
enum Shape {
    Circle(f64),
    Point { x: i64, y: i64 },
    Pair(u8, u8),
    Empty,
}

/// Both readers on `text` as a `T`: the same value, or both an error.
fn typed_same<T: for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(text: &str) {
    let ours = from_slice::<T>(text.as_bytes());
    let theirs = serde_json::from_str::<T>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{text:?}"),
        (Err(_), Err(_)) => {}
        _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

#[test]
fn typed_values_read_as_serde_json_reads_them() {
    for text in [
        r#"{"Id":"s-1"}"#,
        r#"{"Id":"s-\"1\"","Name":null,"Players":8,"Ratio":0.25,"Tags":["a","b\n"]}"#,
        r#"{"Id":"s","Properties":{"mode":"ranked","map":"arena-1"},"Scores":{"7":true}}"#,
        r#"{"Id":"s","Status":"Active","Shape":{"Circle":1.5}}"#,
        r#"{"Id":"s","Shape":{"Point":{"x":-1,"y":2}}}"#,
        r#"{"Id":"s","Shape":{"Pair":[1,2]}}"#,
        r#"{"Id":"s","Shape":"Empty"}"#,
        r#"{"Id":"s","Unknown":{"deep":[1,{"x":"\u00e9"}]},"Players":1}"#,
        // Refused by both: wrong types, ranges, duplicates, missing members.
        r#"{"Id":5}"#,
        r#"{"Players":1}"#,
        r#"{"Id":"s","Players":2147483648}"#,
        r#"{"Id":"s","Players":1.5}"#,
        r#"{"Id":"s","Id":"t"}"#,
        r#"{"Id":"s","Status":"Paused"}"#,
        r#"{"Id":"s","Shape":{"Circle":1,"Empty":null}}"#,
        r#"{"Id":"s","Shape":"Circle"}"#,
        r#"{"Id":"s","Scores":{"seven":true}}"#,
        r#"{"Id":"s","Tags":"a"}"#,
    ] {
        typed_same::<Session>(text);
    }
}

#[test]
fn a_structure_is_read_from_an_object_only() {
    // serde_json also takes a structure's members positionally from an array; a Smithy
    // structure has no such form.
    let positional = br#"["s",null,null,null,null,null,null,null,null]"#;
    assert!(from_slice::<Session>(positional).is_err());
    assert!(serde_json::from_slice::<Session>(positional).is_ok());
}

#[test]
fn errors_say_what_and_where() {
    let error = from_slice::<Session>(b"{\n  \"Id\": 5}").unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: integer `5`, expected a string at line 2 column 9"
    );
    let error = from_slice::<Value>(b"[1,\n2,]").unwrap_err();
    assert_eq!(error.to_string(), "trailing comma at line 2 column 3");
}

#[test]
fn strings_without_escapes_are_borrowed() {
    #[derive(Deserialize)]
    struct Borrowing<'a> {
        #[serde(borrow)]
        text: std::borrow::Cow<'a, str>,
    }
    let read: Borrowing = from_slice(br#"{"text":"plain"}"#).unwrap();
    assert!(matches!(read.text, std::borrow::Cow::Borrowed("plain")));
}

#[test]
fn floats_are_correctly_rounded() {
    // Halfway between 2^53 and 2^53 + 2: ties go to the even significand, 2^53 (serde_json
    // without `float_roundtrip` reads 2^53 + 2).
    let x: f64 = from_slice(b"9007199254740993.0").unwrap();
    assert_eq!(x, 9_007_199_254_740_992.0);
}

#[test]
fn every_float_in_a_sweep_reads_as_the_standard_library_reads_it() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mantissa = seed % 100_000_000_000_000_000;
        let exponent = i64::try_from(seed >> 57).unwrap() - 64;
        let digits = usize::try_from(seed >> 60).unwrap();
        let text = format!("{mantissa}e{exponent}");
        let point = format!("{}.{:0digits$}", mantissa / 1000, mantissa % 1000);
        for text in [text, point] {
            let ours: f64 = from_slice(text.as_bytes()).unwrap();
            assert_eq!(
                ours.to_bits(),
                text.parse::<f64>().unwrap().to_bits(),
                "{text}"
            );
        }
    }
}

mod agreement;
