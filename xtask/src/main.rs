//! `cargo xtask`: project automation. The only part of the project that touches the filesystem.
//!
//! - `cargo xtask validate [PATH…]`: load and validate models, print a summary per service.
//! - `cargo xtask generate [--check] [--model PATH…] [--out DIR] [--runtime-path PATH |
//!   --runtime-version VERSION]`: regenerate `generated/`.

mod generate;
mod models;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use codegen::RuntimeDependency;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Project automation for the Smithy → Rust generator"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load and validate Smithy JSON AST models; print one line per service, or every error.
    ///
    /// Each PATH is a model file or a directory of model files. A file `NAME.json` is loaded
    /// together with its overlays `NAME.*.json` beside it. Without PATH, the models in `models/`.
    Validate {
        /// Model files or directories.
        paths: Vec<PathBuf>,
    },
    /// Generate one crate per service model into `generated/` (or `--out`), deleting files it no
    /// longer produces.
    Generate {
        /// Change nothing; fail, naming the stale files, when the output differs.
        #[arg(long)]
        check: bool,
        /// Model files or directories (default: every model in `models/`).
        #[arg(long = "model", value_name = "PATH", num_args = 1..)]
        models: Vec<PathBuf>,
        /// Output directory; each crate goes to `DIR/<crate>` (default: `generated/`).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Depend on the runtime crate at PATH, written into Cargo.toml as given (a relative
        /// PATH is relative to each generated crate's directory). Default: `generated/` crates
        /// use `../../runtime`, crates generated with `--out` the absolute path of this
        /// checkout's `runtime/`.
        #[arg(long, value_name = "PATH", conflicts_with = "runtime_version")]
        runtime_path: Option<String>,
        /// Depend on `smithy-runtime` from a registry with this version requirement (`0.1`)
        /// instead of a path.
        #[arg(long, value_name = "VERSION")]
        runtime_version: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate { paths } => validate(paths),
        Command::Generate {
            check,
            models,
            out,
            runtime_path,
            runtime_version,
        } => {
            let runtime = runtime_path
                .map(RuntimeDependency::Path)
                .or(runtime_version.map(RuntimeDependency::Version));
            generate::run(generate::Generate {
                check,
                models,
                out,
                runtime,
            })
            .map(|ok| {
                if ok {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            })
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn validate(paths: Vec<PathBuf>) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let paths = if paths.is_empty() {
        vec![models::default_dir()]
    } else {
        paths
    };
    let groups = models::discover(&paths)?;
    let mut failed = 0;
    for group in &groups {
        let sources = group.read()?;
        match codegen::model::load(&sources) {
            Ok(model) => {
                for line in models::summary(&model) {
                    println!("ok    {}: {line}", group.name());
                }
            }
            Err(errors) => {
                failed += 1;
                println!("FAIL  {}: {errors}", group.name());
            }
        }
    }
    println!(
        "validated {} model{} in {:.2}s: {} ok, {failed} failed",
        groups.len(),
        models::plural(groups.len()),
        started.elapsed().as_secs_f64(),
        groups.len() - failed,
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
