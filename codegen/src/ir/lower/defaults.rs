//! `@default` values, lowered to what the generated code writes. A default Rust cannot express
//! for its member's type (a non-empty list or map, a value of the wrong kind) leaves the
//! member without one, and so optional.

use proc_macro2::Ident;
use serde_json::Value;

use super::Cx;
use crate::ir::{DefaultValue, Document, FieldDefault, RustType};
use crate::model::Member;
use crate::names;

impl Cx<'_> {
    /// The default of member `m`, of type `ty`, held in field `field`.
    pub(super) fn field_default(
        &self,
        m: &Member,
        ty: &RustType,
        field: &Ident,
    ) -> Option<FieldDefault> {
        let value = m.traits.default.as_ref().filter(|v| !v.is_null())?;
        Some(FieldDefault {
            value: default_value(ty, value)?,
            zero: is_zero(ty, value),
            function: names::default_fn_ident(field),
        })
    }
}

/// The default `value` of a value of type `ty`, when Rust can write it.
fn default_value(ty: &RustType, value: &Value) -> Option<DefaultValue> {
    Some(match (ty, value) {
        (RustType::Bool, Value::Bool(b)) => DefaultValue::Bool(*b),
        (RustType::String, Value::String(s)) => DefaultValue::String(s.clone()),
        (RustType::Named(_), Value::String(s)) => DefaultValue::EnumString(s.clone()),
        (RustType::Named(_), Value::Number(n)) => {
            DefaultValue::EnumInt(i32::try_from(n.as_i64()?).ok()?)
        }
        (RustType::F32 | RustType::F64, Value::Number(n)) => DefaultValue::Float(n.as_f64()?),
        (
            RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 | RustType::I128,
            Value::Number(n),
        ) => DefaultValue::Int(n.as_i64()?),
        (RustType::Timestamp(_), Value::Number(n)) => {
            DefaultValue::Timestamp(n.as_f64().filter(|f| f.is_finite())?)
        }
        (RustType::Blob, Value::String(base64)) => DefaultValue::Blob(base64.clone()),
        (RustType::Document, value) => DefaultValue::Document(document(value)),
        (RustType::List(..), Value::Array(a)) if a.is_empty() => DefaultValue::Empty,
        (RustType::Map(..), Value::Object(o)) if o.is_empty() => DefaultValue::Empty,
        _ => return None,
    })
}

/// A document value.
fn document(value: &Value) -> Document {
    match value {
        Value::Null => Document::Null,
        Value::Bool(b) => Document::Bool(*b),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Document::Int(i),
            (None, Some(f)) => Document::Float(f),
            (None, None) => Document::Null,
        },
        Value::String(s) => Document::String(s.clone()),
        Value::Array(items) => Document::List(items.iter().map(document).collect()),
        Value::Object(map) => {
            Document::Map(map.iter().map(|(k, v)| (k.clone(), document(v))).collect())
        }
    }
}

/// True when `Default::default()` of `ty` is the Smithy value `value`.
fn is_zero(ty: &RustType, value: &Value) -> bool {
    match (ty, value) {
        (RustType::Bool, Value::Bool(false)) => true,
        (RustType::String, Value::String(s)) => s.is_empty(),
        (RustType::List(..), Value::Array(a)) => a.is_empty(),
        (RustType::Map(..), Value::Object(o)) => o.is_empty(),
        (RustType::Document, Value::Null) => true,
        (RustType::Blob, Value::String(s)) => s.is_empty(),
        (RustType::Timestamp(_), Value::Number(n)) => n.as_f64() == Some(0.0),
        (
            RustType::I8
            | RustType::I16
            | RustType::I32
            | RustType::I64
            | RustType::I128
            | RustType::F32
            | RustType::F64,
            Value::Number(n),
        ) => n.as_f64() == Some(0.0),
        _ => false,
    }
}
