//! Paginators: for each `@paginated` operation, the runtime's `Paginated` accessors (its
//! tokens), and `PageSize` and `PaginatedItems` where the model names a page size and items.
//! The pagination loop itself is the runtime's (`smithy_runtime::client::paginate`).

use proc_macro2::TokenStream;
use quote::quote;

use super::ty::Paths;
use crate::ir::{Field, FieldRef, Operation, RustType};

/// The paginator impls of `op`, if it is paginated.
pub(crate) fn impls(p: &Paths, op: &Operation) -> Option<TokenStream> {
    let pages = op.paginator.as_ref()?;
    let service = p.service();
    let ident = &op.ident;
    let token = service.field(pages.input_token);
    let (get, set) = input_token(token);
    let token_type = p.field_type(&token.ty, false, false);
    let output_token = output_token(p, &pages.output_token)?;
    let page_size = pages.page_size.and_then(|f| page_size(p, op, f));
    let items = pages.items.as_deref().and_then(|path| items(p, op, path));
    let (token_ref, token) = (
        p.option(quote!(&Self::Token)),
        p.option(quote!(Self::Token)),
    );
    Some(quote! {
        #[cfg(feature = "client")]
        impl ::smithy_runtime::client::paginate::Paginated for #ident {
            type Token = #token_type;
            fn input_token(input: &Self::Input) -> #token_ref { #get }
            fn set_input_token(input: &mut Self::Input, token: #token) { #set }
            fn output_token(output: &Self::Output) -> #token_ref { #output_token }
        }
        #page_size
        #items
    })
}

/// The getter and setter bodies of the input token (a string or a map).
fn input_token(f: &Field) -> (TokenStream, TokenStream) {
    let ident = &f.ident;
    if f.optional {
        (quote!(input.#ident.as_ref()), quote!(input.#ident = token;))
    } else {
        (
            quote!(Some(&input.#ident)),
            quote!(input.#ident = token.unwrap_or_default();),
        )
    }
}

/// The body of `output_token`: the member path walked by reference, `?` past unset members.
fn output_token(p: &Paths, path: &[FieldRef]) -> Option<TokenStream> {
    let (last, parents) = path.split_last()?;
    let mut walk = quote!(output);
    let mut steps = Vec::new();
    for (i, step) in parents.iter().enumerate() {
        let f = p.service().field(*step);
        let (ident, var) = (&f.ident, quote::format_ident!("parent{i}"));
        steps.push(if f.optional {
            quote!(let #var = #walk.#ident.as_ref()?;)
        } else {
            quote!(let #var = &#walk.#ident;)
        });
        walk = quote!(#var);
    }
    let f = p.service().field(*last);
    let ident = &f.ident;
    let read = if f.optional {
        quote!(#walk.#ident.as_ref())
    } else {
        quote!(Some(&#walk.#ident))
    };
    Some(quote!(#(#steps)* #read))
}

/// `impl PageSize`, for a page size member of a type an `i32` converts into losslessly.
fn page_size(p: &Paths, op: &Operation, member: FieldRef) -> Option<TokenStream> {
    let f = p.service().field(member);
    let value = match f.ty {
        RustType::I32 => quote!(size),
        RustType::I64 => quote!(i64::from(size)),
        _ => return None,
    };
    let value = if f.optional {
        quote!(Some(#value))
    } else {
        value
    };
    let (marker, ident) = (&op.ident, &f.ident);
    Some(quote! {
        #[cfg(feature = "client")]
        impl ::smithy_runtime::client::paginate::PageSize for #marker {
            fn set_page_size(input: &mut Self::Input, size: i32) {
                input.#ident = #value;
            }
        }
    })
}

/// `impl PaginatedItems`: the items member path walked by value, a list's elements or a
/// map's entries.
fn items(p: &Paths, op: &Operation, path: &[FieldRef]) -> Option<TokenStream> {
    // The walk so far, and whether it is an `Option` yet (past an optional member).
    let (mut walk, mut optional) = (quote!(output), false);
    for step in path {
        let f = p.service().field(*step);
        let ident = &f.ident;
        walk = match (optional, f.optional) {
            (false, _) => quote!(#walk.#ident),
            (true, true) => quote!(#walk.and_then(|parent| parent.#ident)),
            (true, false) => quote!(#walk.map(|parent| parent.#ident)),
        };
        optional |= f.optional;
    }
    let f = p.service().field(*path.last()?);
    if optional {
        walk = quote!(#walk.unwrap_or_default());
    }
    let (item, body) = match &f.ty {
        RustType::List(element, sparse) => (p.field_type(element, false, *sparse), walk),
        RustType::Map(key, value, sparse) => {
            let (key, value) = (
                p.field_type(key, false, false),
                p.field_type(value, false, *sparse),
            );
            (quote!((#key, #value)), quote!(#walk.into_iter().collect()))
        }
        _ => return None,
    };
    let (marker, items) = (&op.ident, p.vec(quote!(Self::Item)));
    Some(quote! {
        #[cfg(feature = "client")]
        impl ::smithy_runtime::client::paginate::PaginatedItems for #marker {
            type Item = #item;
            fn items(output: Self::Output) -> #items { #body }
        }
    })
}
