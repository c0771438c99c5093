//! The generator's layering, checked on its own sources: emitters read the IR and nothing else
//! (no `model` type, no `names` call), and the IR carries no `model` type or JSON value.

use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The code lines (comments dropped) of every `.rs` file under `dir`, with their file names.
fn code_lines(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("source directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut lines = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source file");
        let name = file
            .strip_prefix(src())
            .unwrap_or(&file)
            .display()
            .to_string();
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or_default().trim();
            if !code.is_empty() {
                lines.push((name.clone(), code.to_owned()));
            }
        }
    }
    lines
}

/// The identifiers of a line of code.
fn tokens(code: &str) -> impl Iterator<Item = &str> {
    code.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
}

/// The lines of `lines` that use module `module` (`model`, `names`): a `use` naming it, or a
/// path through it (`module::x`, `crate::module::x`, `super::module::x`).
fn uses_module<'a>(lines: &'a [(String, String)], module: &str) -> Vec<&'a (String, String)> {
    let path = format!("{module}::");
    lines
        .iter()
        .filter(|(_, code)| {
            let imported = code.starts_with("use ") && tokens(code).any(|t| t == module);
            let through = code.match_indices(&path).any(|(at, _)| {
                let before = &code[..at];
                before.ends_with("crate::")
                    || before.ends_with("super::")
                    || !before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
            });
            imported || through
        })
        .collect()
}

#[test]
fn emitters_import_nothing_from_the_model_and_call_no_names_function() {
    let lines = code_lines(&src().join("emit"));
    assert!(lines.len() > 1000, "the emitters' sources were read");
    let model = uses_module(&lines, "model");
    assert!(model.is_empty(), "emitters using `model`: {model:#?}");
    let names = uses_module(&lines, "names");
    assert!(names.is_empty(), "emitters calling `names`: {names:#?}");
}

#[test]
fn the_ir_carries_no_model_type_and_no_json_value() {
    let lines: Vec<(String, String)> = code_lines(&src().join("ir"))
        .into_iter()
        .filter(|(file, _)| !file.contains("lower") && !file.ends_with("recursion.rs"))
        .collect();
    assert!(lines.len() > 300, "the IR's sources were read");
    let model = uses_module(&lines, "model");
    assert!(model.is_empty(), "the IR using `model`: {model:#?}");
    let json: Vec<_> = lines
        .iter()
        .filter(|(_, code)| tokens(code).any(|t| t == "serde_json" || t == "Value"))
        .collect();
    assert!(json.is_empty(), "the IR holding JSON values: {json:#?}");
}

#[test]
fn the_checks_see_what_they_look_for() {
    let lines: Vec<(String, String)> = [
        "use crate::model::Protocol;",
        "let id = names::type_ident(x);",
        "use crate::{ir, model};",
        "crate::names::rules_ident(&i)",
        "use super::{model, x};",
    ]
    .iter()
    .map(|l| ("f.rs".to_owned(), (*l).to_owned()))
    .collect();
    assert_eq!(uses_module(&lines, "model").len(), 3);
    assert_eq!(uses_module(&lines, "names").len(), 2);
    let clean: Vec<(String, String)> = [
        "let x = quote!(::smithy_runtime::model::Value); let m = self.model_files;",
        "use super::doc::{inner_doc_attrs, inner_doc_attrs_model};",
    ]
    .iter()
    .map(|l| ("f.rs".to_owned(), (*l).to_owned()))
    .collect();
    assert!(uses_module(&clean, "model").is_empty());
}
