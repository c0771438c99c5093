//! Parsed IDL files → JSON AST documents: every relative name resolved, as the Smithy IDL says,
//! against the file's `use` statements, then the shapes defined in the file's namespace by any
//! file being loaded, then the prelude.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use super::elide::Elision;
use super::layout;
use super::lexer::Pos;
use super::syntax::{IdlFile, MemberDef, Node, Ref, ShapeDef, Target, TraitDef};
use crate::model::ast::RawTraits;
use crate::model::diagnostics::{did_you_mean, Diagnostic, Sink};
use crate::model::merge::merge_traits;
use crate::model::{numbers, prelude, ShapeId};

/// The shapes the files being loaded define (`apply` entries aside).
#[derive(Debug, Default)]
pub(super) struct Defined {
    /// Every shape id.
    pub ids: BTreeSet<ShapeId>,
    /// The ids of the list shapes, whose traits take `[]` when applied without a value.
    pub lists: BTreeSet<ShapeId>,
}

/// Where names resolve: the file, its namespace and imports, and every shape id defined by the
/// files being loaded.
pub(super) struct Resolver<'a> {
    file: &'a str,
    namespace: Option<&'a str>,
    uses: &'a BTreeMap<String, ShapeId>,
    known: &'a Defined,
    sink: &'a mut Sink,
    /// The shape or member being converted, for messages.
    at: Option<ShapeId>,
    /// Where each shape, member and `apply` target of the file is written.
    positions: BTreeMap<ShapeId, Pos>,
}

/// One IDL file as a JSON AST document.
pub(super) struct Resolved {
    pub doc: Value,
    /// The elided members whose targets are still to be found (they may come from a mixin or
    /// resource of another file).
    pub elisions: Vec<Elision>,
    /// Where each shape, member and `apply` target of the file is written.
    pub positions: BTreeMap<ShapeId, Pos>,
}

/// A shape of the document being built: its JSON body (without traits) and its traits.
struct Entry {
    body: Map<String, Value>,
    traits: RawTraits,
}

/// The JSON AST document of one IDL file, with what is left to do across files.
pub(super) fn document(file: &str, idl: &IdlFile, known: &Defined, sink: &mut Sink) -> Resolved {
    let no_uses = BTreeMap::new();
    let mut r = Resolver {
        file,
        namespace: None,
        uses: &no_uses,
        known,
        sink,
        at: None,
        positions: BTreeMap::new(),
    };
    // Metadata is outside any namespace: its syntactic shape ids resolve to the prelude.
    let metadata: Map<String, Value> = idl
        .metadata
        .iter()
        .map(|(key, _, node)| (key.clone(), r.value(node)))
        .collect();
    r.namespace = idl.namespace.as_deref();
    r.uses = &idl.uses;
    let mut entries = BTreeMap::new();
    let mut elisions = Vec::new();
    for def in &idl.shapes {
        r.define(def, &mut entries, &mut elisions);
    }
    for apply in &idl.applies {
        r.apply(&apply.target, &apply.traits, &mut entries);
    }
    let shapes: Map<String, Value> = entries
        .into_iter()
        .map(|(id, entry)| (id.to_string(), entry.into_json()))
        .collect();
    Resolved {
        doc: json!({"smithy": idl.version, "metadata": metadata, "shapes": shapes}),
        elisions,
        positions: r.positions,
    }
}

impl Entry {
    fn into_json(mut self) -> Value {
        if !self.traits.is_empty() {
            let traits: Map<String, Value> = self
                .traits
                .into_iter()
                .map(|(id, v)| (id.to_string(), v))
                .collect();
            self.body.insert("traits".into(), Value::Object(traits));
        }
        Value::Object(self.body)
    }
}

/// Resolves a relative or absolute shape id as written; the error says why it does not.
fn resolve_text(
    text: &str,
    namespace: Option<&str>,
    uses: &BTreeMap<String, ShapeId>,
    known: &Defined,
) -> Result<ShapeId, String> {
    if text.contains('#') {
        return text
            .parse()
            .map_err(|e: crate::model::ShapeIdError| e.to_string());
    }
    let (name, member) = match text.split_once('$') {
        Some((name, member)) => (name, Some(member)),
        None => (text, None),
    };
    let local = namespace.and_then(|ns| ShapeId::new(ns, name).ok());
    let root = if let Some(id) = uses.get(name) {
        id.clone()
    } else if let Some(id) = local.filter(|id| known.ids.contains(id)) {
        id
    } else if prelude::names().any(|n| n == name) {
        ShapeId::prelude(name)
    } else {
        let in_namespace = namespace.map_or(String::new(), |ns| {
            format!("no shape `{ns}#{name}` is defined, ")
        });
        let mut candidates: Vec<&str> = known
            .ids
            .iter()
            .filter(|id| Some(id.namespace()) == namespace)
            .map(ShapeId::name)
            .chain(uses.keys().map(String::as_str))
            .collect();
        for name in prelude::names() {
            candidates.push(name);
        }
        let hint = did_you_mean(name, candidates);
        return Err(format!(
            "`{text}` does not resolve: no `use` statement imports `{name}`, {in_namespace}and the prelude has no `{name}`{hint}"
        ));
    };
    Ok(match member {
        Some(m) => root.with_member(m),
        None => root,
    })
}

impl Resolver<'_> {
    fn error(&mut self, pos: Pos, message: String) {
        self.sink.push(Diagnostic {
            file: Some(self.file.to_string()),
            position: Some((pos.line, pos.column)),
            shape: self.at.clone(),
            message,
        });
    }

    /// The absolute id a written shape id names.
    fn resolve(&mut self, r: &Ref) -> Option<ShapeId> {
        match resolve_text(&r.text, self.namespace, self.uses, self.known) {
            Ok(id) => Some(id),
            Err(message) => {
                self.error(r.pos, message);
                None
            }
        }
    }

    /// A shape reference: `{"target": "ns#Name"}` (`null` when it does not resolve: the error is
    /// reported and loading stops before the JSON reader sees it).
    fn reference(&mut self, r: &Ref) -> Value {
        match self.resolve(r) {
            Some(id) => json!({ "target": id.to_string() }),
            None => Value::Null,
        }
    }

    /// A node value as JSON; unquoted strings are shape ids and resolve like any other.
    fn value(&mut self, node: &Node) -> Value {
        match node {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => numbers::number_value(n).unwrap_or_else(|| Value::String(n.clone())),
            Node::Str(s) => Value::String(s.clone()),
            Node::Id(r) => match resolve_text(&r.text, self.namespace, self.uses, self.known) {
                Ok(id) => Value::String(id.to_string()),
                Err(why) => {
                    let message = format!("{why}; an unquoted value is a shape id: quote it (\"{}\") if it is meant as a string", r.text);
                    self.error(r.pos, message);
                    Value::Null
                }
            },
            Node::Array(items) => Value::Array(items.iter().map(|n| self.value(n)).collect()),
            Node::Object(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, _, v)| (k.clone(), self.value(v)))
                    .collect(),
            ),
        }
    }

    /// Trait applications, combined by the Smithy rules (a trait given twice must have equal
    /// values, or list values that concatenate).
    fn traits(&mut self, defs: &[TraitDef], into: &mut RawTraits) {
        for def in defs {
            let Some(id) = self.resolve(&def.id) else {
                continue;
            };
            if id.member().is_some() {
                self.error(
                    def.id.pos,
                    format!("`{}` names a member; a trait is a shape", def.id.text),
                );
                continue;
            }
            let value = match &def.value {
                Some(node) => self.value(node),
                None => self.omitted_value(&id),
            };
            for (trait_id, problem) in merge_traits(into, RawTraits::from([(id, value)])) {
                self.error(def.id.pos, format!("trait `{trait_id}` {problem}"));
            }
        }
    }

    /// The value of a trait applied without one: `[]` for a list-shaped trait (one of the files
    /// defines it as a list, or the prelude does), `{}` for any other.
    fn omitted_value(&self, trait_id: &ShapeId) -> Value {
        let prelude_list = trait_id.is_prelude() && prelude::is_list_trait(trait_id.name());
        if prelude_list || self.known.lists.contains(trait_id) {
            Value::Array(Vec::new())
        } else {
            Value::Object(Map::new())
        }
    }

    fn define(
        &mut self,
        def: &ShapeDef,
        entries: &mut BTreeMap<ShapeId, Entry>,
        elisions: &mut Vec<Elision>,
    ) {
        let Some(id) = self
            .namespace
            .and_then(|ns| ShapeId::new(ns, &def.name).ok())
        else {
            return;
        };
        self.at = Some(id.clone());
        self.positions.insert(id.clone(), def.pos);
        if entries.contains_key(&id) {
            return self.error(
                def.pos,
                format!("`{}` is defined twice in this file", def.name),
            );
        }
        if let Some(imported) = self.uses.get(&def.name) {
            let message = format!(
                "`{}` is also imported by `use {imported}`; rename the shape or drop the `use`",
                def.name
            );
            return self.error(def.pos, message);
        }
        let mut body = Map::new();
        body.insert("type".into(), Value::String(def.kind.clone()));
        if !def.mixins.is_empty() {
            let mixins = def.mixins.iter().map(|m| self.reference(m)).collect();
            body.insert("mixins".into(), Value::Array(mixins));
        }
        self.members(def, &id, &mut body, elisions);
        for (key, pos, node) in &def.properties {
            let value = self.property(key, *pos, node);
            body.insert(key.clone(), value);
        }
        let mut traits = RawTraits::new();
        self.at = Some(id.clone());
        self.traits(&def.traits, &mut traits);
        entries.insert(id, Entry { body, traits });
    }

    /// Members go under `members`, except a list's `member` and a map's `key` and `value`.
    fn members(
        &mut self,
        def: &ShapeDef,
        id: &ShapeId,
        body: &mut Map<String, Value>,
        elisions: &mut Vec<Elision>,
    ) {
        let resource = def.resource.as_ref().and_then(|r| self.resolve(r));
        let mut members = Map::new();
        for m in &def.members {
            let value = self.member(id, m, resource.as_ref(), elisions);
            members.insert(m.name.clone(), value);
        }
        layout::insert_members(body, &def.kind, members);
    }

    fn member(
        &mut self,
        owner: &ShapeId,
        def: &MemberDef,
        resource: Option<&ShapeId>,
        elisions: &mut Vec<Elision>,
    ) -> Value {
        let id = owner.with_member(&def.name);
        self.positions.insert(id.clone(), def.pos);
        self.at = Some(id);
        let mut body = Map::new();
        match &def.target {
            Target::Id(r) => {
                if let Some(target) = self.resolve(r) {
                    body.insert("target".into(), Value::String(target.to_string()));
                }
            }
            Target::Elided => elisions.push(Elision {
                doc: 0,
                file: self.file.to_string(),
                pos: def.pos,
                shape: owner.to_string(),
                member: def.name.clone(),
                resource: resource.map(ShapeId::to_string),
            }),
        }
        let mut traits = RawTraits::new();
        self.traits(&def.traits, &mut traits);
        Entry { body, traits }.into_json()
    }

    /// A service, resource or operation property: references become `{"target": …}`; anything
    /// else is kept as its value (the JSON reader reports keys the shape type does not have).
    fn property(&mut self, key: &str, pos: Pos, node: &Node) -> Value {
        match (key, node) {
            (
                "operations" | "resources" | "errors" | "collectionOperations",
                Node::Array(items),
            ) => Value::Array(items.iter().map(|n| self.reference_node(n, pos)).collect()),
            ("input" | "output" | "create" | "put" | "read" | "update" | "delete" | "list", n) => {
                self.reference_node(n, pos)
            }
            ("identifiers" | "properties", Node::Object(entries)) => Value::Object(
                entries
                    .iter()
                    .map(|(name, pos, n)| (name.clone(), self.reference_node(n, *pos)))
                    .collect(),
            ),
            ("rename", Node::Object(entries)) => Value::Object(
                entries
                    .iter()
                    .map(|(from, pos, to)| {
                        let from = Ref {
                            text: from.clone(),
                            pos: *pos,
                        };
                        let key = self.resolve(&from).map_or(from.text, |id| id.to_string());
                        (key, self.value(to))
                    })
                    .collect(),
            ),
            _ => self.value(node),
        }
    }

    /// A shape id, quoted (found at `pos`) or not, as a reference; any other value as it is.
    fn reference_node(&mut self, node: &Node, pos: Pos) -> Value {
        match node {
            Node::Id(r) => self.reference(r),
            Node::Str(s) => self.reference(&Ref {
                text: s.clone(),
                pos,
            }),
            other => self.value(other),
        }
    }

    /// `apply`: traits for a shape or member. On a shape this file defines they join its own
    /// traits; otherwise they form an `apply` entry (one per target, applications combined).
    fn apply(&mut self, target: &Ref, defs: &[TraitDef], entries: &mut BTreeMap<ShapeId, Entry>) {
        self.at = None;
        let Some(id) = self.resolve(target) else {
            return;
        };
        self.at = Some(id.clone());
        self.positions.entry(id.clone()).or_insert(target.pos);
        let entry = entries.entry(id).or_insert_with(|| Entry {
            body: Map::from_iter([("type".to_string(), Value::from("apply"))]),
            traits: RawTraits::new(),
        });
        let mut traits = std::mem::take(&mut entry.traits);
        self.traits(defs, &mut traits);
        entry.traits = traits;
    }
}

/// Every shape the documents define (`apply` entries aside): JSON documents by their keys, IDL
/// files by their namespace and shape names.
pub(super) fn defined<'a>(
    json: impl Iterator<Item = &'a Value>,
    idl: impl Iterator<Item = &'a IdlFile>,
) -> Defined {
    let mut defined = Defined::default();
    for doc in json {
        let shapes = doc
            .get("shapes")
            .and_then(Value::as_object)
            .into_iter()
            .flatten();
        for (key, body) in shapes {
            let kind = body.get("type").and_then(Value::as_str).unwrap_or_default();
            if let (Ok(id), false) = (key.parse::<ShapeId>(), kind == "apply") {
                defined.add(id, kind);
            }
        }
    }
    for file in idl {
        let Some(ns) = &file.namespace else { continue };
        for shape in &file.shapes {
            if let Ok(id) = ShapeId::new(ns, &shape.name) {
                defined.add(id, &shape.kind);
            }
        }
    }
    defined
}

impl Defined {
    fn add(&mut self, id: ShapeId, kind: &str) {
        if kind == "list" || kind == "set" {
            self.lists.insert(id.clone());
        }
        self.ids.insert(id);
    }
}
