//! `cargo xtask generate [--check] [--model PATH… [--merge]] [--out DIR]`.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use codegen::{CrateOptions, GeneratedCrate, RuntimeDependency};

use crate::models::{self, plural, ModelGroup};

/// What to generate, and where.
pub struct Generate {
    /// Only compare; change nothing.
    pub check: bool,
    /// Model files or directories (default: `models/`).
    pub models: Vec<PathBuf>,
    /// Load every model file given (directories recursively) as one model.
    pub merge: bool,
    /// Output directory (default: `generated/`).
    pub out: Option<PathBuf>,
    /// How the crates depend on the runtime (default: a path dependency on this checkout's
    /// `runtime/`).
    pub runtime: Option<RuntimeDependency>,
}

/// A file whose contents on disk differ from what the generator produces.
struct Change {
    path: PathBuf,
    kind: &'static str,
}

pub fn run(args: Generate) -> anyhow::Result<bool> {
    let started = Instant::now();
    let root = models::repo_root();
    let default_out = args.out.is_none();
    let out = absolute(&args.out.unwrap_or_else(|| root.join("generated")))?;
    let paths = if args.models.is_empty() {
        vec![models::default_dir()]
    } else {
        args.models
    };
    let groups = if args.merge {
        vec![models::merged(&paths)?]
    } else {
        models::discover(&paths)?
    };
    let mut changes = Vec::new();
    let mut produced_crates = BTreeSet::new();
    for group in &groups {
        let group_started = Instant::now();
        let crates = generate_group(group, &root, &out, args.runtime.as_ref())?;
        let generation = group_started.elapsed().as_secs_f64() / crates.len().max(1) as f64;
        for krate in crates {
            let dir = out.join(&krate.name);
            let before = changes.len();
            sync_crate(&krate, &dir, args.check, &mut changes)?;
            let lines: usize = krate.files.iter().map(|f| f.contents.lines().count()).sum();
            println!(
                "{:<12} {} types, {} operations, {} files, {} lines in {:.2}s; {} {}",
                krate.name,
                krate.types,
                krate.operations,
                krate.files.len(),
                lines,
                generation,
                changes.len() - before,
                if args.check { "stale" } else { "changed" },
            );
            for notice in &krate.notices {
                println!("notice: {}: {notice}", krate.name);
            }
            produced_crates.insert(krate.name.clone());
        }
    }
    if default_out {
        remove_stale_crates(&out, &produced_crates, args.check, &mut changes)?;
    }
    println!(
        "{} {} crate{} from {} model{} in {:.2}s: {} file{} {}",
        if args.check { "checked" } else { "generated" },
        produced_crates.len(),
        plural(produced_crates.len()),
        groups.len(),
        plural(groups.len()),
        started.elapsed().as_secs_f64(),
        changes.len(),
        plural(changes.len()),
        if args.check { "stale" } else { "changed" },
    );
    if default_out && !args.check && !changes.is_empty() {
        println!(
            "next: run `cargo test --workspace`, review snapshot changes with `cargo insta review`, \
             then commit models/, generated/ and the snapshots together"
        );
    }
    if args.check && !changes.is_empty() {
        eprintln!("generated code is out of date:");
        for c in &changes {
            eprintln!("  {} {}", c.kind, c.path.display());
        }
        eprintln!("run `cargo xtask generate` to update it, then commit the result");
        return Ok(false);
    }
    Ok(true)
}

/// Loads a model group and generates its crates, with paths suited to `out`.
fn generate_group(
    group: &ModelGroup,
    root: &Path,
    out: &Path,
    runtime: Option<&RuntimeDependency>,
) -> anyhow::Result<Vec<GeneratedCrate>> {
    let sources = group.read()?;
    let model =
        codegen::model::load(&sources).map_err(|e| anyhow::anyhow!("{}: {e}", group.name()))?;
    check_rule_sets(&model).map_err(|e| anyhow::anyhow!("{}: {e}", group.name()))?;
    let model_files = group.files.iter().map(|p| display_path(p, root)).collect();
    let in_workspace = out == root.join("generated");
    let runtime = runtime
        .cloned()
        .unwrap_or_else(|| default_runtime(root, out, in_workspace));
    // Crates outside `generated/` are not workspace members: they get a workspace of their own.
    let options = CrateOptions {
        runtime,
        model_files,
        standalone: !in_workspace,
    };
    let crates = codegen::generate(&model, &options)
        .map_err(|e| anyhow::anyhow!("{}: {e}", group.name()))?;
    Ok(crates)
}

/// Reads every service's endpoint rule set with the runtime's engine, so that a rule set the
/// generated client could not use fails here, naming the file, the service and the place.
fn check_rule_sets(model: &codegen::model::Model) -> anyhow::Result<()> {
    for (id, _) in model.services() {
        let Some(shape) = model.shape(id) else {
            continue;
        };
        if let Some(rules) = &shape.traits.endpoints.rule_set {
            smithy_runtime::endpoint::RuleSet::from_value(rules).map_err(|e| {
                anyhow::anyhow!(
                    "{}: {id}: its endpoint rule set is not usable: {e}",
                    shape.file
                )
            })?;
        }
    }
    Ok(())
}

/// The runtime dependency when none is given: `generated/` crates reach `runtime/` by a
/// relative path (they move with the repository); crates generated elsewhere by the absolute
/// path of this checkout's `runtime/`, so that they keep building when they are moved.
fn default_runtime(root: &Path, out: &Path, in_workspace: bool) -> RuntimeDependency {
    let runtime = root.join("runtime");
    if in_workspace {
        // Each crate lives in `out/<crate>`, one level below `out`.
        RuntimeDependency::Path(format!("../{}", relative_path(out, &runtime)))
    } else {
        RuntimeDependency::Path(normalize(&runtime).to_string_lossy().replace('\\', "/"))
    }
}

/// Writes (or, in check mode, compares) every file of a crate, and removes files it no longer
/// produces.
fn sync_crate(
    krate: &GeneratedCrate,
    dir: &Path,
    check: bool,
    changes: &mut Vec<Change>,
) -> anyhow::Result<()> {
    let mut expected = BTreeSet::new();
    for file in &krate.files {
        let path = dir.join(&file.path);
        expected.insert(path.clone());
        let current = std::fs::read_to_string(&path)
            .ok()
            .map(|t| t.replace("\r\n", "\n"));
        if current.as_deref() == Some(file.contents.as_str()) {
            continue;
        }
        changes.push(Change {
            path: path.clone(),
            kind: if current.is_some() {
                "modified"
            } else {
                "missing"
            },
        });
        if !check {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create {}", parent.display()))?;
            }
            std::fs::write(&path, &file.contents)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    remove_generated_files(dir, &expected, check, changes)
}

/// Removes (or, in check mode, reports) the files below `dir` that an earlier run generated
/// and that are not in `keep`, then the directories that leaves empty.
fn remove_generated_files(
    dir: &Path,
    keep: &BTreeSet<PathBuf>,
    check: bool,
    changes: &mut Vec<Change>,
) -> anyhow::Result<()> {
    for path in models::files_under(dir)? {
        if keep.contains(&path) || !was_generated(&path) {
            continue;
        }
        changes.push(Change {
            path: path.clone(),
            kind: "no longer generated",
        });
        if !check {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    if !check {
        remove_empty_dirs(dir);
    }
    Ok(())
}

/// Whether a file on disk was written by the generator: its first line carries the
/// `@generated` marker every generated file starts with. `Cargo.lock` never counts: Cargo
/// writes it with a marker of its own.
fn was_generated(path: &Path) -> bool {
    if path.file_name().is_some_and(|n| n == "Cargo.lock") {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut first = String::new();
    let mut reader = std::io::BufReader::new(file);
    std::io::BufRead::read_line(&mut reader, &mut first).is_ok()
        && first.contains(codegen::render::GENERATED_MARKER)
}

/// Removes the directories below `dir` (and `dir` itself) that are empty after generated
/// files were removed.
fn remove_empty_dirs(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && path.file_name().is_some_and(|n| n != "target") {
            remove_empty_dirs(&path);
        }
    }
    // Fails, as intended, when something is left in it.
    let _ = std::fs::remove_dir(dir);
}

/// Crate directories under `generated/` that no model produces any more.
fn remove_stale_crates(
    out: &Path,
    produced: &BTreeSet<String>,
    check: bool,
    changes: &mut Vec<Change>,
) -> anyhow::Result<()> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Ok(());
    };
    for entry in entries {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if !path.is_dir() || produced.contains(&name) {
            continue;
        }
        remove_generated_files(&path, &BTreeSet::new(), check, changes)?;
    }
    Ok(())
}

fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let abs =
        std::path::absolute(path).with_context(|| format!("cannot resolve {}", path.display()))?;
    Ok(normalize(&abs))
}

/// Removes `.` and `..` components lexically.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The path to `to` from directory `from`, both absolute, `/`-separated.
fn relative_path(from: &Path, to: &Path) -> String {
    let (from, to) = (normalize(from), normalize(to));
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    let ups = from.components().count() - common;
    let mut parts: Vec<String> = vec!["..".to_string(); ups];
    parts.extend(
        to.components()
            .skip(common)
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// A model path as shown in generated docs: relative to the repository when inside it, else the
/// file name (generated output never contains absolute paths).
fn display_path(path: &Path, root: &Path) -> String {
    let abs = absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match abs.strip_prefix(normalize(root)) {
        Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
        Err(_) => path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_to_the_common_ancestor() {
        assert_eq!(
            relative_path(Path::new("/r/generated"), Path::new("/r/runtime")),
            "../runtime"
        );
        assert_eq!(
            relative_path(Path::new("/r/generated/gamelift"), Path::new("/r/runtime")),
            "../../runtime"
        );
        assert_eq!(
            relative_path(Path::new("/tmp/x/gamelift"), Path::new("/r/runtime")),
            "../../../r/runtime"
        );
    }
}
