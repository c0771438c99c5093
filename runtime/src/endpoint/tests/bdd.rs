//! Rule sets as decision diagrams.

use base64::Engine as _;

use super::super::{Params, ResolveError, RuleSet};
use super::url;

/// A diagram: FIPS or not when the region is set, an error when it is not. `nodes` are the
/// triples after the terminal node 0.
fn diagram(nodes: &[[i32; 3]], root: i32) -> Result<RuleSet, super::super::RuleSetError> {
    let mut all = vec![[-1, 1, -1]];
    all.extend_from_slice(nodes);
    let bytes: Vec<u8> = all.iter().flatten().flat_map(|n| n.to_be_bytes()).collect();
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    RuleSet::from_json(&format!(
        r#"{{"version": "1.1",
            "parameters": {{"Region": {{"type": "string"}}, "UseFIPS": {{"type": "boolean", "required": true, "default": false}}}},
            "conditions": [{{"fn": "isSet", "argv": [{{"ref": "Region"}}]}},
                           {{"fn": "booleanEquals", "argv": [{{"ref": "UseFIPS"}}, true]}},
                           {{"fn": "aws.partition", "argv": [{{"ref": "Region"}}], "assign": "p"}}],
            "results": [{{"type": "endpoint", "conditions": [], "endpoint": {{"url": "https://svc-fips.{{Region}}.{{p#dnsSuffix}}"}}}},
                        {{"type": "endpoint", "conditions": [], "endpoint": {{"url": "https://svc.{{Region}}.{{p#dnsSuffix}}"}}}},
                        {{"type": "error", "conditions": [], "error": "Region is required"}}],
            "root": {root}, "nodeCount": {}, "nodes": "{encoded}"}}"#,
        all.len()
    ))
}

const FIPS: i32 = 100_000_001;
const PLAIN: i32 = 100_000_002;
const MISSING: i32 = 100_000_003;

fn check(set: &RuleSet) {
    assert!(set.is_decision_diagram());
    let params = Params::new().with("Region", "cn-north-1");
    assert_eq!(url(set, &params), "https://svc.cn-north-1.amazonaws.com.cn");
    assert_eq!(
        url(set, &params.with("UseFIPS", true)),
        "https://svc-fips.cn-north-1.amazonaws.com.cn"
    );
    assert_eq!(
        set.resolve(&Params::new()).unwrap_err().rule_message(),
        Some("Region is required")
    );
}

#[test]
fn a_diagram_resolves_along_its_nodes() {
    // isSet(Region) → aws.partition → UseFIPS.
    let set = diagram(&[[0, 3, MISSING], [2, 4, -1], [1, FIPS, PLAIN]], 2)
        .unwrap_or_else(|e| panic!("{e}"));
    check(&set);
}

#[test]
fn a_complemented_reference_swaps_the_branches() {
    let set = diagram(&[[0, 3, MISSING], [2, -4, -1], [1, PLAIN, FIPS]], 2)
        .unwrap_or_else(|e| panic!("{e}"));
    check(&set);
}

#[test]
fn a_diagram_that_ends_on_no_match_says_so() {
    let set = diagram(&[[0, 1, MISSING]], 2).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        set.resolve(&Params::new().with("Region", "x")),
        Err(ResolveError::NoMatch)
    );
    let set = diagram(&[[0, 100_000_000, MISSING]], 2).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        set.resolve(&Params::new().with("Region", "x")),
        Err(ResolveError::NoMatch)
    );
}

#[test]
fn broken_diagrams_do_not_load() {
    let message = |nodes: &[[i32; 3]], root| {
        diagram(nodes, root)
            .expect_err("should not load")
            .to_string()
    };
    assert!(message(&[[0, 3, MISSING]], 2).contains("reference 3 points at no node"));
    assert!(message(&[[0, 100_000_009, MISSING]], 2).contains("points at no node or result"));
    assert!(message(&[[7, FIPS, PLAIN]], 2).contains("condition 7"));
    assert!(message(&[[0, FIPS, PLAIN]], -2).contains("complemented"));
    assert!(message(&[[0, 0, PLAIN]], 2).contains("reference 0"));
}
