//! The official Smithy protocol compliance suites (`../shared/smithy-protocol-tests`), run
//! against the generated client and the generated server (whose cases include every
//! `httpMalformedRequestTests` definition, expanded per `testParameters`).
//!
//! For one protocol: the suite's IDL files load into one model ([`codegen::model::load`]);
//! its test service is generated into `target/compliance/<protocol>/service` by the same
//! generator users run; the runner (`tests/compliance/runner.rs`, built beside it) sends each
//! case through the generated client over a scripted transport; the cases are judged here.
//! A test binary per protocol (`tests/tests/compliance_*.rs`) calls [`run_client`] with its
//! skip list and prints `compliance <protocol> client: P passed, F failed, S skipped of T`.

pub mod cases;
pub mod cbor;
pub mod harness;
pub mod judge;
pub mod params;
mod server;

use std::io::Write;
use std::path::Path;

use codegen::model::{Model, ShapeId, Source};
use serde_json::{json, Value};
use smithy_runtime::Blob;

use cases::{Case, Direction, Side};
use params::Types;

/// One protocol's suite.
pub struct Suite {
    /// What the summary line and the scratch directory call the suite: the protocol's name,
    /// unless two suites share a protocol (`rpcv2Cbor-aws`).
    pub name: &'static str,
    /// The protocol trait's name (`awsJson1_0`).
    pub protocol: &'static str,
    /// The folder of its files under `smithy-protocol-tests` (`aws/awsJson1_0`).
    pub folder: &'static str,
    /// Subfolders of `folder` that belong to other services (`validation`).
    pub exclude: &'static [&'static str],
    /// The test service.
    pub service: &'static str,
}

/// A case the generated client does not pass yet, and the Smithy feature it needs.
pub struct Skip {
    /// The case id.
    pub id: &'static str,
    /// Which feature is missing.
    pub reason: &'static str,
}

/// The outcome of a suite.
#[derive(Debug, Default)]
pub struct Report {
    /// The suite's name (the protocol's, unless two suites share it).
    pub protocol: String,
    /// Which side the cases tested.
    pub side: &'static str,
    /// Cases that passed.
    pub passed: usize,
    /// Cases that failed and are not skipped, with what went wrong.
    pub failed: Vec<(String, String)>,
    /// Cases on the skip list that failed, as expected.
    pub skipped: usize,
}

impl Report {
    /// `compliance <protocol> <side>: P passed, F failed, S skipped of T`.
    pub fn summary(&self) -> String {
        let total = self.passed + self.failed.len() + self.skipped;
        format!(
            "compliance {} {}: {} passed, {} failed, {} skipped of {total}",
            self.protocol,
            self.side,
            self.passed,
            self.failed.len(),
            self.skipped
        )
    }

    /// Prints each failure and the summary line straight to the process's stdout (past the
    /// test harness's capture, so that CI logs show it), then fails on any failure.
    pub fn print_and_check(&self) {
        let mut out = std::io::stdout().lock();
        for (id, problem) in &self.failed {
            let _ = writeln!(out, "FAIL {id}: {problem}");
        }
        let _ = writeln!(out, "{}", self.summary());
        assert!(
            self.failed.is_empty(),
            "{} cases failed (see above); fix the client, or add them to the skip list with the missing feature",
            self.failed.len()
        );
    }
}

/// Runs the client-side cases of `suite`; `None` (after a notice) when `../shared` is absent.
///
/// Every service of the suite's model that speaks the protocol is generated and run; a case
/// written on a shape that no generated operation reaches fails, so none is dropped silently.
///
/// # Panics
///
/// When the suite does not load or generate, or a runner does not build: those are bugs of
/// the generator, not failing cases.
pub fn run_client(suite: &Suite, skips: &[Skip]) -> Option<Report> {
    run(suite, skips, Side::Client)
}

/// Runs the server-side cases of `suite` (`appliesTo` absent or `server`) through each
/// generated service's router: a request case must decode into its `params`, a response case
/// must be written as its HTTP response. `None` (after a notice) when `../shared` is absent.
///
/// # Panics
///
/// As [`run_client`].
pub fn run_server(suite: &Suite, skips: &[Skip]) -> Option<Report> {
    run(suite, skips, Side::Server)
}

fn run(suite: &Suite, skips: &[Skip], side: Side) -> Option<Report> {
    let root = crate::shared::shared_dir_for(suite.name, "smithy-protocol-tests")?;
    let model = load(&root, suite);
    let services = services_of(&model, suite.protocol);
    let options = harness::Workspace::crate_options(vec![suite.folder.to_owned()]);
    let mut irs = Vec::new();
    let mut crates = Vec::new();
    for service in &services {
        irs.push(codegen::ir::lower(&model, service).unwrap_or_else(|e| panic!("{e}")));
        crates.push(
            codegen::generate_service(&model, service, &options)
                .unwrap_or_else(|e| panic!("{service}: {e}")),
        );
    }
    let (dir, runner) = match side {
        Side::Client => (suite.name.to_owned(), "runner.rs"),
        Side::Server => (format!("{}-server", suite.name), "server_runner.rs"),
    };
    let workspace =
        harness::Workspace::create(&dir, runner, &crates).unwrap_or_else(|e| panic!("{e}"));
    let mut seen = std::collections::BTreeSet::new();
    let mut verdicts = Vec::new();
    for (index, (service, ir)) in services.iter().zip(&irs).enumerate() {
        let cases: Vec<Case> = cases::cases(&model, service, suite.protocol, side)
            .into_iter()
            .filter(|case| seen.insert(case.key()))
            .collect();
        let run = ServiceRun {
            model: &model,
            service,
            ir,
            workspace: &workspace,
            index,
            protocol: suite.protocol,
            side,
        };
        verdicts.extend(run.verdicts(cases));
    }
    for key in cases::all_case_keys(&model, suite.protocol, side) {
        if !seen.contains(&key) {
            let (owner, _, id) = key;
            let problem = format!("on {owner}, which no operation of a generated service reaches");
            verdicts.push((id, Err(problem)));
        }
    }
    Some(Report::judge(suite.name, side, verdicts, skips))
}

impl Report {
    /// The report for `verdicts` under the skip list.
    fn judge(
        protocol: &str,
        side: Side,
        verdicts: Vec<(String, Result<(), String>)>,
        skips: &[Skip],
    ) -> Self {
        let mut report = Report {
            protocol: protocol.to_owned(),
            side: side.name(),
            ..Report::default()
        };
        // A request and a response case may share an id: a skipped id "passes now" only when
        // every case of that id passes.
        let any_fails = |id: &str| verdicts.iter().any(|(i, v)| i == id && v.is_err());
        for (id, verdict) in &verdicts {
            match (verdict, skips.iter().any(|s| s.id == *id)) {
                (Ok(()), false) => report.passed += 1,
                (Ok(()), true) if any_fails(id) => report.passed += 1,
                (Ok(()), true) => report.failed.push((
                    id.clone(),
                    "passes now: remove it from the skip list".to_owned(),
                )),
                (Err(_), true) => report.skipped += 1,
                (Err(problem), false) => report.failed.push((id.clone(), problem.clone())),
            }
        }
        for skip in skips {
            if !verdicts.iter().any(|(id, _)| id == skip.id) {
                report.failed.push((
                    skip.id.to_owned(),
                    "on the skip list but no such case".to_owned(),
                ));
            }
        }
        report
    }
}

/// The services of `model` that list `protocol`, in id order.
fn services_of(model: &Model, protocol: &str) -> Vec<ShapeId> {
    model
        .services()
        .filter(|(id, _)| {
            model.shape(id).is_some_and(|shape| {
                shape
                    .traits
                    .protocols
                    .iter()
                    .any(|p| p.trait_name() == protocol)
            })
        })
        .map(|(id, _)| id.clone())
        .collect()
}

/// One generated service of a suite, and its runner.
struct ServiceRun<'a> {
    model: &'a Model,
    service: &'a ShapeId,
    ir: &'a codegen::ir::Service,
    workspace: &'a harness::Workspace,
    index: usize,
    protocol: &'a str,
    side: Side,
}

impl ServiceRun<'_> {
    /// Runs `cases` through this service's runner: each case's id and verdict.
    fn verdicts(&self, cases: Vec<Case>) -> Vec<(String, Result<(), String>)> {
        let types = Types::new(self.ir);
        let names: Vec<String> = cases
            .iter()
            .map(|case| self.model.service_name(self.service, &case.operation))
            .collect();
        let mut inputs = Vec::new();
        let mut verdicts: Vec<Option<Result<(), String>>> = vec![None; cases.len()];
        for (index, case) in cases.iter().enumerate() {
            let input = match self.side {
                Side::Client => runner_input(&types, self.ir, &names[index], case),
                Side::Server => server::runner_input(&types, self.ir, &names[index], case),
            };
            match input {
                Ok(mut input) => {
                    input["id"] = json!(index);
                    input["protocol"] = json!(self.protocol);
                    inputs.push(input);
                }
                Err(problem) => verdicts[index] = Some(Err(problem)),
            }
        }
        let lines = self
            .workspace
            .run(self.index, &Value::Array(inputs))
            .unwrap_or_else(|e| panic!("{e}"));
        for line in lines {
            let value: Value =
                serde_json::from_str(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
            let Some(index) = value["id"].as_u64().and_then(|i| usize::try_from(i).ok()) else {
                continue;
            };
            if let Some(case) = cases.get(index) {
                verdicts[index] = Some(match self.side {
                    Side::Client => judge_case(&types, self.ir, &names[index], case, &value),
                    Side::Server => {
                        server::judge_case(&types, self.ir, &names[index], case, &value)
                    }
                });
            }
        }
        cases
            .iter()
            .zip(verdicts)
            .map(|(case, verdict)| {
                let verdict =
                    verdict.unwrap_or_else(|| Err("the runner reported nothing".to_owned()));
                (case.id.clone(), verdict)
            })
            .collect()
    }
}

/// The suite's files loaded as one model.
fn load(root: &Path, suite: &Suite) -> Model {
    let files = crate::suites::suite_files(root, suite.folder, suite.exclude);
    let sources: Vec<Source> = files
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Source::new(path.display().to_string(), text)
        })
        .collect();
    codegen::model::load(&sources).unwrap_or_else(|e| panic!("{}: {e}", suite.folder))
}

/// What the runner needs for one case: the operation, the input in its serde JSON form, the
/// endpoint and the response to answer with.
fn runner_input(
    types: &Types,
    ir: &codegen::ir::Service,
    name: &str,
    case: &Case,
) -> Result<Value, String> {
    let op = ir
        .operations
        .iter()
        .find(|op| op.name == name)
        .ok_or_else(|| format!("operation {name} is not generated"))?;
    let input = match (case.direction, types.structure(op.input)) {
        (_, None) => json!({}),
        (Direction::Request | Direction::Malformed, Some(s)) => types
            .structure_value(s, &case.params())
            .map_err(|e| format!("params: {e}"))?,
        (Direction::Response, Some(s)) => types.placeholder(s),
    };
    let host = case.text("host").unwrap_or("example.com");
    let response = match case.direction {
        // Request cases are judged on the request; an empty body reads as an empty output in
        // every protocol.
        Direction::Request | Direction::Malformed => {
            json!({"status": 200, "headers": [], "body": ""})
        }
        Direction::Response => {
            let headers: Vec<Value> = case
                .headers()
                .into_iter()
                .map(|(k, v)| json!([k, v]))
                .collect();
            json!({
                "status": case.fields.get("code").and_then(Value::as_u64).unwrap_or(200),
                "headers": headers,
                "body": Blob::new(case.body_bytes()?).to_base64(),
            })
        }
    };
    Ok(json!({
        "operation": name,
        "input": input,
        "endpoint": format!("https://{host}"),
        "response": response,
    }))
}

/// Judges the runner's line for `case` (of the operation called `name` in the service).
fn judge_case(
    types: &Types,
    ir: &codegen::ir::Service,
    name: &str,
    case: &Case,
    line: &Value,
) -> Result<(), String> {
    let outcome = &line["outcome"];
    if case.direction == Direction::Request {
        let request = line
            .get("request")
            .filter(|r| !r.is_null())
            .ok_or_else(|| {
                format!(
                    "nothing was sent: {}",
                    outcome["error"].as_str().unwrap_or("?")
                )
            })?;
        let sent = judge::SentRequest::from_json(request)?;
        let problems = judge::request(case, &sent);
        return if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        };
    }
    let (got, shape) = match &case.error {
        Some(error) => {
            let service_error = outcome
                .get("service_error")
                .ok_or_else(|| format!("expected error {}, got {outcome}", error.name()))?;
            if service_error["code"].as_str() != Some(error.name()) {
                return Err(format!(
                    "expected error {}, got {service_error}",
                    error.name()
                ));
            }
            let s = types
                .structure_of_shape(error)
                .ok_or_else(|| format!("no generated type for {error}"))?;
            (service_error["members"].clone(), s)
        }
        None => {
            let output = outcome
                .get("output")
                .ok_or_else(|| format!("expected an output, got {outcome}"))?;
            let op = ir
                .operations
                .iter()
                .find(|op| op.name == name)
                .ok_or_else(|| format!("operation {name} is not generated"))?;
            let s = types
                .structure(op.output)
                .ok_or_else(|| format!("no output type for {name}"))?;
            (output.clone(), s)
        }
    };
    let want = types
        .structure_value(shape, &case.params())
        .map_err(|e| format!("params: {e}"))?;
    match judge::json_difference(&want, &got, "output") {
        None => Ok(()),
        Some(d) => Err(d),
    }
}
