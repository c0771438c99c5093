//! Finding `../shared` (the service documentation, the official models and the compliance
//! suites) beside the repository.
//!
//! This file is also compiled into the `codegen` and `xtask` test crates (`#[path]` modules),
//! so that every test that reads `../shared` follows one rule: outside this workplace it is
//! absent and the test skips with a notice; under CI (`CI=true`) a missing directory fails the
//! test, since a CI run that silently skipped it would prove nothing.

use std::path::{Path, PathBuf};

/// `../shared/<sub>` beside the repository (`sub` may be empty), or `None` after printing a
/// notice naming `test` when it is absent.
///
/// # Panics
///
/// When it is absent and the environment variable `CI` is `true`.
pub fn shared_dir_for(test: &str, sub: &str) -> Option<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = repo.join("..").join("shared").join(sub);
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{test}: {} is missing, and CI=true: CI must run with ../shared beside the repository",
            dir.display()
        );
    }
    println!("notice: {test} skipped: {} is absent", dir.display());
    None
}
