//! A case's `params` (a Smithy node value keyed by member names) in the serde JSON form of the
//! generated types (keyed by JSON names, blobs in base64, timestamps in their JSON format),
//! driven by the generator's own IR so that it follows exactly what the generated code reads.

use codegen::ir::{
    DefaultValue, Document, RustType, Service, Struct, StructId, TimestampFormat, TypeRef,
};
use codegen::model::ShapeId;
use serde_json::{Map, Value};
use smithy_runtime::datetime::Format;
use smithy_runtime::{Blob, DateTime};

/// The named types of one lowered service.
pub struct Types<'a> {
    service: &'a Service,
}

impl<'a> Types<'a> {
    /// The types of `service`.
    pub fn new(service: &'a Service) -> Self {
        Types { service }
    }

    /// The structure generated for shape `id` (an error shape, an input or output).
    pub fn structure_of_shape(&self, id: &ShapeId) -> Option<&'a Struct> {
        let id = id.to_string();
        self.service
            .structs
            .iter()
            .find(|s| s.shape_id == id && !s.synthetic)
    }

    /// The structure `id` (an operation's input or output type).
    pub fn structure(&self, id: StructId) -> Option<&'a Struct> {
        Some(self.service.structure(id))
    }

    /// `params` for structure `s` in its serde JSON form.
    pub fn structure_value(&self, s: &Struct, params: &Value) -> Result<Value, String> {
        let Value::Object(members) = params else {
            return Err(format!("params of {} are not an object", s.ident));
        };
        let mut out = Map::new();
        for (name, value) in members {
            // A `null` member of a structure is an unset member.
            if value.is_null() {
                continue;
            }
            let field = s
                .fields
                .iter()
                .find(|f| f.member == *name)
                .ok_or_else(|| format!("{} has no member `{name}`", s.ident))?;
            let value = self
                .value(&field.ty, value)
                .map_err(|e| format!("{name}: {e}"))?;
            out.insert(field.json_name.clone(), value);
        }
        // Members with a `@default` hold it when unset: the generated (non-optional) field
        // reads and writes it, so the expected value has it too.
        self.insert_defaults(s.fields.iter().filter(|f| !f.optional), &mut out)?;
        Ok(Value::Object(out))
    }

    /// `params` for input structure `s` as a server hands it to its handler: with the
    /// client-optional members that have a `@default` too, which the server fills in.
    pub fn server_input_value(&self, s: &Struct, params: &Value) -> Result<Value, String> {
        let mut value = self.structure_value(s, params)?;
        if let Value::Object(out) = &mut value {
            let fillable = s
                .fields
                .iter()
                .filter(|f| f.optional && f.default.is_some());
            self.insert_defaults(fillable, out)?;
        }
        Ok(value)
    }

    /// Sets each of `fields` that `out` lacks to its `@default`, if it has one.
    fn insert_defaults<'f>(
        &self,
        fields: impl Iterator<Item = &'f codegen::ir::Field>,
        out: &mut Map<String, Value>,
    ) -> Result<(), String> {
        for field in fields {
            if let (Some(default), false) = (&field.default, out.contains_key(&field.json_name)) {
                // Blob defaults are written in base64 already, unlike blob params.
                let value = match &default.value {
                    DefaultValue::Blob(base64) => Value::String(base64.clone()),
                    other => self.value(&field.ty, &default_json(&field.ty, other))?,
                };
                out.insert(field.json_name.clone(), value);
            }
        }
        Ok(())
    }

    /// A node value of type `ty` in its serde JSON form.
    fn value(&self, ty: &RustType, node: &Value) -> Result<Value, String> {
        if node.is_null() {
            return Ok(Value::Null);
        }
        match ty {
            RustType::Blob => {
                let text = node.as_str().ok_or("a blob param must be a string")?;
                Ok(Value::String(Blob::new(text.as_bytes()).to_base64()))
            }
            RustType::Timestamp(format) => timestamp(*format, node),
            RustType::List(inner, _) => {
                let items = node.as_array().ok_or("a list param must be an array")?;
                items
                    .iter()
                    .map(|item| self.value(inner, item))
                    .collect::<Result<Vec<_>, _>>()
                    .map(Value::Array)
            }
            RustType::Map(_, inner, _) => {
                let map = node.as_object().ok_or("a map param must be an object")?;
                let mut out = Map::new();
                for (key, value) in map {
                    out.insert(key.clone(), self.value(inner, value)?);
                }
                Ok(Value::Object(out))
            }
            RustType::Named(ty) => match *ty {
                TypeRef::Struct(id) => self.structure_value(self.service.structure(id), node),
                TypeRef::Union(id) => {
                    let u = self.service.union(id);
                    let map = node.as_object().ok_or("a union param must be an object")?;
                    let mut out = Map::new();
                    for (name, value) in map {
                        let member = u
                            .members
                            .iter()
                            .find(|m| m.member == *name)
                            .ok_or_else(|| format!("{} has no member `{name}`", u.ident))?;
                        out.insert(member.json_name.clone(), self.value(&member.ty, value)?);
                    }
                    Ok(Value::Object(out))
                }
                _ => Ok(node.clone()),
            },
            _ => Ok(node.clone()),
        }
    }

    /// A value for every member structure `s` needs to be sent (required members and
    /// labels), for response cases whose input does not matter.
    pub fn placeholder(&self, s: &Struct) -> Value {
        self.placeholder_in(s, &mut Vec::new())
    }

    fn placeholder_in(&self, s: &Struct, seen: &mut Vec<String>) -> Value {
        let mut out = Map::new();
        seen.push(s.ident.to_string());
        for f in &s.fields {
            let label = f.binding == codegen::ir::Binding::Label;
            if f.required || label || (!f.optional && f.default.is_none()) {
                out.insert(f.json_name.clone(), self.filler(&f.ty, seen));
            }
        }
        seen.pop();
        Value::Object(out)
    }

    fn filler(&self, ty: &RustType, seen: &mut Vec<String>) -> Value {
        match ty {
            RustType::String => Value::String("x".into()),
            RustType::Bool => Value::Bool(false),
            RustType::Blob => Value::String(String::new()),
            RustType::Document => Value::Object(Map::new()),
            RustType::List(..) => Value::Array(Vec::new()),
            RustType::Map(..) => Value::Object(Map::new()),
            RustType::Named(ty) => match *ty {
                TypeRef::Struct(id)
                    if !seen.contains(&self.service.structure(id).ident.to_string()) =>
                {
                    self.placeholder_in(self.service.structure(id), seen)
                }
                TypeRef::Enum(id) => {
                    let e = self.service.enumeration(id);
                    match e.variants.first() {
                        Some(v) if e.int => v.value.parse::<i64>().map_or(Value::Null, Value::from),
                        Some(v) => Value::String(v.value.clone()),
                        None if e.int => Value::from(0),
                        None => Value::String("x".into()),
                    }
                }
                TypeRef::Union(id) => match self.service.union(id).members.first() {
                    Some(m) => {
                        let mut one = Map::new();
                        one.insert(m.json_name.clone(), self.filler(&m.ty, seen));
                        Value::Object(one)
                    }
                    None => Value::Object(Map::new()),
                },
                _ => Value::Object(Map::new()),
            },
            // Numbers and timestamps.
            _ => Value::from(0),
        }
    }
}

/// A timestamp node (epoch seconds, or already a string) in the JSON form of `format`.
fn timestamp(format: Option<TimestampFormat>, node: &Value) -> Result<Value, String> {
    let Some(secs) = node.as_f64() else {
        return Ok(node.clone());
    };
    let format = match format {
        None | Some(TimestampFormat::EpochSeconds) => return Ok(node.clone()),
        Some(TimestampFormat::DateTime) => Format::DateTime,
        Some(TimestampFormat::HttpDate) => Format::HttpDate,
    };
    DateTime::from_secs_f64(secs)
        .fmt(format)
        .map(Value::String)
        .map_err(|e| e.to_string())
}

/// The serde JSON form of a `@default` of a value of type `ty`, as the model writes it.
fn default_json(ty: &RustType, value: &DefaultValue) -> Value {
    match value {
        DefaultValue::Bool(b) => Value::Bool(*b),
        DefaultValue::String(s) | DefaultValue::EnumString(s) | DefaultValue::Blob(s) => {
            Value::String(s.clone())
        }
        DefaultValue::Int(i) => Value::from(*i),
        DefaultValue::EnumInt(i) => Value::from(*i),
        DefaultValue::Float(f) | DefaultValue::Timestamp(f) => Value::from(*f),
        DefaultValue::Document(d) => document_json(d),
        DefaultValue::Empty if matches!(ty, RustType::List(..)) => Value::Array(Vec::new()),
        DefaultValue::Empty => Value::Object(Map::new()),
    }
}

fn document_json(d: &Document) -> Value {
    match d {
        Document::Null => Value::Null,
        Document::Bool(b) => Value::Bool(*b),
        Document::Int(i) => Value::from(*i),
        Document::Float(f) => Value::from(*f),
        Document::String(s) => Value::String(s.clone()),
        Document::List(items) => Value::Array(items.iter().map(document_json).collect()),
        Document::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), document_json(v)))
                .collect(),
        ),
    }
}
