//! The Smithy IDL front end on whole models: the IDL and JSON AST twins under
//! `models/fixtures/idl/`, and every file of the official protocol compliance suites.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

mod idl_support;

#[path = "../../tests/src/shared.rs"]
mod shared;
#[path = "../../tests/src/suites.rs"]
mod suites;

use std::path::{Path, PathBuf};

use codegen::model::{self, Source};
use idl_support::load;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../models/fixtures")
}

fn read_sources(files: &[PathBuf], base: &Path) -> Vec<Source> {
    files
        .iter()
        .map(|p| {
            let name = p.strip_prefix(base).unwrap_or(p).display().to_string();
            Source::new(name, std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

#[test]
fn every_protocol_compliance_suite_loads() {
    let Some(root) = shared::shared_dir_for(
        "every_protocol_compliance_suite_loads",
        "smithy-protocol-tests",
    ) else {
        return;
    };
    let suites: [(&str, &[&str]); 6] = [
        ("aws/awsJson1_0", &[]),
        ("aws/awsJson1_1", &[]),
        ("aws/restJson1", &["validation"]),
        ("aws/restJson1/validation", &[]),
        ("aws/rpcv2Cbor", &[]),
        ("smithy/rpcv2Cbor", &[]),
    ];
    let mut loaded = Vec::new();
    for (dir, skip) in suites {
        let files = suites::suite_files(&root, dir, skip);
        let sources = read_sources(&files, &root);
        let model = model::load(&sources).unwrap_or_else(|e| panic!("{dir} should load:\n{e}"));
        assert!(model.services().count() >= 1, "{dir} has a service");
        loaded.extend(files);
    }
    loaded.sort();
    loaded.dedup();
    let mut every = suites::smithy_files(&root, &["reference"]);
    every.sort();
    assert_eq!(loaded, every, "every suite file is loaded by some suite");
    println!("{} protocol test files load", loaded.len());
}

#[test]
fn the_twin_fixtures_load_into_equal_models_and_print_the_same_ast() {
    let dir = fixtures().join("idl/twin");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let from_idl = load(&read_sources(&files, &fixtures()));
    let json = fixtures().join("idl/twin.json");
    let from_json = load(&read_sources(&[json], &fixtures()));
    assert_eq!(from_idl.to_ast_text(), from_json.to_ast_text());
    assert_eq!(from_idl, from_json);
    // The printed AST reads back into the same model.
    let printed = from_idl.to_ast_text();
    assert!(
        printed.contains("\"smithy.api#default\": 1.7976931348623157E+309"),
        "{printed}"
    );
    let again = load(&[Source::new("printed.json", printed.clone())]);
    assert_eq!(again, from_idl);
    assert_eq!(again.to_ast_text(), printed);
}
