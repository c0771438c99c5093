//! Generator tests over the fixture models in `models/fixtures/codegen/`: snapshots of the
//! rendered code, determinism, and a real compile (clippy and rustdoc, warnings denied) of every
//! fixture crate, so that no snapshot shows code that nothing compiles; and the same compile of
//! the crates of the official AWS models in `../shared/aws-models`.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::model::{self, Source};
use codegen::{CrateOptions, GeneratedCrate, RuntimeDependency};

#[path = "../../tests/src/shared.rs"]
mod shared;

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

/// Writes `crates` into one scratch workspace `target/<name>` (with extra files per crate, such
/// as behaviour tests) and runs clippy (`-D warnings`) and rustdoc (`-D warnings`) on it, then
/// `cargo test` when `test` is set.
fn compile_cleanly(name: &str, crates: &[(GeneratedCrate, Vec<(String, PathBuf)>)], test: bool) {
    let dir = repo().join("target").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let mut members = Vec::new();
    for (krate, extra) in crates {
        for file in &krate.files {
            let path = dir.join(&krate.name).join(&file.path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let mut contents = file.contents.clone();
            // The behaviour tests script transports: they use the runtime's test helpers.
            if file.path == "Cargo.toml" && !extra.is_empty() {
                contents.push_str(&format!(
                    "\n[dev-dependencies]\nsmithy-runtime = {{ path = {:?}, features = [\"test-util\"] }}\n",
                    runtime_path()
                ));
            }
            std::fs::write(&path, contents).unwrap();
        }
        for (relative, source) in extra {
            let path = dir.join(&krate.name).join(relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::copy(source, &path).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        }
        members.push(format!("\"{}\"", krate.name));
    }
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
        members.join(", ")
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
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
            "cargo {args:?} in {} failed:\n{}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let clippy = |features: &[&str]| {
        let mut args = vec!["clippy", "--workspace", "--quiet"];
        args.extend_from_slice(features);
        args.extend_from_slice(&["--", "-D", "warnings"]);
        cargo(&args);
    };
    clippy(&["--all-targets", "--all-features"]);
    if test {
        // Each half alone compiles warning-free: a client user builds no server code, and
        // the reverse.
        clippy(&["--no-default-features", "--features", "client"]);
        clippy(&["--no-default-features", "--features", "server"]);
    }
    cargo(&[
        "doc",
        "--workspace",
        "--no-deps",
        "--all-features",
        "--quiet",
    ]);
    if test {
        cargo(&["test", "--workspace", "--all-features", "--quiet"]);
    }
}

fn runtime_path() -> String {
    std::fs::canonicalize(repo().join("runtime"))
        .unwrap()
        .display()
        .to_string()
}

/// Every fixture crate, with its behaviour test from `tests/fixture_behaviour/` as an
/// integration test, compiles cleanly and behaves.
#[test]
fn fixture_crates_compile_cleanly_and_behave() {
    let runtime = runtime_path();
    let crates: Vec<_> = fixture_names()
        .iter()
        .map(|name| {
            let behaviour = repo().join(format!("codegen/tests/fixture_behaviour/{name}.rs"));
            let support = repo().join("codegen/tests/fixture_behaviour/support.rs");
            (
                generate(name, &runtime),
                vec![
                    ("tests/behaviour.rs".to_owned(), behaviour),
                    ("tests/support/mod.rs".to_owned(), support),
                ],
            )
        })
        .collect();
    compile_cleanly("fixture-crates", &crates, true);
}

/// Every official AWS model in `../shared/aws-models` generates, and its crate compiles
/// warning-free under clippy and rustdoc.
#[test]
fn official_models_generate_and_compile_cleanly() {
    let Some(dir) =
        shared::shared_dir_for("official_models_generate_and_compile_cleanly", "aws-models")
    else {
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let runtime = runtime_path();
    let mut crates = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let source = Source::new(name.clone(), std::fs::read_to_string(file).unwrap());
        let model = model::load(&[source]).unwrap_or_else(|e| panic!("{name}: {e}"));
        let options = CrateOptions {
            runtime: RuntimeDependency::Path(runtime.clone()),
            model_files: vec![name.clone()],
            standalone: false,
        };
        for krate in codegen::generate(&model, &options).unwrap_or_else(|e| panic!("{name}: {e}")) {
            crates.push((krate, Vec::new()));
        }
    }
    assert_eq!(crates.len(), files.len(), "one service per official model");
    compile_cleanly("official-crates", &crates, false);
}
