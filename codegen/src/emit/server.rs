//! The `server` module: a trait with one async method per operation, each answering
//! "not implemented" until overridden, and `router`, which turns an implementation into the
//! runtime's `Router`.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::doc_or;
use crate::ir::{Constraints, Operation, Service, TypeRef};

/// The module's items.
pub(crate) fn module(service: &Service) -> TokenStream {
    let name = &service.server_trait;
    let methods = service.operations.iter().map(|op| method(service, op));
    let routes = service.operations.iter().map(|op| {
        let (ident, method) = (&op.ident, &op.fn_ident);
        quote! {
            .shared_operation(crate::operation::#ident, &service, |service, input, cx| async move {
                service.#method(input, cx).await
            })
        }
    });
    let trait_doc = format!(
        " The `{}` service, as a server answers it: implement the operations a test needs; the others answer HTTP 501 `NotImplemented`.",
        service.sdk_id
    );
    let rules = rules(service);
    quote! {
        use ::smithy_runtime::server::RequestContext;
        use ::smithy_runtime::validate as rules;

        #(#rules)*

        #[doc = #trait_doc]
        pub trait #name: Send + Sync + 'static {
            #(#methods)*
        }

        /// A router that answers every operation with `service`, in every protocol the service speaks.
        pub fn router<S: #name>(service: S) -> ::smithy_runtime::server::Router {
            router_builder(service).build()
        }

        /// The builder of [`router`], to change its settings (such as the body limit) or replace a handler.
        pub fn router_builder<S: #name>(service: S) -> ::smithy_runtime::server::RouterBuilder {
            let service = ::std::sync::Arc::new(service);
            ::smithy_runtime::server::Router::builder(&crate::operation::SERVICE)
                #(#routes)*
        }
    }
}

/// One trait method, with its "not implemented" default.
fn method(service: &Service, op: &Operation) -> TokenStream {
    let (method, name) = (&op.fn_ident, &op.name);
    let (input, output, error) = (
        &service.structure(op.input).ident,
        &service.structure(op.output).ident,
        &op.error,
    );
    let docs = doc_or(op.docs.as_deref(), &format!("The `{name}` operation."));
    let path = format!("{}::{}", service.server_trait, method);
    quote! {
        #docs
        fn #method(
            &self,
            input: crate::types::#input,
            cx: RequestContext,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<crate::types::#output, crate::error::#error>,
        > + Send {
            let _ = (input, cx);
            async { Err(::smithy_runtime::server::not_implemented(#name, #path)) }
        }
    }
}

/// A static of validation rules per structure and union: the members that are required or
/// constrained, or that lead to a structure that may be.
fn rules(service: &Service) -> Vec<TokenStream> {
    service
        .types
        .iter()
        .filter_map(|ty| {
            let (ident, rules, members): (_, _, Vec<TokenStream>) = match *ty {
                TypeRef::Struct(id) => {
                    let s = service.structure(id);
                    let members = s
                        .fields
                        .iter()
                        .filter(|f| (f.required && f.default.is_none()) || !trivial(&f.constraints))
                        .map(|f| {
                            let required = f.required && f.default.is_none();
                            member(service, &f.json_name, &f.member, required, &f.constraints)
                        })
                        .collect();
                    (&s.ident, &s.rules, members)
                }
                TypeRef::Union(id) => {
                    let u = service.union(id);
                    let members = u
                        .members
                        .iter()
                        .filter(|m| !trivial(&m.constraints))
                        .map(|m| member(service, &m.json_name, &m.member, false, &m.constraints))
                        .collect();
                    (&u.ident, &u.rules, members)
                }
                TypeRef::Enum(_) => return None,
            };
            let shape = ident.to_string();
            let doc = format!(" The constraints a server checks on `{shape}`.");
            Some(quote! {
                #[doc = #doc]
                pub static #rules: rules::Shape = rules::Shape {
                    name: #shape,
                    members: &[#(#members),*],
                };
            })
        })
        .collect()
}

fn member(
    service: &Service,
    key: &str,
    name: &str,
    required: bool,
    c: &Constraints,
) -> TokenStream {
    let value = value(service, c);
    quote!(rules::Member { key: #key, name: #name, required: #required, value: #value })
}

/// Whether a value has nothing to check.
fn trivial(c: &Constraints) -> bool {
    c.length.is_none()
        && c.range.is_none()
        && c.pattern.is_none()
        && c.enum_values.is_none()
        && c.int_enum_values.is_none()
        && !c.unique
        && c.shape.is_none()
        && c.element.as_deref().is_none_or(trivial)
        && c.key.as_deref().is_none_or(trivial)
}

/// The `rules::Value` of `c`: the fields that differ from `rules::Value::NONE`, then the rest
/// from it.
fn value(service: &Service, c: &Constraints) -> TokenStream {
    let mut fields = Vec::new();
    let bound_u64 = |b: Option<u64>| match b {
        Some(b) => quote!(Some(#b)),
        None => quote!(None),
    };
    let bound_str = |b: &Option<String>| match b {
        Some(b) => quote!(Some(#b)),
        None => quote!(None),
    };
    if let Some((min, max)) = c.length {
        let (min, max) = (bound_u64(min), bound_u64(max));
        fields.push(quote!(length: Some((#min, #max))));
    }
    if let Some((min, max)) = &c.range {
        let (min, max) = (bound_str(min), bound_str(max));
        fields.push(quote!(range: Some((#min, #max))));
    }
    if let Some(pattern) = &c.pattern {
        fields.push(quote!(pattern: Some(#pattern)));
    }
    if let Some((listed, internal)) = &c.enum_values {
        fields.push(quote!(enum_values: Some(rules::EnumValues {
            listed: &[#(#listed),*],
            internal: &[#(#internal),*],
        })));
    }
    if let Some(values) = &c.int_enum_values {
        fields.push(quote!(int_enum_values: Some(&[#(#values),*])));
    }
    if c.unique {
        fields.push(quote!(unique: true));
    }
    if c.blob {
        fields.push(quote!(blob: true));
    }
    let nested = |n: &Option<Box<Constraints>>| {
        n.as_deref()
            .filter(|n| !trivial(n))
            .map(|n| value(service, n))
    };
    if let Some(element) = nested(&c.element) {
        fields.push(quote!(element: Some(&#element)));
    }
    if let Some(key) = nested(&c.key) {
        fields.push(quote!(key: Some(&#key)));
    }
    if let Some(name) = c.shape.and_then(|ty| service.rules_ident(ty)) {
        fields.push(quote!(shape: Some(&#name)));
    }
    quote!(rules::Value { #(#fields,)* ..rules::Value::NONE })
}
