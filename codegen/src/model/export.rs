//! A loaded model written back out as one Smithy JSON AST document (what `cargo xtask ast`
//! prints). The output depends only on the model, so that a model read from IDL and the same
//! model read from JSON print the same bytes.

use serde_json::{json, Map, Value};

use super::shape::{EnumMember, Member, Operation, Resource, Service, Shape, ShapeKind};
use super::{big_number_text, Model, ShapeId, Traits};

impl Model {
    /// The model as one JSON AST document: `"smithy": "2.0"`, the metadata, and every shape but
    /// the prelude's, sorted by id. `apply` entries are already folded into their shapes; shapes
    /// keep their `mixins` list, with members and traits written as flattened (reading the
    /// document back gives an equal model). Object keys inside trait and metadata values are
    /// sorted: their order means nothing, and equal models must print alike.
    pub fn to_ast(&self) -> Value {
        let shapes: Map<String, Value> = self
            .shapes
            .values()
            .filter(|s| !s.id.is_prelude())
            .map(|s| (s.id.to_string(), shape(s)))
            .collect();
        let mut doc = Map::new();
        doc.insert("smithy".into(), json!("2.0"));
        if !self.metadata.is_empty() {
            doc.insert(
                "metadata".into(),
                canonical(&Value::Object(self.metadata.clone())),
            );
        }
        doc.insert("shapes".into(), Value::Object(shapes));
        Value::Object(doc)
    }

    /// [`Model::to_ast`] as JSON text: four-space indents, a final new line, and numbers beyond
    /// the range of `f64` written as the literals they are.
    pub fn to_ast_text(&self) -> String {
        let mut out = String::new();
        write(&self.to_ast(), 0, &mut out);
        out.push('\n');
        out
    }
}

fn shape(shape: &Shape) -> Value {
    let mut body = Map::new();
    // An IDL 1.0 `@enum` string is typed as an enum but written as it was given.
    let legacy = matches!(shape.kind, ShapeKind::Enum(_)) && shape.traits.legacy_enum.is_some();
    let kind = if legacy {
        "string"
    } else {
        shape.kind.type_name()
    };
    body.insert("type".into(), json!(kind));
    if !shape.mixins.is_empty() {
        body.insert("mixins".into(), refs(&shape.mixins));
    }
    match &shape.kind {
        ShapeKind::Enum(members) | ShapeKind::IntEnum(members) if !legacy => {
            body.insert("members".into(), enum_members(members));
        }
        ShapeKind::List(m) => insert_members(&mut body, None, [m]),
        ShapeKind::Map { key, value } => insert_members(&mut body, None, [key, value]),
        ShapeKind::Structure(m) | ShapeKind::Union(m) => {
            insert_members(&mut body, Some("members"), m)
        }
        ShapeKind::Service(s) => service(s, &mut body),
        ShapeKind::Operation(o) => operation(o, &mut body),
        ShapeKind::Resource(r) => resource(r, &mut body),
        ShapeKind::Simple(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {}
    }
    insert_traits(&mut body, &shape.traits);
    Value::Object(body)
}

/// Members under `members` (`under` given, left out when there are none), or as keys of the
/// shape itself (a list's `member`, a map's `key` and `value`).
fn insert_members<'a>(
    body: &mut Map<String, Value>,
    under: Option<&str>,
    members: impl IntoIterator<Item = &'a Member>,
) {
    let members: Map<String, Value> = members
        .into_iter()
        .map(|m| {
            let mut member = Map::new();
            member.insert("target".into(), json!(m.target.to_string()));
            insert_traits(&mut member, &m.traits);
            (m.name.clone(), Value::Object(member))
        })
        .collect();
    match under {
        Some(key) if !members.is_empty() => {
            body.insert(key.into(), Value::Object(members));
        }
        Some(_) => {}
        None => body.extend(members),
    }
}

fn enum_members(members: &[EnumMember]) -> Value {
    let members = members.iter().map(|m| {
        let mut member = Map::new();
        member.insert("target".into(), json!(super::unit().to_string()));
        insert_traits(&mut member, &m.traits);
        (m.name.clone(), Value::Object(member))
    });
    Value::Object(members.collect())
}

fn insert_traits(body: &mut Map<String, Value>, traits: &Traits) {
    if !traits.raw.is_empty() {
        let traits = traits
            .raw
            .iter()
            .map(|(id, v)| (id.to_string(), canonical(v)))
            .collect();
        body.insert("traits".into(), Value::Object(traits));
    }
}

fn reference(id: &ShapeId) -> Value {
    json!({ "target": id.to_string() })
}

fn refs(ids: &[ShapeId]) -> Value {
    Value::Array(ids.iter().map(reference).collect())
}

fn named_refs(named: &[(String, ShapeId)]) -> Value {
    Value::Object(
        named
            .iter()
            .map(|(name, id)| (name.clone(), reference(id)))
            .collect(),
    )
}

/// Inserts `key: value` unless the value is an empty list or object.
fn insert_nonempty(body: &mut Map<String, Value>, key: &str, value: Value) {
    let empty = match &value {
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    };
    if !empty {
        body.insert(key.into(), value);
    }
}

fn service(s: &Service, body: &mut Map<String, Value>) {
    if !s.version.is_empty() {
        body.insert("version".into(), json!(s.version));
    }
    insert_nonempty(body, "operations", refs(&s.operations));
    insert_nonempty(body, "resources", refs(&s.resources));
    insert_nonempty(body, "errors", refs(&s.errors));
    let rename = s
        .rename
        .iter()
        .map(|(id, name)| (id.to_string(), json!(name)));
    insert_nonempty(body, "rename", Value::Object(rename.collect()));
}

fn operation(o: &Operation, body: &mut Map<String, Value>) {
    body.insert("input".into(), reference(&o.input));
    body.insert("output".into(), reference(&o.output));
    insert_nonempty(body, "errors", refs(&o.errors));
}

fn resource(r: &Resource, body: &mut Map<String, Value>) {
    insert_nonempty(body, "identifiers", named_refs(&r.identifiers));
    insert_nonempty(body, "properties", named_refs(&r.properties));
    for (key, id) in &r.lifecycle {
        body.insert((*key).into(), reference(id));
    }
    insert_nonempty(body, "operations", refs(&r.operations));
    insert_nonempty(body, "collectionOperations", refs(&r.collection_operations));
    insert_nonempty(body, "resources", refs(&r.resources));
}

/// The value with the keys of every object sorted.
fn canonical(value: &Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(canonical).collect()),
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.clone(), canonical(v)))
                    .collect(),
            )
        }
        other => other.clone(),
    }
}

/// Pretty JSON, keys in the order the value has them.
fn write(value: &Value, indent: usize, out: &mut String) {
    if let Some(text) = big_number_text(value) {
        out.push_str(text);
        return;
    }
    let pad = |out: &mut String, n: usize| out.extend(std::iter::repeat_n("    ", n));
    match value {
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                pad(out, indent + 1);
                write(item, indent + 1, out);
            }
            out.push('\n');
            pad(out, indent);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                pad(out, indent + 1);
                out.push_str(&Value::String(key.clone()).to_string());
                out.push_str(": ");
                write(item, indent + 1, out);
            }
            out.push('\n');
            pad(out, indent);
            out.push('}');
        }
        scalar_or_empty => out.push_str(&scalar_or_empty.to_string()),
    }
}
