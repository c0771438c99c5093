//! The endpoint data of the `operation` module: the service's rule set (JSON text the
//! runtime reads once) and each operation's parameter bindings.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{EndpointParam, Operation, Service, StaticParamValue};

/// The `ENDPOINT_RULES` static, when the service has a rule set, and the `ServiceSpec` field
/// that refers to it. Uses the `proto` alias of `::smithy_runtime::protocol`.
pub(super) fn rules(service: &Service) -> (TokenStream, TokenStream) {
    match &service.endpoint_rules {
        None => (TokenStream::new(), quote!(None)),
        Some(json) => {
            let json = raw_string(json);
            (
                quote! {
                    /// The service's endpoint rule set, as its model gives it.
                    #[cfg(feature = "client")]
                    pub static ENDPOINT_RULES: ::smithy_runtime::endpoint::EndpointRules =
                        ::smithy_runtime::endpoint::EndpointRules::new(#json);
                },
                quote!(Some(&ENDPOINT_RULES)),
            )
        }
    }
}

/// `text` as a raw string literal (`r#"…"#`), with as many `#` as it needs.
fn raw_string(text: &str) -> proc_macro2::Literal {
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    let source = format!("r{hashes}\"{text}\"{hashes}");
    source
        .parse()
        .unwrap_or_else(|_| proc_macro2::Literal::string(text))
}

/// The `endpoint_params` table of an operation's `OperationSpec`.
pub(super) fn params(op: &Operation) -> TokenStream {
    let bindings = op.endpoint_params.iter().map(|param| {
        let e = quote!(::smithy_runtime::endpoint);
        match param {
            EndpointParam::Static { name, value } => {
                let value = match value {
                    StaticParamValue::Bool(b) => quote!(#e::StaticValue::Bool(#b)),
                    StaticParamValue::String(s) => quote!(#e::StaticValue::String(#s)),
                    StaticParamValue::StringArray(items) => {
                        quote!(#e::StaticValue::StringArray(&[#(#items),*]))
                    }
                };
                quote!(#e::ParamBinding::Static { name: #name, value: #value })
            }
            EndpointParam::Member { name, key } => {
                quote!(#e::ParamBinding::Member { name: #name, key: #key })
            }
            EndpointParam::Path { name, path } => {
                quote!(#e::ParamBinding::Path { name: #name, path: #path })
            }
        }
    });
    quote!(&[#(#bindings),*])
}
