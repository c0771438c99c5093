//! `local-services`: the in-memory GameLift and GameSparks on one port.
//!
//! ```text
//! cargo run -p local-services -- --listen 127.0.0.1:4566 --state local-state
//! ```
//!
//! Point a client at it with its endpoint URL (`--endpoint-url http://127.0.0.1:4566` for
//! the AWS CLI, `endpoint_url=` for boto3). One line is logged per request (on stdout, off the
//! request path: lines are dropped rather than answers held up when no one reads them);
//! Ctrl-C (or SIGTERM) stops it after the requests in flight are answered, or 10 s.

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use local_services::{Keys, Local, Names, Pace, Settings};

/// In-memory AWS GameLift and GameSparks for tests and demos, on one port.
#[derive(Debug, Parser)]
#[command(name = "local-services", version)]
struct Args {
    /// The address to listen on; keep it on loopback unless other hosts must reach it.
    #[arg(long, default_value = "127.0.0.1:4566")]
    listen: SocketAddr,
    /// Keep the state in directory DIR (created if its parent exists): one SQLite database per
    /// service, loaded at start; a change is answered once it is saved there. One server at a
    /// time may use a DIR.
    #[arg(long, value_name = "DIR")]
    state: Option<PathBuf>,
    /// The account id in ARNs.
    #[arg(long, default_value = "123456789012")]
    account_id: String,
    /// The region in ARNs, and the one signatures must be scoped to with --require-auth.
    #[arg(long, default_value = "us-west-2")]
    region: String,
    /// How long each transitional status (a fleet's DOWNLOADING, a deployment's
    /// IN_PROGRESS) lasts, like `2s` or `500ms`; by default a status lasts one poll.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    step: Option<Duration>,
    /// Check SigV4 signatures against the `--key`s, scoped to `--region`: a request that
    /// fails gets the service's authentication error. Without it, any signature (or none) is
    /// accepted.
    #[arg(long)]
    require_auth: bool,
    /// An access key pair requests may be signed with, ACCESS_KEY_ID:SECRET_ACCESS_KEY
    /// (repeatable; needs --require-auth).
    #[arg(long = "key", value_name = "ID:SECRET", value_parser = Keys::parse_pair)]
    keys: Vec<(String, String)>,
    /// Do not log each request.
    #[arg(long)]
    quiet: bool,
}

/// Prints `line` on stdout; a stdout no one reads any more is no reason to stop.
fn say(line: &str) {
    let _ = writeln!(std::io::stdout(), "{line}");
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.require_auth && args.keys.is_empty() {
        eprintln!("local-services: --require-auth needs at least one --key ACCESS_KEY_ID:SECRET");
        return ExitCode::from(2);
    }
    if !args.require_auth && !args.keys.is_empty() {
        eprintln!("local-services: --key is only used with --require-auth; add it, or drop --key");
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("local-services: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("local-services: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
    let address = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?;
    let settings = Settings {
        names: Names::new(&args.account_id, &args.region),
        pace: args
            .step
            .map_or(Pace::PerPoll, |step| Pace::RealTime { step }),
        state_dir: args.state.clone(),
        owner: format!("listening on http://{address}"),
    };
    let local = Local::new(settings).map_err(|e| e.to_string())?;
    let (writer, flushed) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(true)
        .finish(std::io::stdout());
    tracing_subscriber::fmt()
        .with_writer(writer)
        .without_time()
        .with_level(false)
        .with_target(false)
        .init();
    let requests = Arc::new(AtomicU64::new(0));
    let gateway = gateway(&args, &local, Arc::clone(&requests));
    let state = args
        .state
        .as_ref()
        .map_or("in memory".to_owned(), |p| format!("in {}", p.display()));
    let pace = args.step.map_or("one status per poll".to_owned(), |d| {
        format!("{d:?} per status")
    });
    say(&format!(
        "local-services: GameLift and GameSparks on http://{address} (state {state}; {pace}; signatures {}); Ctrl-C stops",
        if args.require_auth { "checked" } else { "not checked" }
    ));
    let config = smithy_runtime::server::ServeConfig::default();
    smithy_runtime::server::serve_with(gateway, listener, shutdown_signal(), config)
        .await
        .map_err(|e| format!("the server stopped: {e}"))?;
    drop(flushed);
    drop(local);
    say(&format!(
        "local-services: stopped after {} requests",
        requests.load(Ordering::Relaxed)
    ));
    Ok(())
}

/// The gateway over `local`'s services, with the signature check the arguments ask for and
/// the request log (through `tracing`, unless `--quiet`), counting requests in `requests`.
fn gateway(args: &Args, local: &Local, requests: Arc<AtomicU64>) -> local_services::Gateway {
    let mut gateway = local.gateway();
    if args.require_auth {
        let keys = args
            .keys
            .iter()
            .fold(Keys::new().in_region(&args.region), |keys, (id, secret)| {
                keys.with(id, secret)
            });
        gateway = gateway.require_auth(keys);
    }
    let quiet = args.quiet;
    gateway.access_log(move |access| {
        requests.fetch_add(1, Ordering::Relaxed);
        if !quiet {
            tracing::info!("{access}");
        }
    })
}

/// Resolves on Ctrl-C, or on SIGTERM where there is one.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// `2s`, `500ms`, `1m`, or a bare number of seconds.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration like 2s, 500ms or 1m"))?;
    let seconds = match unit {
        "" | "s" => value,
        "ms" => value / 1000.0,
        "m" => value * 60.0,
        _ => return Err(format!("`{text}`: the unit must be ms, s or m")),
    };
    Duration::try_from_secs_f64(seconds).map_err(|e| format!("`{text}`: {e}"))
}
