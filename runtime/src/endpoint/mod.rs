//! The Smithy rules engine: endpoints from a service's `smithy.rules#endpointRuleSet` (or
//! `smithy.rules#endpointBdd`) trait, as the AWS SDKs resolve them.
//!
//! A rule set declares parameters (the region, FIPS and dual-stack switches, a custom
//! endpoint, service-specific values) and rules that turn their values into an endpoint URL
//! with headers and properties, or into an error that says what the configuration asks for
//! that the service does not offer. The rule set is data: [`RuleSet::from_json`] reads it once
//! (a `static` behind a `OnceLock` is the usual home) into a tree whose names are resolved to
//! slots, and [`RuleSet::resolve`] walks it for a set of [`Params`]. [`Resolver`] adds a
//! bounded cache keyed by the parameters, for a client to keep.
//!
//! ```
//! use smithy_runtime::endpoint::{Params, RuleSet};
//!
//! # let text = r#"{"version": "1.0", "parameters": {
//! #   "Region": {"type": "string", "builtIn": "AWS::Region"},
//! #   "UseFIPS": {"type": "boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false}},
//! #   "rules": [{"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]},
//! #       {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}], "type": "tree", "rules": [
//! #     {"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]},
//! #         {"fn": "booleanEquals", "argv": [{"fn": "getAttr", "argv": [{"ref": "p"}, "supportsFIPS"]}, true]}],
//! #      "endpoint": {"url": "https://gamelift-fips.{Region}.{p#dnsSuffix}"}, "type": "endpoint"},
//! #     {"conditions": [], "endpoint": {"url": "https://gamelift.{Region}.{p#dnsSuffix}"}, "type": "endpoint"}]}]}"#;
//! let rules = RuleSet::from_json(text)?; // a service model's endpointRuleSet trait
//! let params = Params::new().with("Region", "us-east-1").with("UseFIPS", true);
//! assert_eq!(rules.resolve(&params)?.url(), "https://gamelift-fips.us-east-1.amazonaws.com");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What a client passes
//!
//! Parameters come from several places, most specific first: an operation's
//! `@staticContextParams` (constants), its input members marked `@contextParam`, values its
//! `@operationContextParams` JMESPath paths select from the input, the service's
//! `@clientContextParams` (client configuration), built-ins ([`BUILT_INS`]: `AWS::Region`,
//! `AWS::UseFIPS`, `AWS::UseDualStack`, `SDK::Endpoint` for an endpoint URL the user set, …),
//! and last the rule set's defaults. Bind them into [`Params`] in the reverse order (each
//! [`Params::insert`] replaces).
//!
//! The resolved [`Endpoint`] carries the URL, headers to add, and properties; its
//! [`auth_schemes`](Endpoint::auth_schemes) say what to sign with: a `sigv4` scheme's
//! `signingName` and `signingRegion` replace the model's signing name and the configured
//! region. An error rule's message is a configuration error for the user
//! ([`ResolveError::Rule`]).
//!
//! # Coverage
//!
//! The whole rules engine specification (version 1.x): parameter types, `required`,
//! `default` and `builtIn`; `endpoint`, `error` and `tree` rules with `assign` scoping;
//! templates with `{name}` and `{name#path}`; endpoint `headers` and `properties`; the
//! decision-diagram form; the standard library (`booleanEquals`, `stringEquals`, `isSet`,
//! `not`, `getAttr`, `isValidHostLabel`, `parseURL`, `substring`, `uriEncode`, `split`,
//! `coalesce`, `ite`) and the AWS library (`aws.partition`, `aws.parseArn`,
//! `aws.isVirtualHostableS3Bucket`). [`Partitions::aws`] holds the AWS partitions as data.

mod aws;
mod bdd;
mod binding;
mod cache;
mod error;
mod eval;
mod expr;
mod functions;
mod json;
mod params;
mod partitions;
mod partitions_data;
mod resolved;
mod rules;
mod ruleset;
mod scope;
mod stdlib;
mod syntax;
mod val;
mod value;

#[cfg(test)]
mod tests;

pub use binding::{EndpointRules, ParamBinding, StaticValue};
pub use cache::Resolver;
pub use error::{ResolveError, RuleSetError};
pub use params::{ParamType, Parameter, BUILT_INS};
pub use partitions::{Partition, PartitionOutputs, Partitions};
pub use resolved::{AuthScheme, Endpoint, Property};
pub use ruleset::RuleSet;
pub use value::{Params, Value};
