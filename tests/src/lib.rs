//! Shared helpers for the integration tests: locating the repository and `../shared`, and a
//! client configuration for tests.

use std::path::{Path, PathBuf};

/// The repository root (the parent of this crate's directory).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// A client configuration for tests: region `us-west-2` and the test credentials
/// `AKID`/`SECRET`; set the HTTP client (a router, a scripted transport) or endpoint on it.
pub fn test_config() -> smithy_runtime::client::ConfigBuilder {
    smithy_runtime::client::Config::builder()
        .region("us-west-2")
        .credentials(smithy_runtime::client::Credentials::new("AKID", "SECRET"))
}

/// The `../shared` directory beside the repository, or `None` (with a printed notice) when it
/// is absent, as it is outside this workplace; a missing directory fails under `CI=true`.
/// Tests that need it return early on `None`.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    shared::shared_dir_for(test, "")
}

pub mod compliance;
pub mod model_view;
pub mod project;
pub mod samples;
pub mod seeds;
pub mod shared;
pub mod suites;
