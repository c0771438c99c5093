//! `cargo xtask endpoint-tests`: a service's `smithy.rules#endpointTests` run through the
//! runtime's rules engine ([`smithy_runtime::endpoint`]).
//!
//! Each case is resolved with its `params`, and once more per `operationInputs` entry with the
//! parameters that entry binds (built-ins, client parameters, and the operation's context
//! parameters: see [`bind`]). A case passes when every resolution gives its expectation: the
//! endpoint's URL, headers and properties (compared as JSON values), or the error rule's
//! message, exactly. When a service has both an `endpointRuleSet` and an `endpointBdd`, every
//! case runs through both.
//!
//! The integration tests (`tests/tests/endpoint_tests.rs`) call it as a library, with their
//! skip list.

pub mod bind;
pub mod cases;
mod report;

use codegen::model::{Model, Shape, ShapeId};
use serde_json::Value as Json;
use smithy_runtime::endpoint::{Endpoint, Params, Partitions, ResolveError, RuleSet};

use cases::{Expect, TestCase};
pub use report::{CaseOutcome, CaseReport, ServiceReport};

/// The traits a rule set comes in.
const RULE_SET_TRAITS: [&str; 2] = ["smithy.rules#endpointRuleSet", "smithy.rules#endpointBdd"];
const TESTS_TRAIT: &str = "smithy.rules#endpointTests";

/// The endpoint tests of every service of `model` that has a rule set or tests, in id order,
/// `aws.partition` reading `partitions` ([`Partitions::aws`] unless testing other partition
/// data).
pub fn run_model(model: &Model, partitions: &Partitions) -> Vec<ServiceReport> {
    model
        .services()
        .filter_map(|(id, _)| model.shape(id).map(|shape| (id, shape)))
        .filter(|(_, shape)| {
            let traits = &shape.traits.raw;
            RULE_SET_TRAITS
                .iter()
                .chain([&TESTS_TRAIT])
                .any(|t| bind::trait_value(traits, t).is_some())
        })
        .map(|(id, shape)| run_service(model, partitions, id, shape))
        .collect()
}

fn run_service(
    model: &Model,
    partitions: &Partitions,
    id: &ShapeId,
    shape: &Shape,
) -> ServiceReport {
    let traits = &shape.traits.raw;
    let rule_sets = RULE_SET_TRAITS
        .iter()
        .filter_map(|t| bind::trait_value(traits, t).map(|json| (t, json)))
        .map(|(t, json)| {
            RuleSet::from_value(json).map_err(|e| format!("its {t} trait does not load: {e}"))
        })
        .collect();
    let service = Service {
        model,
        id,
        partitions,
        rule_sets,
    };
    let cases = bind::trait_value(traits, TESTS_TRAIT)
        .and_then(|tests| tests.get("testCases"))
        .and_then(Json::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    ServiceReport {
        service: id.to_string(),
        cases: cases.iter().map(|json| service.run_case(json)).collect(),
    }
}

/// A service under test: its model, its rule sets (or why they do not load), and the
/// partitions they resolve with.
struct Service<'m> {
    model: &'m Model,
    id: &'m ShapeId,
    partitions: &'m Partitions,
    rule_sets: Vec<Result<RuleSet, String>>,
}

impl Service<'_> {
    fn run_case(&self, json: &Json) -> CaseReport {
        let documentation = json
            .get("documentation")
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned();
        let outcome = match TestCase::from_json(json) {
            Ok(case) => self.judge_case(&case),
            Err(e) => CaseOutcome::Failed(format!("  the test case is malformed: {e}")),
        };
        CaseReport {
            documentation,
            outcome,
        }
    }

    /// Resolves the case's params, and what each operation input binds, with every rule set.
    fn judge_case(&self, case: &TestCase) -> CaseOutcome {
        if self.rule_sets.is_empty() {
            return CaseOutcome::Failed(
                "  the service has no endpointRuleSet or endpointBdd trait".to_owned(),
            );
        }
        let mut problems = Vec::new();
        for rules in &self.rule_sets {
            let rules = match rules {
                Ok(rules) => rules,
                Err(e) => {
                    problems.push(format!("  {e}"));
                    continue;
                }
            };
            let mut runs = Vec::new();
            if case.params.is_some() || case.inputs.is_empty() {
                let params = case.params.clone().unwrap_or_default();
                runs.push(("with the case's params".to_owned(), Ok(params)));
            }
            for input in &case.inputs {
                let label = format!("with the operation input of {}", input.operation);
                runs.push((label, bind::bind(self.model, self.id, rules, input)));
            }
            for (label, params) in runs {
                problems.extend(self.judge_run(rules, &label, params, &case.expect));
            }
        }
        if problems.is_empty() {
            CaseOutcome::Passed
        } else {
            CaseOutcome::Failed(problems.join("\n"))
        }
    }

    /// `None` when resolving `params` gives what `expect` says; else the details.
    fn judge_run(
        &self,
        rules: &RuleSet,
        label: &str,
        params: Result<Params, String>,
        expect: &Expect,
    ) -> Option<String> {
        let params = match params {
            Ok(params) => params,
            Err(e) => return Some(format!("  {label}: the parameters do not bind: {e}")),
        };
        let actual = rules.resolve_with(&params, self.partitions);
        if matches(&actual, expect) {
            return None;
        }
        let form = if rules.is_decision_diagram() {
            " (decision diagram)"
        } else {
            ""
        };
        Some(format!(
            "  {label}{form}\n    params:   {}\n    expected: {}\n    actual:   {}",
            params.to_json(),
            describe_expected(expect),
            describe_actual(&actual)
        ))
    }
}

fn matches(actual: &Result<Endpoint, ResolveError>, expect: &Expect) -> bool {
    match (actual, expect) {
        (
            Ok(endpoint),
            Expect::Endpoint {
                url,
                headers,
                properties,
            },
        ) => {
            endpoint.url() == url
                && endpoint.headers() == headers
                && &endpoint.properties_json() == properties
        }
        (Err(error), Expect::Error(message)) => error.to_string() == *message,
        _ => false,
    }
}

fn describe_expected(expect: &Expect) -> String {
    match expect {
        Expect::Endpoint {
            url,
            headers,
            properties,
        } => describe_endpoint(
            url,
            &serde_json::to_value(headers).unwrap_or_default(),
            properties,
        ),
        Expect::Error(message) => format!("error {message:?}"),
    }
}

fn describe_actual(actual: &Result<Endpoint, ResolveError>) -> String {
    match actual {
        Ok(e) => describe_endpoint(
            e.url(),
            &serde_json::to_value(e.headers()).unwrap_or_default(),
            &e.properties_json(),
        ),
        Err(error) => format!("error {:?}", error.to_string()),
    }
}

fn describe_endpoint(url: &str, headers: &Json, properties: &Json) -> String {
    let mut text = format!("endpoint {url}");
    if headers.as_object().is_some_and(|h| !h.is_empty()) {
        text.push_str(&format!(" headers {headers}"));
    }
    if properties.as_object().is_some_and(|p| !p.is_empty()) {
        text.push_str(&format!(" properties {properties}"));
    }
    text
}
