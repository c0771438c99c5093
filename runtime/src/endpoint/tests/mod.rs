//! Unit tests of the rules engine: the library functions one by one, then rule sets.

mod bdd;
mod functions;
mod rule_sets;

use super::{Params, RuleSet};

/// A rule set from JSON text that must load.
fn rules(text: &str) -> RuleSet {
    RuleSet::from_json(text).unwrap_or_else(|e| panic!("{e}"))
}

/// The URL `rules` resolves `params` to.
fn url(rules: &RuleSet, params: &Params) -> String {
    match rules.resolve(params) {
        Ok(endpoint) => endpoint.url().to_owned(),
        Err(e) => panic!("{e}"),
    }
}
