//! Paginators: for each `@paginated` operation, the runtime's `Paginated` accessors (its
//! tokens), and `PageSize` and `PaginatedItems` where the model names a page size and items.
//! The pagination loop itself is the runtime's (`smithy_runtime::client::paginate`).

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::ty::Paths;
use crate::ir::{Field, Operation, Paginator, RustType, Struct};

/// The paginator impls of `op`, if it is paginated.
pub(crate) fn impls(
    p: &Paths,
    op: &Operation,
    structs: &BTreeMap<String, &Struct>,
) -> Option<TokenStream> {
    let pages = op.paginator.as_ref()?;
    let ident = &op.ident;
    let token = field(structs, &op.input, &pages.input_token)?;
    let (get, set) = input_token(token);
    let token_type = p.field_type(&token.ty, false, false);
    let output_token = output_token(structs, &op.output, &pages.output_token)?;
    let page_size = pages
        .page_size
        .as_ref()
        .and_then(|member| page_size(structs, op, member));
    let items = items(p, structs, op, pages);
    let (token_ref, token) = (
        p.option(quote!(&Self::Token)),
        p.option(quote!(Self::Token)),
    );
    Some(quote! {
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

/// The field of structure `owner` for Smithy member `member`.
fn field<'a>(
    structs: &BTreeMap<String, &'a Struct>,
    owner: &Ident,
    member: &str,
) -> Option<&'a Field> {
    structs
        .get(&owner.to_string())?
        .fields
        .iter()
        .find(|f| f.member == member)
}

/// The structure a field holds.
fn struct_of(ty: &RustType) -> Option<&Ident> {
    match ty {
        RustType::Named(ident) => Some(ident),
        _ => None,
    }
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
fn output_token(
    structs: &BTreeMap<String, &Struct>,
    output: &Ident,
    path: &[String],
) -> Option<TokenStream> {
    let (last, parents) = path.split_last()?;
    let mut owner = output;
    let mut walk = quote!(output);
    let mut steps = Vec::new();
    for (i, member) in parents.iter().enumerate() {
        let f = field(structs, owner, member)?;
        let (ident, var) = (&f.ident, quote::format_ident!("parent{i}"));
        steps.push(if f.optional {
            quote!(let #var = #walk.#ident.as_ref()?;)
        } else {
            quote!(let #var = &#walk.#ident;)
        });
        walk = quote!(#var);
        owner = struct_of(&f.ty)?;
    }
    let f = field(structs, owner, last)?;
    let ident = &f.ident;
    let read = if f.optional {
        quote!(#walk.#ident.as_ref())
    } else {
        quote!(Some(&#walk.#ident))
    };
    Some(quote!(#(#steps)* #read))
}

/// `impl PageSize`, for a page size member of a type an `i32` converts into losslessly.
fn page_size(
    structs: &BTreeMap<String, &Struct>,
    op: &Operation,
    member: &str,
) -> Option<TokenStream> {
    let f = field(structs, &op.input, member)?;
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
        impl ::smithy_runtime::client::paginate::PageSize for #marker {
            fn set_page_size(input: &mut Self::Input, size: i32) {
                input.#ident = #value;
            }
        }
    })
}

/// `impl PaginatedItems`: the items member path walked by value, a list's elements or a
/// map's entries.
fn items(
    p: &Paths,
    structs: &BTreeMap<String, &Struct>,
    op: &Operation,
    pages: &Paginator,
) -> Option<TokenStream> {
    let path = pages.items.as_ref()?;
    let mut owner = &op.output;
    // The walk so far, and whether it is an `Option` yet (past an optional member).
    let (mut walk, mut optional) = (quote!(output), false);
    let mut last = None;
    for member in path {
        let f = field(structs, owner, member)?;
        let ident = &f.ident;
        walk = match (optional, f.optional) {
            (false, _) => quote!(#walk.#ident),
            (true, true) => quote!(#walk.and_then(|parent| parent.#ident)),
            (true, false) => quote!(#walk.map(|parent| parent.#ident)),
        };
        optional |= f.optional;
        last = Some(f);
        if let Some(next) = struct_of(&f.ty) {
            owner = next;
        }
    }
    let f = last?;
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
        impl ::smithy_runtime::client::paginate::PaginatedItems for #marker {
            type Item = #item;
            fn items(output: Self::Output) -> #items { #body }
        }
    })
}
