//! What the generated crate needs to know about where it lives: options of the generator that
//! the model does not decide.

/// What the generated crate needs to know about where it lives.
#[derive(Clone, Debug)]
pub struct CrateOptions {
    /// How the crate depends on the runtime crate (`smithy-runtime`).
    pub runtime: RuntimeDependency,
    /// The model files the crate was generated from, as shown in its docs.
    pub model_files: Vec<String>,
    /// Give the manifest its own empty `[workspace]`, so that the crate builds wherever it is
    /// put, even inside another workspace's directory. Off for crates that are members of the
    /// project's workspace (`generated/`).
    pub standalone: bool,
}

/// Where a generated crate finds `smithy-runtime`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuntimeDependency {
    /// A path dependency, written as given: relative paths are relative to the generated
    /// crate's directory, as Cargo reads them.
    Path(String),
    /// A registry dependency with this version requirement (`0.1`).
    Version(String),
}

impl RuntimeDependency {
    /// The dependency's value in `Cargo.toml` (`{ path = "…" }` or `"0.1"`).
    pub(crate) fn manifest_value(&self) -> String {
        match self {
            RuntimeDependency::Path(path) => {
                format!(
                    "{{ path = {}, default-features = false }}",
                    toml_string(path)
                )
            }
            RuntimeDependency::Version(version) => {
                format!(
                    "{{ version = {}, default-features = false }}",
                    toml_string(version)
                )
            }
        }
    }
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
