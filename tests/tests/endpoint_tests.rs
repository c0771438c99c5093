//! Endpoint rule sets through the runtime's rules engine (`smithy_runtime::endpoint`), judged
//! by `endpointTests` cases: the official rules-engine suite
//! (`../shared/smithy-rules-engine/tests`), the official AWS models (`../shared/aws-models`) and
//! this project's models; and the engine's partitions against the official `partitions.json`.
//!
//! Each test prints `endpoint tests <service>: P passed, F failed, S skipped of T` per service
//! (past the harness's capture, so the CI log shows it) and every failure with its
//! parameters, expectation and result. A failing case fails the test unless it is on the skip
//! list with its reason; a listed case that passes, or that names no case, fails it too.

use std::io::Write;
use std::path::{Path, PathBuf};

use codegen::model::Source;
use integration_tests::project::ProjectModel;
use integration_tests::shared::shared_dir_for;
use smithy_runtime::endpoint::{Params, Partitions, ResolveError, RuleSet};
use xtask::endpoint_tests::{run_model, CaseOutcome, ServiceReport};

/// Failing cases of one model file that are expected to fail, and why.
struct Skip {
    /// The model's file name.
    model: &'static str,
    /// The cases' documentation.
    cases: &'static [&'static str],
    reason: &'static str,
}

/// The rules-engine suite's one inconsistent case.
const SUITE_SKIPS: &[Skip] = &[Skip {
    model: "ite.smithy",
    cases: &["When useFips is true, returns trueValue"],
    reason: "the case's params set `useFips: true`, but its operation input calls GetThing \
             without that client parameter, so a client configured as the input says resolves \
             https://example.com (its params run passes)",
}];

const ISO_DUAL_STACK: &str = "partitions.json now says that aws-iso and aws-iso-b support \
    dual-stack (api.aws.ic.gov, api.aws.scloud); these cases (models of 2025-04) predate it and \
    expect `does not support DualStack` errors. The engine's partitions follow partitions.json \
    (partitions_agree_with_partitions_json), so it resolves the dual-stack endpoint, as an SDK \
    with today's partitions does";

/// The ISO dual-stack cases every regional model has.
const REGIONAL_ISO_DUAL_STACK: &[&str] = &[
    "For region us-iso-east-1 with FIPS enabled and DualStack enabled",
    "For region us-iso-east-1 with FIPS disabled and DualStack enabled",
    "For region us-isob-east-1 with FIPS enabled and DualStack enabled",
    "For region us-isob-east-1 with FIPS disabled and DualStack enabled",
];

const fn iso_dual_stack(model: &'static str) -> Skip {
    Skip {
        model,
        cases: REGIONAL_ISO_DUAL_STACK,
        reason: ISO_DUAL_STACK,
    }
}

const OFFICIAL_SKIPS: &[Skip] = &[
    iso_dual_stack("apigatewayv2.json"),
    iso_dual_stack("bedrock-runtime.json"),
    iso_dual_stack("dynamodb.json"),
    Skip {
        model: "dynamodb.json",
        cases: &[
            "{UseFIPS=true, UseDualStack=true, AccountId=111111111111, AccountIdEndpointMode=preferred, Region=us-iso-east-1}",
            "{UseFIPS=false, UseDualStack=true, AccountId=111111111111, AccountIdEndpointMode=preferred, Region=us-iso-east-1}",
            "{UseFIPS=true, UseDualStack=true, ResourceArn=arn:aws:dynamodb:us-east-1:222222222222:table/table_name, AccountIdEndpointMode=preferred, Region=us-iso-east-1}",
            "{UseFIPS=false, UseDualStack=true, ResourceArn=arn:aws:dynamodb:us-east-1:222222222222:table/table_name, AccountIdEndpointMode=preferred, Region=us-iso-east-1}",
            "{UseFIPS=true, UseDualStack=true, ResourceArnList=[arn:aws:dynamodb:us-east-1:333333333333:table/table_name], AccountIdEndpointMode=preferred, Region=us-iso-east-1}",
            "{UseFIPS=false, UseDualStack=true, ResourceArnList=[arn:aws:dynamodb:us-east-1:333333333333:table/table_name], AccountIdEndpointMode=preferred, Region=us-iso-east-1}",
        ],
        reason: ISO_DUAL_STACK,
    },
    iso_dual_stack("ecs.json"),
    iso_dual_stack("gamelift.json"),
    iso_dual_stack("gamesparks.json"),
    iso_dual_stack("lambda.json"),
    iso_dual_stack("sqs.json"),
];

/// The files of `dir` with this extension, sorted.
fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

/// The reports of one model file, loaded alone.
fn run_file(path: &Path, partitions: &Partitions) -> Vec<ServiceReport> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let model = codegen::model::load(&[Source::new(path.display().to_string(), text)])
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    run_model(&model, partitions)
}

/// Runs every file, applies the skips, prints the reports, and fails on any failure, stale
/// skip, or file without test cases.
fn run_and_check(suite: &str, paths: &[PathBuf], skips: &[Skip]) {
    let mut problems = Vec::new();
    let mut lines = Vec::new();
    let (mut passed, mut failed, mut skipped, mut total) = (0, 0, 0, 0);
    for path in paths {
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let mut reports = run_file(path, Partitions::aws());
        if reports.iter().all(|r| r.cases.is_empty()) {
            problems.push(format!("{file} has no endpoint test cases"));
        }
        for skip in skips.iter().filter(|s| s.model == file) {
            for case in skip.cases {
                let (found, fixed) = reports.iter_mut().fold((0, 0), |(f, p), r| {
                    let (found, fixed) = r.skip(case, skip.reason);
                    (f + found, p + fixed)
                });
                if found == 0 || fixed > 0 {
                    problems.push(format!("{file}: the skip of {case:?} is stale ({found} such cases, {fixed} passing): remove it"));
                }
            }
        }
        for report in &reports {
            lines.extend(report.failures());
            lines.push(report.summary());
            let (p, f, s) = report.counts();
            (passed, failed, skipped, total) = (
                passed + p,
                failed + f,
                skipped + s,
                total + report.cases.len(),
            );
        }
    }
    lines.push(format!(
        "endpoint tests {suite}: {passed} passed, {failed} failed, {skipped} skipped of {total}"
    ));
    let mut out = std::io::stdout().lock();
    for line in &lines {
        let _ = writeln!(out, "{line}");
    }
    assert_eq!(failed, 0, "{failed} endpoint test cases failed (see above): fix the engine, or skip them with a reason");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rules_engine_suite() {
    let Some(dir) = shared_dir_for("rules_engine_suite", "smithy-rules-engine/tests") else {
        return;
    };
    run_and_check("rules-engine suite", &files(&dir, "smithy"), SUITE_SKIPS);
}

#[test]
fn official_models() {
    let Some(dir) = shared_dir_for("official_models", "aws-models") else {
        return;
    };
    run_and_check("official models", &files(&dir, "json"), OFFICIAL_SKIPS);
}

/// The skipped official cases pass once aws-iso and aws-iso-b lose dual-stack, as they were
/// when the models were published: the skip reason is the whole difference.
#[test]
fn official_skips_pass_with_the_partitions_of_their_time() {
    let (Some(models), Some(rules)) = (
        shared_dir_for("official_skips", "aws-models"),
        shared_dir_for("official_skips", "smithy-rules-engine"),
    ) else {
        return;
    };
    let path = rules.join("partitions.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    for partition in json["partitions"].as_array_mut().into_iter().flatten() {
        if matches!(partition["id"].as_str(), Some("aws-iso" | "aws-iso-b")) {
            partition["outputs"]["supportsDualStack"] = false.into();
        }
    }
    let then = Partitions::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{e}"));
    for skip in OFFICIAL_SKIPS {
        assert_eq!(
            skip.reason, ISO_DUAL_STACK,
            "{}: a skip with another reason",
            skip.model
        );
        let reports = run_file(&models.join(skip.model), &then);
        for case in skip.cases {
            let outcomes: Vec<_> = reports
                .iter()
                .flat_map(|r| &r.cases)
                .filter(|c| c.documentation == *case)
                .map(|c| &c.outcome)
                .collect();
            assert!(
                !outcomes.is_empty() && outcomes.iter().all(|o| **o == CaseOutcome::Passed),
                "{}: {case:?}: {outcomes:?}",
                skip.model
            );
        }
    }
}

/// The project's models carry rule sets of their own; every case passes.
#[test]
fn project_models() {
    for file in ["gamelift.json", "gamesparks.json"] {
        let project = ProjectModel::load(file).unwrap_or_else(|e| panic!("{e}"));
        let reports = run_model(&project.model, Partitions::aws());
        let mut out = std::io::stdout().lock();
        for report in &reports {
            for failure in report.failures() {
                let _ = writeln!(out, "{failure}");
            }
            let _ = writeln!(out, "{}", report.summary());
            assert_eq!(
                report.counts().1,
                0,
                "{file}: endpoint test cases failed (see above)"
            );
            assert!(
                report.cases.len() >= 40,
                "{file}: {} cases; every partition should have its own",
                report.cases.len()
            );
        }
        assert_eq!(reports.len(), 1, "{file}: one service with endpoint tests");
    }
}

fn rule_set_of(file: &str) -> RuleSet {
    let project = ProjectModel::load(file).unwrap_or_else(|e| panic!("{e}"));
    let shape = project
        .model
        .shape(&project.service)
        .expect("the service shape");
    let id = "smithy.rules#endpointRuleSet".parse().expect("a shape id");
    let json = shape
        .traits
        .raw
        .get(&id)
        .unwrap_or_else(|| panic!("{file} has no endpointRuleSet"));
    RuleSet::from_value(json).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn gamelift_resolves_the_china_and_fips_endpoints() {
    let rules = rule_set_of("gamelift.json");
    let url = |params: Params| rules.resolve(&params).map(|e| e.url().to_owned());
    let region = |r: &'static str| Params::new().with("Region", r);
    assert_eq!(
        url(region("cn-north-1")).as_deref(),
        Ok("https://gamelift.cn-north-1.amazonaws.com.cn")
    );
    assert_eq!(
        url(region("us-west-2").with("UseFIPS", true)).as_deref(),
        Ok("https://gamelift-fips.us-west-2.amazonaws.com")
    );
    assert_eq!(
        url(region("us-gov-west-1")
            .with("UseFIPS", true)
            .with("UseDualStack", true))
        .as_deref(),
        Ok("https://gamelift-fips.us-gov-west-1.api.aws")
    );
}

/// The errors for a partition without FIPS or dual-stack (every partition has both today, so
/// the models' own cases cannot reach them).
#[test]
fn project_rule_sets_refuse_what_a_partition_lacks() {
    let partitions = Partitions::from_json(
        r#"{"partitions": [{"id": "aws", "regionRegex": "^x-\\w+-\\d+$", "regions": {"x-plain-1": {}},
            "outputs": {"name": "aws", "dnsSuffix": "example", "dualStackDnsSuffix": "ds.example",
                        "supportsFIPS": false, "supportsDualStack": false, "implicitGlobalRegion": "x-plain-1"}}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for file in ["gamelift.json", "gamesparks.json"] {
        let rules = rule_set_of(file);
        let resolve = |fips: bool, dual: bool| {
            let params = Params::new()
                .with("Region", "x-plain-1")
                .with("UseFIPS", fips)
                .with("UseDualStack", dual);
            rules.resolve_with(&params, &partitions)
        };
        let message =
            |r: Result<_, ResolveError>| r.err().and_then(|e| e.rule_message().map(str::to_owned));
        assert_eq!(
            message(resolve(true, true)).as_deref(),
            Some("FIPS and DualStack are enabled, but this partition does not support one or both")
        );
        assert_eq!(
            message(resolve(true, false)).as_deref(),
            Some("FIPS is enabled but this partition does not support FIPS")
        );
        assert_eq!(
            message(resolve(false, true)).as_deref(),
            Some("DualStack is enabled but this partition does not support DualStack")
        );
        let plain = resolve(false, false).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            plain.url().ends_with(".x-plain-1.example"),
            "{}",
            plain.url()
        );
    }
}

/// The engine's partition table states the facts of the official `partitions.json`.
#[test]
fn partitions_agree_with_partitions_json() {
    let Some(dir) = shared_dir_for(
        "partitions_agree_with_partitions_json",
        "smithy-rules-engine",
    ) else {
        return;
    };
    let path = dir.join("partitions.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let official =
        Partitions::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let ours = Partitions::aws();
    let ids = |p: &Partitions| p.iter().map(|p| p.id().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids(ours), ids(&official), "partitions (in pattern order)");
    for (mine, theirs) in ours.iter().zip(official.iter()) {
        assert_eq!(
            mine.region_regex(),
            theirs.region_regex(),
            "{}: region pattern",
            mine.id()
        );
        assert_eq!(mine.regions(), theirs.regions(), "{}: regions", mine.id());
        assert_eq!(mine.outputs(), theirs.outputs(), "{}: outputs", mine.id());
    }
    assert_eq!(ours, &official, "region overrides");
}
