//! The scratch workspace in which a suite's services are generated and their runners built:
//! `target/compliance/<protocol>/` holds, per service, the generated crate (`service-<i>/`),
//! a runner crate (`runner-<i>/`, whose binary is `tests/compliance/runner.rs`) and its cases
//! (`cases-<i>.json`).

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::{CrateOptions, GeneratedCrate, RuntimeDependency};

use crate::repo_root;

/// A scratch workspace for one protocol: a generated crate and a runner per service.
pub struct Workspace {
    dir: PathBuf,
    protocol: String,
    runner: &'static str,
}

impl Workspace {
    /// Lays out `target/compliance/<protocol>/` with `service-<i>/` (the generated crate) and
    /// `runner-<i>/` for each of `crates`.
    pub fn create(
        protocol: &str,
        runner: &'static str,
        crates: &[GeneratedCrate],
    ) -> Result<Self, String> {
        let dir = repo_root().join("target/compliance").join(protocol);
        let _ = std::fs::remove_dir_all(&dir);
        let workspace = Workspace {
            dir,
            protocol: protocol.to_owned(),
            runner,
        };
        let mut members = Vec::new();
        for (index, krate) in crates.iter().enumerate() {
            for file in &krate.files {
                let path = workspace
                    .dir
                    .join(format!("service-{index}"))
                    .join(&file.path);
                write(&path, &file.contents)?;
            }
            write(
                &workspace.dir.join(format!("runner-{index}/Cargo.toml")),
                &workspace.runner_manifest(index, &krate.name),
            )?;
            members.push(format!("\"service-{index}\", \"runner-{index}\""));
        }
        write(
            &workspace.dir.join("Cargo.toml"),
            &format!(
                "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
                members.join(", ")
            ),
        )?;
        Ok(workspace)
    }

    fn runner_manifest(&self, index: usize, package: &str) -> String {
        format!(
            r#"[package]
name = "{bin}"
version = "0.0.0"
edition = "2021"
publish = false

[[bin]]
name = "{bin}"
path = "{runner}"

[dependencies]
service = {{ package = "{package}", path = "../service-{index}", features = ["client", "server"] }}
smithy-runtime = {{ path = "{runtime}", features = ["test-util", "client", "server"] }}
tokio = {{ version = "1", features = ["rt", "time"] }}
"#,
            bin = self.binary_name(index),
            runner = repo_root()
                .join("tests/compliance")
                .join(self.runner)
                .display(),
            runtime = runtime_path().display(),
        )
    }

    /// The options to generate the service crates with.
    pub fn crate_options(model_files: Vec<String>) -> CrateOptions {
        CrateOptions {
            runtime: RuntimeDependency::Path(runtime_path().display().to_string()),
            model_files,
            standalone: false,
        }
    }

    /// Builds the runner of service `index` and runs it on `cases` (the runner's input JSON);
    /// its stdout lines.
    pub fn run(&self, index: usize, cases: &serde_json::Value) -> Result<Vec<String>, String> {
        let cases_path = self.dir.join(format!("cases-{index}.json"));
        write(&cases_path, &cases.to_string())?;
        let target = repo_root().join("target/fixture-crates-target");
        let binary_name = self.binary_name(index);
        let build = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "--bin", &binary_name])
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", &target)
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !build.status.success() {
            return Err(format!(
                "the generated crate or the runner does not build:\n{}",
                String::from_utf8_lossy(&build.stderr)
            ));
        }
        let binary = target.join("debug").join(&binary_name);
        let out = Command::new(&binary)
            .arg(&cases_path)
            .output()
            .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
        if !out.status.success() {
            return Err(format!(
                "the runner failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_owned)
            .collect())
    }

    fn binary_name(&self, index: usize) -> String {
        format!("runner-{}-{index}", self.protocol.to_ascii_lowercase())
    }
}

fn runtime_path() -> PathBuf {
    let runtime = repo_root().join("runtime");
    std::fs::canonicalize(&runtime).unwrap_or(runtime)
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}
