//! The HTTP tables the runtime's protocols read: `proto::MemberSpec` lists of the members that
//! travel outside the body, with their locations and value kinds. The `operation` module
//! writes them for inputs and outputs, the `types` module for error structures (their header
//! members). Uses the `proto` alias of `::smithy_runtime::protocol`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Binding, Field, RustType, Service, Struct, TimestampFormat, TypeRef};

/// The `members` table of an error structure's `ErrorSpec`: the members it carries in
/// headers.
pub(super) fn error_members(service: &Service, s: &Struct) -> TokenStream {
    let members = member_specs(service, s.fields.iter().filter(|f| in_error_headers(f)));
    quote!(&[#(#members),*])
}

/// Whether an error member travels in a header.
pub(super) fn in_error_headers(f: &Field) -> bool {
    matches!(f.binding, Binding::Header(_) | Binding::PrefixHeaders(_))
}

/// Whether an output member travels in the response body: request-only bindings (labels,
/// query parameters) mean nothing in a response, so such members are read from the body.
pub(super) fn in_output_body(f: &Field) -> bool {
    matches!(
        f.binding,
        Binding::Body | Binding::Label | Binding::Query(_) | Binding::QueryParams
    )
}

/// A `proto::MemberSpec` for each of `fields`.
pub(super) fn member_specs<'a>(
    service: &'a Service,
    fields: impl Iterator<Item = &'a Field> + 'a,
) -> impl Iterator<Item = TokenStream> + 'a {
    fields.map(move |f| {
        let key = &f.json_name;
        let location = location(f);
        let value = match (&f.binding, &f.media_type, &f.ty) {
            (Binding::Header(_), Some(_), RustType::String) => {
                quote!(proto::ValueKind::MediaTypeString)
            }
            _ => value_kind(service, &f.ty),
        };
        quote!(proto::MemberSpec { key: #key, location: #location, value: #value })
    })
}

/// Where the member of `f` travels.
fn location(f: &Field) -> TokenStream {
    match &f.binding {
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
    }
}

/// The runtime's `ValueKind` of a value of type `ty`.
fn value_kind(service: &Service, ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote!(proto::ValueKind::String),
        RustType::Bool => quote!(proto::ValueKind::Boolean),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 | RustType::I128 => {
            quote!(proto::ValueKind::Integer)
        }
        RustType::F32 | RustType::F64 => quote!(proto::ValueKind::Float),
        RustType::Unit | RustType::Named(TypeRef::Struct(_)) => {
            quote!(proto::ValueKind::Structure)
        }
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
        RustType::Named(TypeRef::Union(_)) => quote!(proto::ValueKind::Union),
        RustType::Named(TypeRef::Enum(id)) if service.enumeration(*id).int => {
            quote!(proto::ValueKind::Integer)
        }
        RustType::Named(TypeRef::Enum(_)) => quote!(proto::ValueKind::String),
        RustType::List(inner, _) => {
            let inner = value_kind(service, inner);
            quote!(proto::ValueKind::List(&#inner))
        }
        RustType::Map(_, value, _) => {
            let value = value_kind(service, value);
            quote!(proto::ValueKind::Map(&#value))
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
