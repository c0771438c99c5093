//! The `types::builders` module: a builder per structure, every field optional until `build()`,
//! which names every missing required member.

use proc_macro2::TokenStream;
use quote::quote;

use super::ty::Paths;
use crate::ir::{Field, Operation, RustType, Service, Struct, StructId, TypeRef};

/// The module's items.
pub(crate) fn module(service: &Service) -> TokenStream {
    let paths = Paths::builders(service);
    let items = service.types.iter().filter_map(|ty| match *ty {
        TypeRef::Struct(id) => {
            let s = service.structure(id);
            let sends: Vec<&Operation> =
                s.input_of.iter().map(|op| service.operation(*op)).collect();
            Some(builder(&paths, id, &sends))
        }
        _ => None,
    });
    quote! { #(#items)* }
}

/// The builder type of a structure. The builders of operation inputs carry a sender type `S`
/// (`()` by default): the client's fluent calls use the same builder with a sender inside,
/// and `send()` is defined for each operation that takes this input.
fn builder(p: &Paths, id: StructId, sends: &[&Operation]) -> TokenStream {
    let s = p.service().structure(id);
    let ident = &s.ident;
    let builder = &s.builder;
    let redacts = s.sensitive || s.fields.iter().any(|f| f.sensitive);
    let debug = (!redacts).then(|| quote!(Debug,));
    let slots = s.fields.iter().map(|f| {
        let name = &f.ident;
        let ty = p.field_type(&f.ty, f.boxed, true);
        quote!(#name: #ty)
    });
    let setters = s.fields.iter().map(|f| setters(p, f));
    let doc = format!(" A builder for [`{ident}`](super::{ident}).");
    let build = build_fn(p, id);
    let allow_deprecated = s
        .fields
        .iter()
        .any(|f| f.deprecated.is_some())
        .then(|| quote!(#[allow(deprecated)]));
    // A member called `add` or `next` makes a setter clippy mistakes for a std trait method.
    let allow_trait_names = s
        .fields
        .iter()
        .any(|f| STD_TRAIT_METHODS.contains(&f.setter.to_string().as_str()))
        .then(|| quote!(#[allow(clippy::should_implement_trait)]));
    let sender = &p.service().builder_sender;
    let (decl, generics, sender_slot) = if sends.is_empty() {
        (TokenStream::new(), TokenStream::new(), TokenStream::new())
    } else {
        (quote!(<S = ()>), quote!(<S>), quote!(#sender: S,))
    };
    let sending = (!sends.is_empty()).then(|| sending(p, s, sends));
    quote! {
        #[doc = #doc]
        #[derive(Clone, #debug Default)]
        pub struct #builder #decl { #(#slots,)* #sender_slot }

        #allow_deprecated
        #allow_trait_names
        impl #generics #builder #generics {
            #(#setters)*
            #build
        }

        #sending
    }
}

/// `sending(sender)` for the client, and `send()` for each operation taking this input.
fn sending(p: &Paths, s: &Struct, sends: &[&Operation]) -> TokenStream {
    let client = super::cfg(super::CLIENT);
    let builder = &s.builder;
    let sender = &p.service().builder_sender;
    let fields = s.fields.iter().map(|f| &f.ident);
    let build = if s
        .fields
        .iter()
        .any(|f| f.required || (!f.optional && f.default.is_none()))
    {
        quote!(self.build())
    } else {
        quote!(Ok(self.build()))
    };
    let sends = sends.iter().map(|op| {
        let (marker, error) = (&op.ident, &op.error);
        let output = p.structure(op.output);
        let doc = format!(" Sends the `{}` request and waits for its answer.", op.name);
        let result = p.result(
            quote!(#output),
            quote!(::smithy_runtime::client::SdkError<crate::error::#error>),
        );
        let paginator = op.paginator.is_some().then(|| {
            let doc = format!(
                " Pages through `{}`: `.send()` on the paginator gives a stream of pages, and its `.items()` one of their items.",
                op.name
            );
            quote! {
                #[doc = #doc]
                pub fn into_paginator(self) -> ::smithy_runtime::client::paginate::Paginator<crate::operation::#marker> {
                    let sender = self.#sender.clone();
                    ::smithy_runtime::client::paginate::Paginator::new(&sender, #build)
                }
            }
        });
        let wait = (!op.waiters.is_empty()).then(|| {
            let wait = quote!(::smithy_runtime::client::wait);
            let doc = format!(
                " Polls `{}` until the waiter's acceptors decide or `max_wait` runs out: the last poll's output (or the error a success acceptor matched), else why waiting ended.",
                op.name
            );
            let result = p.result(
                quote!(#wait::Final<#output, crate::error::#error>),
                quote!(#wait::WaitError<crate::error::#error>),
            );
            quote! {
                #client
                impl #builder<#wait::Wait<crate::operation::#marker>> {
                    #[doc = #doc]
                    pub async fn wait(self, max_wait: ::std::time::Duration) -> #result {
                        let waiter = self.#sender.clone();
                        waiter.wait(#build, max_wait).await
                    }
                }
            }
        });
        quote! {
            #client
            impl #builder<::smithy_runtime::client::Sender<crate::operation::#marker>> {
                #[doc = #doc]
                pub async fn send(self) -> #result {
                    let sender = self.#sender.clone();
                    sender.send(#build).await
                }
                #paginator
            }
            #wait
        }
    });
    quote! {
        #client
        impl #builder {
            /// This builder, empty, with `sender` to send the request when it is complete.
            pub(crate) fn sending<S>(sender: S) -> #builder<S> {
                #builder { #(#fields: None,)* #sender: sender }
            }
        }

        #(#sends)*
    }
}

/// The placeholder names clippy's `disallowed_names` rejects as bindings by default.
const CLIPPY_PLACEHOLDER_NAMES: &[&str] = &["foo", "baz", "quux"];

/// Method names clippy's `should_implement_trait` reserves for std traits.
const STD_TRAIT_METHODS: &[&str] = &[
    "add",
    "as_mut",
    "as_ref",
    "bitand",
    "bitor",
    "bitxor",
    "borrow",
    "borrow_mut",
    "clone",
    "cmp",
    "default",
    "deref",
    "deref_mut",
    "div",
    "drop",
    "eq",
    "from_iter",
    "from_str",
    "hash",
    "index",
    "index_mut",
    "into_iter",
    "mul",
    "neg",
    "next",
    "not",
    "partial_cmp",
    "rem",
    "shl",
    "shr",
    "sub",
];

/// The setter and the `set_*` form of a field. A list's setter appends one item and a map's
/// inserts one entry, as the AWS SDKs' builders do; `set_*` takes the whole value or `None`.
fn setters(p: &Paths, f: &Field) -> TokenStream {
    let name = &f.ident;
    let (setter, set) = (&f.setter, &f.set_fn);
    let optional_value = p.field_type(&f.ty, f.boxed, true);
    let required = if f.required { " (required)" } else { "" };
    let set_doc = format!(" Sets or clears `{}`.", f.member);
    let one = match (&f.ty, f.boxed) {
        (RustType::List(item, sparse), false) => {
            let item = p.impl_into(p.field_type(item, false, *sparse));
            let doc = format!(" Appends an item to `{}`{required}.", f.member);
            quote! {
                #[doc = #doc]
                pub fn #setter(mut self, item: #item) -> Self {
                    self.#name.get_or_insert_default().push(item.into());
                    self
                }
            }
        }
        (RustType::Map(key, value, sparse), false) => {
            let key = p.impl_into(p.value_type(key));
            let value = p.impl_into(p.field_type(value, false, *sparse));
            let doc = format!(" Adds an entry to `{}`{required}.", f.member);
            quote! {
                #[doc = #doc]
                pub fn #setter(mut self, key: #key, value: #value) -> Self {
                    self.#name.get_or_insert_default().insert(key.into(), value.into());
                    self
                }
            }
        }
        _ => {
            let value = p.impl_into(p.value_type(&f.ty));
            let boxed = p.boxed();
            let wrap = if f.boxed {
                quote!(#boxed::new(value.into()))
            } else {
                quote!(value.into())
            };
            let doc = format!(" Sets `{}`{required}.", f.member);
            quote! {
                #[doc = #doc]
                pub fn #setter(mut self, value: #value) -> Self {
                    self.#name = Some(#wrap);
                    self
                }
            }
        }
    };
    quote! {
        #one
        #[doc = #set_doc]
        pub fn #set(mut self, value: #optional_value) -> Self {
            self.#name = value;
            self
        }
    }
}

/// `build()`: infallible when nothing is required; otherwise checks every required member at
/// once so the error lists all of them.
fn build_fn(p: &Paths, id: StructId) -> TokenStream {
    let s = p.service().structure(id);
    let ident = p.structure(id);
    let required: Vec<&Field> = s
        .fields
        .iter()
        .filter(|f| f.required || (!f.optional && f.default.is_none()))
        .collect();
    let assign = s.fields.iter().map(|f| {
        let name = &f.ident;
        let is_required = required.iter().any(|r| r.ident == f.ident);
        match (is_required, f.optional, &f.default) {
            (true, true, _) => quote!(#name: Some(#name)),
            (true, false, _) => quote!(#name),
            (false, true, _) => quote!(#name: self.#name),
            (false, false, Some(default)) if default.zero => {
                quote!(#name: self.#name.unwrap_or_default())
            }
            (false, false, Some(default)) => {
                let default_fn = &default.function;
                quote!(#name: self.#name.unwrap_or_else(#ident::#default_fn))
            }
            (false, false, None) => quote!(#name: self.#name.unwrap_or_default()),
        }
    });
    let mut assign: Vec<TokenStream> = assign.collect();
    assign.extend(
        s.response_metadata
            .as_ref()
            .map(|m| quote!(#m: ::smithy_runtime::operation::ResponseMetadata::default())),
    );
    let construct = quote!(#ident { #(#assign),* });
    if required.is_empty() {
        return quote! {
            /// Builds the value.
            pub fn build(self) -> #ident {
                #construct
            }
        };
    }
    let names: Vec<_> = required.iter().map(|f| &f.ident).collect();
    let result = p.result(quote!(#ident), quote!(::smithy_runtime::BuildError));
    let labels: Vec<String> = required
        .iter()
        .map(|f| f.ident.to_string().trim_start_matches("r#").to_string())
        .collect();
    let type_name = s.ident.to_string();
    // The match binds each required member by its field name; clippy objects to a few.
    let allow_names = labels
        .iter()
        .any(|l| CLIPPY_PLACEHOLDER_NAMES.contains(&l.as_str()))
        .then(|| quote!(#[allow(clippy::disallowed_names)]));
    quote! {
        /// Builds the value, or names every required member that is missing.
        #allow_names
        pub fn build(self) -> #result {
            match (#(self.#names,)*) {
                (#(Some(#names),)*) => Ok(#construct),
                (#(#names,)*) => Err(::smithy_runtime::BuildError::from_flags(
                    #type_name,
                    &[#((#labels, #names.is_none())),*],
                )),
            }
        }
    }
}
