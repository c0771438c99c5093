//! `cargo xtask`: project automation. The only part of the project that touches the filesystem.
//!
//! - `cargo xtask validate [--merge] [PATH…]`: load and validate models, print a summary per
//!   service.
//! - `cargo xtask generate [--check] [--model PATH… [--merge]] [--out DIR] [--runtime-path PATH |
//!   --runtime-version VERSION]`: regenerate `generated/`.
//! - `cargo xtask ast PATH…`: load files and directories as one model, print its JSON AST.
//! - `cargo xtask endpoint-tests [PATH…]`: run each service's `smithy.rules#endpointTests`
//!   through the runtime's rules engine.

mod generate;
mod models;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use codegen::RuntimeDependency;
use smithy_runtime::endpoint::Partitions;

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
    /// Load and validate Smithy models (JSON AST or IDL); print one line per service, or every
    /// error.
    ///
    /// Each PATH is a model file or a directory of model files. A file `NAME.json` is loaded
    /// together with its overlays `NAME.*.json` beside it; the `.smithy` files of a directory
    /// load together as one model. Without PATH, the models in `models/`.
    Validate {
        /// Load every file given, and every model file below each directory given
        /// (recursively), as one model.
        #[arg(long, requires = "paths")]
        merge: bool,
        /// Model files or directories.
        paths: Vec<PathBuf>,
    },
    /// Load every file and directory given (recursively) as one model and print it as one
    /// Smithy JSON AST document: shapes sorted by id, the prelude left out, `apply` folded in.
    Ast {
        /// Model files (`.json`, `.smithy`) or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Run each service's endpoint test cases (`smithy.rules#endpointTests`) through the
    /// runtime's rules engine; print each failure and one line per service.
    ///
    /// PATHs are grouped into models as `validate` groups them (a `.smithy` file given alone is
    /// a model by itself). Without PATH, the models in `models/`. Fails when any case fails.
    EndpointTests {
        /// Resolve `aws.partition` with this `partitions.json` instead of the runtime's
        /// partitions (to test cases written against other partition data).
        #[arg(long, value_name = "FILE")]
        partitions: Option<PathBuf>,
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
        /// Load every `--model` file, and every model file below each `--model` directory
        /// (recursively), as one model.
        #[arg(long, requires = "models")]
        merge: bool,
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
        Command::Validate { merge, paths } => validate(paths, merge),
        Command::Ast { paths } => ast(&paths),
        Command::EndpointTests { partitions, paths } => endpoint_tests(partitions, paths),
        Command::Generate {
            check,
            models,
            merge,
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
                merge,
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

fn validate(paths: Vec<PathBuf>, merge: bool) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let paths = if paths.is_empty() {
        vec![models::default_dir()]
    } else {
        paths
    };
    let groups = if merge {
        vec![models::merged(&paths)?]
    } else {
        models::discover(&paths)?
    };
    let mut failed = 0;
    for group in &groups {
        let sources = group.read()?;
        match codegen::model::load(&sources) {
            Ok(model) => {
                for line in models::summary(&model) {
                    println!("ok    {}: {line}", group.name());
                }
                // A waiter with a problem does not fail the model: `generate` leaves it out.
                for line in model.waiter_notices() {
                    println!("notice {}: {line}", group.name());
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

/// Prints the model the paths form as one JSON AST document, or its errors (and fails).
fn ast(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let group = models::merged(paths)?;
    match codegen::model::load(&group.read()?) {
        Ok(model) => {
            print!("{}", model.to_ast_text());
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            eprint!("{}: {errors}", group.name());
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Runs the endpoint tests of every service of every model given.
fn endpoint_tests(partitions: Option<PathBuf>, paths: Vec<PathBuf>) -> anyhow::Result<ExitCode> {
    let partitions = match partitions {
        Some(file) => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            Partitions::from_json(&text).with_context(|| format!("{}", file.display()))?
        }
        None => Partitions::aws().clone(),
    };
    let paths = if paths.is_empty() {
        vec![models::default_dir()]
    } else {
        paths
    };
    let mut failed = false;
    for group in models::discover(&paths)? {
        let model = match codegen::model::load(&group.read()?) {
            Ok(model) => model,
            Err(errors) => {
                println!("FAIL  {}: {errors}", group.name());
                failed = true;
                continue;
            }
        };
        for report in xtask::endpoint_tests::run_model(&model, &partitions) {
            for failure in report.failures() {
                println!("{failure}");
            }
            println!("{}", report.summary());
            failed |= report.counts().1 > 0;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
