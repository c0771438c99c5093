//! The `waiters` module: one `smithy_runtime::client::wait::Waiter` static per waiter, the
//! per-waiter data the runtime's waiting loop evaluates; and the client methods and builder
//! `wait` methods that start a wait.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::doc_text;
use crate::ir::{
    Acceptor, AcceptorState, Comparator, Matcher, Operation, PathMatcher, Service, Waiter,
};

/// The module's items.
pub(crate) fn module(service: &Service) -> TokenStream {
    let statics = service
        .operations
        .iter()
        .flat_map(|op| op.waiters.iter().map(move |w| waiter_static(op, w)));
    quote!(#(#statics)*)
}

fn waiter_static(op: &Operation, w: &Waiter) -> TokenStream {
    let ident = &w.static_ident;
    // Waiter documentation is plain text (CommonMark at most), not the HTML of shape docs.
    let doc = match w.docs.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(docs) => doc_text(docs),
        None => doc_text(&format!("The `{}` waiter of `{}`.", w.name, op.name)),
    };
    let (name, min, max) = (&w.name, w.min_delay, w.max_delay);
    let acceptors = w.acceptors.iter().map(acceptor);
    quote! {
        #doc
        pub static #ident: ::smithy_runtime::client::wait::Waiter = ::smithy_runtime::client::wait::Waiter {
            name: #name,
            min_delay: #min,
            max_delay: #max,
            acceptors: &[#(#acceptors),*],
        };
    }
}

fn acceptor(a: &Acceptor) -> TokenStream {
    let state = match a.state {
        AcceptorState::Success => quote!(Success),
        AcceptorState::Failure => quote!(Failure),
        AcceptorState::Retry => quote!(Retry),
    };
    let w = quote!(::smithy_runtime::client::wait);
    let matcher = match &a.matcher {
        Matcher::Output(m) => path_matcher(quote!(Output), m),
        Matcher::InputOutput(m) => path_matcher(quote!(InputOutput), m),
        Matcher::Success(b) => quote!(#w::Matcher::Success(#b)),
        Matcher::ErrorType(name) => quote!(#w::Matcher::ErrorType(#name)),
    };
    quote!(#w::Acceptor { state: #w::AcceptorState::#state, matcher: #matcher })
}

/// A `Matcher::Output` or `Matcher::InputOutput` (`variant`) comparing `m`'s path.
fn path_matcher(variant: TokenStream, m: &PathMatcher) -> TokenStream {
    let w = quote!(::smithy_runtime::client::wait);
    let comparator = match m.comparator {
        Comparator::StringEquals => quote!(StringEquals),
        Comparator::BooleanEquals => quote!(BooleanEquals),
        Comparator::AllStringEquals => quote!(AllStringEquals),
        Comparator::AnyStringEquals => quote!(AnyStringEquals),
    };
    let (path, expected) = (&m.path, &m.expected);
    quote!(#w::Matcher::#variant { path: #path, expected: #expected, comparator: #w::Comparator::#comparator })
}

/// The client methods that start each waiter: `wait_until_fleet_active()`, the input builder
/// of the operation polled, ready to `.wait(max_wait)`.
pub(crate) fn client_methods(service: &Service, op: &Operation) -> TokenStream {
    let (marker, builder) = (&op.ident, &service.structure(op.input).builder);
    let methods = op.waiters.iter().map(|w| {
        let (method, ident) = (&w.fn_ident, &w.static_ident);
        let doc = format!(
            " Waits with the `{}` waiter, polling `{}`: set the input's members on the returned builder, then `.wait(max_wait).await`; see [`crate::waiters::{ident}`] for what it waits for.",
            w.name, op.name
        );
        let deprecated = w.deprecated.then(|| quote!(#[deprecated]));
        quote! {
            #[doc = #doc]
            #deprecated
            pub fn #method(&self) -> crate::types::builders::#builder<::smithy_runtime::client::wait::Wait<crate::operation::#marker>> {
                crate::types::builders::#builder::sending(::smithy_runtime::client::wait::Wait::new(self.handle.clone(), &crate::waiters::#ident))
            }
        }
    });
    quote!(#(#methods)*)
}
