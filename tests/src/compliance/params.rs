//! A case's `params` (a Smithy node value keyed by member names) in the serde JSON form of the
//! generated types (keyed by JSON names, blobs in base64, timestamps in their JSON format),
//! driven by the generator's own IR so that it follows exactly what the generated code reads.

use std::collections::BTreeMap;

use codegen::ir::{RustType, Service, Struct, TypeDef};
use codegen::model::{ShapeId, TimestampFormat};
use serde_json::{Map, Value};
use smithy_runtime::datetime::Format;
use smithy_runtime::{Blob, DateTime};

/// The named types of one lowered service, by identifier.
pub struct Types<'a> {
    by_ident: BTreeMap<String, &'a TypeDef>,
    service: &'a Service,
}

impl<'a> Types<'a> {
    /// The types of `service`.
    pub fn new(service: &'a Service) -> Self {
        let by_ident = service
            .types
            .iter()
            .map(|t| (t.ident().to_string(), t))
            .collect();
        Types { by_ident, service }
    }

    /// The structure generated for shape `id` (an error shape, an input or output).
    pub fn structure_of_shape(&self, id: &ShapeId) -> Option<&'a Struct> {
        self.service.types.iter().find_map(|t| match t {
            TypeDef::Struct(s) if s.shape == *id && !s.synthetic => Some(s),
            _ => None,
        })
    }

    /// The structure named `ident` (an operation's input or output type).
    pub fn structure(&self, ident: &str) -> Option<&'a Struct> {
        match self.by_ident.get(ident) {
            Some(TypeDef::Struct(s)) => Some(s),
            _ => None,
        }
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
            let fillable = s.fields.iter().filter(|f| {
                f.optional
                    && f.default
                        .as_ref()
                        .is_some_and(|d| codegen::ir::default_supported(&f.ty, d))
            });
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
                let value = match field.ty {
                    RustType::Blob => default.clone(),
                    _ => self.value(&field.ty, default)?,
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
            RustType::Named(ident) => match self.by_ident.get(&ident.to_string()) {
                Some(TypeDef::Struct(s)) => self.structure_value(s, node),
                Some(TypeDef::Union(u)) => {
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
            RustType::Named(ident) => match self.by_ident.get(&ident.to_string()) {
                Some(TypeDef::Struct(s)) if !seen.contains(&s.ident.to_string()) => {
                    self.placeholder_in(s, seen)
                }
                Some(TypeDef::Enum(e)) => match e.variants.first() {
                    Some(v) if e.int => v.value.parse::<i64>().map_or(Value::Null, Value::from),
                    Some(v) => Value::String(v.value.clone()),
                    None if e.int => Value::from(0),
                    None => Value::String("x".into()),
                },
                Some(TypeDef::Union(u)) => match u.members.first() {
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
