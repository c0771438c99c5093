//! Smithy 2.0 JSON AST loader and Rust code generator.
//!
//! Phases, each a module taking the previous one's output:
//! [`model`] (JSON AST → validated model) → [`ir`] (one service, resolved and named through
//! [`names`]) → [`emit`] (token streams) → [`render`] (prettyplease) → [`OutFile`]s.
//! [`options`] holds what the caller decides about a generated crate. Nothing here touches the
//! filesystem: `xtask` reads models and writes files.

pub mod docs;
pub mod emit;
pub mod error;
pub mod ir;
pub mod model;
pub mod names;
pub mod options;
pub mod render;

pub use error::Error;
pub use options::{CrateOptions, RuntimeDependency};

/// A generated file: its path relative to the crate directory, and its contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutFile {
    /// Relative path, `/`-separated (`src/types.rs`).
    pub path: String,
    /// Full contents.
    pub contents: String,
}

/// A generated crate.
#[derive(Clone, Debug)]
pub struct GeneratedCrate {
    /// The package name (the directory name under `generated/`).
    pub name: String,
    /// Every file, `Cargo.toml` first.
    pub files: Vec<OutFile>,
    /// How many named types it has.
    pub types: usize,
    /// How many operations it has.
    pub operations: usize,
    /// Things the user should know about the generated code, one sentence each (operations
    /// left out, and why).
    pub notices: Vec<String>,
}

/// Generates the crate of one service of a loaded model.
pub fn generate_service(
    model: &model::Model,
    service: &model::ShapeId,
    options: &CrateOptions,
) -> Result<GeneratedCrate, Error> {
    let service = ir::lower(model, service)?;
    let tokens = emit::crate_tokens(&service, options);
    let mut files = vec![OutFile {
        path: "Cargo.toml".into(),
        contents: tokens.cargo_toml,
    }];
    for (path, tokens) in tokens.rust {
        files.push(OutFile {
            path: path.into(),
            contents: render::render(path, tokens)?,
        });
    }
    Ok(GeneratedCrate {
        name: service.crate_name.clone(),
        files,
        types: service.types.len(),
        operations: service.operations.len(),
        notices: notices(&service),
    })
}

/// One sentence per operation and waiter the crate leaves out, saying why.
fn notices(service: &ir::Service) -> Vec<String> {
    let operations = service.omitted.iter().map(|o| {
        format!(
            "operation `{}` is left out of the client: {}",
            o.name, o.reason
        )
    });
    let waiters = service.omitted_waiters.iter().map(|w| {
        format!(
            "operation `{}`: {}; the client leaves this waiter out",
            w.operation,
            w.problems.join("; ")
        )
    });
    operations.chain(waiters).collect()
}

/// Generates one crate per service of a loaded model, in service id order.
pub fn generate(
    model: &model::Model,
    options: &CrateOptions,
) -> Result<Vec<GeneratedCrate>, Error> {
    let services: Vec<_> = model.services().map(|(id, _)| id.clone()).collect();
    if services.is_empty() {
        return Err(Error::NoService);
    }
    services
        .iter()
        .map(|id| generate_service(model, id, options))
        .collect()
}
