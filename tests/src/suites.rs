//! The files of the official Smithy protocol compliance suites (`../shared/smithy-protocol-tests`).
//!
//! Also compiled into `codegen`'s IDL tests (a `#[path]` module), so that what "one suite's
//! files" means is written once.

use std::path::{Path, PathBuf};

/// The `.smithy` files below `dir`, recursively, except under subdirectories named in `skip`;
/// sorted.
///
/// # Panics
///
/// When a directory cannot be listed.
pub fn smithy_files(dir: &Path, skip: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries = std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !skip.iter().any(|s| path.ends_with(s)) {
                    pending.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "smithy") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The files that load as one suite: `folder` under `root` (recursively, less `skip`), its
/// family's `shared-types.smithy` and `aws-config.smithy` where present, and `traits/`.
pub fn suite_files(root: &Path, folder: &str, skip: &[&str]) -> Vec<PathBuf> {
    let family = folder.split('/').next().unwrap_or_default();
    let mut files = smithy_files(&root.join(folder), skip);
    for extra in ["shared-types.smithy", "aws-config.smithy"] {
        let path = root.join(family).join(extra);
        if path.is_file() {
            files.push(path);
        }
    }
    files.extend(smithy_files(&root.join("traits"), &[]));
    files
}
