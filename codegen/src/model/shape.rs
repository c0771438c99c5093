//! The validated model: shapes with typed traits and resolved references.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{ShapeId, Traits};

/// A shape of the model.
///
/// Two shapes are equal when everything but [`Shape::file`] is: a model read from IDL equals the
/// same model read from its JSON AST.
#[derive(Clone, Debug)]
pub struct Shape {
    /// Its absolute id.
    pub id: ShapeId,
    /// What kind of shape it is, with its kind-specific parts.
    pub kind: ShapeKind,
    /// Its traits (inline, applied, and inherited from mixins).
    pub traits: Traits,
    /// The mixins it names, in order. Their members and traits are already flattened into
    /// [`Shape::kind`] and [`Shape::traits`]; the list says where they came from.
    pub mixins: Vec<ShapeId>,
    /// The file that defined it (`<prelude>` for prelude shapes).
    pub file: Arc<str>,
}

impl PartialEq for Shape {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.kind == other.kind
            && self.traits == other.traits
            && self.mixins == other.mixins
    }
}

/// The simple (scalar) shape types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Simple {
    /// `blob`
    Blob,
    /// `boolean`
    Boolean,
    /// `string`
    String,
    /// `byte`
    Byte,
    /// `short`
    Short,
    /// `integer`
    Integer,
    /// `long`
    Long,
    /// `float`
    Float,
    /// `double`
    Double,
    /// `bigInteger`
    BigInteger,
    /// `bigDecimal`
    BigDecimal,
    /// `timestamp`
    Timestamp,
    /// `document`
    Document,
}

impl Simple {
    /// Every simple type, with its AST `type` name.
    pub const ALL: [(Simple, &'static str); 13] = [
        (Simple::Blob, "blob"),
        (Simple::Boolean, "boolean"),
        (Simple::String, "string"),
        (Simple::Byte, "byte"),
        (Simple::Short, "short"),
        (Simple::Integer, "integer"),
        (Simple::Long, "long"),
        (Simple::Float, "float"),
        (Simple::Double, "double"),
        (Simple::BigInteger, "bigInteger"),
        (Simple::BigDecimal, "bigDecimal"),
        (Simple::Timestamp, "timestamp"),
        (Simple::Document, "document"),
    ];

    /// The simple type with this AST name.
    pub fn from_name(name: &str) -> Option<Simple> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
    }

    /// The AST name.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("", |(_, n)| n)
    }

    /// True for the types whose IDL 1.0 unboxed form has a zero default.
    pub fn is_primitive(self) -> bool {
        matches!(
            self,
            Simple::Boolean
                | Simple::Byte
                | Simple::Short
                | Simple::Integer
                | Simple::Long
                | Simple::Float
                | Simple::Double
        )
    }
}

/// The kinds of shapes, with their parts.
// Variants differ in size because members carry typed traits; a model holds a few thousand
// shapes built once, so boxing would only add indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum ShapeKind {
    /// A scalar.
    Simple(Simple),
    /// A string enum (also the IDL 1.0 `enum` trait on a string).
    Enum(Vec<EnumMember>),
    /// An integer enum.
    IntEnum(Vec<EnumMember>),
    /// A list (IDL 1.0 `set` is a list with `uniqueItems`).
    List(Member),
    /// A map.
    Map {
        /// The key member (a string or enum).
        key: Member,
        /// The value member.
        value: Member,
    },
    /// A structure, members in model order.
    Structure(Vec<Member>),
    /// A tagged union, members in model order.
    Union(Vec<Member>),
    /// A service.
    Service(Service),
    /// An operation.
    Operation(Operation),
    /// A resource.
    Resource(Resource),
}

impl ShapeKind {
    /// The AST `type` name of this kind.
    pub fn type_name(&self) -> &'static str {
        match self {
            ShapeKind::Simple(s) => s.name(),
            ShapeKind::Enum(_) => "enum",
            ShapeKind::IntEnum(_) => "intEnum",
            ShapeKind::List(_) => "list",
            ShapeKind::Map { .. } => "map",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Union(_) => "union",
            ShapeKind::Service(_) => "service",
            ShapeKind::Operation(_) => "operation",
            ShapeKind::Resource(_) => "resource",
        }
    }
}

/// A member of an aggregate shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The member name (`member`, `key`, `value` for lists and maps).
    pub name: String,
    /// The targeted shape.
    pub target: ShapeId,
    /// The member's own traits (the target's traits are not copied here).
    pub traits: Traits,
}

/// A member of an `enum` or `intEnum`.
#[derive(Clone, Debug, PartialEq)]
pub struct EnumMember {
    /// The member name.
    pub name: String,
    /// The wire value.
    pub value: super::EnumValue,
    /// The member's traits.
    pub traits: Traits,
}

/// A service shape.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Service {
    /// The service version.
    pub version: String,
    /// Directly bound operations.
    pub operations: Vec<ShapeId>,
    /// Directly bound resources.
    pub resources: Vec<ShapeId>,
    /// Errors every operation of the service may return.
    pub errors: Vec<ShapeId>,
    /// Shape renames inside this service's closure.
    pub rename: BTreeMap<ShapeId, String>,
}

/// An operation shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    /// Input structure (`smithy.api#Unit` when absent).
    pub input: ShapeId,
    /// Output structure (`smithy.api#Unit` when absent).
    pub output: ShapeId,
    /// Modeled errors of the operation itself.
    pub errors: Vec<ShapeId>,
}

/// A resource shape.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resource {
    /// Identifier name → target.
    pub identifiers: Vec<(String, ShapeId)>,
    /// Property name → target.
    pub properties: Vec<(String, ShapeId)>,
    /// Lifecycle operations (`create`, `put`, `read`, `update`, `delete`, `list`).
    pub lifecycle: Vec<(&'static str, ShapeId)>,
    /// Instance operations.
    pub operations: Vec<ShapeId>,
    /// Collection operations.
    pub collection_operations: Vec<ShapeId>,
    /// Child resources.
    pub resources: Vec<ShapeId>,
}

impl Resource {
    /// Every operation bound directly to this resource, lifecycle ones first.
    pub fn all_operations(&self) -> impl Iterator<Item = &ShapeId> {
        self.lifecycle
            .iter()
            .map(|(_, id)| id)
            .chain(&self.operations)
            .chain(&self.collection_operations)
    }
}

impl Shape {
    /// The members of a structure, union, list or map (list: `member`; map: `key`, `value`).
    pub fn members(&self) -> Vec<&Member> {
        match &self.kind {
            ShapeKind::Structure(m) | ShapeKind::Union(m) => m.iter().collect(),
            ShapeKind::List(m) => vec![m],
            ShapeKind::Map { key, value } => vec![key, value],
            _ => Vec::new(),
        }
    }

    /// The member called `name`, if this shape has one.
    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members().into_iter().find(|m| m.name == name)
    }

    /// Every shape id this shape refers to, with the member (if any) that refers to it.
    pub fn references(&self) -> Vec<(Option<&str>, &ShapeId)> {
        let mut out: Vec<(Option<&str>, &ShapeId)> = self
            .members()
            .into_iter()
            .map(|m| (Some(m.name.as_str()), &m.target))
            .collect();
        match &self.kind {
            ShapeKind::Service(s) => out.extend(
                s.operations
                    .iter()
                    .chain(&s.resources)
                    .chain(&s.errors)
                    .map(|t| (None, t)),
            ),
            ShapeKind::Operation(o) => out.extend(
                [&o.input, &o.output]
                    .into_iter()
                    .chain(&o.errors)
                    .map(|t| (None, t)),
            ),
            ShapeKind::Resource(r) => out.extend(
                r.identifiers
                    .iter()
                    .chain(&r.properties)
                    .map(|(_, t)| t)
                    .chain(r.all_operations())
                    .chain(&r.resources)
                    .map(|t| (None, t)),
            ),
            _ => {}
        }
        out
    }
}
