//! The raw forms a model file reads into, before any meaning is checked: [`Source`], and the
//! shapes, members, `apply` blocks and traits of one file.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::super::ShapeId;

/// One model file: its name (used in messages) and its text. A name ending in `.smithy` marks
/// Smithy IDL text; any other name a JSON AST.
#[derive(Clone, Debug)]
pub struct Source {
    /// How messages refer to the file, usually its path.
    pub name: String,
    /// The JSON AST or IDL text.
    pub text: String,
}

impl Source {
    /// A source from a name and its text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    /// Whether the text is Smithy IDL (the name ends in `.smithy`) rather than a JSON AST.
    pub fn is_idl(&self) -> bool {
        self.name.ends_with(".smithy")
    }
}

/// The IDL version a file declares; 1.0 files get the 1.0 → 2.0 interop treatment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IdlVersion {
    V1,
    V2,
}

/// Raw traits of a shape or member, keyed by absolute trait id.
pub(crate) type RawTraits = BTreeMap<ShapeId, Value>;

#[derive(Clone, Debug)]
pub(crate) struct RawMember {
    pub name: String,
    pub target: ShapeId,
    pub traits: RawTraits,
}

/// A shape as written: the type name plus every key the type allows.
#[derive(Clone, Debug)]
pub(crate) struct RawShape {
    pub file: Arc<str>,
    pub idl: IdlVersion,
    pub kind: String,
    /// Structure/union/enum members in model order; `member` for lists and sets; `key`, `value` for maps.
    pub members: Vec<RawMember>,
    pub traits: RawTraits,
    pub mixins: Vec<ShapeId>,
    pub version: Option<String>,
    pub input: Option<ShapeId>,
    pub output: Option<ShapeId>,
    pub errors: Vec<ShapeId>,
    pub operations: Vec<ShapeId>,
    pub collection_operations: Vec<ShapeId>,
    pub resources: Vec<ShapeId>,
    pub rename: BTreeMap<ShapeId, String>,
    pub identifiers: Vec<(String, ShapeId)>,
    pub properties: Vec<(String, ShapeId)>,
    /// Resource lifecycle operations: `create`, `put`, `read`, `update`, `delete`, `list`.
    pub lifecycle: Vec<(&'static str, ShapeId)>,
}

impl RawShape {
    /// A shape of `kind` with `traits` and nothing else: no members, mixins or references.
    pub(crate) fn new(file: Arc<str>, idl: IdlVersion, kind: String, traits: RawTraits) -> Self {
        RawShape {
            file,
            idl,
            kind,
            members: Vec::new(),
            traits,
            mixins: Vec::new(),
            version: None,
            input: None,
            output: None,
            errors: Vec::new(),
            operations: Vec::new(),
            collection_operations: Vec::new(),
            resources: Vec::new(),
            rename: BTreeMap::new(),
            identifiers: Vec::new(),
            properties: Vec::new(),
            lifecycle: Vec::new(),
        }
    }
}

/// An `apply` entry: traits for a shape or member defined elsewhere.
#[derive(Clone, Debug)]
pub(crate) struct RawApply {
    pub file: Arc<str>,
    pub target: ShapeId,
    pub traits: RawTraits,
}

/// A parsed file.
#[derive(Debug)]
pub(crate) struct RawFile {
    pub name: Arc<str>,
    pub metadata: Map<String, Value>,
    pub shapes: Vec<(ShapeId, RawShape)>,
    pub applies: Vec<RawApply>,
}

/// The simple shape type names.
pub(crate) const SIMPLE: &[&str] = &[
    "blob",
    "boolean",
    "string",
    "byte",
    "short",
    "integer",
    "long",
    "float",
    "double",
    "bigInteger",
    "bigDecimal",
    "timestamp",
    "document",
];
pub(crate) const LIFECYCLE: [&str; 6] = ["create", "put", "read", "update", "delete", "list"];
