//! The state file of a local-services from before the store: one JSON document holding every
//! service's state (layout 0). `--state` naming such a file carries it over: the file is moved
//! aside to `NAME.v0.json`, a directory takes its name, and each service reads its part into
//! its new store ([`crate::Service::carry_over`]).

use std::path::{Path, PathBuf};

use super::StoreError;

/// Reads the earlier state file at `path` and moves it to `path.v0.json`, freeing its name
/// for the state directory; its JSON document.
///
/// # Errors
///
/// When the file does not read as JSON (it is then left where it is), or cannot be moved.
pub fn take(path: &Path) -> Result<serde_json::Value, StoreError> {
    let bytes = std::fs::read(path).map_err(|e| StoreError::Io {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    let earlier = serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt {
        path: path.to_owned(),
        message: format!(
            "it is a file, so it should be the JSON state file of an earlier local-services, \
             and it is not JSON ({e}); --state names a directory now"
        ),
    })?;
    let kept = kept_as(path);
    if kept.exists() {
        return Err(StoreError::Io {
            path: kept,
            message: "it is in the way of carrying the earlier state file over; move it away"
                .into(),
        });
    }
    std::fs::rename(path, &kept).map_err(|e| StoreError::Io {
        path: path.to_owned(),
        message: format!("it cannot be moved aside to {} ({e})", kept.display()),
    })?;
    tracing::info!(from = %path.display(), kept = %kept.display(), "carrying over the state file of an earlier local-services");
    Ok(earlier)
}

/// Where an earlier state file at `path` is kept: `path.v0.json`.
pub fn kept_as(path: &Path) -> PathBuf {
    let mut kept = path.as_os_str().to_owned();
    kept.push(".v0.json");
    PathBuf::from(kept)
}
