//! Reading one JSON AST document into raw shapes: structure is checked, meaning is not.
//!
//! Every problem becomes a [`Diagnostic`] naming the file, the shape and the member; reading goes
//! on after a problem so that one pass reports everything.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::diagnostics::{Diagnostic, Sink};
use super::ShapeId;

mod raw;

pub use raw::Source;
pub(crate) use raw::{
    IdlVersion, RawApply, RawFile, RawMember, RawShape, RawTraits, LIFECYCLE, SIMPLE,
};

/// Reads a JSON AST file's text; malformed JSON is reported with its line and column.
pub(crate) fn read_json(source: &Source, sink: &mut Sink) -> Option<Value> {
    match super::numbers::parse_json(&source.text) {
        Ok(v) => Some(v),
        Err(e) => {
            sink.push(Diagnostic {
                file: Some(source.name.clone()),
                position: Some((e.line(), e.column())),
                shape: None,
                message: format!("malformed JSON: {e}"),
            });
            None
        }
    }
}

/// Reads one JSON AST document, from a JSON file or from the IDL front end, into raw shapes.
/// Problems go to `sink`, naming the file `name`; what could be read is returned.
pub(crate) fn parse_value(name: &str, root: Value, sink: &mut Sink) -> Option<RawFile> {
    let file: Arc<str> = name.into();
    let Value::Object(mut root) = root else {
        sink.push(Diagnostic::in_file(
            &file,
            "a model file must be a JSON object",
        ));
        return None;
    };
    let idl = idl_version(&file, &root, sink)?;
    let metadata = match root.remove("metadata") {
        None => Map::new(),
        Some(Value::Object(m)) => m,
        Some(_) => {
            sink.push(Diagnostic::in_file(&file, "`metadata` must be an object"));
            Map::new()
        }
    };
    for key in root
        .keys()
        .filter(|k| !["smithy", "shapes"].contains(&k.as_str()))
    {
        sink.push(Diagnostic::in_file(
            &file,
            format!("unexpected top-level key `{key}`"),
        ));
    }
    let mut out = RawFile {
        name: file.clone(),
        metadata,
        shapes: Vec::new(),
        applies: Vec::new(),
    };
    let shapes = match root.remove("shapes") {
        None => return Some(out),
        Some(Value::Object(m)) => m,
        Some(_) => {
            sink.push(Diagnostic::in_file(
                &file,
                "`shapes` must be an object keyed by shape id",
            ));
            return Some(out);
        }
    };
    for (key, value) in shapes {
        read_entry(&mut out, key, value, idl, sink);
    }
    Some(out)
}

/// The IDL version a JSON AST document declares (its `smithy` key).
fn idl_version(file: &Arc<str>, root: &Map<String, Value>, sink: &mut Sink) -> Option<IdlVersion> {
    match root.get("smithy") {
        Some(Value::String(v)) if v == "2" || v == "2.0" => Some(IdlVersion::V2),
        Some(Value::String(v)) if v == "1" || v == "1.0" => Some(IdlVersion::V1),
        Some(other) => {
            sink.push(Diagnostic::in_file(
                file,
                format!("unsupported `smithy` version {other}; use \"2.0\""),
            ));
            None
        }
        None => {
            sink.push(Diagnostic::in_file(
                file,
                "missing the `smithy` version key; add \"smithy\": \"2.0\"",
            ));
            None
        }
    }
}

/// Reads the entry `key` of a document's `shapes` into `out`: a shape or an `apply`.
fn read_entry(out: &mut RawFile, key: String, value: Value, idl: IdlVersion, sink: &mut Sink) {
    let file = out.name.clone();
    let id = match key.parse::<ShapeId>() {
        Ok(id) => id,
        Err(e) => {
            sink.push(Diagnostic::in_file(&file, e.to_string()));
            return;
        }
    };
    let mut cx = Cx {
        file: &file,
        shape: &id,
        sink: &mut *sink,
    };
    let Value::Object(body) = value else {
        cx.error(&id, "a shape must be a JSON object");
        return;
    };
    if body.get("type").and_then(Value::as_str) == Some("apply") {
        if let Some(traits) = cx.apply_traits(&body) {
            out.applies.push(RawApply {
                file: file.clone(),
                target: id,
                traits,
            });
        }
        return;
    }
    if id.member().is_some() {
        cx.error(
            &id,
            "only `apply` entries may use a member id as a key; define the member inside its shape",
        );
        return;
    }
    if let Some(shape) = cx.shape(body, idl) {
        out.shapes.push((id, shape));
    }
}

/// The shape types a JSON AST may name besides the [`SIMPLE`] ones (`apply` included).
const OTHER_TYPES: &[&str] = &[
    "enum",
    "intEnum",
    "structure",
    "union",
    "list",
    "set",
    "map",
    "service",
    "operation",
    "resource",
    "apply",
];

/// The keys a shape of type `kind` may have besides `type`, `traits` and `mixins`; `None` for
/// an unknown type.
fn allowed_keys(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        k if SIMPLE.contains(&k) => &[],
        "enum" | "intEnum" | "structure" | "union" => &["members"],
        "list" | "set" => &["member"],
        "map" => &["key", "value"],
        "service" => &["version", "operations", "resources", "errors", "rename"],
        "operation" => &["input", "output", "errors"],
        "resource" => &[
            "identifiers",
            "properties",
            "create",
            "put",
            "read",
            "update",
            "delete",
            "list",
            "operations",
            "collectionOperations",
            "resources",
        ],
        _ => return None,
    })
}

/// Context for reading one shape: where problems are reported.
struct Cx<'a> {
    file: &'a Arc<str>,
    shape: &'a ShapeId,
    sink: &'a mut Sink,
}

impl Cx<'_> {
    fn error(&mut self, at: &ShapeId, message: impl Into<String>) {
        self.sink.at(self.file, at, message);
    }

    fn apply_traits(&mut self, body: &Map<String, Value>) -> Option<RawTraits> {
        let shape = self.shape.clone();
        for key in body
            .keys()
            .filter(|k| !["type", "traits"].contains(&k.as_str()))
        {
            self.error(
                &shape,
                format!("unexpected key `{key}` in an `apply` entry (only `traits` is allowed)"),
            );
        }
        self.traits(&shape, body.get("traits"))
    }

    fn shape(&mut self, mut body: Map<String, Value>, idl: IdlVersion) -> Option<RawShape> {
        let id = self.shape.clone();
        let kind = match body.remove("type") {
            Some(Value::String(k)) => k,
            _ => {
                self.error(&id, "missing the `type` key");
                return None;
            }
        };
        let Some(allowed) = allowed_keys(&kind) else {
            let types = SIMPLE.iter().chain(OTHER_TYPES).copied();
            let hint = super::diagnostics::did_you_mean(&kind, types);
            self.error(&id, format!("unknown shape type `{kind}`{hint}"));
            return None;
        };
        let traits = self
            .traits(&id, body.remove("traits").as_ref())
            .unwrap_or_default();
        let mixins = self.refs(&id, "mixins", body.remove("mixins").as_ref());
        for key in body.keys().filter(|k| !allowed.contains(&k.as_str())) {
            self.error(&id, format!("unexpected key `{key}` for a `{kind}` shape"));
        }
        let mut shape = RawShape {
            mixins,
            ..RawShape::new(self.file.clone(), idl, kind.clone(), traits)
        };
        self.shape_body(&mut shape, &kind, &body);
        Some(shape)
    }

    /// Reads the keys of a shape of type `kind` other than `type`, `traits` and `mixins`.
    fn shape_body(&mut self, shape: &mut RawShape, kind: &str, body: &Map<String, Value>) {
        let id = self.shape.clone();
        match kind {
            "enum" | "intEnum" | "structure" | "union" => self.members(shape, body.get("members")),
            "list" | "set" => self.fixed_members(shape, body, &["member"]),
            "map" => self.fixed_members(shape, body, &["key", "value"]),
            "service" => {
                shape.version = match body.get("version") {
                    None => None,
                    Some(Value::String(v)) => Some(v.clone()),
                    Some(_) => {
                        self.error(&id, "`version` must be a string");
                        None
                    }
                };
                shape.operations = self.refs(&id, "operations", body.get("operations"));
                shape.resources = self.refs(&id, "resources", body.get("resources"));
                shape.errors = self.refs(&id, "errors", body.get("errors"));
                shape.rename = self.rename(&id, body.get("rename"));
            }
            "operation" => {
                shape.input = self.one_ref(&id, "input", body.get("input"));
                shape.output = self.one_ref(&id, "output", body.get("output"));
                shape.errors = self.refs(&id, "errors", body.get("errors"));
            }
            "resource" => {
                shape.identifiers = self.named_refs(&id, "identifiers", body.get("identifiers"));
                shape.properties = self.named_refs(&id, "properties", body.get("properties"));
                for key in LIFECYCLE {
                    if let Some(target) = self.one_ref(&id, key, body.get(key)) {
                        shape.lifecycle.push((key, target));
                    }
                }
                shape.operations = self.refs(&id, "operations", body.get("operations"));
                shape.collection_operations = self.refs(
                    &id,
                    "collectionOperations",
                    body.get("collectionOperations"),
                );
                shape.resources = self.refs(&id, "resources", body.get("resources"));
            }
            _ => {}
        }
    }

    fn members(&mut self, shape: &mut RawShape, value: Option<&Value>) {
        let id = self.shape.clone();
        match value {
            None => {}
            Some(Value::Object(members)) => {
                for (name, member) in members {
                    if let Some(m) = self.member(&id, name, member) {
                        shape.members.push(m);
                    }
                }
            }
            Some(_) => self.error(&id, "`members` must be an object keyed by member name"),
        }
    }

    fn fixed_members(&mut self, shape: &mut RawShape, body: &Map<String, Value>, names: &[&str]) {
        let id = self.shape.clone();
        for name in names {
            match body.get(*name) {
                Some(member) => {
                    if let Some(m) = self.member(&id, name, member) {
                        shape.members.push(m);
                    }
                }
                None if shape.mixins.is_empty() => {
                    self.error(
                        &id,
                        format!("a `{}` shape needs a `{name}` key", shape.kind),
                    );
                }
                None => {}
            }
        }
    }

    fn member(&mut self, id: &ShapeId, name: &str, value: &Value) -> Option<RawMember> {
        if !super::shape_id::is_identifier(name) {
            self.error(id, format!("`{name}` is not a valid member name"));
            return None;
        }
        let member_id = id.with_member(name);
        let Value::Object(body) = value else {
            self.error(&member_id, "a member must be an object with a `target`");
            return None;
        };
        for key in body
            .keys()
            .filter(|k| !["target", "traits"].contains(&k.as_str()))
        {
            self.error(&member_id, format!("unexpected key `{key}` in a member"));
        }
        let target = self.one_ref(&member_id, "target", body.get("target"));
        let traits = self
            .traits(&member_id, body.get("traits"))
            .unwrap_or_default();
        match target {
            Some(target) => Some(RawMember {
                name: name.to_string(),
                target,
                traits,
            }),
            None => {
                if body.get("target").is_none() {
                    self.error(&member_id, "missing `target`");
                }
                None
            }
        }
    }

    fn traits(&mut self, at: &ShapeId, value: Option<&Value>) -> Option<RawTraits> {
        match value {
            None => Some(RawTraits::new()),
            Some(Value::Object(map)) => {
                let mut traits = RawTraits::new();
                for (key, value) in map {
                    match key.parse::<ShapeId>() {
                        Ok(trait_id) if trait_id.member().is_none() => {
                            traits.insert(trait_id, value.clone());
                        }
                        _ => self.error(at, format!("trait key `{key}` must be an absolute shape id such as `smithy.api#documentation`")),
                    }
                }
                Some(traits)
            }
            Some(_) => {
                self.error(at, "`traits` must be an object keyed by trait id");
                None
            }
        }
    }

    /// A shape reference: `{"target": "ns#Name"}` (or the bare target string for `target`).
    fn one_ref(&mut self, at: &ShapeId, key: &str, value: Option<&Value>) -> Option<ShapeId> {
        let text = match value {
            None => return None,
            Some(Value::String(s)) if key == "target" => s.as_str(),
            Some(Value::Object(o)) if key != "target" => {
                match o.get("target") {
                    Some(Value::String(s)) => s.as_str(),
                    _ => {
                        self.error(at, format!("`{key}` must be a reference of the form {{\"target\": \"ns#Name\"}}"));
                        return None;
                    }
                }
            }
            Some(_) if key == "target" => {
                self.error(at, "`target` must be a shape id string");
                return None;
            }
            Some(_) => {
                self.error(
                    at,
                    format!("`{key}` must be a reference of the form {{\"target\": \"ns#Name\"}}"),
                );
                return None;
            }
        };
        match text.parse::<ShapeId>() {
            Ok(id) if id.member().is_none() => Some(id),
            Ok(_) => {
                self.error(
                    at,
                    format!("`{key}` must name a shape, not the member `{text}`"),
                );
                None
            }
            Err(e) => {
                self.error(at, format!("`{key}`: {e}"));
                None
            }
        }
    }

    fn refs(&mut self, at: &ShapeId, key: &str, value: Option<&Value>) -> Vec<ShapeId> {
        match value {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|v| self.one_ref(at, key, Some(v)))
                .collect(),
            Some(_) => {
                self.error(
                    at,
                    format!("`{key}` must be a list of {{\"target\": …}} references"),
                );
                Vec::new()
            }
        }
    }

    fn named_refs(
        &mut self,
        at: &ShapeId,
        key: &str,
        value: Option<&Value>,
    ) -> Vec<(String, ShapeId)> {
        match value {
            None => Vec::new(),
            Some(Value::Object(map)) => map
                .iter()
                .filter_map(|(name, v)| Some((name.clone(), self.one_ref(at, key, Some(v))?)))
                .collect(),
            Some(_) => {
                self.error(
                    at,
                    format!("`{key}` must be an object of name → {{\"target\": …}}"),
                );
                Vec::new()
            }
        }
    }

    fn rename(&mut self, at: &ShapeId, value: Option<&Value>) -> BTreeMap<ShapeId, String> {
        let mut out = BTreeMap::new();
        match value {
            None => {}
            Some(Value::Object(map)) => {
                for (from, to) in map {
                    match (from.parse::<ShapeId>(), to) {
                        (Ok(from), Value::String(to)) if super::shape_id::is_identifier(to) => {
                            out.insert(from, to.clone());
                        }
                        (Err(e), _) => self.error(at, format!("`rename` key: {e}")),
                        _ => self.error(
                            at,
                            format!("`rename` of `{from}` must be a valid shape name string"),
                        ),
                    }
                }
            }
            Some(_) => self.error(at, "`rename` must be an object of shape id → new name"),
        }
        out
    }
}
