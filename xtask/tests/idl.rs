//! IDL input end to end: `validate` and `generate --model` on `.smithy` files, and
//! `cargo xtask ast`, with the real binary.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

mod common;

#[path = "../../tests/src/shared.rs"]
mod shared;

use std::process::Command;

use common::{repo, xtask};

const TWIN_IDL: &str = "models/fixtures/idl/twin";
const TWIN_JSON: &str = "models/fixtures/idl/twin.json";

/// Runs `cargo xtask` with `args`: success, stdout, stderr, apart.
fn xtask_split(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(repo())
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn validate_loads_the_idl_files_of_a_directory_as_one_model() {
    let (ok, out) = xtask(&["validate", TWIN_IDL]);
    assert!(ok, "{out}");
    assert!(
        out.contains("ok    models/fixtures/idl/twin/*.smithy: example.idl#Widgets: ")
            && out.contains(", 3 operations, 1 resources"),
        "{out}"
    );
    assert!(out.contains("validated 1 model in "), "{out}");
}

#[test]
fn an_idl_file_named_alone_is_a_model_and_its_errors_have_positions() {
    let (ok, out) = xtask(&["validate", "models/fixtures/idl/twin/common.smithy"]);
    assert!(ok && out.contains("no service; 2 shapes"), "{out}");
    // `main.smithy` uses shapes that `more.smithy` defines.
    let (ok, out) = xtask(&["validate", "models/fixtures/idl/twin/main.smithy"]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("models/fixtures/idl/twin/main.smithy:127:13: example.idl#WidgetSummary$choice: `Choice` does not resolve"),
        "{out}"
    );
    let (ok, out) = xtask(&[
        "validate",
        "--merge",
        "models/fixtures/idl/twin/main.smithy",
        "models/fixtures/idl/twin/more.smithy",
        "models/fixtures/idl/twin/common.smithy",
    ]);
    assert!(ok && out.contains("validated 1 model in "), "{out}");
}

#[test]
fn validate_merges_a_protocol_suite_with_its_shared_files() {
    let Some(suites) = shared::shared_dir_for(
        "validate_merges_a_protocol_suite_with_its_shared_files",
        "smithy-protocol-tests",
    ) else {
        return;
    };
    let path = |p: &str| suites.join(p).display().to_string();
    let (dir, types, config, traits) = (
        path("aws/awsJson1_0"),
        path("aws/shared-types.smithy"),
        path("aws/aws-config.smithy"),
        path("traits"),
    );
    let (ok, out) = xtask(&["validate", "--merge", &dir, &types, &config, &traits]);
    assert!(ok, "{out}");
    assert!(
        out.contains("aws.protocoltests.json10#JsonRpc10: ") && out.contains("16 operations"),
        "{out}"
    );
    // Without `--merge` the suite's directory is a model of its own, missing the shared types.
    let (ok, out) = xtask(&["validate", &dir]);
    assert!(
        !ok && out.contains("aws.protocoltests.shared#StringList"),
        "{out}"
    );
}

#[test]
fn generate_takes_an_idl_model() {
    let dir = std::env::temp_dir().join(format!("xtask-idl-generate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (ok, out) = xtask(&[
        "generate",
        "--model",
        TWIN_IDL,
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(ok, "{out}");
    assert!(
        out.contains("widgets ") && out.contains("3 operations"),
        "{out}"
    );
    let types = std::fs::read_to_string(dir.join("widgets/src/types.rs")).unwrap();
    assert!(types.contains("pub struct WidgetSummary"), "{types}");
    // The same files named one by one and merged give the same crate.
    let files = ["main.smithy", "more.smithy", "common.smithy"].map(|f| format!("{TWIN_IDL}/{f}"));
    let mut args = vec![
        "generate",
        "--merge",
        "--check",
        "--out",
        dir.to_str().unwrap(),
        "--model",
    ];
    args.extend(files.iter().map(String::as_str));
    let (ok, out) = xtask(&args);
    assert!(ok && out.contains("0 files stale"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ast_prints_the_same_bytes_for_the_idl_model_and_its_json_twin() {
    let (ok, from_idl, err) = xtask_split(&["ast", TWIN_IDL]);
    assert!(ok, "{err}");
    let (ok, from_json, err) = xtask_split(&["ast", TWIN_JSON]);
    assert!(ok, "{err}");
    assert_eq!(from_idl, from_json);
    let shapes = from_idl.split("\n    \"shapes\": {\n").nth(1).unwrap();
    let ids: Vec<&str> = shapes
        .lines()
        .filter_map(|l| Some(l.strip_prefix("        \"")?.split_once("\": ")?.0))
        .collect();
    assert_eq!(ids.len(), 23, "{ids:?}");
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "shapes are sorted by id");
    assert!(
        ids.iter().all(|id| !id.starts_with("smithy.api#")),
        "no prelude"
    );
    assert!(
        !from_idl.contains("\"apply\""),
        "apply entries are folded in"
    );
    assert!(from_idl.contains("\"mixins\""), "mixin references are kept");
    // Its output is a model that reads back to the same output.
    let printed = std::env::temp_dir().join(format!("xtask-ast-{}.json", std::process::id()));
    std::fs::write(&printed, &from_idl).unwrap();
    let (ok, again, err) = xtask_split(&["ast", printed.to_str().unwrap()]);
    std::fs::remove_file(&printed).unwrap();
    assert!(ok, "{err}");
    assert_eq!(again, from_idl);
}

#[test]
fn ast_fails_naming_the_errors_of_a_broken_model() {
    let (ok, out, err) = xtask_split(&["ast", "models/fixtures/idl/twin/main.smithy"]);
    assert!(!ok);
    assert!(out.is_empty(), "nothing is printed on stdout: {out}");
    assert!(
        err.contains("2 model errors:")
            && err.contains(
                "main.smithy:65:15: example.idl#PutWidgetInput$size: `Size` does not resolve"
            ),
        "{err}"
    );
    let (ok, out) = xtask(&["ast"]);
    assert!(!ok && out.contains("PATHS"), "a path is required: {out}");
}

#[test]
fn a_file_named_twice_in_different_spellings_is_loaded_once() {
    let (ok, once, err) = xtask_split(&["ast", TWIN_IDL]);
    assert!(ok, "{err}");
    let again = format!("./{TWIN_IDL}/main.smithy");
    let (ok, twice, err) = xtask_split(&["ast", TWIN_IDL, &again]);
    assert!(ok, "{err}");
    assert_eq!(
        twice, once,
        "metadata arrays and list traits are not doubled"
    );
    // `validate` finds the file in the directory's model, instead of loading it alone.
    let (ok, out) = xtask(&["validate", TWIN_IDL, &again]);
    assert!(ok && out.contains("validated 1 model in "), "{out}");
    let (ok, out) = xtask(&["validate", "--merge", TWIN_IDL, &again]);
    assert!(ok && out.contains("validated 1 model in "), "{out}");
}
