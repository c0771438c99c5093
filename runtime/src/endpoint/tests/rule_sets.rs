//! Whole rule sets: reading (and the errors that name where a document is wrong), scoping,
//! parameters, endpoints, and the cache.

use std::sync::Arc;

use super::super::{ParamType, Params, Property, ResolveError, Resolver, RuleSet};
use super::{rules, url};

/// A rule set with these parameters and rules (JSON fragments).
fn rule_set(parameters: &str, rules: &str) -> String {
    format!(r#"{{"version": "1.0", "parameters": {{{parameters}}}, "rules": [{rules}]}}"#)
}

const REGION: &str =
    r#""Region": {"type": "String", "builtIn": "AWS::Region", "documentation": "d"}"#;

fn load_error(text: &str) -> (String, String) {
    let error = RuleSet::from_json(text).expect_err("the rule set should not load");
    (error.path().to_owned(), error.message().to_owned())
}

#[test]
fn errors_name_the_json_path() {
    let (path, message) = load_error(&rule_set(
        REGION,
        r#"{"type": "tree", "conditions": [], "rules": [
            {"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Regoin"}]}], "endpoint": {"url": "https://x"}}]}"#,
    ));
    assert_eq!(path, "rules[0].rules[0].conditions[0].argv[0].ref");
    assert!(
        message.contains("`Regoin` is neither a parameter"),
        "{message}"
    );

    let (path, message) = load_error(&rule_set(
        REGION,
        r#"{"type": "endpoint", "conditions": [{"fn": "isSett", "argv": []}], "endpoint": {"url": "x"}}"#,
    ));
    assert_eq!(path, "rules[0].conditions[0].fn");
    assert!(
        message.starts_with("unknown function `isSett`"),
        "{message}"
    );

    let (path, message) = load_error(&rule_set(
        REGION,
        r#"{"type": "endpoint", "conditions": [{"fn": "substring", "argv": ["a", 1]}], "endpoint": {"url": "x"}}"#,
    ));
    assert_eq!(
        (path.as_str(), message.as_str()),
        (
            "rules[0].conditions[0].argv",
            "`substring` takes 4 arguments, not 2"
        )
    );

    let (path, _) = load_error(&rule_set(
        REGION,
        r#"{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://{Region"}}"#,
    ));
    assert_eq!(path, "rules[0].endpoint.url");

    let (path, message) = load_error(&rule_set(
        r#""Flag": {"type": "boolean", "default": "yes", "required": true}"#,
        r#"{"type": "error", "conditions": [], "error": "e"}"#,
    ));
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("parameters.Flag.default", "the default must be a boolean")
    );

    let (path, _) = load_error(&rule_set(
        r#""Flag": {"type": "boolean", "default": true}"#,
        r#"{"type": "error", "conditions": [], "error": "e"}"#,
    ));
    assert_eq!(path, "parameters.Flag");

    let (path, message) = load_error(&rule_set(
        r#""R": {"type": "boolean", "builtIn": "AWS::Region"}"#,
        r#"{"type": "error", "conditions": [], "error": "e"}"#,
    ));
    assert_eq!(path, "parameters.R.builtIn");
    assert!(message.contains("AWS::Region"), "{message}");

    let (path, _) = load_error(&rule_set(REGION, r#"{"type": "leaf", "conditions": []}"#));
    assert_eq!(path, "rules[0].type");
    let (path, _) = load_error(&rule_set(REGION, ""));
    assert_eq!(path, "rules");
    assert_eq!(load_error("{").0, "");
}

#[test]
fn variables_are_scoped_to_their_rule_and_its_subtree() {
    // `p` assigned in the first rule is unknown to the second.
    let (path, _) = load_error(&rule_set(
        REGION,
        r#"{"type": "error", "conditions": [{"fn": "aws.partition", "argv": ["{Region}"], "assign": "p"}, {"fn": "booleanEquals", "argv": [true, false]}], "error": "x"},
           {"type": "error", "conditions": [], "error": "{p#name}"}"#,
    ));
    assert_eq!(path, "rules[1].error");
    // A variable may not shadow a parameter.
    let (path, message) = load_error(&rule_set(
        REGION,
        r#"{"type": "error", "conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}], "assign": "Region"}], "error": "x"}"#,
    ));
    assert_eq!(path, "rules[0].conditions[0].assign");
    assert!(message.contains("shadow"), "{message}");
    // Inside a tree, a child sees the tree's variables; siblings reuse slots safely.
    let tree = rules(&rule_set(
        REGION,
        r#"{"type": "tree", "conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}], "rules": [
             {"type": "endpoint", "conditions": [{"fn": "stringEquals", "argv": ["{p#name}", "aws-cn"]}, {"fn": "uriEncode", "argv": ["{Region}"], "assign": "a"}], "endpoint": {"url": "https://cn.{a}.{p#dnsSuffix}"}},
             {"type": "endpoint", "conditions": [{"fn": "substring", "argv": ["{Region}", 0, 2, false], "assign": "b"}], "endpoint": {"url": "https://{b}.{p#dnsSuffix}"}}]}"#,
    ));
    assert_eq!(
        url(&tree, &Params::new().with("Region", "cn-north-1")),
        "https://cn.cn-north-1.amazonaws.com.cn"
    );
    assert_eq!(
        url(&tree, &Params::new().with("Region", "eu-west-1")),
        "https://eu.amazonaws.com"
    );
}

#[test]
fn parameters_are_checked_and_defaulted() {
    let set = rules(&rule_set(
        r#""Region": {"type": "string", "required": true}, "Fips": {"type": "boolean", "required": true, "default": false}, "Ids": {"type": "stringArray"}"#,
        r#"{"type": "endpoint", "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "Fips"}, true]}], "endpoint": {"url": "https://fips.{Region}"}},
           {"type": "endpoint", "conditions": [{"fn": "getAttr", "argv": [{"ref": "Ids"}, "[0]"], "assign": "id"}], "endpoint": {"url": "https://{id}.{Region}"}},
           {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://{Region}"}}"#,
    ));
    let region = Params::new().with("Region", "r");
    assert_eq!(url(&set, &region), "https://r");
    assert_eq!(
        url(&set, &region.clone().with("Fips", true)),
        "https://fips.r"
    );
    assert_eq!(
        url(&set, &region.clone().with("Ids", vec!["a".to_owned()])),
        "https://a.r"
    );
    assert_eq!(
        url(&set, &region.clone().with("Ids", Vec::<String>::new())),
        "https://r"
    );
    assert_eq!(
        set.resolve(&Params::new()),
        Err(ResolveError::MissingParameter("Region".into()))
    );
    assert_eq!(
        set.resolve(&region.clone().with("Fips", "yes")),
        Err(ResolveError::WrongType {
            name: "Fips".into(),
            expected: ParamType::Boolean,
            found: "a string"
        })
    );
    assert_eq!(
        set.resolve(&region.with("fips", true)),
        Err(ResolveError::UnknownParameter("fips".into()))
    );
    assert_eq!(
        set.parameter("Fips").and_then(|p| p.default()),
        Some(&false.into())
    );
}

#[test]
fn no_match_and_evaluation_errors_are_told_apart_from_error_rules() {
    let set = rules(&rule_set(
        REGION,
        r#"{"type": "tree", "conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}], "rules": [
             {"type": "error", "conditions": [{"fn": "stringEquals", "argv": [{"ref": "Region"}, "bad"]}], "error": "Region {Region} is not supported"},
             {"type": "endpoint", "conditions": [{"fn": "stringEquals", "argv": [{"ref": "Region"}, "typo"]}], "endpoint": {"url": {"fn": "not", "argv": [false]}}},
             {"type": "endpoint", "conditions": [{"fn": "stringEquals", "argv": [{"ref": "Region"}, "ok"]}], "endpoint": {"url": "https://ok"}}]}"#,
    ));
    let resolve = |region: Option<&str>| {
        let params = region.map_or_else(Params::new, |r| Params::new().with("Region", r));
        set.resolve(&params)
    };
    assert_eq!(
        resolve(Some("bad")).unwrap_err().rule_message(),
        Some("Region bad is not supported")
    );
    assert_eq!(
        resolve(Some("other")),
        Err(ResolveError::NoMatch),
        "a tree's rules ran out"
    );
    assert_eq!(resolve(None), Err(ResolveError::NoMatch));
    assert!(
        matches!(resolve(Some("typo")), Err(ResolveError::Evaluation(m)) if m.contains("URL is a boolean"))
    );
    assert_eq!(url(&set, &Params::new().with("Region", "ok")), "https://ok");
}

#[test]
fn endpoints_carry_headers_properties_and_auth_schemes() {
    let set = rules(&rule_set(
        REGION,
        r#"{"type": "endpoint", "conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}],
            "endpoint": {"url": "https://{{literal}}.{Region}.{p#dnsSuffix}",
              "headers": {"x-b": ["{Region}", "two"], "x-a": ["one"]},
              "properties": {"authSchemes": [{"name": "sigv4a", "signingName": "svc", "signingRegionSet": ["*"]},
                                             {"name": "sigv4", "signingName": "svc", "signingRegion": "{p#implicitGlobalRegion}", "disableDoubleEncoding": true}],
                             "count": 2, "nested": {"on": false}}}}"#,
    ));
    let endpoint = set
        .resolve(&Params::new().with("Region", "cn-north-1"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        endpoint.url(),
        "https://{literal}.cn-north-1.amazonaws.com.cn"
    );
    let headers: Vec<_> = endpoint.headers().iter().collect();
    assert_eq!(
        headers,
        [
            (&"x-a".to_owned(), &vec!["one".to_owned()]),
            (
                &"x-b".to_owned(),
                &vec!["cn-north-1".to_owned(), "two".to_owned()]
            )
        ]
    );
    let sigv4 = endpoint.auth_scheme("sigv4").expect("a sigv4 scheme");
    assert_eq!(
        (
            sigv4.signing_name.as_deref(),
            sigv4.signing_region.as_deref()
        ),
        (Some("svc"), Some("cn-northwest-1"))
    );
    assert!(sigv4.disable_double_encoding && !sigv4.disable_normalize_path);
    assert_eq!(endpoint.auth_schemes()[0].signing_region_set, ["*"]);
    assert_eq!(endpoint.properties().get("count"), Some(&Property::Int(2)));
    assert_eq!(
        endpoint.properties_json()["nested"],
        serde_json::json!({"on": false})
    );
}

#[test]
fn coalesce_and_ite_pick_values() {
    let set = rules(&rule_set(
        r#""A": {"type": "string"}, "B": {"type": "string", "required": true, "default": "b"}, "F": {"type": "boolean"}"#,
        r#"{"type": "endpoint", "conditions": [
              {"fn": "coalesce", "argv": [{"ref": "A"}, {"ref": "B"}], "assign": "v"},
              {"fn": "ite", "argv": [{"fn": "coalesce", "argv": [{"ref": "F"}, false]}, "-on", ""], "assign": "s"}],
            "endpoint": {"url": "https://{v}{s}"}}"#,
    ));
    assert_eq!(url(&set, &Params::new()), "https://b");
    assert_eq!(
        url(&set, &Params::new().with("A", "a").with("F", true)),
        "https://a-on"
    );
    assert_eq!(
        url(&set, &Params::new().with("A", "").with("F", false)),
        "https://"
    );
}

#[test]
fn the_resolver_caches_results_and_errors_within_its_capacity() {
    let set = rules(&rule_set(
        REGION,
        r#"{"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}], "endpoint": {"url": "https://{Region}"}},
           {"type": "error", "conditions": [], "error": "no region"}"#,
    ));
    let resolver = Resolver::with_capacity(Arc::new(set), 2);
    let a = Params::new().with("Region", "a");
    let first = resolver.resolve(&a).unwrap_or_else(|e| panic!("{e}"));
    assert!(Arc::ptr_eq(
        &first,
        &resolver.resolve(&a).unwrap_or_else(|e| panic!("{e}"))
    ));
    assert_eq!(
        resolver.resolve(&Params::new()).unwrap_err().rule_message(),
        Some("no region")
    );
    // A third key evicts the oldest (`a`), which then resolves afresh.
    let _ = resolver.resolve(&Params::new().with("Region", "b"));
    let again = resolver.resolve(&a).unwrap_or_else(|e| panic!("{e}"));
    assert!(!Arc::ptr_eq(&first, &again));
    assert_eq!(again.url(), "https://a");
    let uncached = Resolver::with_capacity(Arc::new(resolver.rule_set().clone()), 0);
    let (x, y) = (uncached.resolve(&a), uncached.resolve(&a));
    assert!(!Arc::ptr_eq(
        &x.unwrap_or_else(|e| panic!("{e}")),
        &y.unwrap_or_else(|e| panic!("{e}"))
    ));
}

#[test]
fn rule_sets_resolvers_and_endpoints_can_be_shared_between_threads() {
    fn shared<T: Send + Sync + 'static>() {}
    shared::<RuleSet>();
    shared::<Resolver>();
    shared::<super::super::Endpoint>();
    shared::<ResolveError>();
}
