//! The JMESPath compliance suite (`../shared/jmespath-compliance`, read in place): every case
//! of every file must pass.
//!
//! * `result` cases must parse and evaluate to the result (numbers compared by value, objects
//!   regardless of member order);
//! * `error` cases must fail with that kind, from [`smithy_jmespath::parse`] (`syntax`,
//!   `unknown-function`, `invalid-arity`, `invalid-value`) or from
//!   [`smithy_jmespath::Expression::search`] (`invalid-type`);
//! * `bench` cases must parse, and unless the bench is `parse`, evaluate without error.

#[path = "../../tests/src/shared.rs"]
mod shared;

use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use serde_json::Value;

/// Equality of JSON values with numbers compared as `f64` (serde_json tells `1` from `1.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .all(|(k, x)| ys.get(k).is_some_and(|y| same(x, y)))
        }
        _ => a == b,
    }
}

/// Runs one case, returning a description of the difference when it fails.
fn run_case(given: &Value, case: &Value) -> Result<(), String> {
    let expression = case["expression"]
        .as_str()
        .ok_or_else(|| format!("case without an expression: {case}"))?;
    let parsed = smithy_jmespath::parse(expression);
    if let Some(expected) = case.get("result") {
        let parsed = parsed.map_err(|e| format!("expected {expected}, got parse error: {e}"))?;
        let actual = parsed
            .search(given)
            .map_err(|e| format!("expected {expected}, got evaluation error: {e}"))?;
        return if same(&actual, expected) {
            Ok(())
        } else {
            Err(format!("expected {expected}, got {actual}"))
        };
    }
    if let Some(expected) = case.get("error").and_then(Value::as_str) {
        let kind = match parsed {
            Err(e) => e.kind(),
            Ok(parsed) => match parsed.search(given) {
                Err(e) => e.kind(),
                Ok(actual) => return Err(format!("expected a {expected} error, got {actual}")),
            },
        };
        return if kind.as_str() == expected {
            Ok(())
        } else {
            Err(format!("expected a {expected} error, got a {kind} error"))
        };
    }
    if let Some(bench) = case.get("bench").and_then(Value::as_str) {
        let parsed = parsed.map_err(|e| format!("bench {bench}: parse error: {e}"))?;
        if bench != "parse" {
            parsed
                .search(given)
                .map_err(|e| format!("bench {bench}: evaluation error: {e}"))?;
        }
        return Ok(());
    }
    Err(format!("case with neither result, error nor bench: {case}"))
}

/// Runs every case of one file, returning (passed, failure descriptions).
fn run_file(path: &Path) -> (usize, Vec<String>) {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let text = std::fs::read_to_string(path).expect("read a compliance file");
    let suites: Vec<Value> = serde_json::from_str(&text).expect("a compliance file is JSON");
    let (mut passed, mut failures) = (0, Vec::new());
    for suite in &suites {
        let cases = suite["cases"].as_array().expect("a suite has cases");
        for case in cases {
            let outcome = catch_unwind(AssertUnwindSafe(|| run_case(&suite["given"], case)))
                .unwrap_or_else(|_| Err("panicked".to_owned()));
            match outcome {
                Ok(()) => passed += 1,
                Err(difference) => failures.push(format!(
                    "{name}: `{}`: {difference}",
                    case["expression"].as_str().unwrap_or("?")
                )),
            }
        }
    }
    (passed, failures)
}

#[test]
fn jmespath_compliance_suite() {
    let Some(dir) = shared::shared_dir_for("jmespath compliance", "jmespath-compliance") else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("list the compliance suite")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no compliance files in {}",
        dir.display()
    );
    let (mut passed, mut failures) = (0, Vec::new());
    for file in &files {
        let (p, f) = run_file(file);
        passed += p;
        failures.extend(f);
    }
    let total = passed + failures.len();
    let mut out = std::io::stdout().lock();
    for failure in &failures {
        writeln!(out, "FAIL {failure}").expect("write to stdout");
    }
    writeln!(
        out,
        "jmespath compliance: {passed} passed, {} failed of {total}",
        failures.len()
    )
    .expect("write to stdout");
    drop(out);
    assert!(
        failures.is_empty(),
        "{} compliance cases failed",
        failures.len()
    );
}
