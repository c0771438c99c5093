//! Generator tests over the fixture models in `models/fixtures/codegen/`: snapshots of the
//! rendered code, determinism, and a real compile (clippy and rustdoc, warnings denied) of every
//! fixture crate, so that no snapshot shows code that nothing compiles.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::model::{self, Source};
use codegen::{CrateOptions, GeneratedCrate, RuntimeDependency};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo().join("models/fixtures/codegen"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".json")
                .to_string()
        })
        .collect();
    names.sort();
    names
}

fn generate(name: &str, runtime_path: &str) -> GeneratedCrate {
    let path = repo().join(format!("models/fixtures/codegen/{name}.json"));
    let source = Source::new(
        format!("{name}.json"),
        std::fs::read_to_string(path).unwrap(),
    );
    let model = model::load(&[source]).unwrap_or_else(|e| panic!("{name}: {e}"));
    let options = CrateOptions {
        runtime: RuntimeDependency::Path(runtime_path.into()),
        model_files: vec![format!("{name}.json")],
        standalone: false,
    };
    let mut crates = codegen::generate(&model, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(crates.len(), 1, "{name}: one service per fixture");
    crates.remove(0)
}

#[test]
fn rendered_code_matches_the_snapshots() {
    for name in fixture_names() {
        let krate = generate(&name, "../../runtime");
        for file in &krate.files {
            let snapshot = format!("{name}__{}", file.path.replace(['/', '.'], "_"));
            insta::assert_snapshot!(snapshot, &file.contents);
        }
    }
}

#[test]
fn output_is_deterministic() {
    for name in fixture_names() {
        let a = generate(&name, "../../runtime");
        let b = generate(&name, "../../runtime");
        assert_eq!(a.files, b.files, "{name}");
    }
}

/// Writes every fixture crate into one scratch workspace, with its behaviour test from
/// `tests/fixture_behaviour/`, and runs clippy (`-D warnings`), rustdoc (`-D warnings`) and
/// the tests on it.
#[test]
fn fixture_crates_compile_cleanly_and_behave() {
    let dir = repo().join("target/fixture-crates");
    let _ = std::fs::remove_dir_all(&dir);
    let runtime = std::fs::canonicalize(repo().join("runtime")).unwrap();
    let mut members = Vec::new();
    for name in fixture_names() {
        let krate = generate(&name, &runtime.display().to_string());
        for file in &krate.files {
            let path = dir.join(&krate.name).join(&file.path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &file.contents).unwrap();
        }
        // Each fixture's behaviour test runs as an integration test of its crate.
        let behaviour = repo().join(format!("codegen/tests/fixture_behaviour/{name}.rs"));
        let tests = dir.join(&krate.name).join("tests");
        std::fs::create_dir_all(&tests).unwrap();
        std::fs::copy(&behaviour, tests.join("behaviour.rs"))
            .unwrap_or_else(|e| panic!("{}: {e}", behaviour.display()));
        members.push(format!("\"{}\"", krate.name));
    }
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )
    .unwrap();
    let target = repo().join("target/fixture-crates-target");
    let cargo = |args: &[&str]| {
        let out = Command::new(env!("CARGO"))
            .args(args)
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", &target)
            .env("RUSTDOCFLAGS", "-D warnings")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "cargo {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ]);
    cargo(&["doc", "--workspace", "--no-deps", "--quiet"]);
    cargo(&["test", "--workspace", "--quiet"]);
}
