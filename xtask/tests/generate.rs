//! `cargo xtask generate` end to end, with the real binary.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{repo, xtask};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn generated_crates_are_fresh() {
    let (ok, out) = xtask(&["generate", "--check"]);
    assert!(
        ok,
        "generated/ is stale; run `cargo xtask generate`:\n{out}"
    );
    assert!(
        out.contains("gamelift ") && out.contains("gamesparks "),
        "{out}"
    );
    assert!(out.contains("checked 2 crates from 2 models"), "{out}");
}

#[test]
fn check_names_stale_and_extra_files_and_the_command_to_run() {
    let dir = scratch("check");
    let model = "models/fixtures/codegen/values.json";
    let out_dir = dir.to_str().unwrap();
    let (ok, out) = xtask(&["generate", "--model", model, "--out", out_dir]);
    assert!(ok, "{out}");
    assert!(
        out.contains("values ") && out.contains("2 operations"),
        "{out}"
    );
    let (ok, out) = xtask(&["generate", "--check", "--model", model, "--out", out_dir]);
    assert!(ok, "fresh output must pass the check:\n{out}");

    let types = dir.join("values/src/types.rs");
    let text = std::fs::read_to_string(&types).unwrap();
    std::fs::write(&types, text.replace("pub struct", "pub  struct")).unwrap();
    std::fs::write(dir.join("values/src/extra.rs"), "// left over\n").unwrap();
    let (ok, out) = xtask(&["generate", "--check", "--model", model, "--out", out_dir]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("modified") && out.contains("values/src/types.rs"),
        "{out}"
    );
    assert!(
        out.contains("no longer generated") && out.contains("values/src/extra.rs"),
        "{out}"
    );
    assert!(out.contains("run `cargo xtask generate`"), "{out}");
    assert!(
        std::fs::read_to_string(&types)
            .unwrap()
            .contains("pub  struct"),
        "--check changes nothing"
    );

    let (ok, out) = xtask(&["generate", "--model", model, "--out", out_dir]);
    assert!(ok, "{out}");
    assert!(out.contains("2 files changed"), "{out}");
    assert!(!dir.join("values/src/extra.rs").exists());
    assert_eq!(std::fs::read_to_string(&types).unwrap(), text);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_crate_generated_anywhere_builds_as_it_is() {
    // Outside any workspace, and inside this repository's directory tree (where cargo would
    // otherwise take it for a stray member of the project's workspace).
    let outside = scratch("out");
    let inside = repo().join(format!("target/xtask-out-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&inside);
    for dir in [&outside, &inside] {
        let (ok, out) = xtask(&[
            "generate",
            "--model",
            "models/fixtures/codegen/recursion.json",
            "--out",
            dir.to_str().unwrap(),
        ]);
        assert!(ok, "{out}");
        let manifest = std::fs::read_to_string(dir.join("recursion/Cargo.toml")).unwrap();
        assert!(
            manifest.contains("smithy-runtime = { path = \"../"),
            "{manifest}"
        );
        let status = Command::new(env!("CARGO"))
            .args(["check", "--quiet"])
            .current_dir(dir.join("recursion"))
            .env(
                "CARGO_TARGET_DIR",
                repo().join("target/fixture-crates-target"),
            )
            .status()
            .unwrap();
        assert!(
            status.success(),
            "the generated crate must build from {}",
            dir.display()
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}

/// The checked-in crates compile warning-free under clippy and rustdoc (`-D warnings`).
#[test]
fn generated_crates_pass_clippy_and_rustdoc() {
    let target = repo().join("target/generated-lint");
    let cargo = |args: &[&str]| {
        let out = Command::new(env!("CARGO"))
            .args(args)
            .current_dir(repo())
            .env("CARGO_TARGET_DIR", &target)
            .env("RUSTDOCFLAGS", "-D warnings")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "cargo {args:?}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    cargo(&[
        "clippy",
        "--quiet",
        "-p",
        "gamelift",
        "-p",
        "gamesparks",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]);
    cargo(&[
        "doc",
        "--quiet",
        "--no-deps",
        "-p",
        "gamelift",
        "-p",
        "gamesparks",
    ]);
}
