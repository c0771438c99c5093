//! IR → token streams, one module per kind of item; `crate_files` assembles the crate.
//!
//! Emitters never name things (identifiers come from the IR) and never touch the filesystem.

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
mod structs;
mod ty;
mod unions;
mod waiters;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Service, TypeDef};

pub use krate::{CrateOptions, RuntimeDependency};

/// The modules of a generated crate, each with its documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Module {
    /// `types`: every structure, union and enum of the service, with builders.
    Types,
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
    /// Every module, in declaration order.
    pub const ALL: [Module; 6] = [
        Module::Types,
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
            Module::Error => "src/error.rs",
            Module::Operation => "src/operation.rs",
            Module::Client => "src/client.rs",
            Module::Server => "src/server.rs",
            Module::Waiters => "src/waiters.rs",
        }
    }

    /// The module's name.
    pub fn name(self) -> &'static str {
        match self {
            Module::Types => "types",
            Module::Error => "error",
            Module::Operation => "operation",
            Module::Client => "client",
            Module::Server => "server",
            Module::Waiters => "waiters",
        }
    }

    /// The module's rustdoc.
    pub fn doc(self) -> &'static str {
        match self {
            Module::Types => "Data types of the service: structures, unions and enums, including every operation's input, output and error structures; their builders are in [`builders`].",
            Module::Error => "One error enum per operation: its modeled errors plus an `Unhandled` variant for everything else.",
            Module::Client => "The `Client`: one method per operation, returning the operation's input builder with a `send()` method.",
            Module::Server => "A server for the service, for tests: a trait with one async method per operation (each answers 501 until implemented) and `router`, which turns an implementation into a `smithy_runtime::server::Router` that answers in every protocol the service speaks: in-process as the client's HTTP transport, as a `tower::Service`, or over TCP with `smithy_runtime::server::serve`.",
            Module::Waiters => "The service's waiters (`smithy.waiters#waitable`), one static each: the acceptors that `Client::wait_until_*` evaluates on each poll, in order, with the delays between polls.",
            Module::Operation => "How the service speaks over HTTP (`SERVICE`), and one marker type per operation tying its name, HTTP tables, input, output and error types together through `smithy_runtime::Operation`; `visit_all` reaches every operation generically.",
        }
    }
}

/// The token streams of a crate's Rust files, and its `Cargo.toml` text.
pub struct CrateTokens {
    /// `(path, tokens)` for each Rust file, lib.rs first.
    pub rust: Vec<(&'static str, TokenStream)>,
    /// `Cargo.toml` contents.
    pub cargo_toml: String,
}

/// Emits every file of the crate for `service`.
pub fn crate_tokens(service: &Service, options: &CrateOptions) -> CrateTokens {
    let mut rust = vec![("src/lib.rs", krate::lib_rs(service, options))];
    for module in Module::ALL {
        let body = match module {
            Module::Types => types_module(service),
            Module::Error => errors::module(service),
            Module::Operation => operations::module(service),
            Module::Client => client::module(service),
            Module::Server => server::module(service),
            Module::Waiters => waiters::module(service),
        };
        let doc = doc::inner_doc_attrs(module.doc());
        rust.push((module.path(), quote! { #doc #body }));
        if module == Module::Types {
            let doc = doc::inner_doc_attrs(BUILDERS_DOC);
            let body = builders_module(service);
            rust.push((BUILDERS_PATH, quote! { #doc #body }));
        }
    }
    CrateTokens {
        rust,
        cargo_toml: krate::cargo_toml(service, options),
    }
}

/// The file of `types::builders`.
const BUILDERS_PATH: &str = "src/types/builders.rs";

/// The rustdoc of `types::builders`.
const BUILDERS_DOC: &str = "The builders of the structures in [`types`](super), one per structure (`Foo::builder()` returns `FooBuilder`). They live in a module of their own so that no builder name can collide with a shape name.";

fn types_module(service: &Service) -> TokenStream {
    let paths = ty::Paths::new(service);
    let items = service.types.iter().map(|t| match t {
        TypeDef::Struct(s) => {
            let members = operations::error_members(service, s);
            structs::structure(&paths, s, &members)
        }
        TypeDef::Enum(e) => enums::enumeration(&paths, e),
        TypeDef::Union(u) => unions::union(&paths, u),
    });
    // Error specs name their header members through `proto`, as the operation module does.
    let uses_proto = service.types.iter().any(|t| match t {
        TypeDef::Struct(s) => {
            s.error.is_some() && s.fields.iter().any(operations::in_error_headers)
        }
        _ => false,
    });
    let proto = uses_proto.then(|| {
        quote!(
            use ::smithy_runtime::protocol as proto;
        )
    });
    quote! {
        pub mod builders;
        #proto
        #(#items)*
    }
}

fn builders_module(service: &Service) -> TokenStream {
    let paths = ty::Paths::builders(service);
    let items = service.types.iter().filter_map(|t| match t {
        TypeDef::Struct(s) => {
            let sends: Vec<_> = service
                .operations
                .iter()
                .filter(|op| op.input == s.ident)
                .collect();
            Some(builders::builder(&paths, s, &sends))
        }
        _ => None,
    });
    quote! { #(#items)* }
}
