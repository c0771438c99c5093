//! The Smithy prelude shapes that every model may target without defining them.

use std::sync::Arc;

use serde_json::{json, Value};

use super::ast::{IdlVersion, RawShape, RawTraits};
use super::ShapeId;

/// The file name messages use for prelude shapes.
pub const PRELUDE_FILE: &str = "<prelude>";

/// The prelude's simple shapes: `(name, type, default)`.
const SIMPLE: &[(&str, &str, Option<Value>)] = &[
    ("String", "string", None),
    ("Blob", "blob", None),
    ("Boolean", "boolean", None),
    ("Byte", "byte", None),
    ("Short", "short", None),
    ("Integer", "integer", None),
    ("Long", "long", None),
    ("Float", "float", None),
    ("Double", "double", None),
    ("BigInteger", "bigInteger", None),
    ("BigDecimal", "bigDecimal", None),
    ("Timestamp", "timestamp", None),
    ("Document", "document", None),
];

const PRIMITIVE: &[(&str, &str)] = &[
    ("PrimitiveBoolean", "boolean"),
    ("PrimitiveByte", "byte"),
    ("PrimitiveShort", "short"),
    ("PrimitiveInteger", "integer"),
    ("PrimitiveLong", "long"),
    ("PrimitiveFloat", "float"),
    ("PrimitiveDouble", "double"),
];

/// The prelude shapes, as raw shapes of a 2.0 file.
pub(crate) fn shapes() -> Vec<(ShapeId, RawShape)> {
    let file: Arc<str> = PRELUDE_FILE.into();
    let shape = |kind: &str, traits: RawTraits| {
        RawShape::new(file.clone(), IdlVersion::V2, kind.into(), traits)
    };
    let mut out: Vec<(ShapeId, RawShape)> = SIMPLE
        .iter()
        .map(|(name, kind, _)| (ShapeId::prelude(name), shape(kind, RawTraits::new())))
        .collect();
    for (name, kind) in PRIMITIVE {
        let zero = if *kind == "boolean" {
            json!(false)
        } else {
            json!(0)
        };
        let traits = RawTraits::from([(ShapeId::prelude("default"), zero)]);
        out.push((ShapeId::prelude(name), shape(kind, traits)));
    }
    let unit = RawTraits::from([(ShapeId::prelude("unitType"), json!({}))]);
    out.push((ShapeId::prelude("Unit"), shape("structure", unit)));
    out
}

/// `smithy.api#Unit`, the empty input/output/enum-member target.
pub fn unit() -> ShapeId {
    ShapeId::prelude("Unit")
}
