//! Model → IR for one service.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::Ident;

mod endpoints;

use super::recursion::boxed_members;
use super::*;
use crate::error::Error;
use crate::model::{
    EnumMember, EnumValue, ErrorFault, Member, Model, Shape, ShapeKind, Simple, Traits,
};
use crate::names;

/// Lowers the service `service` of `model`.
pub fn lower(model: &Model, service: &ShapeId) -> Result<Service, Error> {
    let (shape, svc) = match model.shape(service) {
        Some(
            shape @ Shape {
                kind: ShapeKind::Service(svc),
                ..
            },
        ) => (shape, svc),
        _ => {
            return Err(Error::NotAService {
                id: service.clone(),
                available: model
                    .services()
                    .map(|(id, _)| id.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
        }
    };
    let protocols = protocols(shape)?;
    // The first protocol decides the member keys and HTTP bindings of the generated types.
    let protocol = protocols[0];
    let sdk_id = shape
        .traits
        .aws_service
        .as_ref()
        .map_or_else(|| service.name().to_string(), |a| a.sdk_id.clone());
    let closure = model.closure(service);
    check_json_names(model, service, &protocols, &closure)?;
    let cx = Cx {
        model,
        service,
        protocol,
        boxed: boxed_members(model, &closure),
    };
    let mut types = Vec::new();
    for id in closure.iter().filter(|id| !id.is_prelude()) {
        let Some(shape) = model.shape(id) else {
            continue;
        };
        if shape.traits.mixin.is_some() {
            continue;
        }
        match &shape.kind {
            ShapeKind::Structure(members) => {
                types.push(TypeDef::Struct(cx.structure(shape, members)))
            }
            ShapeKind::Union(members) => types.push(TypeDef::Union(cx.union(shape, members))),
            ShapeKind::Enum(v) | ShapeKind::IntEnum(v) => {
                types.push(TypeDef::Enum(cx.enumeration(shape, v)))
            }
            _ => {}
        }
    }
    let mut operations = Vec::new();
    let mut omitted = Vec::new();
    for op_id in model.operations_of(service) {
        if let Some(reason) = cx.event_stream(&op_id) {
            let name = model.service_name(service, &op_id);
            omitted.push(Omitted { name, reason });
            continue;
        }
        let (op, synthetic) = cx.operation(&op_id);
        types.extend(synthetic.into_iter().map(TypeDef::Struct));
        operations.extend(op);
    }
    types.sort_by_key(|t| t.ident().to_string());
    operations.sort_by(|a, b| a.name.cmp(&b.name));
    omitted.sort_by(|a, b| a.name.cmp(&b.name));
    for t in &mut types {
        if let TypeDef::Struct(s) = t {
            s.operation_input = operations.iter().any(|op| op.input == s.ident);
        }
    }
    check_collisions(&types, &operations)?;
    let signing_name = shape.traits.sigv4.as_ref().map(|s| s.name.clone());
    let endpoint_prefix = shape
        .traits
        .aws_service
        .as_ref()
        .and_then(|a| a.endpoint_prefix.clone())
        .or_else(|| signing_name.clone())
        .unwrap_or_else(|| sdk_id.to_lowercase().replace(' ', "-"));
    Ok(Service {
        shape_name: model.service_name(service, service),
        signing_name,
        endpoint_prefix,
        query_compatible: shape.traits.aws_query_compatible,
        endpoint_rules: endpoints::rule_set(&shape.traits),
        id: service.clone(),
        crate_name: names::crate_name(&sdk_id),
        server_trait: names::type_ident(&format!("{}Server", model.service_name(service, service))),
        sdk_id,
        version: svc.version.clone(),
        protocol,
        protocols,
        docs: docs(&shape.traits),
        operations,
        types,
        omitted,
    })
}

/// The `@documentation` of `traits`; empty or whitespace-only text counts as none, so that a
/// fallback doc comment is written instead.
fn docs(traits: &Traits) -> Option<String> {
    traits
        .documentation
        .clone()
        .filter(|d| !d.trim().is_empty())
}

/// The supported protocols the service lists, in the order a client prefers them: the JSON
/// protocols (what botocore and the AWS CLI send) before rpcv2Cbor. Never empty.
fn protocols(shape: &Shape) -> Result<Vec<Protocol>, Error> {
    let supported = [
        Protocol::RestJson1,
        Protocol::AwsJson1_1,
        Protocol::AwsJson1_0,
        Protocol::RpcV2Cbor,
    ];
    let listed: Vec<Protocol> = supported
        .into_iter()
        .filter(|p| shape.traits.protocols.contains(p))
        .collect();
    if !listed.is_empty() {
        return Ok(listed);
    }
    Err(Error::UnsupportedProtocol {
        service: shape.id.clone(),
        found: match shape.traits.protocols.as_slice() {
            [] => "none".into(),
            list => list
                .iter()
                .map(|p| p.trait_name())
                .collect::<Vec<_>>()
                .join(", "),
        },
    })
}

/// restJson1 keys members by `@jsonName`, rpcv2Cbor by member name: a service listing both
/// cannot have a member whose `@jsonName` differs from its name.
fn check_json_names(
    model: &Model,
    service: &ShapeId,
    protocols: &[Protocol],
    closure: &BTreeSet<ShapeId>,
) -> Result<(), Error> {
    if !(protocols.contains(&Protocol::RestJson1) && protocols.contains(&Protocol::RpcV2Cbor)) {
        return Ok(());
    }
    for id in closure {
        let members = match model.shape(id).map(|s| &s.kind) {
            Some(ShapeKind::Structure(members) | ShapeKind::Union(members)) => members,
            _ => continue,
        };
        for m in members {
            if let Some(json_name) = m.traits.json_name.as_ref().filter(|j| **j != m.name) {
                return Err(Error::JsonNameConflict {
                    service: service.clone(),
                    member: format!("{id}${}", m.name),
                    json_name: json_name.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Names the generated modules define or import themselves, by module.
const RESERVED_IN_ERROR: &[&str] = &[
    "BuildError",
    "ErrorMetadata",
    "ServiceError",
    "UnhandledError",
];
const RESERVED_IN_OPERATION: &[&str] = &["OfService", "SERVICE"];

/// Every generated item name must be unique within its module: `types` (types),
/// `types::builders` (builders), `error` (error enums) and `operation` (operation markers).
fn check_collisions(types: &[TypeDef], operations: &[Operation]) -> Result<(), Error> {
    let mut types_module = Namespace::default();
    let mut builders_module = Namespace::default();
    for t in types {
        types_module.claim(t.ident(), format!("shape `{}`", type_owner(t)))?;
        if let TypeDef::Struct(s) = t {
            builders_module.claim(&s.builder, format!("the builder of `{}`", s.shape))?;
        }
    }
    let mut error_module = Namespace::default();
    let mut operation_module = Namespace::default();
    for op in operations {
        error_module.claim(
            &op.error,
            format!("the error enum of operation `{}`", op.name),
        )?;
        operation_module.claim(
            &op.ident,
            format!("the marker type of operation `{}`", op.name),
        )?;
    }
    for (namespace, reserved) in [
        (&mut error_module, RESERVED_IN_ERROR),
        (&mut operation_module, RESERVED_IN_OPERATION),
    ] {
        for name in reserved {
            namespace.claim(
                &names::type_ident(name),
                format!("the generated item `{name}`"),
            )?;
        }
    }
    Ok(())
}

/// The names claimed in one generated module.
#[derive(Default)]
struct Namespace(BTreeMap<String, String>);

impl Namespace {
    fn claim(&mut self, ident: &Ident, owner: String) -> Result<(), Error> {
        match self.0.insert(ident.to_string(), owner.clone()) {
            Some(first) => Err(Error::NameCollision {
                first,
                second: owner,
                ident: ident.to_string(),
            }),
            None => Ok(()),
        }
    }
}

fn type_owner(t: &TypeDef) -> String {
    match t {
        TypeDef::Struct(s) => s.shape.to_string(),
        other => other.ident().to_string(),
    }
}

struct Cx<'a> {
    model: &'a Model,
    service: &'a ShapeId,
    protocol: Protocol,
    boxed: BTreeSet<(ShapeId, String)>,
}

impl Cx<'_> {
    fn type_ident(&self, id: &ShapeId) -> Ident {
        names::type_ident(&self.model.service_name(self.service, id))
    }

    fn structure(&self, shape: &Shape, members: &[Member]) -> Struct {
        let member_names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
        let idents = names::field_idents(&member_names);
        let fields: Vec<Field> = members
            .iter()
            .zip(idents)
            .map(|(m, ident)| self.field(shape, m, ident))
            .collect();
        let ident = self.type_ident(&shape.id);
        let error = shape.traits.error.map(|fault| ErrorInfo {
            shape_id: shape.id.to_string(),
            query_error: shape.traits.aws_query_error.as_ref().map(|q| {
                let side = match fault {
                    ErrorFault::Client => "Sender",
                    ErrorFault::Server => "Receiver",
                };
                format!("{};{side}", q.code)
            }),
            code: shape.id.name().to_string(),
            fault,
            status: shape.traits.http_error.unwrap_or(match fault {
                ErrorFault::Client => 400,
                ErrorFault::Server => 500,
            }),
            message_field: fields
                .iter()
                .find(|f| f.member.eq_ignore_ascii_case("message") && f.ty == RustType::String)
                .map(|f| f.ident.clone()),
            retryable: shape.traits.retryable.is_some(),
            throttling: shape
                .traits
                .retryable
                .as_ref()
                .is_some_and(|r| r.throttling),
        });
        Struct {
            shape: shape.id.clone(),
            builder: names::builder_ident(&ident),
            ident,
            fields,
            docs: docs(&shape.traits),
            sensitive: shape.traits.sensitive,
            error,
            synthetic: false,
            operation_input: false,
        }
    }

    fn field(&self, container: &Shape, m: &Member, ident: Ident) -> Field {
        let target = self.model.shape(&m.target);
        let ty = self.rust_type(&m.target, &m.traits);
        let default = m
            .traits
            .default
            .clone()
            .filter(|v| !v.is_null() && default_supported(&ty, v));
        let optional = m.traits.client_optional
            || container.traits.input
            || !(m.traits.required || default.is_some());
        Field {
            member: m.name.clone(),
            json_name: self.json_name(m),
            ident,
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

    /// The constraints of a member's value: its own traits with its target's, and those of
    /// what the target contains.
    fn constraints(&self, member: &Traits, target: &ShapeId) -> Constraints {
        let shape = self.model.shape(target);
        let own = shape.map(|s| &s.traits);
        let pick = |t: &Traits| {
            (
                t.length.as_ref().map(|l| (l.min, l.max)),
                t.range.as_ref().map(|r| (r.min.clone(), r.max.clone())),
                t.pattern.clone(),
            )
        };
        let (length, range, pattern) = pick(member);
        let (own_length, own_range, own_pattern) = own.map(pick).unwrap_or_default();
        let mut c = Constraints {
            length: length.or(own_length),
            range: range.or(own_range),
            pattern: pattern.or(own_pattern),
            unique: member.unique_items || own.is_some_and(|t| t.unique_items),
            ..Constraints::default()
        };
        match shape.map(|s| &s.kind) {
            Some(ShapeKind::Simple(Simple::Blob)) => c.blob = true,
            Some(ShapeKind::Enum(values)) => {
                // `@internal` (and a legacy `@enum` entry tagged `internal`, which the
                // loader marks `@internal`) keeps a value out of messages, not out of the set.
                let (internal, listed): (Vec<_>, Vec<_>) =
                    values.iter().partition(|v| v.traits.internal);
                let strings = |values: Vec<&EnumMember>| {
                    values
                        .into_iter()
                        .filter_map(|v| match &v.value {
                            EnumValue::String(s) => Some(s.clone()),
                            EnumValue::Int(_) => None,
                        })
                        .collect()
                };
                c.enum_values = Some((strings(listed), strings(internal)));
            }
            Some(ShapeKind::IntEnum(values)) => {
                c.int_enum_values = Some(
                    values
                        .iter()
                        .filter_map(|v| match &v.value {
                            EnumValue::Int(i) => Some(*i),
                            EnumValue::String(_) => None,
                        })
                        .collect(),
                );
            }
            Some(ShapeKind::List(m)) => {
                c.element = Some(Box::new(self.constraints(&m.traits, &m.target)));
            }
            Some(ShapeKind::Map { key, value }) => {
                c.key = Some(Box::new(self.constraints(&key.traits, &key.target)));
                c.element = Some(Box::new(self.constraints(&value.traits, &value.target)));
            }
            Some(ShapeKind::Structure(_) | ShapeKind::Union(_)) if !target.is_prelude() => {
                c.shape = Some(self.type_ident(target));
            }
            _ => {}
        }
        c
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

    fn json_name(&self, m: &Member) -> String {
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

    fn rust_type(&self, target: &ShapeId, member_traits: &Traits) -> RustType {
        if *target == crate::model::unit() {
            return RustType::Unit;
        }
        let Some(shape) = self.model.shape(target) else {
            return RustType::Document;
        };
        match &shape.kind {
            ShapeKind::Simple(simple) => match simple {
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
                Simple::Timestamp => {
                    let format = member_traits
                        .timestamp_format
                        .or(shape.traits.timestamp_format);
                    RustType::Timestamp(format)
                }
            },
            ShapeKind::List(m) => RustType::List(
                Box::new(self.rust_type(&m.target, &m.traits)),
                shape.traits.sparse,
            ),
            ShapeKind::Map { key, value } => RustType::Map(
                Box::new(self.rust_type(&key.target, &key.traits)),
                Box::new(self.rust_type(&value.target, &value.traits)),
                shape.traits.sparse,
            ),
            _ => RustType::Named(self.type_ident(target)),
        }
    }

    fn union(&self, shape: &Shape, members: &[Member]) -> Union {
        let member_names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
        let idents = names::variant_idents(&member_names);
        Union {
            ident: self.type_ident(&shape.id),
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

    fn enumeration(&self, shape: &Shape, members: &[crate::model::EnumMember]) -> Enum {
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

    /// Why operation `id` cannot be generated yet, when its input or output has an event
    /// stream (a member targeting a `@streaming` union).
    fn event_stream(&self, id: &ShapeId) -> Option<String> {
        let Some(Shape {
            kind: ShapeKind::Operation(op),
            ..
        }) = self.model.shape(id)
        else {
            return None;
        };
        [("input", &op.input), ("output", &op.output)].into_iter().find_map(|(side, target)| {
            let Some(Shape { kind: ShapeKind::Structure(members), .. }) = self.model.shape(target)
            else {
                return None;
            };
            members.iter().find_map(|m| {
                let stream = self.model.shape(&m.target).filter(|t| {
                    t.traits.streaming && matches!(t.kind, ShapeKind::Union(_))
                })?;
                Some(format!(
                    "its {side} member `{}` is an event stream (`{}`), which this generator does not support yet",
                    m.name, stream.id
                ))
            })
        })
    }

    /// The operation, plus synthesized empty input/output structures where the model has none.
    fn operation(&self, id: &ShapeId) -> (Option<Operation>, Vec<Struct>) {
        let Some(shape) = self.model.shape(id) else {
            return (None, Vec::new());
        };
        let ShapeKind::Operation(op) = &shape.kind else {
            return (None, Vec::new());
        };
        let name = self.model.service_name(self.service, id);
        let mut synthetic = Vec::new();
        let mut io = |target: &ShapeId, suffix: &str| -> Ident {
            if *target != crate::model::unit() {
                return self.type_ident(target);
            }
            let ident = names::type_ident(&format!("{name}{suffix}"));
            synthetic.push(Struct {
                shape: id.clone(),
                builder: names::builder_ident(&ident),
                ident: ident.clone(),
                fields: Vec::new(),
                docs: Some(format!(
                    "The {} of `{name}`, which has no members.",
                    suffix.to_lowercase()
                )),
                sensitive: false,
                error: None,
                synthetic: true,
                operation_input: false,
            });
            ident
        };
        let input = io(&op.input, "Input");
        let output = io(&op.output, "Output");
        let errors = self
            .model
            .errors_of(self.service, id)
            .iter()
            .map(|e| ErrorRef {
                code: e.name().to_string(),
                ident: self.type_ident(e),
            })
            .collect();
        let operation = Operation {
            fn_ident: names::fn_ident(&name),
            ident: names::type_ident(&name),
            error: names::operation_error_ident(&name),
            name,
            input,
            output,
            errors,
            docs: docs(&shape.traits),
            http: match &shape.traits.http {
                Some(h) => Http {
                    method: h.method.clone(),
                    uri: h.uri.clone(),
                    code: h.code,
                },
                None => Http {
                    method: "POST".into(),
                    uri: "/".into(),
                    code: 200,
                },
            },
            host_prefix: shape
                .traits
                .endpoint
                .as_ref()
                .map(|e| self.host_prefix(&e.host_prefix, &op.input)),
            checksum_required: shape.traits.http_checksum_required,
            gzip: shape
                .traits
                .request_compression
                .as_ref()
                .is_some_and(|c| c.encodings.iter().any(|e| e.eq_ignore_ascii_case("gzip"))),
            paginator: self.paginator(&shape.traits),
            waiters: shape
                .traits
                .waitable
                .iter()
                .map(|(name, w)| Waiter {
                    name: name.clone(),
                    fn_ident: names::waiter_fn_ident(name),
                    static_ident: names::waiter_static_ident(name),
                    docs: w.documentation.clone(),
                    deprecated: w.deprecated,
                    min_delay: w.min_delay,
                    max_delay: w.max_delay,
                    acceptors: w.acceptors.clone(),
                })
                .collect(),
            endpoint_params: self.endpoint_params(shape, &op.input),
        };
        (Some(operation), synthetic)
    }

    /// The operation's `@paginated`, merged over the service's, when it names both tokens
    /// (the loader has checked that its members and paths exist).
    fn paginator(&self, traits: &Traits) -> Option<Paginator> {
        let service = self.model.shape(self.service)?.traits.paginated.as_ref();
        let p = traits.paginated.as_ref()?.merged_over(service);
        let path = |path: &str| path.split('.').map(str::to_owned).collect::<Vec<_>>();
        Some(Paginator {
            input_token: p.input_token?,
            output_token: path(&p.output_token?),
            items: p.items.as_deref().map(path),
            page_size: p.page_size,
        })
    }

    /// `prefix` with each `{Member}` label renamed to the member's JSON key.
    fn host_prefix(&self, prefix: &str, input: &ShapeId) -> String {
        let members = match self.model.shape(input).map(|s| &s.kind) {
            Some(ShapeKind::Structure(members)) => members.as_slice(),
            _ => &[],
        };
        let mut out = String::with_capacity(prefix.len());
        let mut rest = prefix;
        while let (Some(start), Some(end)) = (rest.find('{'), rest.find('}')) {
            if end < start {
                break;
            }
            let label = &rest[start + 1..end];
            let key = members
                .iter()
                .find(|m| m.name == label)
                .map_or_else(|| label.to_owned(), |m| self.json_name(m));
            out.push_str(&rest[..start]);
            out.push('{');
            out.push_str(&key);
            out.push('}');
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }
}
