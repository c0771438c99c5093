use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::json;
use serde_with::serde_as;

use super::*;
use crate::DateTime;

#[serde_as]
#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
struct Times {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde_as(as = "Option<EpochSeconds>")]
    epoch: Option<DateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde_as(as = "Option<DateTimeFormat>")]
    date_time: Option<DateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde_as(as = "Option<HttpDate>")]
    http_date: Option<DateTime>,
    #[serde(default)]
    #[serde_as(as = "Vec<DateTimeFormat>")]
    list: Vec<DateTime>,
    #[serde(default)]
    #[serde_as(as = "BTreeMap<_, HttpDate>")]
    map: BTreeMap<String, DateTime>,
}

#[test]
fn timestamp_adapters() {
    let t = DateTime::from_secs(1_576_540_098);
    let t_ms = DateTime::from_millis(1_576_540_098_123);
    let times = Times {
        epoch: Some(t_ms),
        date_time: Some(t_ms),
        http_date: Some(t),
        list: vec![t, t_ms],
        map: BTreeMap::from([("k".to_owned(), t)]),
    };
    let value = serde_json::to_value(&times).unwrap();
    assert_eq!(
        value,
        json!({
            "epoch": 1_576_540_098.123,
            "date_time": "2019-12-16T23:48:18.123Z",
            "http_date": "Mon, 16 Dec 2019 23:48:18 GMT",
            "list": ["2019-12-16T23:48:18Z", "2019-12-16T23:48:18.123Z"],
            "map": {"k": "Mon, 16 Dec 2019 23:48:18 GMT"},
        })
    );
    assert_eq!(serde_json::from_value::<Times>(value).unwrap(), times);
    assert_eq!(
        serde_json::to_string(&Times::default()).unwrap(),
        r#"{"list":[],"map":{}}"#
    );
    let read: Times = serde_json::from_str(
        r#"{"epoch": null, "date_time": "2019-12-16T22:48:18-01:00", "http_date": null}"#,
    )
    .unwrap();
    assert_eq!(
        read,
        Times {
            date_time: Some(t),
            ..Times::default()
        }
    );
    let read: Times = serde_json::from_str(r#"{"epoch": 1.576540098123E9}"#).unwrap();
    assert_eq!(read.epoch, Some(t_ms));
}

#[test]
fn timestamp_adapter_errors() {
    for (bad, expected) in [
        (
            r#"{"date_time": "yesterday"}"#,
            "invalid date-time timestamp `yesterday`",
        ),
        (
            r#"{"date_time": 1576540098}"#,
            "a timestamp as a date-time string",
        ),
        (
            r#"{"http_date": "2019-12-16T23:48:18Z"}"#,
            "invalid http-date timestamp",
        ),
        (r#"{"epoch": "1576540098"}"#, "seconds since the Unix epoch"),
        (
            r#"{"list": ["2019-12-16T23:48:18Z", "nope"]}"#,
            "invalid date-time timestamp `nope`",
        ),
    ] {
        let error = serde_json::from_str::<Times>(bad).unwrap_err().to_string();
        assert!(error.contains(expected), "{bad}: {error}");
    }
    let far = Times {
        date_time: Some(DateTime::from_secs(i64::MAX)),
        ..Times::default()
    };
    let error = serde_json::to_string(&far).unwrap_err().to_string();
    assert!(error.contains("out of range"), "{error}");
}

#[serde_as]
#[derive(Serialize, Deserialize, Debug, Default)]
struct Floats {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde_as(as = "Option<Float>")]
    double: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde_as(as = "Option<Float>")]
    float: Option<f32>,
    #[serde(default)]
    #[serde_as(as = "Vec<Float>")]
    doubles: Vec<f64>,
    #[serde(default)]
    #[serde_as(as = "Vec<Float>")]
    floats: Vec<f32>,
}

#[test]
fn float_adapter_writes_non_finite_as_strings() {
    let floats = Floats {
        double: Some(f64::NAN),
        float: Some(f32::NEG_INFINITY),
        doubles: vec![1.5, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, -0.25],
        floats: vec![2.5, f32::INFINITY, f32::NAN, 3.0],
    };
    assert_eq!(
        serde_json::to_value(&floats).unwrap(),
        json!({
            "double": "NaN",
            "float": "-Infinity",
            "doubles": [1.5, "Infinity", "-Infinity", "NaN", -0.25],
            "floats": [2.5, "Infinity", "NaN", 3.0],
        })
    );
    let finite = Floats {
        double: Some(0.1),
        float: Some(0.1),
        ..Floats::default()
    };
    assert_eq!(
        serde_json::to_string(&finite).unwrap(),
        r#"{"double":0.1,"float":0.1,"doubles":[],"floats":[]}"#
    );
}

#[test]
fn float_adapter_reads_numbers_and_non_finite_strings() {
    let read: Floats = serde_json::from_str(
        r#"{"double": "Infinity", "float": "NaN",
            "doubles": [1, -2, 1.5e3, "NaN", "-Infinity"], "floats": [0.5, "Infinity", "-Infinity", 7]}"#,
    )
    .unwrap();
    assert_eq!(read.double, Some(f64::INFINITY));
    assert!(read.float.is_some_and(f32::is_nan));
    assert_eq!(read.doubles[..3], [1.0, -2.0, 1500.0]);
    assert!(read.doubles[3].is_nan());
    assert_eq!(read.doubles[4], f64::NEG_INFINITY);
    assert_eq!(read.floats, [0.5, f32::INFINITY, f32::NEG_INFINITY, 7.0]);
    let read: Floats = serde_json::from_str(r#"{"double": null, "float": 2}"#).unwrap();
    assert_eq!((read.double, read.float), (None, Some(2.0)));
    for bad in [
        r#"{"double": "nan"}"#,
        r#"{"double": "inf"}"#,
        r#"{"double": "1.5"}"#,
        r#"{"float": "+Infinity"}"#,
        r#"{"floats": [true]}"#,
        r#"{"float": 1e300}"#,
    ] {
        let error = serde_json::from_str::<Floats>(bad).unwrap_err().to_string();
        assert!(
            error.contains(r#"one of the strings "NaN""#) || error.contains("out of range"),
            "{bad}: {error}"
        );
    }
}

#[derive(Debug, PartialEq)]
enum Choice {
    A(String),
    B(i32),
    Unknown(String),
}

impl UnionMembers for Choice {
    const NAME: &'static str = "Choice";

    fn read_member<'de, M: serde::de::MapAccess<'de>>(
        key: &str,
        map: &mut M,
    ) -> Result<Option<Self>, M::Error> {
        Ok(match key {
            "a" => map.next_value::<Option<String>>()?.map(Choice::A),
            "b" => map.next_value::<Option<i32>>()?.map(Choice::B),
            _ => read_unknown_member(Self::NAME, key, map)?.map(Choice::Unknown),
        })
    }
}

impl<'de> Deserialize<'de> for Choice {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_union(deserializer)
    }
}

#[test]
fn union_reads_exactly_one_member() {
    let read = |text: &str| serde_json::from_str::<Choice>(text);
    assert_eq!(read(r#"{"a": "x"}"#).unwrap(), Choice::A("x".into()));
    assert_eq!(
        read(r#"{"__type": "Choice", "b": 3}"#).unwrap(),
        Choice::B(3)
    );
    assert_eq!(
        read(r#"{"a": null, "b": 3, "c": null}"#).unwrap(),
        Choice::B(3)
    );
    assert_eq!(
        read(r#"{"z": {"deep": [1]}}"#).unwrap(),
        Choice::Unknown("z".into())
    );
    let two = read(r#"{"a": "x", "b": 3}"#).unwrap_err().to_string();
    assert!(
        two.starts_with("union `Choice` must have exactly one member set, found 2: a, b"),
        "{two}"
    );
    for none in ["{}", r#"{"__type": "Choice"}"#, r#"{"a": null}"#] {
        let error = read(none).unwrap_err().to_string();
        assert!(
            error.starts_with("union `Choice` must have exactly one member set, found none"),
            "{error}"
        );
    }
    for (not_object, kind) in [
        ("[]", "sequence"),
        (r#""a""#, "string"),
        ("1", "integer"),
        ("null", "null"),
    ] {
        let error = read(not_object).unwrap_err().to_string();
        assert!(
            error.starts_with(&format!("invalid type: {kind}"))
                && error.contains("expected union `Choice` as an object with one member set"),
            "{error}"
        );
    }
    let wrong = crate::codec::from_json_value::<Choice>(json!({"b": "three"})).unwrap_err();
    assert_eq!(wrong.path(), "b");
    assert!(
        wrong.message().starts_with("invalid type: string"),
        "{wrong}"
    );
}

#[test]
fn f32_values_keep_their_shortest_decimal_form() {
    let floats = Floats {
        float: Some(1.1),
        floats: vec![4.1, -0.3],
        ..Floats::default()
    };
    let value = serde_json::to_value(&floats).unwrap();
    assert_eq!(
        value,
        json!({"float": 1.1, "doubles": [], "floats": [4.1, -0.3]})
    );
    let read: Floats = serde_json::from_value(value).unwrap();
    assert_eq!((read.float, read.floats), (Some(1.1), vec![4.1, -0.3]));
}

#[test]
fn strict_reading_refuses_unknown_union_members_and_utc_offsets() {
    let unknown = r#"{"z": 1}"#;
    assert_eq!(
        serde_json::from_str::<Choice>(unknown).unwrap(),
        Choice::Unknown("z".into())
    );
    let lenient = from_json_with::<Choice>(unknown.as_bytes(), Strictness::Lenient);
    assert_eq!(lenient.unwrap(), Choice::Unknown("z".into()));
    let error = from_json_with::<Choice>(unknown.as_bytes(), Strictness::Strict).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("`z`: union `Choice` has no member `z`"),
        "{error}"
    );
    let offset = r#"{"date_time": "2019-12-16T22:48:18-01:00"}"#;
    assert!(serde_json::from_str::<Times>(offset).is_ok());
    assert!(from_json_with::<Times>(offset.as_bytes(), Strictness::Lenient).is_ok());
    let error = from_json_with::<Times>(offset.as_bytes(), Strictness::Strict).unwrap_err();
    assert!(error.to_string().contains("must end in `Z`"), "{error}");
    assert_eq!(error.path(), "date_time");
    let utc = r#"{"date_time": "2019-12-16T23:48:18z"}"#;
    assert!(from_json_with::<Times>(utc.as_bytes(), Strictness::Strict).is_ok());
    // Strictness belongs to the reader: plain serde_json, after a strict read, is lenient.
    assert!(serde_json::from_str::<Choice>(unknown).is_ok());
    // A value read through another deserializer (a `serde_json::Value`) reads alike.
    let value: serde_json::Value = serde_json::from_str(offset).unwrap();
    assert!(crate::codec::from_json_value::<Times>(value).is_ok());
}
