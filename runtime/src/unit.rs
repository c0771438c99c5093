//! [`Unit`]: the value of a union member that targets `smithy.api#Unit`.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// The value of a member targeting `smithy.api#Unit` (a union variant that carries no data).
/// Its JSON form is an empty object, `{}`; reading accepts any object and ignores its members.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Unit;

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0))?.end()
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Empty;
        impl<'de> Visitor<'de> for Empty {
            type Value = Unit;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object (the unit value, `{}`)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unit, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Unit)
            }
        }
        deserializer.deserialize_map(Empty)
    }
}

#[cfg(test)]
mod tests {
    use super::Unit;

    #[test]
    fn unit_is_an_empty_object_both_ways() {
        assert_eq!(serde_json::to_string(&Unit).unwrap(), "{}");
        assert_eq!(
            serde_json::from_str::<Unit>(r#"{"ignored": 1}"#).unwrap(),
            Unit
        );
        assert!(serde_json::from_str::<Unit>("1").is_err());
    }
}
