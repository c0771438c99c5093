//! Open enums: known values as variants, anything else kept in `Unknown` so it round-trips.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::doc::doc_or;
use super::ty::Paths;
use crate::ir::Enum;

/// Every item of one enum.
pub(crate) fn enumeration(p: &Paths, e: &Enum) -> TokenStream {
    if e.int {
        int_enum(p, e)
    } else {
        string_enum(p, e)
    }
}

fn variant_decls(e: &Enum) -> Vec<TokenStream> {
    e.variants
        .iter()
        .map(|v| {
            let ident = &v.ident;
            let docs = doc_or(v.docs.as_deref(), &format!("`{}`", v.value));
            let deprecated = v.deprecated.then(|| quote!(#[deprecated]));
            quote!(#docs #deprecated #ident)
        })
        .collect()
}

fn string_enum(p: &Paths, e: &Enum) -> TokenStream {
    let ident = &e.ident;
    let docs = doc_or(
        e.docs.as_deref(),
        &format!("The `{}` enumeration.", e.ident),
    );
    let variants = variant_decls(e);
    let names: Vec<_> = e.variants.iter().map(|v| &v.ident).collect();
    let values: Vec<&str> = e.variants.iter().map(|v| v.value.as_str()).collect();
    let debug = e.sensitive.then(|| redacting_debug(e));
    let allow_deprecated = e
        .variants
        .iter()
        .any(|v| v.deprecated)
        .then(|| quote!(#[allow(deprecated)]));
    let derive_debug = (!e.sensitive).then(|| quote!(Debug,));
    let string = p.string();
    let serde = string_serde(p, e);
    quote! {
        #docs
        #[derive(Clone, #derive_debug PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #allow_deprecated
        pub enum #ident {
            #(#variants,)*
            /// A value this version of the crate does not know; kept as received.
            Unknown(#string),
        }

        #allow_deprecated
        impl #ident {
            /// Every value the model defines, in model order.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#names => #values,)*
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }

        #allow_deprecated
        impl From<&str> for #ident {
            fn from(value: &str) -> Self {
                match value {
                    #(#values => Self::#names,)*
                    other => Self::Unknown(#string::from(other)),
                }
            }
        }

        impl From<#string> for #ident {
            fn from(value: #string) -> Self {
                Self::from(value.as_str())
            }
        }

        impl AsRef<str> for #ident {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #debug
        #serde
    }
}

/// `Serialize` and `Deserialize` for a string enum: its wire value as a string.
fn string_serde(p: &Paths, e: &Enum) -> TokenStream {
    let ident = &e.ident;
    let result = p.result(quote!(S::Ok), quote!(S::Error));
    let de_result = p.result(quote!(Self), quote!(D::Error));
    quote! {
        impl ::smithy_runtime::serde::Serialize for #ident {
            fn serialize<S: ::smithy_runtime::serde::Serializer>(&self, serializer: S) -> #result {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::smithy_runtime::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::smithy_runtime::serde::Deserializer<'de>>(deserializer: D) -> #de_result {
                ::smithy_runtime::codec::deserialize_string_enum(deserializer)
            }
        }
    }
}

fn int_enum(p: &Paths, e: &Enum) -> TokenStream {
    let ident = &e.ident;
    let docs = doc_or(
        e.docs.as_deref(),
        &format!("The `{}` enumeration.", e.ident),
    );
    let variants = variant_decls(e);
    let names: Vec<_> = e.variants.iter().map(|v| &v.ident).collect();
    let values: Vec<Literal> = e
        .variants
        .iter()
        // The loader rejects intEnum values outside i32, so every value parses.
        .map(|v| Literal::i32_unsuffixed(v.value.parse().unwrap_or_default()))
        .collect();
    let debug = e.sensitive.then(|| redacting_debug(e));
    let allow_deprecated = e
        .variants
        .iter()
        .any(|v| v.deprecated)
        .then(|| quote!(#[allow(deprecated)]));
    let derive_debug = (!e.sensitive).then(|| quote!(Debug,));
    let result = p.result(quote!(S::Ok), quote!(S::Error));
    let de_result = p.result(quote!(Self), quote!(D::Error));
    quote! {
        #docs
        #[derive(Clone, Copy, #derive_debug PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #allow_deprecated
        pub enum #ident {
            #(#variants,)*
            /// A value this version of the crate does not know; kept as received.
            Unknown(i32),
        }

        #allow_deprecated
        impl #ident {
            /// Every value the model defines, in model order.
            pub const VALUES: &'static [i32] = &[#(#values),*];

            /// The wire value.
            pub fn as_i32(&self) -> i32 {
                match self {
                    #(Self::#names => #values,)*
                    Self::Unknown(value) => *value,
                }
            }
        }

        #allow_deprecated
        impl From<i32> for #ident {
            fn from(value: i32) -> Self {
                match value {
                    #(#values => Self::#names,)*
                    other => Self::Unknown(other),
                }
            }
        }

        impl ::std::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.as_i32(), f)
            }
        }

        #debug

        impl ::smithy_runtime::serde::Serialize for #ident {
            fn serialize<S: ::smithy_runtime::serde::Serializer>(&self, serializer: S) -> #result {
                serializer.serialize_i32(self.as_i32())
            }
        }

        impl<'de> ::smithy_runtime::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::smithy_runtime::serde::Deserializer<'de>>(deserializer: D) -> #de_result {
                <i32 as ::smithy_runtime::serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    }
}

/// `Debug` for `@sensitive` enums: the value is never printed.
fn redacting_debug(e: &Enum) -> TokenStream {
    let ident = &e.ident;
    quote! {
        impl ::std::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(::smithy_runtime::REDACTED)
            }
        }
    }
}
