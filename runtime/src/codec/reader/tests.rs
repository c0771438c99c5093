use serde::{Deserialize, Serialize};

use super::{read, Read};
use crate::codec::Strictness;
use crate::validate::{validate, Member, Shape, Value, View};
use crate::DateTime;

/// A structure whose `Part` is required (and has no serde default, so a missing one fails the
/// typed decode, as a nested required structure does).
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Order {
    #[serde(rename = "Id")]
    id: Option<String>,
    #[serde(rename = "Lines", default)]
    lines: Vec<Line>,
    #[serde(rename = "Note")]
    note: Option<String>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Line {
    #[serde(rename = "Part")]
    part: Part,
    #[serde(rename = "Count")]
    count: Option<i32>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Part {
    #[serde(rename = "Sku")]
    sku: String,
}

static PART: Shape = Shape {
    name: "Part",
    members: &[],
};
static LINE: Shape = Shape {
    name: "Line",
    members: &[
        Member {
            key: "Part",
            name: "part",
            required: true,
            value: Value {
                shape: Some(&PART),
                ..Value::NONE
            },
        },
        Member {
            key: "Count",
            name: "count",
            required: false,
            value: Value {
                range: Some((Some("1"), None)),
                ..Value::NONE
            },
        },
    ],
};
static LINE_VALUE: Value = Value {
    shape: Some(&LINE),
    ..Value::NONE
};
static ORDER: Shape = Shape {
    name: "Order",
    members: &[
        Member {
            key: "Lines",
            name: "lines",
            required: false,
            value: Value {
                element: Some(&LINE_VALUE),
                ..Value::NONE
            },
        },
        Member {
            key: "Note",
            name: "note",
            required: false,
            value: Value {
                length: Some((None, Some(3))),
                ..Value::NONE
            },
        },
    ],
};

fn read_json(json: &str) -> Read<Order> {
    let mut de = serde_json::Deserializer::from_str(json);
    read(&mut de, Some(&ORDER), Strictness::Strict)
}

#[test]
fn one_pass_gives_the_value_and_the_wire_form_validation_reads() {
    let json = r#"{"Id": "o-1", "Lines": [{"Part": {"Sku": "a"}, "Count": 0}], "Note": "long", "Other": [1]}"#;
    let read = read_json(json);
    let order = read.value.unwrap();
    assert_eq!(order.lines[0].count, Some(0));
    assert!(!read.missing);
    let view = read.view.unwrap();
    // The view is what a separate decode of the wire form gives, but for unknown members.
    let mut separate: View = serde_json::from_str(json).unwrap();
    if let View::Map(entries) = &mut separate {
        entries.retain(|(key, _)| key != "Other");
    }
    assert_eq!(view, separate);
    let paths: Vec<String> = validate(&ORDER, &view)
        .into_iter()
        .map(|v| v.path)
        .collect();
    assert_eq!(paths, ["/lines/0/count", "/note"]);
}

#[test]
fn a_missing_required_member_is_known_and_the_rest_is_still_read() {
    // The first line lacks its required `Part`: the typed decode stops there, and the reader
    // reads the rest of the request into the view so that every violation is reported.
    let json = r#"{"Lines": [{"Count": 0}, {"Part": {"Sku": "b"}, "Count": -1}], "Note": "long"}"#;
    let read = read_json(json);
    assert!(read.missing);
    assert!(read.value.is_err());
    let view = read.view.unwrap();
    assert_eq!(view, serde_json::from_str::<View>(json).unwrap());
    let paths: Vec<String> = validate(&ORDER, &view)
        .into_iter()
        .map(|v| v.path)
        .collect();
    assert_eq!(
        paths,
        ["/lines/0/part", "/lines/0/count", "/lines/1/count", "/note"]
    );
}

#[test]
fn other_failures_are_not_missing_members_and_name_their_path() {
    let read = read_json(r#"{"Lines": [{"Part": {"Sku": "a"}}, {"Part": {"Sku": 5}}]}"#);
    assert!(!read.missing);
    let error = read.value.unwrap_err();
    assert_eq!(error.path(), "Lines[1].Part.Sku");
    assert!(
        error.message().starts_with("invalid type: integer `5`"),
        "{error}"
    );
    // A required member present as `null` is a type error, as before, not a missing one.
    let read = read_json(r#"{"Lines": [{"Part": null}]}"#);
    assert!(!read.missing);
    assert_eq!(read.value.unwrap_err().path(), "Lines[0].Part");
}

#[test]
fn cbor_tags_and_byte_strings_are_read_through() {
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Stamped {
        at: DateTime,
        data: crate::Blob,
    }
    let value = Stamped {
        at: DateTime::from_secs(1_576_540_098),
        data: crate::Blob::new(b"abc"),
    };
    let mut body = Vec::new();
    ciborium::ser::into_writer(&value, &mut body).unwrap();

    #[derive(Debug)]
    struct Checked(Read<Stamped>);
    impl<'de> Deserialize<'de> for Checked {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(Checked(read(d, None, Strictness::Strict)))
        }
    }
    let Checked(read) = ciborium::de::from_reader(body.as_slice()).unwrap();
    assert_eq!(read.value.unwrap(), value);
    let view = read.view.unwrap();
    assert_eq!(
        view,
        ciborium::de::from_reader::<View, _>(body.as_slice()).unwrap()
    );
    // The tag's content, not the tag.
    assert_eq!(view.get("at"), Some(&View::Float(1_576_540_098.0)));
    assert_eq!(view.get("data"), Some(&View::Bytes(3)));
}
