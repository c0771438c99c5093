//! The `client` module: a cheap-to-clone `Client` with one method per operation returning the
//! operation's input builder, ready to `send()`.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::doc_or;
use crate::ir::Service;

/// The module's items.
pub(crate) fn module(service: &Service) -> TokenStream {
    let methods = service.operations.iter().map(|op| {
        let (method, marker) = (&op.fn_ident, &op.ident);
        let builder = &service.structure(op.input).builder;
        let docs = doc_or(op.docs.as_deref(), &format!("Calls `{}`.", op.name));
        let how = " Set the input's members on the returned builder, then `.send().await`.";
        let waiters = super::waiters::client_methods(service, op);
        quote! {
            #docs
            #[doc = ""]
            #[doc = #how]
            pub fn #method(&self) -> crate::types::builders::#builder<::smithy_runtime::client::Sender<crate::operation::#marker>> {
                crate::types::builders::#builder::sending(::smithy_runtime::client::Sender::new(self.handle.clone()))
            }
            #waiters
        }
    });
    let sdk_id = &service.sdk_id;
    let mut doc = format!("A client for the `{sdk_id}` service. Cheap to clone: clones share configuration and connections.");
    for omitted in &service.omitted {
        doc.push_str(&format!(
            "\n\nNot available: `{}`, because {}.",
            omitted.name, omitted.reason
        ));
    }
    for omitted in &service.omitted_waiters {
        doc.push_str(&format!(
            "\n\nNot available: the `{}` waiter of `{}`, whose definition does not check against the model (`cargo xtask generate` says why).",
            omitted.waiter, omitted.operation
        ));
    }
    let doc = super::doc::doc_text(&doc);
    quote! {
        #doc
        #[derive(Clone, Debug)]
        pub struct Client {
            handle: ::smithy_runtime::client::Handle,
        }

        impl Client {
            /// A client with this configuration.
            pub fn new(config: ::smithy_runtime::client::Config) -> Self {
                Self { handle: ::smithy_runtime::client::Handle::new(config, &crate::operation::SERVICE) }
            }

            /// Sends an input value built elsewhere.
            pub async fn send<O: crate::operation::OfService>(
                &self,
                input: O::Input,
            ) -> Result<O::Output, ::smithy_runtime::client::SdkError<O::Error>> {
                self.handle.call::<O>(input).await
            }

            #(#methods)*
        }
    }
}
