use super::{validate, EnumValues, Member, Shape, Value, View};

static NAME: Value = NAME_VALUE;
static COUNT: Value = COUNT_VALUE;
static TAG: Value = Value {
    enum_values: Some(EnumValues {
        listed: &["red", "blue"],
        internal: &["ultraviolet"],
    }),
    ..Value::NONE
};
static INNER: Shape = Shape {
    name: "Inner",
    members: &[Member {
        key: "Level",
        name: "level",
        required: true,
        value: Value {
            int_enum_values: Some(&[1, 2]),
            ..Value::NONE
        },
    }],
};
static OUTER: Shape = Shape {
    name: "Outer",
    members: &[
        Member {
            key: "Name",
            name: "name",
            required: true,
            value: NAME_VALUE,
        },
        Member {
            key: "Count",
            name: "count",
            required: false,
            value: COUNT_VALUE,
        },
        Member {
            key: "Tags",
            name: "tags",
            required: false,
            value: TAGS_VALUE,
        },
        Member {
            key: "Data",
            name: "data",
            required: false,
            value: BLOB_VALUE,
        },
        Member {
            key: "Limits",
            name: "limits",
            required: false,
            value: LIMITS_VALUE,
        },
        Member {
            key: "Inner",
            name: "inner",
            required: false,
            value: Value {
                shape: Some(&INNER),
                ..Value::NONE
            },
        },
    ],
};
const NAME_VALUE: Value = Value {
    length: Some((Some(1), Some(3))),
    pattern: Some("^[a-z]+$"),
    ..Value::NONE
};
const COUNT_VALUE: Value = Value {
    range: Some((Some("1"), Some("2.5"))),
    ..Value::NONE
};
const TAGS_VALUE: Value = Value {
    unique: true,
    element: Some(&TAG),
    ..Value::NONE
};
const BLOB_VALUE: Value = Value {
    length: Some((None, Some(2))),
    blob: true,
    ..Value::NONE
};
const LIMITS_VALUE: Value = Value {
    key: Some(&NAME),
    element: Some(&COUNT),
    ..Value::NONE
};

fn view(json: serde_json::Value) -> View {
    serde_json::from_value(json).unwrap()
}

fn messages(json: serde_json::Value) -> Vec<String> {
    validate(&OUTER, &view(json))
        .into_iter()
        .map(|v| v.message)
        .collect()
}

#[test]
fn a_valid_value_has_no_violations() {
    let ok = serde_json::json!({
        "Name": "abc", "Count": 2.5, "Tags": ["red", "blue", "ultraviolet"], "Data": "YWI=",
        "Limits": {"ab": 1}, "Inner": {"Level": 2}
    });
    assert_eq!(messages(ok), Vec::<String>::new());
}

#[test]
fn every_violation_is_reported_with_its_path() {
    let bad = serde_json::json!({
        "Name": "ABCD", "Count": 3, "Tags": ["red", "green", "red"], "Data": "YWJj",
        "Limits": {"TOOLONG": 0}, "Inner": {}
    });
    assert_eq!(
        messages(bad),
        [
            "Value with length 4 at '/name' failed to satisfy constraint: Member must have length between 1 and 3, inclusive",
            "Value at '/name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$",
            "Value at '/count' failed to satisfy constraint: Member must be between 1 and 2.5, inclusive",
            "Value at '/tags' failed to satisfy constraint: Member must have unique values",
            "Value at '/tags/1' failed to satisfy constraint: Member must satisfy enum value set: [red, blue]",
            "Value with length 3 at '/data' failed to satisfy constraint: Member must have length less than or equal to 2",
            "Value with length 7 at '/limits' failed to satisfy constraint: Member must have length between 1 and 3, inclusive",
            "Value at '/limits' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$",
            "Value at '/limits/TOOLONG' failed to satisfy constraint: Member must be between 1 and 2.5, inclusive",
            "Value at '/inner/level' failed to satisfy constraint: Member must not be null",
        ]
    );
}

#[test]
fn missing_and_null_required_members_are_violations() {
    assert_eq!(
        messages(serde_json::json!({"Name": null, "Inner": {"Level": 3}})),
        [
            "Value at '/name' failed to satisfy constraint: Member must not be null",
            "Value at '/inner/level' failed to satisfy constraint: Member must satisfy enum value set: [1, 2]",
        ]
    );
}

#[test]
fn cbor_byte_strings_and_tags_are_read_through() {
    let mut body = Vec::new();
    let value = ciborium::Value::Map(vec![
        (
            ciborium::Value::Text("Name".into()),
            ciborium::Value::Text("ab".into()),
        ),
        (
            ciborium::Value::Text("Data".into()),
            ciborium::Value::Bytes(vec![1, 2, 3]),
        ),
        (
            ciborium::Value::Text("Count".into()),
            ciborium::Value::Tag(1, Box::new(ciborium::Value::Float(2.0))),
        ),
    ]);
    ciborium::ser::into_writer(&value, &mut body).unwrap();
    let view: View = ciborium::de::from_reader(body.as_slice()).unwrap();
    let found: Vec<String> = validate(&OUTER, &view)
        .into_iter()
        .map(|v| v.path)
        .collect();
    assert_eq!(found, ["/data"]);
}

static KEYS: Shape = Shape {
    name: "Keys",
    members: &[Member {
        key: "Key",
        name: "key",
        required: false,
        value: Value {
            pattern: Some("^(?!aws:)[a-z:]+$"),
            ..Value::NONE
        },
    }],
};

#[test]
fn lookaround_patterns_use_the_backtracking_engine() {
    assert!(super::compiles("^(?!aws:)[a-z:]+$"));
    assert!(!super::compiles("(unclosed"));
    let check = |key: &str| validate(&KEYS, &view(serde_json::json!({ "Key": key }))).len();
    assert_eq!((check("mine:x"), check("aws:x")), (0, 1));
}

static SHORT_TAGS: Shape = Shape {
    name: "ShortTags",
    members: &[Member {
        key: "Tags",
        name: "tags",
        required: false,
        value: Value {
            length: Some((None, Some(3))),
            unique: true,
            element: Some(&TAG),
            ..Value::NONE
        },
    }],
};

#[test]
fn an_oversized_list_is_refused_by_its_length_alone() {
    let tags: Vec<&str> = std::iter::repeat_n("green", 100_000).collect();
    let found = validate(&SHORT_TAGS, &view(serde_json::json!({ "Tags": tags })));
    let messages: Vec<&str> = found.iter().map(|v| v.message.as_str()).collect();
    assert_eq!(
        messages,
        ["Value with length 100000 at '/tags' failed to satisfy constraint: Member must have length less than or equal to 3"]
    );
}

#[test]
fn violations_stop_one_past_the_cap() {
    let tags: Vec<String> = (0..1000).map(|i| format!("green{i}")).collect();
    let found = validate(
        &OUTER,
        &view(serde_json::json!({ "Name": "a", "Tags": tags })),
    );
    assert_eq!(found.len(), super::MAX_REPORTED + 1);
    assert_eq!(found[0].path, "/tags/0");
}
