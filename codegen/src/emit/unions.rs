//! Unions: a Rust enum with one variant per member plus `Unknown` for members this crate does
//! not know. Serialization is serde's externally tagged form (a one-key object); deserialization
//! goes through the runtime's `deserialize_union`, which ignores `__type` and null members and
//! asks the union's `UnionMembers` impl to read each member's value.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::doc_or;
use super::ty::Paths;
use crate::ir::Union;

/// Every item of one union.
pub(crate) fn union(p: &Paths, u: &Union) -> TokenStream {
    let ident = &u.ident;
    let docs = doc_or(
        u.docs.as_deref(),
        &format!("The `{}` union: exactly one member is set.", u.ident),
    );
    let variants = u.members.iter().map(|m| {
        let name = &m.ident;
        let docs = doc_or(m.docs.as_deref(), &format!("The `{}` member.", m.json_name));
        let key = &m.json_name;
        let ty = p.field_type(&m.ty, m.boxed, false);
        let adapter = p.adapter_attr(&m.ty, false);
        quote!(#docs #[serde(rename = #key)] #name(#adapter #ty))
    });
    let derive_debug = (!u.sensitive).then(|| quote!(Debug,));
    let debug = u.sensitive.then(|| {
        quote! {
            impl ::std::fmt::Debug for #ident {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(::smithy_runtime::REDACTED)
                }
            }
        }
    });
    let arms = read_member_arms(p, u);
    let name = ident.to_string();
    let string = p.string();
    let result = p.result(quote!(Self), quote!(D::Error));
    let member_result = p.result(p.option(quote!(Self)), quote!(M::Error));
    quote! {
        #docs
        #[derive(Clone, #derive_debug PartialEq, ::smithy_runtime::serde::Serialize)]
        #[serde(crate = "::smithy_runtime::serde")]
        #[non_exhaustive]
        pub enum #ident {
            #(#variants,)*
            /// A member this version of the crate does not know (its name). It cannot be sent.
            #[serde(skip)]
            Unknown(#string),
        }

        #debug

        impl ::smithy_runtime::codec::UnionMembers for #ident {
            const NAME: &'static str = #name;

            fn read_member<'de, M: ::smithy_runtime::serde::de::MapAccess<'de>>(
                key: &str,
                map: &mut M,
            ) -> #member_result {
                Ok(match key {
                    #(#arms,)*
                    _ => ::smithy_runtime::codec::read_unknown_member(#name, key, map)?
                        .map(Self::Unknown),
                })
            }
        }

        impl<'de> ::smithy_runtime::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::smithy_runtime::serde::Deserializer<'de>>(deserializer: D) -> #result {
                ::smithy_runtime::codec::deserialize_union(deserializer)
            }
        }
    }
}

/// The `match` arms of `UnionMembers::read_member`: each known member's key, reading its value.
fn read_member_arms(p: &Paths, u: &Union) -> Vec<TokenStream> {
    u.members
        .iter()
        .map(|m| {
            let name = &m.ident;
            let key = &m.json_name;
            let ty = p.field_type(&m.ty, m.boxed, false);
            match p.adapter(&m.ty) {
                None => {
                    let value = p.option(ty);
                    quote!(#key => map.next_value::<#value>()?.map(Self::#name))
                }
                Some(a) => {
                    let value = p.option(
                        quote!(::smithy_runtime::serde_with::de::DeserializeAsWrap<#ty, #a>),
                    );
                    quote!(#key => map.next_value::<#value>()?.map(|v| Self::#name(v.into_inner())))
                }
            }
        })
        .collect()
}
