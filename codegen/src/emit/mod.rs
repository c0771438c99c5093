//! IR → token streams, one emitter per kind of item; [`crate_tokens`] assembles the crate
//! from the module map ([`Module`]).
//!
//! Emitters read the IR only: they import nothing from `model`, take every identifier from
//! the IR (none calls `names`), and never touch the filesystem. Helpers that several emitters
//! share (`specs` for the HTTP tables, `ty` for type paths, `doc`) are modules of
//! their own, so that no emitter reaches into another.

mod builders;
mod client;
mod doc;
mod endpoints;
mod enums;
mod errors;
mod krate;
mod operations;
mod paginators;
mod server;
mod specs;
mod structs;
mod ty;
mod types;
mod unions;
mod waiters;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::ir::Service;
use crate::options::CrateOptions;

/// The modules of a generated crate, each with its file and documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Module {
    /// `types`: every structure, union and enum of the service.
    Types,
    /// `types::builders`: one builder per structure.
    Builders,
    /// `error`: one error enum per operation.
    Error,
    /// `operation`: a marker type per operation, implementing the runtime's `Operation`.
    Operation,
    /// `client`: the `Client`.
    Client,
    /// `server`: the service trait and its router.
    Server,
    /// `waiters`: what each waiter of the service waits for.
    Waiters,
}

impl Module {
    /// Every module, in the order the crate declares them (a child after its parent).
    pub const ALL: [Module; 7] = [
        Module::Types,
        Module::Builders,
        Module::Error,
        Module::Operation,
        Module::Client,
        Module::Server,
        Module::Waiters,
    ];

    /// The module's file, relative to the crate root.
    pub fn path(self) -> &'static str {
        match self {
            Module::Types => "src/types.rs",
            Module::Builders => "src/types/builders.rs",
            Module::Error => "src/error.rs",
            Module::Operation => "src/operation.rs",
            Module::Client => "src/client.rs",
            Module::Server => "src/server.rs",
            Module::Waiters => "src/waiters.rs",
        }
    }

    /// The module's name (its last path segment).
    pub fn name(self) -> &'static str {
        match self {
            Module::Types => "types",
            Module::Builders => "builders",
            Module::Error => "error",
            Module::Operation => "operation",
            Module::Client => "client",
            Module::Server => "server",
            Module::Waiters => "waiters",
        }
    }

    /// The module that declares it (`None`: the crate root).
    pub fn parent(self) -> Option<Module> {
        match self {
            Module::Builders => Some(Module::Types),
            _ => None,
        }
    }

    /// The modules `self` declares, in order.
    pub fn children(self) -> impl Iterator<Item = Module> {
        Module::ALL
            .into_iter()
            .filter(move |m| m.parent() == Some(self))
    }

    /// The Cargo feature of the generated crate that compiles the module (`None`: always).
    pub fn feature(self) -> Option<&'static str> {
        match self {
            Module::Client | Module::Waiters => Some(CLIENT),
            Module::Server => Some(SERVER),
            _ => None,
        }
    }

    /// The `pub mod name;` item that declares the module in its parent.
    fn declaration(self) -> TokenStream {
        // Module names are the generator's own (`types`, `error`), not model text.
        let ident = Ident::new(self.name(), Span::call_site());
        let cfg = self.feature().map(cfg);
        quote!(#cfg pub mod #ident;)
    }

    /// The module's rustdoc.
    pub fn doc(self) -> &'static str {
        match self {
            Module::Types => "Data types of the service: structures, unions and enums, including every operation's input, output and error structures; their builders are in [`builders`].",
            Module::Builders => "The builders of the structures in [`types`](super), one per structure (`Foo::builder()` returns `FooBuilder`). They live in a module of their own so that no builder name can collide with a shape name.",
            Module::Error => "One error enum per operation: its modeled errors plus an `Unhandled` variant for everything else.",
            Module::Client => "The `Client`: one method per operation, returning the operation's input builder with a `send()` method.",
            Module::Server => "A server for the service, for tests: a trait with one async method per operation (each answers 501 until implemented) and `router`, which turns an implementation into a `smithy_runtime::server::Router` that answers in every protocol the service speaks: in-process as the client's HTTP transport, as a `tower::Service`, or over TCP with `smithy_runtime::server::serve`.",
            Module::Waiters => "The service's waiters (`smithy.waiters#waitable`), one static each: the acceptors that `Client::wait_until_*` evaluates on each poll, in order, with the delays between polls.",
            Module::Operation => "How the service speaks over HTTP (`SERVICE`), and one marker type per operation tying its name, HTTP tables, input, output and error types together through `smithy_runtime::Operation`; `visit_all` reaches every operation generically.",
        }
    }

    /// The module's items (its child module declarations first).
    fn items(self, service: &Service) -> TokenStream {
        let children = self.children().map(Module::declaration);
        let body = match self {
            Module::Types => types::module(service),
            Module::Builders => builders::module(service),
            Module::Error => errors::module(service),
            Module::Operation => operations::module(service),
            Module::Client => client::module(service),
            Module::Server => server::module(service),
            Module::Waiters => waiters::module(service),
        };
        let doc = doc::inner_doc_attrs(self.doc());
        quote! {
            #doc
            #(#children)*
            #body
        }
    }
}

/// The generated crate's feature for the client half (`Client`, paginators, waiters, `send`).
pub(crate) const CLIENT: &str = "client";
/// The generated crate's feature for the server half (the trait, router and validation).
pub(crate) const SERVER: &str = "server";

/// `#[cfg(feature = "…")]`.
pub(crate) fn cfg(feature: &str) -> TokenStream {
    quote!(#[cfg(feature = #feature)])
}

/// The token streams of a crate's Rust files, and its `Cargo.toml` text.
pub struct CrateTokens {
    /// `(path, tokens)` for each Rust file, lib.rs first.
    pub rust: Vec<(&'static str, TokenStream)>,
    /// `Cargo.toml` contents.
    pub cargo_toml: String,
}

/// Emits every file of the crate for `service`: `lib.rs` (declaring the top-level modules),
/// then each module of the map.
pub fn crate_tokens(service: &Service, options: &CrateOptions) -> CrateTokens {
    let top_level = Module::ALL
        .into_iter()
        .filter(|m| m.parent().is_none())
        .map(Module::declaration);
    let mut rust = vec![("src/lib.rs", krate::lib_rs(service, options, top_level))];
    for module in Module::ALL {
        rust.push((module.path(), module.items(service)));
    }
    CrateTokens {
        rust,
        cargo_toml: krate::cargo_toml(service, options),
    }
}
