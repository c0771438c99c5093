//! Finding model files on disk and grouping them into models: each base JSON model with its
//! overlays, the IDL files of a directory together, or everything given as one model.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use codegen::model::{Model, Source};

/// The files of one model, loaded together: a base JSON model with its overlays
/// (`NAME.json` + `NAME.*.json`), the IDL files of one directory, a single IDL file, or
/// everything given with `--merge`.
pub struct ModelGroup {
    /// How messages name the model: its base file, `DIR/*.smithy`, or the merged paths.
    label: String,
    /// Every file of the model; a JSON model's base file first.
    pub files: Vec<PathBuf>,
}

impl ModelGroup {
    /// The model's name, for messages.
    pub fn name(&self) -> String {
        self.label.clone()
    }

    /// Reads every file of the group.
    pub fn read(&self) -> anyhow::Result<Vec<Source>> {
        self.files
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read model file {}", path.display()))?;
                Ok(Source::new(path.display().to_string(), text))
            })
            .collect()
    }

    fn json(base: PathBuf, overlays: Vec<PathBuf>) -> Self {
        ModelGroup {
            label: base.display().to_string(),
            files: std::iter::once(base).chain(overlays).collect(),
        }
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

fn missing(path: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "{} does not exist; pass model files or directories, or nothing for models/",
        path.display()
    )
}

fn is_idl(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "smithy")
}

/// Groups the given files and directories (not recursing) into models.
///
/// In a directory, `NAME.json` is a base model and `NAME.*.json` an overlay of it, and all the
/// `.smithy` files together are one model. A JSON file named explicitly is a base model whatever
/// its name (`maps-2.0.json`), loaded with the overlays beside it (`maps-2.0.*.json`), unless it
/// is an overlay of another model given; an IDL file named explicitly is a model by itself,
/// unless a directory given holds it.
pub fn discover(paths: &[PathBuf]) -> anyhow::Result<Vec<ModelGroup>> {
    let mut scanned = Vec::new();
    let mut groups = Vec::new();
    let mut explicit = Vec::new();
    for path in paths {
        if path.is_dir() {
            scanned.extend(files_in(path, "json")?);
            let idl = files_in(path, "smithy")?;
            if !idl.is_empty() {
                groups.push(ModelGroup {
                    label: format!("{}/*.smithy", path.display()),
                    files: idl,
                });
            }
        } else if path.is_file() {
            explicit.push(path.clone());
        } else {
            return Err(missing(path));
        }
    }
    dedup_files(&mut scanned);
    groups.extend(group_directory_files(&scanned)?);
    for file in &explicit {
        if groups.iter().any(|g| holds(&g.files, file)) {
            continue;
        }
        let overlays = if is_idl(file) {
            Vec::new()
        } else {
            overlays_beside(file)?
        };
        groups.push(ModelGroup::json(file.clone(), overlays));
    }
    // An explicit base's overlays may have been given explicitly too.
    let overlays: Vec<PathBuf> = groups
        .iter()
        .filter(|g| g.files.first().is_some_and(|f| !is_idl(f)))
        .flat_map(|g| g.files.iter().skip(1).cloned())
        .collect();
    groups.retain(|g| g.files.first().is_some_and(|f| !holds(&overlays, f)));
    groups.sort_by_cached_key(|g| canonical_all(&g.files));
    groups.dedup_by_key(|g| canonical_all(&g.files));
    if groups.is_empty() {
        bail!("no model files found in {}", joined(paths, ", "));
    }
    Ok(groups)
}

/// Every file given, and every `.json` and `.smithy` file below every directory given
/// (recursively), as one model (`--merge`, `cargo xtask ast`).
pub fn merged(paths: &[PathBuf]) -> anyhow::Result<ModelGroup> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let below = files_under(path)?.into_iter();
            files.extend(
                below.filter(|f| f.extension().is_some_and(|e| e == "json" || e == "smithy")),
            );
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(missing(path));
        }
    }
    dedup_files(&mut files);
    if files.is_empty() {
        bail!("no model files found in {}", joined(paths, ", "));
    }
    Ok(ModelGroup {
        label: joined(paths, " + "),
        files,
    })
}

/// The path with every `.`, `..` and symbolic link resolved, so that two spellings of one file
/// compare equal; the path as given when it cannot be resolved.
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn canonical_all(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths.iter().map(|p| canonical(p)).collect()
}

/// Whether `paths` holds `path`, however either is spelled.
fn holds(paths: &[PathBuf], path: &Path) -> bool {
    let wanted = canonical(path);
    paths.iter().any(|p| canonical(p) == wanted)
}

/// Sorts files and drops every repeat of a file named before, however it is spelled; each file
/// keeps the spelling it was first given (messages show paths as the user wrote them).
fn dedup_files(files: &mut Vec<PathBuf>) {
    files.sort_by_cached_key(|f| canonical(f));
    files.dedup_by_key(|f| canonical(f));
}

/// Every file below `dir` (none when it does not exist), skipping build output.
pub fn files_under(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "target") {
                    pending.push(path);
                }
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn joined(paths: &[PathBuf], separator: &str) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(separator)
}

/// The files directly in `dir` with this extension, sorted.
fn files_in(dir: &Path, extension: &str) -> anyhow::Result<Vec<PathBuf>> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let file = entry?.path();
        if file.is_file() && file.extension().is_some_and(|e| e == extension) {
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

/// Groups JSON files found by scanning directories: `NAME.json` bases, `NAME.*.json` overlays.
fn group_directory_files(files: &[PathBuf]) -> anyhow::Result<Vec<ModelGroup>> {
    let mut bases: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    for file in files {
        let Some(name) = stem(file) else { continue };
        if !name.contains('.') {
            bases.push((file.clone(), Vec::new()));
        }
    }
    for file in files {
        let Some(name) = stem(file) else { continue };
        let Some((base_name, _)) = name.split_once('.') else {
            continue;
        };
        let base = bases.iter_mut().find(|(base, _)| {
            stem(base).as_deref() == Some(base_name) && base.parent() == file.parent()
        });
        match base {
            Some((_, overlays)) => overlays.push(file.clone()),
            None => bail!(
                "overlay {} has no base model {base_name}.json beside it; name a model file \
                 explicitly to load it as a model",
                file.display()
            ),
        }
    }
    Ok(bases
        .into_iter()
        .map(|(base, overlays)| ModelGroup::json(base, overlays))
        .collect())
}

/// The overlays of an explicitly named model file: `STEM.*.json` in its directory, spelled
/// like the file (`maps-2.0.json` → `maps-2.0.waiters.json`, `dir/x.json` → `dir/x.a.json`).
fn overlays_beside(file: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let Some(name) = stem(file) else {
        return Ok(Vec::new());
    };
    let dir = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let prefix = format!("{name}.");
    Ok(files_in(dir, "json")?
        .into_iter()
        .filter(|f| stem(f).is_some_and(|s| s.starts_with(&prefix)))
        .filter_map(|f| f.file_name().map(|n| file.with_file_name(n)))
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
