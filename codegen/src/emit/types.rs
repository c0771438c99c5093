//! The `types` module: every structure, enum and union of the service, in name order.

use proc_macro2::TokenStream;
use quote::quote;

use super::specs;
use super::ty::Paths;
use super::{enums, structs, unions};
use crate::ir::{Service, TypeRef};

/// The module's items.
pub(crate) fn module(service: &Service) -> TokenStream {
    let paths = Paths::new(service);
    let items = service.types.iter().map(|ty| match *ty {
        TypeRef::Struct(id) => {
            let s = service.structure(id);
            structs::structure(&paths, s, &specs::error_members(service, s))
        }
        TypeRef::Enum(id) => enums::enumeration(&paths, service.enumeration(id)),
        TypeRef::Union(id) => unions::union(&paths, service.union(id)),
    });
    // Error specs name their header members through `proto`, as the operation module does.
    let uses_proto = service
        .structs
        .iter()
        .any(|s| s.error.is_some() && s.fields.iter().any(specs::in_error_headers));
    let proto = uses_proto.then(|| {
        quote!(
            use ::smithy_runtime::protocol as proto;
        )
    });
    quote! {
        #proto
        #(#items)*
    }
}
