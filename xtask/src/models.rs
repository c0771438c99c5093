//! Finding model files on disk and grouping each base model with its overlays.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use codegen::model::{Model, Source};

/// A base model file and the overlay files that extend it (`NAME.json` + `NAME.*.json`).
pub struct ModelGroup {
    pub base: PathBuf,
    pub overlays: Vec<PathBuf>,
}

impl ModelGroup {
    /// The base file's path, for messages.
    pub fn name(&self) -> String {
        self.base.display().to_string()
    }

    /// Reads every file of the group.
    pub fn read(&self) -> anyhow::Result<Vec<Source>> {
        std::iter::once(&self.base)
            .chain(&self.overlays)
            .map(|path| {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read model file {}", path.display()))?;
                Ok(Source::new(path.display().to_string(), text))
            })
            .collect()
    }
}

/// The repository's `models/` directory.
pub fn default_dir() -> PathBuf {
    repo_root().join("models")
}

/// The repository root (xtask lives one level below it).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Groups the given files and directories (not recursing) into base models with their overlays.
///
/// In a directory, `NAME.json` is a base model and `NAME.*.json` an overlay of it. A file named
/// explicitly is a base model whatever its name (`maps-2.0.json`), loaded with the overlays
/// beside it (`maps-2.0.*.json`), unless it is an overlay of another model given.
pub fn discover(paths: &[PathBuf]) -> anyhow::Result<Vec<ModelGroup>> {
    let mut scanned = Vec::new();
    let mut explicit = Vec::new();
    for path in paths {
        if path.is_dir() {
            scanned.extend(json_files(path)?);
        } else if path.is_file() {
            explicit.push(path.clone());
        } else {
            bail!(
                "{} does not exist; pass model files or directories, or nothing for models/",
                path.display()
            );
        }
    }
    scanned.sort();
    scanned.dedup();
    let mut groups = group_directory_files(&scanned)?;
    for file in &explicit {
        let known = groups
            .iter()
            .any(|g| g.base == *file || g.overlays.contains(file));
        if !known {
            let overlays = overlays_beside(file)?;
            groups.push(ModelGroup {
                base: file.clone(),
                overlays,
            });
        }
    }
    // An explicit base's overlays may have been given explicitly too.
    let overlays: Vec<PathBuf> = groups.iter().flat_map(|g| g.overlays.clone()).collect();
    groups.retain(|g| !overlays.contains(&g.base));
    groups.sort_by(|a, b| a.base.cmp(&b.base));
    if groups.is_empty() {
        bail!(
            "no model files found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(groups)
}

/// The `.json` files directly in `dir`.
fn json_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let file = entry?.path();
        if file.is_file() && file.extension().is_some_and(|e| e == "json") {
            files.push(file);
        }
    }
    files.sort();
    Ok(files)
}

/// The file name without `.json`.
fn stem(path: &Path) -> Option<String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.trim_end_matches(".json").to_string())
}

/// Groups files found by scanning directories: `NAME.json` bases, `NAME.*.json` overlays.
fn group_directory_files(files: &[PathBuf]) -> anyhow::Result<Vec<ModelGroup>> {
    let mut groups: Vec<ModelGroup> = Vec::new();
    for file in files {
        let Some(name) = stem(file) else { continue };
        if !name.contains('.') {
            groups.push(ModelGroup {
                base: file.clone(),
                overlays: Vec::new(),
            });
        }
    }
    for file in files {
        let Some(name) = stem(file) else { continue };
        let Some((base_name, _)) = name.split_once('.') else {
            continue;
        };
        let base = groups.iter_mut().find(|g| {
            stem(&g.base).as_deref() == Some(base_name) && g.base.parent() == file.parent()
        });
        match base {
            Some(group) => group.overlays.push(file.clone()),
            None => bail!(
                "overlay {} has no base model {base_name}.json beside it; name a model file \
                 explicitly to load it as a model",
                file.display()
            ),
        }
    }
    Ok(groups)
}

/// The overlays of an explicitly named model file: `STEM.*.json` in its directory.
fn overlays_beside(file: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let Some(name) = stem(file) else {
        return Ok(Vec::new());
    };
    let dir = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = format!("{name}.");
    Ok(json_files(&dir)?
        .into_iter()
        .filter(|f| stem(f).is_some_and(|s| s.starts_with(&prefix)))
        .map(|f| {
            if file.parent().is_some_and(|p| p.as_os_str().is_empty()) {
                f.strip_prefix("./").map(Path::to_path_buf).unwrap_or(f)
            } else {
                f
            }
        })
        .collect())
}

/// One line per service: its id, shapes in its closure, operations and resources.
pub fn summary(model: &Model) -> Vec<String> {
    let mut lines: Vec<String> = model
        .services()
        .map(|(id, _)| {
            format!(
                "{id}: {} shapes, {} operations, {} resources",
                model.closure(id).iter().filter(|s| !s.is_prelude()).count(),
                model.operations_of(id).len(),
                model.resources_of(id).len(),
            )
        })
        .collect();
    if lines.is_empty() {
        lines.push(format!(
            "no service; {} shapes",
            model.shapes().filter(|s| !s.id.is_prelude()).count()
        ));
    }
    lines
}

/// `"s"` unless `n` is 1, for summary lines.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
