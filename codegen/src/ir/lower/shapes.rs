//! Structures, unions and enums: their members, the Rust types of values, and where members
//! travel.

use std::collections::BTreeSet;

use proc_macro2::Ident;

use super::{docs, Cx};
use crate::ir::{
    Binding, Enum, ErrorInfo, Field, Protocol, RustType, Struct, TimestampFormat, Union,
    UnionMember, Variant,
};
use crate::model::{self, EnumValue, ErrorFault, Member, Shape, ShapeId, ShapeKind, Simple};
use crate::names;

impl Cx<'_> {
    /// The structure `shape`, named `ident`.
    pub(super) fn structure(&self, shape: &Shape, ident: Ident) -> Struct {
        let members: &[Member] = match &shape.kind {
            ShapeKind::Structure(members) => members,
            _ => &[],
        };
        let member_names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
        let idents = names::field_idents(&member_names);
        let fields: Vec<Field> = members
            .iter()
            .zip(idents)
            .map(|(m, ident)| self.field(shape, m, ident))
            .collect();
        let error = shape
            .traits
            .error
            .map(|fault| error_info(shape, fault, &fields));
        Struct {
            shape_id: shape.id.to_string(),
            shape_name: shape.id.name().to_string(),
            builder: names::builder_ident(&ident),
            rules: names::rules_ident(&ident),
            ident,
            fields,
            docs: docs(&shape.traits),
            sensitive: shape.traits.sensitive,
            error,
            synthetic: false,
            input_of: Vec::new(),
            response_metadata: None,
        }
    }

    fn field(&self, container: &Shape, m: &Member, ident: Ident) -> Field {
        let target = self.model.shape(&m.target);
        let ty = self.rust_type(&m.target, &m.traits);
        let default = self.field_default(m, &ty, &ident);
        let optional = m.traits.client_optional
            || container.traits.input
            || !(m.traits.required || default.is_some());
        let (setter, set_fn) = names::setter_idents(&ident);
        let getter =
            (optional && matches!(ty, RustType::List(..))).then(|| names::getter_ident(&ident));
        Field {
            member: m.name.clone(),
            json_name: self.json_name(m),
            ident,
            setter,
            set_fn,
            getter,
            ty,
            optional,
            boxed: self.boxed.contains(&(container.id.clone(), m.name.clone())),
            required: m.traits.required,
            default,
            sensitive: self.sensitive(&m.target, &mut BTreeSet::new()),
            docs: docs(&m.traits).or_else(|| target.and_then(|t| docs(&t.traits))),
            deprecated: m
                .traits
                .deprecated
                .as_ref()
                .map(|d| d.message.clone().unwrap_or_default()),
            binding: self.binding(m),
            idempotency_token: m.traits.idempotency_token,
            media_type: target
                .filter(|t| matches!(t.kind, ShapeKind::Simple(Simple::String)))
                .and_then(|t| t.traits.media_type.clone()),
            streaming: target.is_some_and(|t| {
                t.traits.streaming && matches!(t.kind, ShapeKind::Simple(Simple::Blob))
            }),
            constraints: self.constraints(&m.traits, &m.target),
        }
    }

    /// The member's HTTP binding: restJson1 only; the awsJson protocols put everything in the body.
    fn binding(&self, m: &Member) -> Binding {
        if self.protocol != Protocol::RestJson1 {
            return Binding::Body;
        }
        let t = &m.traits;
        if t.http_label {
            Binding::Label
        } else if let Some(name) = &t.http_query {
            Binding::Query(name.clone())
        } else if t.http_query_params {
            Binding::QueryParams
        } else if let Some(name) = &t.http_header {
            Binding::Header(name.clone())
        } else if let Some(prefix) = &t.http_prefix_headers {
            Binding::PrefixHeaders(prefix.clone())
        } else if t.http_payload {
            Binding::Payload(
                self.model
                    .shape(&m.target)
                    .and_then(|s| s.traits.media_type.clone()),
            )
        } else if t.http_response_code {
            Binding::ResponseCode
        } else {
            Binding::Body
        }
    }

    /// The member's key on the wire: its `@jsonName` under restJson1, else its name.
    pub(super) fn json_name(&self, m: &Member) -> String {
        match (&m.traits.json_name, self.protocol) {
            (Some(name), Protocol::RestJson1) => name.clone(),
            _ => m.name.clone(),
        }
    }

    /// True when the value at `id` is or contains `@sensitive` data.
    fn sensitive(&self, id: &ShapeId, seen: &mut BTreeSet<ShapeId>) -> bool {
        let Some(shape) = self.model.shape(id) else {
            return false;
        };
        if shape.traits.sensitive {
            return true;
        }
        if !seen.insert(id.clone()) {
            return false;
        }
        match &shape.kind {
            ShapeKind::List(m) => self.sensitive(&m.target, seen),
            ShapeKind::Map { key, value } => {
                self.sensitive(&key.target, seen) || self.sensitive(&value.target, seen)
            }
            _ => false,
        }
    }

    /// The Rust type of a value of shape `target`, with the traits of the member holding it.
    pub(super) fn rust_type(&self, target: &ShapeId, member_traits: &model::Traits) -> RustType {
        if *target == model::unit() {
            return RustType::Unit;
        }
        let Some(shape) = self.model.shape(target) else {
            return RustType::Document;
        };
        match &shape.kind {
            ShapeKind::Simple(simple) => simple_type(*simple, || {
                member_traits
                    .timestamp_format
                    .or(shape.traits.timestamp_format)
            }),
            ShapeKind::List(m) => RustType::List(
                Box::new(self.rust_type(&m.target, &m.traits)),
                shape.traits.sparse,
            ),
            ShapeKind::Map { key, value } => RustType::Map(
                Box::new(self.rust_type(&key.target, &key.traits)),
                Box::new(self.rust_type(&value.target, &value.traits)),
                shape.traits.sparse,
            ),
            _ => self
                .layout
                .type_of(target)
                .map_or(RustType::Document, RustType::Named),
        }
    }

    /// The union `shape`.
    pub(super) fn union(&self, shape: &Shape) -> Union {
        let members: &[Member] = match &shape.kind {
            ShapeKind::Union(members) => members,
            _ => &[],
        };
        let member_names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
        let idents = names::variant_idents(&member_names);
        let ident = self.type_ident(&shape.id);
        Union {
            rules: names::rules_ident(&ident),
            ident,
            members: members
                .iter()
                .zip(idents)
                .map(|(m, ident)| UnionMember {
                    member: m.name.clone(),
                    json_name: self.json_name(m),
                    ident,
                    ty: self.rust_type(&m.target, &m.traits),
                    boxed: self.boxed.contains(&(shape.id.clone(), m.name.clone())),
                    docs: docs(&m.traits)
                        .or_else(|| self.model.shape(&m.target).and_then(|t| docs(&t.traits))),
                    constraints: self.constraints(&m.traits, &m.target),
                })
                .collect(),
            docs: docs(&shape.traits),
            sensitive: shape.traits.sensitive,
        }
    }

    /// The enum or intEnum `shape`.
    pub(super) fn enumeration(&self, shape: &Shape) -> Enum {
        let members = match &shape.kind {
            ShapeKind::Enum(members) | ShapeKind::IntEnum(members) => members.as_slice(),
            _ => &[],
        };
        let member_names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
        let idents = names::variant_idents(&member_names);
        Enum {
            ident: self.type_ident(&shape.id),
            int: matches!(shape.kind, ShapeKind::IntEnum(_)),
            variants: members
                .iter()
                .zip(idents)
                .map(|(m, ident)| Variant {
                    ident,
                    value: match &m.value {
                        EnumValue::String(s) => s.clone(),
                        EnumValue::Int(i) => i.to_string(),
                    },
                    docs: docs(&m.traits),
                    deprecated: m.traits.deprecated.is_some(),
                })
                .collect(),
            docs: docs(&shape.traits),
            sensitive: shape.traits.sensitive,
        }
    }
}

/// The Rust type of a simple shape; `format` gives a timestamp's explicit format.
fn simple_type(
    simple: Simple,
    format: impl FnOnce() -> Option<model::TimestampFormat>,
) -> RustType {
    match simple {
        Simple::String => RustType::String,
        Simple::Boolean => RustType::Bool,
        Simple::Byte => RustType::I8,
        Simple::Short => RustType::I16,
        Simple::Integer => RustType::I32,
        Simple::Long => RustType::I64,
        Simple::BigInteger => RustType::I128,
        Simple::Float => RustType::F32,
        Simple::Double | Simple::BigDecimal => RustType::F64,
        Simple::Blob => RustType::Blob,
        Simple::Document => RustType::Document,
        Simple::Timestamp => RustType::Timestamp(format().map(timestamp_format)),
    }
}

/// The IR form of a `@timestampFormat`.
pub(super) fn timestamp_format(format: model::TimestampFormat) -> TimestampFormat {
    match format {
        model::TimestampFormat::DateTime => TimestampFormat::DateTime,
        model::TimestampFormat::HttpDate => TimestampFormat::HttpDate,
        model::TimestampFormat::EpochSeconds => TimestampFormat::EpochSeconds,
    }
}

/// What makes the structure `shape` (a `fault` error with `fields`) an error.
fn error_info(shape: &Shape, fault: ErrorFault, fields: &[Field]) -> ErrorInfo {
    let traits = &shape.traits;
    ErrorInfo {
        shape_id: shape.id.to_string(),
        query_error: traits.aws_query_error.as_ref().map(|q| {
            let side = match fault {
                ErrorFault::Client => "Sender",
                ErrorFault::Server => "Receiver",
            };
            format!("{};{side}", q.code)
        }),
        code: shape.id.name().to_string(),
        status: traits.http_error.unwrap_or(match fault {
            ErrorFault::Client => 400,
            ErrorFault::Server => 500,
        }),
        message_field: fields
            .iter()
            .position(|f| f.member.eq_ignore_ascii_case("message") && f.ty == RustType::String),
        retryable: traits.retryable.is_some(),
        throttling: traits.retryable.as_ref().is_some_and(|r| r.throttling),
    }
}
