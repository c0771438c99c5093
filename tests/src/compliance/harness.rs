//! The scratch workspace in which a protocol-test service is generated and the runner built:
//! `target/compliance/<protocol>/` holds the generated crate (`service/`), the runner crate
//! (`runner/`, whose binary is `tests/compliance/runner.rs`) and the cases (`cases.json`).

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::{CrateOptions, GeneratedCrate, RuntimeDependency};

use crate::repo_root;

/// A scratch workspace for one protocol.
pub struct Workspace {
    dir: PathBuf,
    protocol: String,
}

impl Workspace {
    /// Lays out `target/compliance/<protocol>/` with the generated crate and the runner.
    pub fn create(protocol: &str, krate: &GeneratedCrate) -> Result<Self, String> {
        let dir = repo_root().join("target/compliance").join(protocol);
        let _ = std::fs::remove_dir_all(&dir);
        for file in &krate.files {
            write(&dir.join("service").join(&file.path), &file.contents)?;
        }
        let runtime = runtime_path();
        let runner = repo_root().join("tests/compliance/runner.rs");
        let manifest = format!(
            r#"[package]
name = "compliance-runner-{lower}"
version = "0.0.0"
edition = "2021"
publish = false

[[bin]]
name = "runner-{lower}"
path = "{runner}"

[dependencies]
service = {{ package = "{package}", path = "../service" }}
smithy-runtime = {{ path = "{runtime}" }}
tokio = {{ version = "1", features = ["rt", "time"] }}
"#,
            lower = protocol.to_ascii_lowercase(),
            runner = runner.display(),
            package = krate.name,
            runtime = runtime.display(),
        );
        write(&dir.join("runner/Cargo.toml"), &manifest)?;
        write(
            &dir.join("Cargo.toml"),
            "[workspace]\nresolver = \"2\"\nmembers = [\"service\", \"runner\"]\n",
        )?;
        Ok(Workspace {
            dir,
            protocol: protocol.to_owned(),
        })
    }

    /// The options to generate the service crate with.
    pub fn crate_options(model_files: Vec<String>) -> CrateOptions {
        CrateOptions {
            runtime: RuntimeDependency::Path(runtime_path().display().to_string()),
            model_files,
            standalone: false,
        }
    }

    /// Builds the runner and runs it on `cases` (the runner's input JSON); its stdout lines.
    pub fn run(&self, cases: &serde_json::Value) -> Result<Vec<String>, String> {
        let cases_path = self.dir.join("cases.json");
        write(&cases_path, &cases.to_string())?;
        let target = repo_root().join("target/fixture-crates-target");
        let build = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "--bin"])
            .arg(self.binary_name())
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
        let binary = target.join("debug").join(self.binary_name());
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

    fn binary_name(&self) -> String {
        format!("runner-{}", self.protocol.to_ascii_lowercase())
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
