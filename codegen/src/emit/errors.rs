//! Per-operation error enums. Each maps its variants in one place, its `OperationError` impl
//! (error codes to variants, and variants to the error they hold); everything else is the
//! runtime's (`OperationError`'s provided methods, and `ServiceError` for every
//! `OperationError`).

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::doc_text;
use crate::ir::{Operation, Service};

/// The `error` module: one enum per operation.
pub(crate) fn module(service: &Service) -> TokenStream {
    let enums = service.operations.iter().map(error_enum);
    quote! {
        pub use ::smithy_runtime::{BuildError, ErrorMetadata, ServiceError, UnhandledError};
        use ::smithy_runtime::operation::{ErrorDecoder, ErrorRef};
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
    let tests = op.errors.iter().map(|e| {
        let (test, v) = (&e.test, &e.variant);
        let text = format!(" Whether the service answered `{}`.", e.code);
        quote! {
            #[doc = #text]
            pub fn #test(&self) -> bool {
                matches!(self, Self::#v(_))
            }
        }
    });
    let codes: Vec<&str> = op.errors.iter().map(|e| e.code.as_str()).collect();
    let (code, from_code) = if op.errors.is_empty() {
        (quote!(_code), quote!(errors.unhandled()))
    } else {
        let body = quote! {
            match code {
                #(#codes => errors.decode(Self::#names),)*
                _ => errors.unhandled(),
            }
        };
        (quote!(code), body)
    };
    quote! {
        #doc
        #[derive(Debug)]
        #[non_exhaustive]
        pub enum #ident {
            #(#variants,)*
            /// An error the model does not describe for this operation.
            Unhandled(UnhandledError),
        }

        impl #ident {
            #(#tests)*
        }

        impl ::smithy_runtime::OperationError for #ident {
            fn from_code(#code: &str, errors: ErrorDecoder) -> Self {
                #from_code
            }

            fn error(&self) -> ErrorRef<'_> {
                match self {
                    #(Self::#names(e) => ErrorRef::Modeled(e),)*
                    Self::Unhandled(e) => ErrorRef::Unhandled(e),
                }
            }
        }

        impl From<UnhandledError> for #ident {
            fn from(error: UnhandledError) -> Self {
                Self::Unhandled(error)
            }
        }

        impl ::std::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::smithy_runtime::OperationError::fmt_error(self, f)
            }
        }

        impl ::std::error::Error for #ident {
            fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
                Some(::smithy_runtime::OperationError::as_service_error(self))
            }
        }
    }
}
