//! Paths to std items and the Rust types of values.
//!
//! Generated code names std prelude items (`Option`, `String`, `Vec`, `Box`, `Into`, …) by
//! their short prelude names, except where the crate defines a type of the same name (a Smithy
//! model may have a shape called `Option` or `String`): there the fully qualified path is used.
//! [`Paths`] knows which names are shadowed and is the only place such paths are written.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{RustType, Service, StructId, TimestampFormat, TypeRef};

/// Std paths for one module of a generated crate.
pub(crate) struct Paths<'a> {
    service: &'a Service,
    shadowed: BTreeSet<String>,
    /// The path from the module being emitted to the `types` module (`super::` in `builders`).
    types: TokenStream,
}

impl<'a> Paths<'a> {
    /// Paths for the `types` module of `service`: every generated type name shadows.
    pub(crate) fn new(service: &'a Service) -> Self {
        let shadowed = service
            .types
            .iter()
            .map(|t| service.type_ident(*t).to_string())
            .collect();
        Paths {
            service,
            shadowed,
            types: TokenStream::new(),
        }
    }

    /// Paths for the `types::builders` module: builder names shadow, and generated types are
    /// reached through `super::` (a shape may be named like another shape's builder).
    pub(crate) fn builders(service: &'a Service) -> Self {
        let shadowed = service
            .structs
            .iter()
            .map(|s| s.builder.to_string())
            .collect();
        Paths {
            service,
            shadowed,
            types: quote!(super::),
        }
    }

    /// Paths for a module beside `types` (`operation`): generated types are reached through
    /// `crate::types::`, and the module's own items (`names`) shadow.
    pub(crate) fn beside_types(
        service: &'a Service,
        names: impl IntoIterator<Item = String>,
    ) -> Self {
        Paths {
            service,
            shadowed: names.into_iter().collect(),
            types: quote!(crate::types::),
        }
    }

    /// The service the paths are for.
    pub(crate) fn service(&self) -> &'a Service {
        self.service
    }

    /// The path of a generated type from the module being emitted.
    pub(crate) fn named(&self, ty: TypeRef) -> TokenStream {
        let (types, ident) = (&self.types, self.service.type_ident(ty));
        quote!(#types #ident)
    }

    /// The path of a generated structure from the module being emitted.
    pub(crate) fn structure(&self, id: StructId) -> TokenStream {
        self.named(TypeRef::Struct(id))
    }

    fn pick(&self, name: &str, short: TokenStream, full: TokenStream) -> TokenStream {
        if self.shadowed.contains(name) {
            full
        } else {
            short
        }
    }

    /// `Option<t>`.
    pub(crate) fn option(&self, t: TokenStream) -> TokenStream {
        let option = self.pick("Option", quote!(Option), quote!(::std::option::Option));
        quote!(#option<#t>)
    }

    /// The path of `Option::is_none`, as a string for serde attributes.
    pub(crate) fn option_is_none(&self) -> &'static str {
        if self.shadowed.contains("Option") {
            "::std::option::Option::is_none"
        } else {
            "Option::is_none"
        }
    }

    /// `String`.
    pub(crate) fn string(&self) -> TokenStream {
        self.pick("String", quote!(String), quote!(::std::string::String))
    }

    /// `Vec<t>`.
    pub(crate) fn vec(&self, t: TokenStream) -> TokenStream {
        let vec = self.pick("Vec", quote!(Vec), quote!(::std::vec::Vec));
        quote!(#vec<#t>)
    }

    /// `Box`.
    pub(crate) fn boxed(&self) -> TokenStream {
        self.pick("Box", quote!(Box), quote!(::std::boxed::Box))
    }

    /// `Result<t, e>`.
    pub(crate) fn result(&self, t: TokenStream, e: TokenStream) -> TokenStream {
        let result = self.pick("Result", quote!(Result), quote!(::std::result::Result));
        quote!(#result<#t, #e>)
    }

    /// `impl Into<t>`.
    pub(crate) fn impl_into(&self, t: TokenStream) -> TokenStream {
        let into = self.pick("Into", quote!(Into), quote!(::std::convert::Into));
        quote!(impl #into<#t>)
    }

    /// `Default::default()`.
    pub(crate) fn default_value(&self) -> TokenStream {
        let default = self.pick("Default", quote!(Default), quote!(::std::default::Default));
        quote!(#default::default())
    }

    /// The type tokens of a value.
    pub(crate) fn value_type(&self, ty: &RustType) -> TokenStream {
        match ty {
            RustType::String => self.string(),
            RustType::Bool => quote!(bool),
            RustType::I8 => quote!(i8),
            RustType::I16 => quote!(i16),
            RustType::I32 => quote!(i32),
            RustType::I64 => quote!(i64),
            RustType::I128 => quote!(i128),
            RustType::F32 => quote!(f32),
            RustType::F64 => quote!(f64),
            RustType::Timestamp(_) => quote!(::smithy_runtime::DateTime),
            RustType::Blob => quote!(::smithy_runtime::Blob),
            RustType::Document => quote!(::smithy_runtime::Document),
            RustType::Unit => quote!(::smithy_runtime::Unit),
            RustType::Named(ty) => self.named(*ty),
            RustType::List(inner, sparse) => {
                self.vec(self.maybe_option(self.value_type(inner), *sparse))
            }
            RustType::Map(key, value, sparse) => {
                let (key, value) = (
                    self.value_type(key),
                    self.maybe_option(self.value_type(value), *sparse),
                );
                quote!(::std::collections::BTreeMap<#key, #value>)
            }
        }
    }

    /// The field type: the value type, boxed and/or optional.
    pub(crate) fn field_type(&self, ty: &RustType, boxed: bool, optional: bool) -> TokenStream {
        let mut t = self.value_type(ty);
        if boxed {
            let boxed = self.boxed();
            t = quote!(#boxed<#t>);
        }
        self.maybe_option(t, optional)
    }

    fn maybe_option(&self, t: TokenStream, wrap: bool) -> TokenStream {
        if wrap {
            self.option(t)
        } else {
            t
        }
    }

    /// The `serde_with` adapter type for a value of this type, when its JSON form is not serde's
    /// default: timestamps in a non-default format, and floats (which may be `NaN`/`Infinity`
    /// strings). `Same` stands for "serde's own form" inside collections.
    pub(crate) fn adapter(&self, ty: &RustType) -> Option<TokenStream> {
        match ty {
            RustType::Timestamp(Some(TimestampFormat::DateTime)) => {
                Some(quote!(::smithy_runtime::codec::DateTimeFormat))
            }
            RustType::Timestamp(Some(TimestampFormat::HttpDate)) => {
                Some(quote!(::smithy_runtime::codec::HttpDate))
            }
            RustType::F32 | RustType::F64 => Some(quote!(::smithy_runtime::codec::Float)),
            RustType::List(inner, sparse) => {
                Some(self.vec(self.maybe_option(self.adapter(inner)?, *sparse)))
            }
            RustType::Map(_, value, sparse) => {
                let value = self.maybe_option(self.adapter(value)?, *sparse);
                Some(
                    quote!(::std::collections::BTreeMap<::smithy_runtime::serde_with::Same, #value>),
                )
            }
            _ => None,
        }
    }

    /// The `#[serde(with = "…::As::<…>")]` attribute of a field, if its type needs an adapter:
    /// `serde_with::As` applies the adapter without `serde_with`'s proc macro (which costs every
    /// build its `darling` and `syn` dependencies). Optional fields wrap the adapter in `Option`
    /// and read an absent member as `None` (`default`), as serde does for a plain `Option`.
    pub(crate) fn adapter_attr(&self, ty: &RustType, optional: bool) -> Option<TokenStream> {
        let adapter = self.maybe_option(self.adapter(ty)?, optional);
        // A type path in a string: tokens without the spaces `to_string` puts between them.
        let text: String = quote!(::smithy_runtime::serde_with::As::<#adapter>)
            .to_string()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let default = optional.then(|| quote!(, default));
        Some(quote!(#[serde(with = #text #default)]))
    }
}
