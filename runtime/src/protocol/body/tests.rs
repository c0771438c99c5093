use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Decode, Encode, Plan, Slot};
use crate::protocol::spec::{Location, MemberSpec, ValueKind};
use crate::DateTime;

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Session {
    #[serde(rename = "Id", skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(rename = "CreationTime", skip_serializing_if = "Option::is_none")]
    creation_time: Option<DateTime>,
}

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Page {
    #[serde(rename = "Sessions", default)]
    sessions: Vec<Session>,
    #[serde(rename = "Token", skip_serializing_if = "Option::is_none")]
    token: Option<String>,
}

const HEADER: MemberSpec = MemberSpec {
    key: "Token",
    location: Location::Header("x-token"),
    value: ValueKind::String,
};

fn page() -> Page {
    Page {
        sessions: vec![Session {
            id: Some("s-1".into()),
            creation_time: Some(DateTime::from_secs(1_700_000_000)),
        }],
        token: Some("t".into()),
    }
}

#[test]
fn bound_members_are_handed_back_and_the_rest_written() {
    let plan = Plan {
        bound: &[HEADER],
        extra: None,
    };
    let encoded = page().encode_json(&plan).unwrap();
    assert_eq!(
        String::from_utf8(encoded.body).unwrap(),
        r#"{"Sessions":[{"Id":"s-1","CreationTime":1700000000}]}"#
    );
    assert_eq!(
        encoded.bound,
        json!({"Token": "t"}).as_object().cloned().unwrap()
    );
}

#[test]
fn the_extra_member_is_added_only_when_unset() {
    let plan = Plan {
        bound: &[],
        extra: Some(("Token", "generated")),
    };
    let set = page().encode_json(&plan).unwrap();
    assert!(String::from_utf8(set.body)
        .unwrap()
        .ends_with(r#""Token":"t"}"#));
    let unset = Page::default().encode_json(&plan).unwrap();
    assert_eq!(unset.body, br#"{"Sessions":[],"Token":"generated"}"#);
    // A bound extra member goes where the plan binds it.
    let bound = Plan {
        bound: &[HEADER],
        extra: Some(("Token", "generated")),
    };
    let unset = Page::default().encode_json(&bound).unwrap();
    assert_eq!(unset.bound["Token"], "generated");
}

#[test]
fn maps_and_null_are_structures_and_scalars_are_not() {
    let plan = Plan::default();
    let map = json!({"a": 1}).encode_json(&plan).unwrap();
    assert_eq!(map.body, br#"{"a":1}"#);
    assert_eq!(json!(null).encode_json(&plan).unwrap().body, b"{}");
    for bad in [json!(1), json!("x"), json!([1])] {
        let error = bad.encode_json(&plan).unwrap_err().to_string();
        assert!(error.starts_with("expected a structure"), "{error}");
        assert!(bad.encode_cbor(&plan).is_err());
    }
}

#[test]
fn cbor_maps_have_a_definite_length_unless_members_may_be_added() {
    let definite = page().encode_cbor(&Plan::default()).unwrap();
    assert_eq!(definite.body[0], 0xa2, "a map of two entries");
    let plan = Plan {
        bound: &[],
        extra: Some(("Token", "x")),
    };
    let indefinite = Page::default().encode_cbor(&plan).unwrap();
    assert_eq!(indefinite.body[0], 0xbf);
    assert_eq!(indefinite.body.last(), Some(&0xff));
    let mut read = Slot::<Page>::new();
    read.decode_cbor(&indefinite.body).unwrap();
    assert_eq!(read.take().unwrap().token.as_deref(), Some("x"));
}

#[test]
fn both_formats_round_trip() {
    let mut json = Slot::<Page>::new();
    json.decode_json(&page().encode_json(&Plan::default()).unwrap().body)
        .unwrap();
    assert_eq!(json.take().unwrap(), page());
    let mut cbor = Slot::<Page>::new();
    cbor.decode_cbor(&page().encode_cbor(&Plan::default()).unwrap().body)
        .unwrap();
    assert_eq!(cbor.take().unwrap(), page());
}

#[test]
fn cbor_member_names_may_be_indefinite_length() {
    // {_ (_ "To" "ken"): (_ "t" "ok")}: an indefinite map, key and value in chunks.
    let body = [
        0xbf, 0x7f, 0x62, b'T', b'o', 0x63, b'k', b'e', b'n', 0xff, 0x7f, 0x61, b't', 0x62, b'o',
        b'k', 0xff, 0xff,
    ];
    let mut cbor = Slot::<Page>::new();
    cbor.decode_cbor(&body).unwrap();
    assert_eq!(cbor.take().unwrap().token.as_deref(), Some("tok"));
    // A body that does not decode still says where, with definite lengths or not.
    let wrong = [
        0xbf, 0x7f, 0x62, b'T', b'o', 0x63, b'k', b'e', b'n', 0xff, 0x01, 0xff,
    ];
    let error = Slot::<Page>::new().decode_cbor(&wrong).unwrap_err();
    assert_eq!(error.path(), "Token", "{error}");
}

#[test]
fn empty_bodies_read_as_empty_structures() {
    let mut json = Slot::<Page>::new();
    json.decode_json(b"  ").unwrap();
    assert_eq!(json.take().unwrap(), Page::default());
    let mut cbor = Slot::<Page>::new();
    cbor.decode_cbor(b"").unwrap();
    assert_eq!(cbor.take().unwrap(), Page::default());
}

#[test]
fn decoding_errors_name_the_member_path() {
    let mut json = Slot::<Page>::new();
    let error = json
        .decode_json(br#"{"Sessions":[{"Id":"a"},{"CreationTime":"soon"}]}"#)
        .unwrap_err();
    assert_eq!(error.path(), "Sessions[1].CreationTime");
    assert!(
        error
            .to_string()
            .starts_with("`Sessions[1].CreationTime`: invalid type: string"),
        "{error}"
    );

    let bad = json!({"Sessions": [{"Id": 5}]});
    let cbor_body = {
        let mut body = Vec::new();
        ciborium::ser::into_writer(&bad, &mut body).unwrap();
        body
    };
    let mut cbor = Slot::<Page>::new();
    let error = cbor.decode_cbor(&cbor_body).unwrap_err();
    assert_eq!(error.path(), "Sessions[0].Id");

    let mut trailing = cbor_body.clone();
    trailing.push(0x01);
    let mut cbor = Slot::<serde_json::Value>::new();
    let error = cbor.decode_cbor(&trailing).unwrap_err();
    assert!(
        error.to_string().contains("1 bytes after the CBOR value"),
        "{error}"
    );

    let mut json = Slot::<Page>::new();
    let error = json.decode_json(br#"{"Sessions":[]} x"#).unwrap_err();
    assert!(error.to_string().contains("trailing characters"), "{error}");
}
