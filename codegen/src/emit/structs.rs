//! Structures: the type with its serde attributes, a redacting `Debug` where needed, the
//! `builder()` entry point, defaults, and `Display`/`Error` for error structures.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::doc::doc_or;
use super::ty::Paths;
use crate::ir::{DefaultValue, Document, Field, RustType, Struct};

/// Every item of one structure.
/// `error_members` is the `members` table of an error structure's `ErrorSpec`.
pub(crate) fn structure(p: &Paths, s: &Struct, error_members: &TokenStream) -> TokenStream {
    let ident = &s.ident;
    let docs = doc_or(
        s.docs.as_deref(),
        &format!("The `{}` structure.", s.shape_name),
    );
    let mut fields: Vec<TokenStream> = s.fields.iter().map(|f| field(p, s, f)).collect();
    fields.extend(
        s.response_metadata
            .as_ref()
            .map(|m| quote!(#[serde(skip)] #m: ::smithy_runtime::operation::ResponseMetadata)),
    );
    let metadata_impl = s.response_metadata.as_ref().map(|m| {
        quote! {
            impl ::smithy_runtime::operation::OutputMetadata for #ident {
                fn metadata(&self) -> &::smithy_runtime::operation::ResponseMetadata {
                    &self.#m
                }
                fn metadata_mut(&mut self) -> &mut ::smithy_runtime::operation::ResponseMetadata {
                    &mut self.#m
                }
            }
        }
    });
    let redacts = s.sensitive || s.fields.iter().any(|f| f.sensitive);
    let debug_derive = (!redacts).then(|| quote!(Debug,));
    let builder = &s.builder;
    let allow_deprecated = s
        .fields
        .iter()
        .any(|f| f.deprecated.is_some())
        .then(|| quote!(#[allow(deprecated)]));
    let debug_impl = redacts.then(|| {
        let debug = redacting_debug(s);
        quote!(#allow_deprecated #debug)
    });
    let defaults = default_fns(p, s);
    let getters = getters(p, s);
    let fill_defaults = fill_defaults(p, s);
    let default_value = p.default_value();
    let error = s.error.is_some().then(|| error_impls(p, s, error_members));
    quote! {
        #docs
        #[derive(Clone, #debug_derive PartialEq, ::smithy_runtime::serde::Serialize, ::smithy_runtime::serde::Deserialize)]
        #[serde(crate = "::smithy_runtime::serde")]
        #[non_exhaustive]
        #allow_deprecated
        pub struct #ident { #(#fields),* }

        #allow_deprecated
        impl #ident {
            /// A builder for this type.
            pub fn builder() -> builders::#builder {
                #default_value
            }
            #defaults
            #fill_defaults
            #getters
        }
        #debug_impl
        #metadata_impl
        #error
    }
}

fn field(p: &Paths, s: &Struct, f: &Field) -> TokenStream {
    let ident = &f.ident;
    let mut docs = doc_or(f.docs.as_deref(), &format!("The `{}` member.", f.member));
    if f.streaming {
        docs.extend(super::doc::doc_text(
            "\nA streaming blob in the model: this crate reads and writes it whole, in memory.",
        ));
    }
    let ty = p.field_type(&f.ty, f.boxed, f.optional);
    let rename = (f.json_name != ident.to_string().trim_start_matches("r#")).then(|| {
        let name = &f.json_name;
        quote!(rename = #name,)
    });
    let presence = match (&f.default, f.optional) {
        (_, true) => {
            let is_none = p.option_is_none();
            quote!(skip_serializing_if = #is_none)
        }
        (Some(default), false) if !default.zero => {
            let path = format!("{}::{}", s.ident, default.function);
            quote!(default = #path)
        }
        (Some(_), false) => quote!(default),
        // Client error correction: a required member the service left out of an output, an
        // error or a nested structure reads as its zero value where that is the type's
        // `Default` (Smithy's error-correction values). Inputs keep the member required.
        (None, false) if !s.is_operation_input() && zero_is_default(&f.ty) => quote!(default),
        (None, false) => TokenStream::new(),
    };
    let serde =
        (rename.is_some() || !presence.is_empty()).then(|| quote!(#[serde(#rename #presence)]));
    let adapter = p.adapter_attr(&f.ty, f.optional);
    let deprecated = f
        .deprecated
        .as_ref()
        .map(|note| quote!(#[deprecated(note = #note)]));
    quote! { #docs #deprecated #serde #adapter pub #ident: #ty }
}

/// A getter per optional list member: its items as a slice, empty when the list is unset.
fn getters(p: &Paths, s: &Struct) -> TokenStream {
    let getters = s.fields.iter().filter_map(|f| {
        let getter = f.getter.as_ref()?;
        let RustType::List(item, sparse) = &f.ty else {
            return None;
        };
        let item = p.field_type(item, false, *sparse);
        let ident = &f.ident;
        let doc = format!(" The items of `{}` (none when it is unset).", f.member);
        let deprecated = f
            .deprecated
            .as_ref()
            .map(|note| quote!(#[deprecated(note = #note)]));
        Some(quote! {
            #[doc = #doc]
            #deprecated
            pub fn #getter(&self) -> &[#item] {
                self.#ident.as_deref().unwrap_or_default()
            }
        })
    });
    quote!(#(#getters)*)
}

/// Types whose `Default` is the value Smithy's error correction gives a missing required
/// member: `false`, `0`, `""`, empty blobs, lists and maps, and the epoch.
fn zero_is_default(ty: &RustType) -> bool {
    !matches!(ty, RustType::Named(_) | RustType::Document)
}

/// `fn default_x() -> T` for members whose `@default` is not the type's zero value.
fn default_fns(p: &Paths, s: &Struct) -> TokenStream {
    let fns = s.fields.iter().filter(|f| !f.optional).filter_map(|f| {
        let default = f.default.as_ref().filter(|d| !d.zero)?;
        let name = &default.function;
        let ty = p.field_type(&f.ty, f.boxed, false);
        let expr = default_expr(p, &f.ty, &default.value)?;
        Some(quote! {
            fn #name() -> #ty { #expr }
        })
    });
    quote!(#(#fns)*)
}

/// Whether `s` is an operation input with client-optional members that have a `@default`
/// (top-level members of an `@input` structure): a server fills those in.
pub(crate) fn has_defaults_to_fill(s: &Struct) -> bool {
    s.is_operation_input() && s.fields.iter().any(|f| fillable_default(f).is_some())
}

fn fillable_default(f: &Field) -> Option<&DefaultValue> {
    f.default.as_ref().filter(|_| f.optional).map(|d| &d.value)
}

/// `fn fill_defaults(&mut self)` for an operation input with defaults to fill (see
/// [`has_defaults_to_fill`]), which the operation's `Operation::fill_defaults` calls.
fn fill_defaults(p: &Paths, s: &Struct) -> Option<TokenStream> {
    if !has_defaults_to_fill(s) {
        return None;
    }
    let fills = s.fields.iter().filter_map(|f| {
        let expr = default_expr(p, &f.ty, fillable_default(f)?)?;
        let expr = if f.boxed {
            quote!(::std::boxed::Box::new(#expr))
        } else {
            expr
        };
        let ident = &f.ident;
        Some(quote!(if self.#ident.is_none() { self.#ident = Some(#expr); }))
    });
    Some(quote! {
        /// Sets each unset member that has a `@default` to it, as a server does before it
        /// validates the input.
        pub(crate) fn fill_defaults(&mut self) {
            #(#fills)*
        }
    })
}

/// The Rust expression of a `@default` value of type `ty`.
fn default_expr(p: &Paths, ty: &RustType, value: &DefaultValue) -> Option<TokenStream> {
    Some(match (ty, value) {
        (_, DefaultValue::Timestamp(secs)) => {
            let secs = Literal::f64_unsuffixed(*secs);
            quote!(::smithy_runtime::DateTime::from_secs_f64(#secs))
        }
        (_, DefaultValue::Blob(base64)) => {
            quote!(::smithy_runtime::Blob::from_base64(#base64).unwrap_or_default())
        }
        (_, DefaultValue::Document(document)) => document_expr(document),
        (_, DefaultValue::Bool(b)) => quote!(#b),
        (_, DefaultValue::String(s)) => {
            let string = p.string();
            quote!(#string::from(#s))
        }
        (RustType::Named(named), DefaultValue::EnumString(s)) => {
            let ident = p.named(*named);
            quote!(#ident::from(#s))
        }
        (RustType::Named(named), DefaultValue::EnumInt(n)) => {
            let (ident, n) = (p.named(*named), Literal::i32_unsuffixed(*n));
            quote!(#ident::from(#n))
        }
        (_, DefaultValue::Float(f)) => {
            let lit = Literal::f64_unsuffixed(*f);
            quote!(#lit)
        }
        (_, DefaultValue::Int(i)) => {
            let lit = Literal::i64_unsuffixed(*i);
            quote!(#lit)
        }
        (_, DefaultValue::Empty) => p.default_value(),
        _ => return None,
    })
}

/// A `smithy_runtime::Document` (a `serde_json::Value`) expression for a document value.
fn document_expr(value: &Document) -> TokenStream {
    let json = quote!(::smithy_runtime::serde_json);
    match value {
        Document::Null => quote!(#json::Value::Null),
        Document::Bool(b) => quote!(#json::Value::Bool(#b)),
        Document::Int(i) => quote!(#json::Value::from(#i)),
        Document::Float(f) => {
            let f = Literal::f64_unsuffixed(*f);
            quote!(#json::Value::from(#f))
        }
        Document::String(s) => quote!(#json::Value::String(::std::string::String::from(#s))),
        Document::List(items) => {
            let items = items.iter().map(document_expr);
            quote!(#json::Value::Array(::std::vec![#(#items),*]))
        }
        Document::Map(entries) => {
            let entries = entries.iter().map(|(k, v)| {
                let v = document_expr(v);
                quote!((::std::string::String::from(#k), #v))
            });
            quote!(#json::Value::Object(#json::Map::from_iter([#(#entries),*])))
        }
    }
}

fn redacting_debug(s: &Struct) -> TokenStream {
    let ident = &s.ident;
    let name = ident.to_string();
    let fields = s.fields.iter().map(|f| {
        let field = &f.ident;
        let label = field.to_string().trim_start_matches("r#").to_string();
        if s.sensitive || f.sensitive {
            quote!(.field(#label, &::smithy_runtime::REDACTED))
        } else {
            quote!(.field(#label, &self.#field))
        }
    });
    quote! {
        impl ::std::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#name) #(#fields)* .finish()
            }
        }
    }
}

/// Error structures: their code, their message, `Display` (`Code: message`) and `Error`.
fn error_impls(p: &Paths, s: &Struct, members: &TokenStream) -> TokenStream {
    let Some(info) = &s.error else {
        return TokenStream::new();
    };
    let ident = &s.ident;
    let code = &info.code;
    let message = match info.message_field.map(|index| &s.fields[index]) {
        Some(field) => {
            let ident = &field.ident;
            if field.optional {
                quote!(self.#ident.as_deref())
            } else {
                quote!(Some(self.#ident.as_str()))
            }
        }
        None => quote!(None),
    };
    let option_str = p.option(quote!(&str));
    let status = info.status;
    let retryable = info.retryable;
    let throttling = info.throttling;
    let shape_id = &info.shape_id;
    let query_error = match &info.query_error {
        Some(q) => quote!(Some(#q)),
        None => quote!(None),
    };
    quote! {
        impl #ident {
            /// The error code on the wire.
            pub const CODE: &'static str = #code;
            /// The code, HTTP status and retry traits of this error.
            pub const SPEC: ::smithy_runtime::protocol::ErrorSpec = ::smithy_runtime::protocol::ErrorSpec {
                code: Self::CODE,
                status: #status,
                members: #members,
                retryable: #retryable,
                throttling: #throttling,
                shape_id: #shape_id,
                query_error: #query_error,
            };
        }

        impl ::smithy_runtime::ServiceError for #ident {
            fn code(&self) -> #option_str {
                Some(Self::CODE)
            }

            fn message(&self) -> #option_str {
                #message
            }
        }

        impl ::std::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match ::smithy_runtime::ServiceError::message(self) {
                    Some(message) => write!(f, "{}: {}", Self::CODE, message),
                    None => f.write_str(Self::CODE),
                }
            }
        }

        impl ::std::error::Error for #ident {}
    }
}
