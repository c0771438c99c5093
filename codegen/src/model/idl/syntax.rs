//! What the parser reads from one IDL file, before names are resolved: shapes, members, traits
//! and node values, with the position of every name that still needs resolving.

use std::collections::BTreeMap;

use super::lexer::Pos;
use crate::model::ShapeId;

/// A shape id as written (relative or absolute, maybe with a `$member`), and where.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ref {
    pub text: String,
    pub pos: Pos,
}

/// A node value. Unquoted strings are syntactic shape ids, resolved later.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    /// A number literal as written.
    Number(String),
    Str(String),
    /// An unquoted string: a shape id.
    Id(Ref),
    Array(Vec<Node>),
    /// Key, where the key is, value; in written order.
    Object(Vec<(String, Pos, Node)>),
}

/// A trait application: `@id(value)`. `@id` and `@id()` have no value (`None`): it becomes `[]`
/// for a list-shaped trait and `{}` for any other, once the trait's shape is known.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TraitDef {
    pub id: Ref,
    pub value: Option<Node>,
}

/// A member's target: written, or elided (`$name`) and taken from a resource or a mixin.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Target {
    Id(Ref),
    Elided,
}

/// A member of an aggregate or enum shape.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MemberDef {
    pub name: String,
    pub pos: Pos,
    pub target: Target,
    /// Documentation comment and traits, in written order; `= value` as `default` (or
    /// `enumValue`) last.
    pub traits: Vec<TraitDef>,
}

/// A shape statement (inline input and output structures become shapes of their own).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ShapeDef {
    pub name: String,
    pub pos: Pos,
    /// The shape type keyword (`structure`, `string`, `set`…).
    pub kind: String,
    pub traits: Vec<TraitDef>,
    pub mixins: Vec<Ref>,
    /// `for Resource`: where elided members look for their target first.
    pub resource: Option<Ref>,
    pub members: Vec<MemberDef>,
    /// Service, resource and operation properties: key, where, value.
    pub properties: Vec<(String, Pos, Node)>,
}

/// An `apply` statement.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ApplyDef {
    pub target: Ref,
    pub traits: Vec<TraitDef>,
}

/// One parsed IDL file.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct IdlFile {
    /// The `$version` given (`"1.0"` when there is none, as the Smithy IDL specifies).
    pub version: String,
    pub metadata: Vec<(String, Pos, Node)>,
    pub namespace: Option<String>,
    /// Imported name → absolute id.
    pub uses: BTreeMap<String, ShapeId>,
    pub shapes: Vec<ShapeDef>,
    pub applies: Vec<ApplyDef>,
}
