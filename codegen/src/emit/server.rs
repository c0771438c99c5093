//! The `server` module: a trait with one async method per operation, each answering
//! "not implemented" until overridden, and `router`, which turns an implementation into the
//! runtime's `Router`.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::doc_or;
use crate::ir::{Operation, Service};

/// The module's items.
pub(crate) fn module(service: &Service) -> TokenStream {
    let name = &service.server_trait;
    let methods = service.operations.iter().map(|op| method(service, op));
    let routes = service.operations.iter().map(|op| {
        let (ident, method) = (&op.ident, &op.fn_ident);
        quote! {
            .operation::<crate::operation::#ident, _, _>({
                let service = service.clone();
                move |input, cx| {
                    let service = service.clone();
                    async move { service.#method(input, cx).await }
                }
            })
        }
    });
    let trait_doc = format!(
        " The `{}` service, as a server answers it: implement the operations a test needs; the others answer HTTP 501 `NotImplemented`.",
        service.sdk_id
    );
    quote! {
        use ::smithy_runtime::server::RequestContext;

        #[doc = #trait_doc]
        pub trait #name: Send + Sync + 'static {
            #(#methods)*
        }

        /// A router that answers every operation with `service`, in every protocol the service speaks.
        pub fn router<S: #name>(service: S) -> ::smithy_runtime::server::Router {
            router_builder(service).build()
        }

        /// The builder of [`router`], to change its settings (such as the body limit) or replace a handler.
        pub fn router_builder<S: #name>(service: S) -> ::smithy_runtime::server::RouterBuilder {
            let service = ::std::sync::Arc::new(service);
            ::smithy_runtime::server::Router::builder(&crate::operation::SERVICE)
                #(#routes)*
        }
    }
}

/// One trait method, with its "not implemented" default.
fn method(service: &Service, op: &Operation) -> TokenStream {
    let (method, name) = (&op.fn_ident, &op.name);
    let (input, output, error) = (&op.input, &op.output, &op.error);
    let docs = doc_or(op.docs.as_deref(), &format!("The `{name}` operation."));
    let path = format!("{}::{}", service.server_trait, method);
    quote! {
        #docs
        fn #method(
            &self,
            input: crate::types::#input,
            cx: RequestContext,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<crate::types::#output, crate::error::#error>,
        > + Send {
            let _ = (input, cx);
            async { Err(::smithy_runtime::server::not_implemented(#name, #path)) }
        }
    }
}
