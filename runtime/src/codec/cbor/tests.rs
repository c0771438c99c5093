#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use ciborium::Value;
use serde::Deserialize;

use super::{from_slice, Deserializer, MAX_DEPTH};
use crate::{Blob, DateTime};

/// `value` written by ciborium.
fn cbor(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::ser::into_writer(value, &mut out).unwrap();
    out
}

/// Both readers give the same `ciborium::Value` for `bytes`.
fn same_as_ciborium(bytes: &[u8]) {
    let ours: Value = from_slice(bytes).unwrap();
    let theirs: Value = ciborium::de::from_reader(bytes).unwrap();
    // Debug forms, so that NaN equals NaN.
    assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{bytes:02x?}");
}

#[test]
fn reads_what_ciborium_reads() {
    let samples: &[&[u8]] = &[
        &[0x00],
        &[0x17],
        &[0x18, 0x18],
        &[0x19, 0x01, 0x00],
        &[0x1a, 0x00, 0x01, 0x00, 0x00],
        &[0x1b, 0, 0, 0, 1, 0, 0, 0, 0],
        &[0x20],
        &[0x38, 0x63],
        &[0x3b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
        &[0xf9, 0x3c, 0x00],
        &[0xf9, 0x7c, 0x00],
        &[0xf9, 0x7e, 0x00],
        &[0xfa, 0x47, 0xc3, 0x50, 0x00],
        &[0xfb, 0x3f, 0xf1, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a],
        &[0xf4],
        &[0xf5],
        &[0xf6],
        &[0x43, 1, 2, 3],
        &[0x5f, 0x41, 1, 0x42, 2, 3, 0xff],
        &[0x63, b'a', b'b', b'c'],
        &[0x7f, 0x61, b'a', 0x62, b'b', b'c', 0xff],
        &[0x83, 1, 2, 3],
        &[0x9f, 1, 0x9f, 0xff, 0xff],
        &[0xa1, 0x61, b'k', 0x01],
        &[0xbf, 0x61, b'k', 0x9f, 0xff, 0xff],
        &[0xc1, 0xfb, 0x41, 0xd9, 0x54, 0xfc, 0x40, 0x07, 0xdf, 0x3b],
        &[0xc2, 0x42, 0x01, 0x00],
        &[0xc3, 0x41, 0x00],
        &[0xd8, 0x20, 0x63, b'u', b'r', b'l'],
    ];
    for sample in samples {
        same_as_ciborium(sample);
    }
}

#[derive(Debug, Deserialize, PartialEq)]
struct Record {
    #[serde(rename = "Name")]
    name: Option<String>,
    #[serde(rename = "Count")]
    count: Option<i32>,
    #[serde(rename = "Tags")]
    tags: Option<Vec<String>>,
    #[serde(rename = "At")]
    at: Option<DateTime>,
    #[serde(rename = "Data")]
    data: Option<Blob>,
    #[serde(rename = "Scores")]
    scores: Option<BTreeMap<String, f64>>,
}

#[test]
fn reads_structures_with_definite_and_indefinite_lengths() {
    let expected = Record {
        name: Some("ab".into()),
        count: Some(-3),
        tags: Some(vec!["x".into(), "yz".into()]),
        at: Some(DateTime::from_secs(1_515_531_081)),
        data: Some(Blob::new(vec![1, 2, 3])),
        scores: Some(BTreeMap::from([("a".to_owned(), 1.5)])),
    };
    let definite = cbor(&Value::Map(vec![
        (Value::Text("Name".into()), Value::Text("ab".into())),
        (Value::Text("Count".into()), Value::Integer((-3).into())),
        (
            Value::Text("Tags".into()),
            Value::Array(vec![Value::Text("x".into()), Value::Text("yz".into())]),
        ),
        (
            Value::Text("At".into()),
            Value::Tag(1, Box::new(Value::Integer(1_515_531_081.into()))),
        ),
        (Value::Text("Data".into()), Value::Bytes(vec![1, 2, 3])),
        (
            Value::Text("Scores".into()),
            Value::Map(vec![(Value::Text("a".into()), Value::Float(1.5))]),
        ),
    ]));
    assert_eq!(from_slice::<Record>(&definite).unwrap(), expected);

    let mut indefinite = vec![0xbf];
    // "Name": "a" "b" in chunks; member names in chunks too.
    indefinite.extend([0x7f, 0x62, b'N', b'a', 0x62, b'm', b'e', 0xff]);
    indefinite.extend([0x7f, 0x61, b'a', 0x61, b'b', 0xff]);
    indefinite.extend([0x65, b'C', b'o', b'u', b'n', b't', 0x22]);
    indefinite.extend([0x64, b'T', b'a', b'g', b's', 0x9f, 0x61, b'x']);
    indefinite.extend([0x7f, 0x61, b'y', 0x61, b'z', 0xff, 0xff]);
    indefinite.extend([0x62, b'A', b't', 0xc1, 0x1a, 0x5a, 0x55, 0x2b, 0x49]);
    indefinite.extend([
        0x64, b'D', b'a', b't', b'a', 0x5f, 0x41, 1, 0x42, 2, 3, 0xff,
    ]);
    // 1.5 as a half float.
    indefinite.extend([0x66, b'S', b'c', b'o', b'r', b'e', b's', 0xbf, 0x61, b'a']);
    indefinite.extend([0xf9, 0x3e, 0x00, 0xff, 0xff]);
    assert_eq!(from_slice::<Record>(&indefinite).unwrap(), expected);
}

#[test]
fn null_and_undefined_are_absent() {
    let body = [
        0xa2, 0x64, b'N', b'a', b'm', b'e', 0xf6, 0x62, b'A', b't', 0xf7,
    ];
    let record: Record = from_slice(&body).unwrap();
    assert_eq!((record.name, record.at), (None, None));
}

#[test]
fn unknown_members_are_read_over() {
    // {"Other": [1, {"x": 1(2.5)}], "Count": 7}
    let body = [
        0xa2, 0x65, b'O', b't', b'h', b'e', b'r', 0x82, 0x01, 0xa1, 0x61, b'x', 0xc1, 0xf9, 0x41,
        0x00, 0x65, b'C', b'o', b'u', b'n', b't', 0x07,
    ];
    assert_eq!(from_slice::<Record>(&body).unwrap().count, Some(7));
}

#[test]
fn member_names_are_matched_as_bytes_and_unknown_ones_skipped_unchecked() {
    // {"Count": 7, <the name 0xff 0xfe, not UTF-8>: 1}
    let body = [
        0xa2, 0x65, b'C', b'o', b'u', b'n', b't', 0x07, 0x62, 0xff, 0xfe, 0x01,
    ];
    assert_eq!(from_slice::<Record>(&body).unwrap().count, Some(7));
    // Read as text (what the path-tracking decode of an error does), the name is refused.
    let mut de = Deserializer::new(&body);
    let error = Record::deserialize(&mut de).unwrap_err().to_string();
    assert!(error.contains("UTF-8"), "{error}");
}

/// Malformed bodies are errors, never panics.
#[test]
fn refuses_malformed_bodies() {
    let cases: &[(&[u8], &str)] = &[
        (&[], "ends"),
        (&[0x18], "ends inside"),
        (&[0x1c], "reserved"),
        (&[0x5f, 0x01, 0xff], "not bytes"),
        (&[0x62, 0xff, 0xfe], "UTF-8"),
        (&[0x7a, 0xff, 0xff, 0xff, 0xff], "ends inside a string"),
        (&[0xff], "break"),
        (&[0x9f, 0x01], "ends"),
        (&[0xf8, 0x10], "simple value"),
        (&[0x01, 0x02], "1 bytes after"),
        (&[0x1f], "indefinite length"),
    ];
    for (body, expected) in cases {
        let error = from_slice::<Value>(body).unwrap_err().to_string();
        assert!(error.contains(expected), "{body:02x?}: {error}");
    }
}

#[test]
fn limits_nesting() {
    let deep = vec![0x81; MAX_DEPTH + 1];
    let error = from_slice::<Value>(&deep).unwrap_err().to_string();
    assert!(error.contains("nested too deeply"), "{error}");
    let mut de = Deserializer::new(&deep);
    assert!(de
        .skip()
        .unwrap_err()
        .to_string()
        .contains("nested too deeply"));
}

#[test]
fn a_type_that_reads_fewer_items_is_an_error() {
    // Three items, read as a pair.
    let error = from_slice::<(u8, u8)>(&[0x83, 1, 2, 3]).unwrap_err();
    assert!(error.to_string().contains("fewer array items"), "{error}");
}

#[test]
fn type_errors_say_what_was_found() {
    let error = from_slice::<Record>(&[0xa1, 0x64, b'N', b'a', b'm', b'e', 0x01]).unwrap_err();
    assert!(
        error.to_string().contains("invalid type: integer `1`"),
        "{error}"
    );
}

#[test]
fn reads_enums_as_names_or_single_entry_maps() {
    #[derive(Debug, Deserialize, PartialEq)]
    enum Choice {
        A,
        B(u8),
    }
    assert_eq!(from_slice::<Choice>(&[0x61, b'A']).unwrap(), Choice::A);
    assert_eq!(
        from_slice::<Choice>(&[0xa1, 0x61, b'B', 0x05]).unwrap(),
        Choice::B(5)
    );
    assert!(from_slice::<Choice>(&[0x61, b'B']).is_err());
}

/// `value` written by the codec's writer.
fn ours<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    super::to_writer(value, &mut out).unwrap();
    out
}

/// The examples of RFC 8949 appendix A that the writer's choices reproduce byte for byte.
#[test]
fn writes_the_encodings_of_rfc_8949_appendix_a() {
    let hex = |bytes: Vec<u8>| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    assert_eq!(hex(ours(&0u8)), "00");
    assert_eq!(hex(ours(&23u8)), "17");
    assert_eq!(hex(ours(&24u8)), "1818");
    assert_eq!(hex(ours(&1000u16)), "1903e8");
    assert_eq!(hex(ours(&1_000_000u32)), "1a000f4240");
    assert_eq!(hex(ours(&1_000_000_000_000u64)), "1b000000e8d4a51000");
    assert_eq!(hex(ours(&u64::MAX)), "1bffffffffffffffff");
    assert_eq!(
        hex(ours(&18_446_744_073_709_551_616u128)),
        "c249010000000000000000"
    );
    assert_eq!(
        hex(ours(&-18_446_744_073_709_551_617i128)),
        "c349010000000000000000"
    );
    assert_eq!(hex(ours(&-1i8)), "20");
    assert_eq!(hex(ours(&-100i32)), "3863");
    assert_eq!(hex(ours(&-1000i64)), "3903e7");
    assert_eq!(hex(ours(&i64::MIN)), "3b7fffffffffffffff");
    assert_eq!(hex(ours(&1.1f64)), "fb3ff199999999999a");
    assert_eq!(hex(ours(&100_000.0f64)), "fa47c35000");
    assert_eq!(hex(ours(&f64::INFINITY)), "f97c00");
    assert_eq!(hex(ours(&f64::NAN)), "f97e00");
    assert_eq!(hex(ours(&f32::NEG_INFINITY)), "f9fc00");
    assert_eq!(hex(ours(&false)), "f4");
    assert_eq!(hex(ours(&true)), "f5");
    assert_eq!(hex(ours(&None::<u8>)), "f6");
    assert_eq!(hex(ours("")), "60");
    assert_eq!(hex(ours("IETF")), "6449455446");
    assert_eq!(hex(ours(&serde_bytes_like(&[1, 2, 3, 4]))), "4401020304");
    assert_eq!(hex(ours(&[1u8, 2, 3])), "83010203");
    assert_eq!(hex(ours(&BTreeMap::<u8, u8>::new())), "a0");
    let time = DateTime::from_secs_and_nanos(1_363_896_240, 500_000_000);
    assert_eq!(hex(ours(&time)), "c1fb41d452d9ec200000");
}

/// Bytes that serialize as a byte string.
fn serde_bytes_like(bytes: &[u8]) -> Blob {
    Blob::new(bytes.to_vec())
}

/// What the writer writes, ciborium reads as what it writes itself (lengths aside: ciborium
/// writes every float in its shortest width, the writer never narrower than single).
#[test]
fn ciborium_reads_what_the_writer_writes() {
    #[derive(serde::Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(u8, String),
        Struct { a: i64 },
    }
    #[derive(serde::Serialize)]
    struct Record {
        name: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        absent: Option<u8>,
        shapes: Vec<Shape>,
        at: DateTime,
        data: Blob,
        ratio: f32,
        map: BTreeMap<String, Option<i32>>,
    }
    let record = Record {
        name: "Ünïcode",
        absent: None,
        shapes: vec![
            Shape::Unit,
            Shape::Newtype(7),
            Shape::Tuple(1, "x".to_owned()),
            Shape::Struct { a: -70_000 },
        ],
        at: DateTime::from_secs(1_700_000_000),
        data: Blob::new(vec![0, 255]),
        ratio: 0.25,
        map: BTreeMap::from([("k".to_owned(), None), ("v".to_owned(), Some(-2))]),
    };
    let theirs = {
        let mut out = Vec::new();
        ciborium::ser::into_writer(&record, &mut out).unwrap();
        out
    };
    let read = |bytes: &[u8]| -> Value { ciborium::de::from_reader(bytes).unwrap() };
    assert_eq!(read(&ours(&record)), read(&theirs));
}

/// Indefinite lengths for what serde does not count, and the reader reads them back.
#[test]
fn unknown_lengths_are_indefinite() {
    struct Unsized;
    impl serde::Serialize for Unsized {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = serializer.serialize_map(None)?;
            map.serialize_key("k")?;
            map.serialize_value(&UnsizedSeq)?;
            map.end()
        }
    }
    struct UnsizedSeq;
    impl serde::Serialize for UnsizedSeq {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            let mut seq = serializer.serialize_seq(None)?;
            seq.serialize_element(&1u8)?;
            seq.end()
        }
    }
    let bytes = ours(&Unsized);
    assert_eq!(bytes, [0xbf, 0x61, b'k', 0x9f, 0x01, 0xff, 0xff]);
    let back: BTreeMap<String, Vec<u8>> = from_slice(&bytes).unwrap();
    assert_eq!(back["k"], [1]);
}

#[test]
fn timestamps_round_trip_through_the_reader() {
    for time in [
        DateTime::from_secs(0),
        DateTime::from_secs(-1),
        DateTime::from_secs_and_nanos(1_700_000_000, 123_000_000),
    ] {
        assert_eq!(from_slice::<DateTime>(&ours(&time)).unwrap(), time);
    }
}

#[test]
fn a_tag_number_must_be_an_unsigned_integer() {
    struct TextTag;
    impl serde::Serialize for TextTag {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeTupleVariant;
            let mut tag = serializer.serialize_tuple_variant("@@TAG@@", 0, "@@TAGGED@@", 2)?;
            tag.serialize_field("one")?;
            tag.serialize_field(&1u8)?;
            tag.end()
        }
    }
    let error = super::to_writer(&TextTag, &mut Vec::new()).unwrap_err();
    assert!(error.to_string().contains("unsigned integer"), "{error}");
}
