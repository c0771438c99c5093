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
pub fn discover(paths: &[PathBuf]) -> anyhow::Result<Vec<ModelGroup>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .with_context(|| format!("cannot list {}", path.display()))?;
            for entry in entries {
                let file = entry?.path();
                if file.is_file() && file.extension().is_some_and(|e| e == "json") {
                    files.push(file);
                }
            }
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            bail!(
                "{} does not exist; pass model files or directories, or nothing for models/",
                path.display()
            );
        }
    }
    files.sort();
    files.dedup();
    let stem = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .map(|n| n.trim_end_matches(".json").to_string())
    };
    let mut groups: Vec<ModelGroup> = Vec::new();
    for file in &files {
        let Some(name) = stem(file) else { continue };
        if !name.contains('.') {
            groups.push(ModelGroup {
                base: file.clone(),
                overlays: Vec::new(),
            });
        }
    }
    for file in &files {
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
                "overlay {} has no base model {base_name}.json beside it",
                file.display()
            ),
        }
    }
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
