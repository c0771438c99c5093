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

/// The traits the Smithy prelude defines. They are not shapes of the loaded model (the loader
/// types the ones it interprets and keeps the others verbatim), but IDL names resolve to them.
const TRAITS: &[&str] = &[
    "addedDefault",
    "auth",
    "authDefinition",
    "box",
    "clientOptional",
    "cors",
    "default",
    "deprecated",
    "documentation",
    "endpoint",
    "enum",
    "enumValue",
    "error",
    "eventHeader",
    "eventPayload",
    "examples",
    "externalDocumentation",
    "hostLabel",
    "http",
    "httpApiKeyAuth",
    "httpBasicAuth",
    "httpBearerAuth",
    "httpChecksumRequired",
    "httpDigestAuth",
    "httpError",
    "httpHeader",
    "httpLabel",
    "httpPayload",
    "httpPrefixHeaders",
    "httpQuery",
    "httpQueryParams",
    "httpResponseCode",
    "idRef",
    "idempotencyToken",
    "idempotent",
    "input",
    "internal",
    "jsonName",
    "length",
    "longPoll",
    "mediaType",
    "metadata",
    "mixin",
    "nestedProperties",
    "noReplace",
    "notProperty",
    "optionalAuth",
    "output",
    "paginated",
    "pattern",
    "private",
    "property",
    "protocolDefinition",
    "range",
    "readonly",
    "recommended",
    "references",
    "requestCompression",
    "required",
    "requiresLength",
    "resourceIdentifier",
    "retryable",
    "sensitive",
    "since",
    "sparse",
    "streaming",
    "suppress",
    "tags",
    "timestampFormat",
    "title",
    "trait",
    "traitValidators",
    "uniqueItems",
    "unitType",
    "unstable",
    "xmlAttribute",
    "xmlFlattened",
    "xmlName",
    "xmlNamespace",
];

/// The prelude traits whose shape is a list: applied without a value (`@tags`), they take `[]`.
const LIST_TRAITS: &[&str] = &["auth", "enum", "examples", "references", "suppress", "tags"];

/// Whether the prelude trait `name` is list-shaped.
pub(crate) fn is_list_trait(name: &str) -> bool {
    LIST_TRAITS.contains(&name)
}

/// The names of every prelude shape and trait: where a relative IDL name that is neither
/// imported nor defined in the file's namespace resolves.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    SIMPLE
        .iter()
        .map(|(n, _, _)| *n)
        .chain(PRIMITIVE.iter().map(|(n, _)| *n))
        .chain(["Unit"])
        .chain(TRAITS.iter().copied())
}

/// `smithy.api#Unit`, the empty input/output/enum-member target.
pub fn unit() -> ShapeId {
    ShapeId::prelude("Unit")
}
