//! Generated crates depend on `smithy-runtime` only; this test declares types exactly the
//! way generated code does, naming serde, serde_json and serde_with only through the
//! runtime's re-exports.

use std::collections::BTreeMap;

use smithy_runtime::{Blob, DateTime, Document};

#[derive(
    ::smithy_runtime::serde::Serialize, ::smithy_runtime::serde::Deserialize, Debug, PartialEq,
)]
#[serde(crate = "::smithy_runtime::serde")]
struct Game {
    #[serde(rename = "GameName")]
    game_name: String,
    #[serde(
        rename = "CreationTime",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    #[serde(
        with = "::smithy_runtime::serde_with::As::<::std::option::Option<::smithy_runtime::codec::DateTimeFormat>>",
        default
    )]
    // Fully qualified, as generated code writes it, with `default`: a missing key is `None`.
    creation_time: ::std::option::Option<DateTime>,
    #[serde(
        rename = "Modified",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    #[serde(
        with = "::smithy_runtime::serde_with::As::<::std::option::Option<::smithy_runtime::codec::HttpDate>>",
        default
    )]
    modified: Option<DateTime>,
    #[serde(
        rename = "Expires",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    expires: Option<DateTime>,
    #[serde(rename = "History", default)]
    #[serde(
        with = "::smithy_runtime::serde_with::As::<::std::vec::Vec<::smithy_runtime::codec::EpochSeconds>>"
    )]
    history: Vec<DateTime>,
    #[serde(
        rename = "Score",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    #[serde(
        with = "::smithy_runtime::serde_with::As::<::std::option::Option<::smithy_runtime::codec::Float>>",
        default
    )]
    score: Option<f64>,
    #[serde(rename = "Weights", default)]
    #[serde(
        with = "::smithy_runtime::serde_with::As::<::std::collections::BTreeMap<::smithy_runtime::serde_with::Same, ::smithy_runtime::codec::Float>>"
    )]
    weights: BTreeMap<String, f32>,
    #[serde(
        rename = "Payload",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    payload: Option<Blob>,
    #[serde(
        rename = "Extra",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    extra: Option<Document>,
    #[serde(
        rename = "Mode",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    mode: Option<Mode>,
}

#[derive(Debug, PartialEq)]
enum Mode {
    Solo(String),
    Team(i32),
    Unknown(String),
}

impl ::smithy_runtime::serde::Serialize for Mode {
    fn serialize<S: ::smithy_runtime::serde::Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        use ::smithy_runtime::serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            Mode::Solo(value) => map.serialize_entry("solo", value)?,
            Mode::Team(value) => map.serialize_entry("team", value)?,
            Mode::Unknown(_) => {
                return Err(::smithy_runtime::serde::ser::Error::custom(
                    "cannot serialize an unknown union variant",
                ))
            }
        }
        map.end()
    }
}

impl ::smithy_runtime::codec::UnionMembers for Mode {
    const NAME: &'static str = "Mode";

    fn read_member<'de, M: ::smithy_runtime::serde::de::MapAccess<'de>>(
        key: &str,
        map: &mut M,
    ) -> Result<Option<Self>, M::Error> {
        Ok(match key {
            "solo" => map.next_value::<Option<String>>()?.map(Mode::Solo),
            "team" => map.next_value::<Option<i32>>()?.map(Mode::Team),
            _ => map
                .next_value::<Option<::smithy_runtime::serde::de::IgnoredAny>>()?
                .map(|_| Mode::Unknown(key.to_owned())),
        })
    }
}

impl<'de> ::smithy_runtime::serde::Deserialize<'de> for Mode {
    fn deserialize<D: ::smithy_runtime::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        ::smithy_runtime::codec::deserialize_union(deserializer)
    }
}

/// A game with every member set.
fn game() -> Game {
    Game {
        game_name: "chess".to_owned(),
        creation_time: Some(DateTime::from_millis(1_576_540_098_123)),
        modified: Some(DateTime::from_secs(1_576_540_098)),
        expires: Some(DateTime::from_secs(1_515_531_081)),
        history: vec![DateTime::from_millis(1_515_531_081_123)],
        score: Some(f64::NAN),
        weights: BTreeMap::from([("a".to_owned(), f32::INFINITY), ("b".to_owned(), 0.5)]),
        payload: Some(Blob::from("hi")),
        extra: Some(::smithy_runtime::serde_json::json!({"any": [1, "json"]})),
        mode: Some(Mode::Team(4)),
    }
}

#[test]
fn round_trips_through_reexports() {
    let game = game();
    let text = ::smithy_runtime::serde_json::to_string(&game).unwrap();
    assert_eq!(
        text,
        concat!(
            r#"{"GameName":"chess","CreationTime":"2019-12-16T23:48:18.123Z","#,
            r#""Modified":"Mon, 16 Dec 2019 23:48:18 GMT","Expires":1515531081,"#,
            r#""History":[1515531081.123],"Score":"NaN","Weights":{"a":"Infinity","b":0.5},"#,
            r#""Payload":"aGk=","Extra":{"any":[1,"json"]},"Mode":{"team":4}}"#
        )
    );
    let back: Game = ::smithy_runtime::serde_json::from_str(&text).unwrap();
    assert!(back.score.is_some_and(f64::is_nan));
    assert_eq!(
        Game {
            score: None,
            ..back
        },
        Game {
            score: None,
            ..game
        }
    );

    let minimal: Game = ::smithy_runtime::serde_json::from_str(
        r#"{"GameName":"go","Mode":{"__type":"x","solo":"me"}}"#,
    )
    .unwrap();
    assert_eq!(minimal.mode, Some(Mode::Solo("me".to_owned())));
    assert_eq!(minimal.creation_time, None);
    assert_eq!(minimal.modified, None);
    assert_eq!(minimal.score, None);
    assert_eq!(
        ::smithy_runtime::serde_json::to_string(&Game {
            mode: None,
            ..minimal
        })
        .unwrap(),
        r#"{"GameName":"go","History":[],"Weights":{}}"#
    );
}

/// The same type through the CBOR form rpcv2Cbor uses: timestamps are tag 1 epoch seconds
/// whatever their `@timestampFormat`, blobs byte strings, floats CBOR floats (NaN included).
#[test]
fn round_trips_through_cbor() {
    use smithy_runtime::protocol::{Decode, Encode, Plan, Slot};

    // NaN is not equal to itself; documents are not part of rpcv2Cbor.
    let game = Game {
        score: Some(f64::INFINITY),
        weights: BTreeMap::from([("a".to_owned(), f32::NEG_INFINITY), ("b".to_owned(), 0.5)]),
        extra: None,
        mode: Some(Mode::Solo("me".to_owned())),
        ..game()
    };
    let encoded = game.encode_cbor(&Plan::default()).unwrap();
    // `CreationTime` (a date-time member) is tag 1 (0xc1) around a double (0xfb).
    let key = b"lCreationTime";
    let at = encoded
        .body
        .windows(key.len())
        .position(|w| w == key)
        .unwrap();
    assert_eq!(encoded.body[at + key.len()..][..2], [0xc1, 0xfb]);
    // The blob is a byte string of length 2 (0x42).
    let key = b"gPayload";
    let at = encoded
        .body
        .windows(key.len())
        .position(|w| w == key)
        .unwrap();
    assert_eq!(encoded.body[at + key.len()..][..3], [0x42, b'h', b'i']);
    let mut back = Slot::<Game>::new();
    back.decode_cbor(&encoded.body).unwrap();
    assert_eq!(back.take().unwrap(), game);
}
