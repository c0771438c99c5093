//! Per-operation error enums.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::doc_text;
use crate::ir::{Operation, Service};

/// The `error` module: one enum per operation.
pub(crate) fn module(service: &Service) -> TokenStream {
    let enums = service.operations.iter().map(error_enum);
    quote! {
        pub use ::smithy_runtime::{BuildError, ErrorMetadata, ServiceError, UnhandledError};
        #(#enums)*
    }
}

fn error_enum(op: &Operation) -> TokenStream {
    let ident = &op.error;
    let doc = doc_text(&format!(
        "Errors of the `{}` operation. [`ServiceError`] gives the code and message of any of them.",
        op.name
    ));
    let variants = op.errors.iter().map(|e| {
        let v = &e.variant;
        let text = format!(" The service answered `{}`.", e.code);
        quote!(#[doc = #text] #v(crate::types::#v))
    });
    let names: Vec<_> = op.errors.iter().map(|e| &e.variant).collect();
    let codes: Vec<&str> = op.errors.iter().map(|e| e.code.as_str()).collect();
    let code_param = if op.errors.is_empty() {
        quote!(_code)
    } else {
        quote!(code)
    };
    let from_response = if op.errors.is_empty() {
        quote!(::smithy_runtime::operation::ErrorDecoder::new(body, meta).unhandled())
    } else {
        quote! {
            let d = ::smithy_runtime::operation::ErrorDecoder::new(body, meta);
            match code {
                #(Some(#codes) => d.decode(Self::#names),)*
                _ => d.unhandled(),
            }
        }
    };
    quote! {
        #doc
        #[derive(Debug)]
        pub enum #ident {
            #(#variants,)*
            /// An error the model does not describe for this operation.
            Unhandled(UnhandledError),
        }

        impl #ident {
            /// The error, whichever variant holds it.
            pub fn as_service_error(&self) -> &(dyn ServiceError + 'static) {
                match self {
                    #(Self::#names(e) => e,)*
                    Self::Unhandled(e) => e,
                }
            }
        }

        impl ServiceError for #ident {
            fn code(&self) -> Option<&str> {
                self.as_service_error().code()
            }

            fn message(&self) -> Option<&str> {
                self.as_service_error().message()
            }
        }

        impl ::std::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(self.as_service_error(), f)
            }
        }

        impl ::smithy_runtime::OperationError for #ident {
            fn from_response(
                #code_param: Option<&str>,
                body: ::smithy_runtime::protocol::ErrorBody,
                meta: ErrorMetadata,
            ) -> Self {
                #from_response
            }

            fn to_members(&self) -> Option<&dyn ::smithy_runtime::protocol::Encode> {
                match self {
                    #(Self::#names(e) => Some(e),)*
                    Self::Unhandled(_) => None,
                }
            }

            fn as_unhandled(&self) -> Option<&UnhandledError> {
                match self {
                    #(Self::#names(_) => None,)*
                    Self::Unhandled(e) => Some(e),
                }
            }
        }

        impl From<UnhandledError> for #ident {
            fn from(error: UnhandledError) -> Self {
                Self::Unhandled(error)
            }
        }

        impl ::std::error::Error for #ident {
            fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
                Some(self.as_service_error())
            }
        }
    }
}
