//! The `operation` module: the service's protocol description, and a marker type per operation
//! implementing the runtime's `Operation` trait with its HTTP tables.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::doc_or;
use super::specs::{in_output_body, member_specs};
use super::ty::Paths;
use crate::ir::{Binding, Operation, Protocol, Service};

/// The module's items.
pub(crate) fn module(service: &Service) -> TokenStream {
    let markers = service.operations.iter().map(|op| marker(service, op));
    let visits = service.operations.iter().map(|op| {
        let ident = &op.ident;
        quote!(visitor.visit::<#ident>();)
    });
    let (rules_static, rules_ref) = super::endpoints::rules(service);
    let spec = service_spec(service, &rules_ref);
    let own_names = service.operations.iter().map(|op| op.ident.to_string());
    let paths = Paths::beside_types(service, own_names.chain(["OfService".to_owned()]));
    let paginators = service
        .operations
        .iter()
        .filter_map(|op| super::paginators::impls(&paths, op));
    quote! {
        use ::smithy_runtime::protocol as proto;

        /// How the service speaks over HTTP.
        pub static SERVICE: proto::ServiceSpec = #spec;

        #rules_static

        /// Implemented by the operations of this service only, so that a client of this service
        /// cannot be handed another service's operation.
        pub trait OfService: ::smithy_runtime::Operation {}

        #(#markers)*

        #(#paginators)*

        /// Calls `visitor` once for every operation of the service, in name order.
        pub fn visit_all<V: ::smithy_runtime::OperationVisitor>(visitor: &mut V) {
            #(#visits)*
        }
    }
}

fn service_spec(service: &Service, endpoint_rules: &TokenStream) -> TokenStream {
    let (shape_name, sdk_id, version) = (&service.shape_name, &service.sdk_id, &service.version);
    let protocols = service.protocols.iter().map(|p| {
        let ident = match p {
            Protocol::AwsJson1_0 => quote!(AwsJson1_0),
            Protocol::AwsJson1_1 => quote!(AwsJson1_1),
            Protocol::RestJson1 => quote!(RestJson1),
            Protocol::RpcV2Cbor => quote!(RpcV2Cbor),
        };
        quote!(&proto::#ident)
    });
    let signing_name = match &service.signing_name {
        Some(name) => quote!(Some(#name)),
        None => quote!(None),
    };
    let endpoint_prefix = &service.endpoint_prefix;
    let query_compatible = service.query_compatible;
    let client = super::cfg(super::CLIENT);
    quote! {
        proto::ServiceSpec {
            shape_name: #shape_name,
            sdk_id: #sdk_id,
            version: #version,
            protocols: &[#(#protocols),*],
            signing_name: #signing_name,
            endpoint_prefix: #endpoint_prefix,
            query_compatible: #query_compatible,
            #client
            endpoint_rules: #endpoint_rules,
        }
    }
}

/// The marker type of `op` and its `Operation` impl.
fn marker(service: &Service, op: &Operation) -> TokenStream {
    let ident = &op.ident;
    let name = &op.name;
    let (input, output) = (service.structure(op.input), service.structure(op.output));
    let (input_ty, output_ty, error) = (&input.ident, &output.ident, &op.error);
    let docs = doc_or(op.docs.as_deref(), &format!("The `{name}` operation."));
    let spec = operation_spec(service, op);
    let fill_defaults = super::structs::has_defaults_to_fill(input).then(|| {
        quote! {
            fn fill_defaults(input: &mut Self::Input) {
                input.fill_defaults();
            }
        }
    });
    quote! {
        #docs
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct #ident;

        impl ::smithy_runtime::Operation for #ident {
            const NAME: &'static str = #name;
            const SERVICE: &'static proto::ServiceSpec = &SERVICE;
            const SPEC: &'static proto::OperationSpec = &#spec;
            type Input = crate::types::#input_ty;
            type Output = crate::types::#output_ty;
            type Error = crate::error::#error;
            #fill_defaults
        }

        impl OfService for #ident {}
    }
}

/// The `proto::OperationSpec` of `op`: its HTTP tables.
fn operation_spec(service: &Service, op: &Operation) -> TokenStream {
    let name = &op.name;
    let (input, output) = (service.structure(op.input), service.structure(op.output));
    let (in_fields, out_fields) = (&input.fields, &output.fields);
    let input_members = member_specs(
        service,
        in_fields
            .iter()
            .filter(|f| f.binding != Binding::Body || f.idempotency_token),
    );
    let output_members = member_specs(service, out_fields.iter().filter(|f| !in_output_body(f)));
    let input_has_body = in_fields.iter().any(|f| f.binding == Binding::Body);
    let output_has_body = out_fields.iter().any(in_output_body);
    let (input_unit, output_unit) = (input.synthetic, output.synthetic);
    let token = option(
        in_fields
            .iter()
            .find(|f| f.idempotency_token)
            .map(|f| &f.json_name),
    );
    let (checksum_required, gzip) = (op.checksum_required, op.gzip);
    let host_prefix = option(op.host_prefix.as_ref());
    let errors = op.errors.iter().map(|e| {
        let ident = &service.structure(e.shape).ident;
        quote!(crate::types::#ident::SPEC)
    });
    let (method, uri, code) = (&op.http.method, &op.http.uri, op.http.code);
    let rules = &input.rules;
    let endpoint_params = super::endpoints::params(op);
    let validation_error = match &op.validation_error {
        Some((code, key)) => quote!(Some((#code, #key))),
        None => quote!(None),
    };
    let (client, server) = (super::cfg(super::CLIENT), super::cfg(super::SERVER));
    quote! {
        proto::OperationSpec {
            name: #name,
            http: proto::HttpSpec { method: #method, uri: #uri, code: #code },
            input: &[#(#input_members),*],
            output: &[#(#output_members),*],
            input_has_body: #input_has_body,
            output_has_body: #output_has_body,
            input_unit: #input_unit,
            output_unit: #output_unit,
            idempotency_token: #token,
            host_prefix: #host_prefix,
            checksum_required: #checksum_required,
            gzip: #gzip,
            errors: &[#(#errors),*],
            #server
            validation: Some(&::smithy_runtime::validate::Validation {
                input: &crate::server::#rules,
                error: #validation_error,
            }),
            #client
            endpoint_params: #endpoint_params,
        }
    }
}

/// `Some(value)` or `None`, as tokens.
fn option(value: Option<&String>) -> TokenStream {
    match value {
        Some(value) => quote!(Some(#value)),
        None => quote!(None),
    }
}
