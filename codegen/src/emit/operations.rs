//! The `operation` module: the service's protocol description, and a marker type per operation
//! implementing the runtime's `Operation` trait with its HTTP tables.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::doc::doc_or;
use super::ty::Paths;
use crate::ir::{Binding, Field, Operation, RustType, Service, Struct, TypeDef};
use crate::model::{Protocol, TimestampFormat};

/// The module's items.
pub(crate) fn module(service: &Service) -> TokenStream {
    let structs: BTreeMap<String, &Struct> = service
        .types
        .iter()
        .filter_map(|t| match t {
            TypeDef::Struct(s) => Some((s.ident.to_string(), s)),
            _ => None,
        })
        .collect();
    let kinds = Kinds { service };
    let markers = service
        .operations
        .iter()
        .map(|op| marker(&kinds, op, &structs));
    let visits = service.operations.iter().map(|op| {
        let ident = &op.ident;
        quote!(visitor.visit::<#ident>();)
    });
    let (rules_static, rules_ref) = super::endpoints::rules(service);
    let spec = service_spec(service, &rules_ref);
    let own_names = service.operations.iter().map(|op| op.ident.to_string());
    let paths = Paths::beside_types(own_names.chain(["OfService".to_owned()]));
    let paginators = service
        .operations
        .iter()
        .filter_map(|op| super::paginators::impls(&paths, op, &structs));
    quote! {
        use ::smithy_runtime::protocol as proto;

        /// How the service speaks over HTTP.
        pub static SERVICE: proto::ServiceSpec = #spec;

        #rules_static

        /// Implemented by the operations of this service only, so that a client of this service
        /// cannot be handed another service's operation.
        pub trait OfService: ::smithy_runtime::Operation {}

        #(#markers)*

        #(#paginators)*

        /// Calls `visitor` once for every operation of the service, in name order.
        pub fn visit_all<V: ::smithy_runtime::OperationVisitor>(visitor: &mut V) {
            #(#visits)*
        }
    }
}

fn service_spec(service: &Service, endpoint_rules: &TokenStream) -> TokenStream {
    let (shape_name, sdk_id, version) = (&service.shape_name, &service.sdk_id, &service.version);
    // Lowering keeps only the protocols the runtime implements.
    let protocols = service.protocols.iter().filter_map(|p| {
        let ident = match p {
            Protocol::AwsJson1_0 => quote!(AwsJson1_0),
            Protocol::AwsJson1_1 => quote!(AwsJson1_1),
            Protocol::RestJson1 => quote!(RestJson1),
            Protocol::RpcV2Cbor => quote!(RpcV2Cbor),
            Protocol::RestXml | Protocol::AwsQuery | Protocol::Ec2Query => return None,
        };
        Some(quote!(&proto::#ident))
    });
    let signing_name = match &service.signing_name {
        Some(name) => quote!(Some(#name)),
        None => quote!(None),
    };
    let endpoint_prefix = &service.endpoint_prefix;
    let query_compatible = service.query_compatible;
    quote! {
        proto::ServiceSpec {
            shape_name: #shape_name,
            sdk_id: #sdk_id,
            version: #version,
            protocols: &[#(#protocols),*],
            signing_name: #signing_name,
            endpoint_prefix: #endpoint_prefix,
            query_compatible: #query_compatible,
            endpoint_rules: #endpoint_rules,
        }
    }
}

fn marker(kinds: &Kinds, op: &Operation, structs: &BTreeMap<String, &Struct>) -> TokenStream {
    let ident = &op.ident;
    let name = &op.name;
    let (input, output, error) = (&op.input, &op.output, &op.error);
    let docs = doc_or(op.docs.as_deref(), &format!("The `{name}` operation."));
    let no_fields = Vec::new();
    let fields = |ident: &Ident| {
        structs
            .get(&ident.to_string())
            .map_or(&no_fields, |s| &s.fields)
    };
    let (in_fields, out_fields) = (fields(input), fields(output));
    let input_members = member_specs(
        kinds,
        in_fields
            .iter()
            .filter(|f| f.binding != Binding::Body || f.idempotency_token),
    );
    let output_members = member_specs(kinds, out_fields.iter().filter(|f| !in_output_body(f)));
    let input_has_body = in_fields.iter().any(|f| f.binding == Binding::Body);
    let unit = |ident: &Ident| structs.get(&ident.to_string()).is_some_and(|s| s.synthetic);
    let (input_unit, output_unit) = (unit(input), unit(output));
    let output_has_body = out_fields.iter().any(in_output_body);
    let token = match in_fields.iter().find(|f| f.idempotency_token) {
        Some(f) => {
            let key = &f.json_name;
            quote!(Some(#key))
        }
        None => quote!(None),
    };
    let (checksum_required, gzip) = (op.checksum_required, op.gzip);
    let host_prefix = match &op.host_prefix {
        Some(prefix) => quote!(Some(#prefix)),
        None => quote!(None),
    };
    let errors = op.errors.iter().map(|e| {
        let ident = &e.ident;
        quote!(crate::types::#ident::SPEC)
    });
    let (method, uri, code) = (&op.http.method, &op.http.uri, op.http.code);
    let rules = crate::names::rules_ident(input);
    let endpoint_params = super::endpoints::params(op);
    let fill_defaults = structs
        .get(&input.to_string())
        .filter(|s| super::structs::has_defaults_to_fill(s))
        .map(|_| {
            quote! {
                fn fill_defaults(input: &mut Self::Input) {
                    input.fill_defaults();
                }
            }
        });
    let validation_error = match validation_error(op, structs) {
        Some((code, key)) => quote!(Some((#code, #key))),
        None => quote!(None),
    };
    quote! {
        #docs
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct #ident;

        impl ::smithy_runtime::Operation for #ident {
            const NAME: &'static str = #name;
            const SERVICE: &'static proto::ServiceSpec = &SERVICE;
            const SPEC: &'static proto::OperationSpec = &proto::OperationSpec {
                name: #name,
                http: proto::HttpSpec { method: #method, uri: #uri, code: #code },
                input: &[#(#input_members),*],
                output: &[#(#output_members),*],
                input_has_body: #input_has_body,
                output_has_body: #output_has_body,
                input_unit: #input_unit,
                output_unit: #output_unit,
                idempotency_token: #token,
                host_prefix: #host_prefix,
                checksum_required: #checksum_required,
                gzip: #gzip,
                errors: &[#(#errors),*],
                validation: Some(&::smithy_runtime::validate::Validation {
                    input: &crate::server::#rules,
                    error: #validation_error,
                }),
                endpoint_params: #endpoint_params,
            };
            type Input = crate::types::#input;
            type Output = crate::types::#output;
            type Error = crate::error::#error;
            #fill_defaults
        }

        impl OfService for #ident {}
    }
}

/// The operation's own error for invalid input, `(code, message member key)`: its
/// `ValidationException` (GameSparks), else its `InvalidRequestException` (GameLift). One with
/// a `fieldList` member is `smithy.framework#ValidationException`, which the runtime writes
/// itself (`None`), as it does when the operation has neither.
fn validation_error(
    op: &Operation,
    structs: &BTreeMap<String, &Struct>,
) -> Option<(String, String)> {
    let error = ["ValidationException", "InvalidRequestException"]
        .iter()
        .find_map(|code| op.errors.iter().find(|e| e.code == *code))?;
    let s = structs.get(&error.ident.to_string())?;
    if s.fields.iter().any(|f| f.member == "fieldList") {
        return None;
    }
    let message = s
        .fields
        .iter()
        .find(|f| f.member.eq_ignore_ascii_case("message"))?;
    Some((error.code.clone(), message.json_name.clone()))
}

/// The `members` table of an error structure's `ErrorSpec`: the members it carries in
/// headers. Uses the `proto` alias of `::smithy_runtime::protocol`.
pub(super) fn error_members(service: &Service, s: &Struct) -> TokenStream {
    let kinds = Kinds { service };
    let members = member_specs(&kinds, s.fields.iter().filter(|f| in_error_headers(f)));
    quote!(&[#(#members),*])
}

/// Whether an error member travels in a header.
pub(super) fn in_error_headers(f: &Field) -> bool {
    matches!(f.binding, Binding::Header(_) | Binding::PrefixHeaders(_))
}

/// Whether an output member travels in the response body: request-only bindings (labels,
/// query parameters) mean nothing in a response, so such members are read from the body.
fn in_output_body(f: &Field) -> bool {
    matches!(
        f.binding,
        Binding::Body | Binding::Label | Binding::Query(_) | Binding::QueryParams
    )
}

fn member_specs<'a>(
    kinds: &'a Kinds,
    fields: impl Iterator<Item = &'a Field> + 'a,
) -> impl Iterator<Item = TokenStream> + 'a {
    fields.map(|f| {
        let key = &f.json_name;
        let location = match &f.binding {
            Binding::Body => quote!(proto::Location::Body),
            Binding::Label => {
                // The URI pattern names the member, whatever its JSON key.
                let label = &f.member;
                quote!(proto::Location::Label(#label))
            }
            Binding::Query(name) => quote!(proto::Location::Query(#name)),
            Binding::QueryParams => quote!(proto::Location::QueryParams),
            Binding::Header(name) => quote!(proto::Location::Header(#name)),
            Binding::PrefixHeaders(prefix) => quote!(proto::Location::PrefixHeaders(#prefix)),
            Binding::Payload(Some(media)) => {
                quote!(proto::Location::Payload { media_type: Some(#media) })
            }
            Binding::Payload(None) => quote!(proto::Location::Payload { media_type: None }),
            Binding::ResponseCode => quote!(proto::Location::ResponseCode),
        };
        let value = match (&f.binding, &f.media_type, &f.ty) {
            (Binding::Header(_), Some(_), RustType::String) => {
                quote!(proto::ValueKind::MediaTypeString)
            }
            _ => kinds.value_kind(&f.ty),
        };
        quote!(proto::MemberSpec { key: #key, location: #location, value: #value })
    })
}

/// Maps IR types to the runtime's `ValueKind`.
struct Kinds<'a> {
    service: &'a Service,
}

impl Kinds<'_> {
    fn value_kind(&self, ty: &RustType) -> TokenStream {
        match ty {
            RustType::String => quote!(proto::ValueKind::String),
            RustType::Bool => quote!(proto::ValueKind::Boolean),
            RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 | RustType::I128 => {
                quote!(proto::ValueKind::Integer)
            }
            RustType::F32 | RustType::F64 => quote!(proto::ValueKind::Float),
            RustType::Unit => quote!(proto::ValueKind::Structure),
            RustType::Timestamp(explicit) => {
                let json = format_tokens(explicit.unwrap_or(TimestampFormat::EpochSeconds));
                let explicit = match explicit {
                    Some(f) => {
                        let f = format_tokens(*f);
                        quote!(Some(#f))
                    }
                    None => quote!(None),
                };
                quote!(proto::ValueKind::Timestamp { json: #json, explicit: #explicit })
            }
            RustType::Blob => quote!(proto::ValueKind::Blob),
            RustType::Document => quote!(proto::ValueKind::Document),
            RustType::Named(ident) => {
                match self.service.types.iter().find(|t| t.ident() == ident) {
                    Some(TypeDef::Struct(_)) => quote!(proto::ValueKind::Structure),
                    Some(TypeDef::Union(_)) => quote!(proto::ValueKind::Union),
                    Some(TypeDef::Enum(e)) if e.int => quote!(proto::ValueKind::Integer),
                    _ => quote!(proto::ValueKind::String),
                }
            }
            RustType::List(inner, _) => {
                let inner = self.value_kind(inner);
                quote!(proto::ValueKind::List(&#inner))
            }
            RustType::Map(_, value, _) => {
                let value = self.value_kind(value);
                quote!(proto::ValueKind::Map(&#value))
            }
        }
    }
}

fn format_tokens(format: TimestampFormat) -> TokenStream {
    match format {
        TimestampFormat::DateTime => quote!(::smithy_runtime::datetime::Format::DateTime),
        TimestampFormat::HttpDate => quote!(::smithy_runtime::datetime::Format::HttpDate),
        TimestampFormat::EpochSeconds => quote!(::smithy_runtime::datetime::Format::EpochSeconds),
    }
}
