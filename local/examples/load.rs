//! Load test: concurrent clients each running the fleet-to-player-session scenario against
//! the local GameLift for a bounded time, then a check that every fleet, game session and
//! player session they created is there, as created. Fails (exit 1) on any 5xx, any
//! unexpected error, or any lost or changed state.
//!
//! ```text
//! cargo run -p local-services --example load -- --clients 50 --seconds 30
//! cargo run -p local-services --example load -- --endpoint http://127.0.0.1:4566
//! ```
//!
//! Without `--endpoint` it serves a fresh `Local` on a loopback port itself. Requests are sent
//! without retries, so a server error is seen, not retried away.

// A load generator: a setup failure ends it with the message.
#![allow(clippy::unwrap_used)]

#[path = "support/scenario.rs"]
mod scenario;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use scenario::{check_state, quantile, Tally};

/// Concurrent fleet-to-player-session scenarios against the local GameLift.
#[derive(Debug, Parser)]
struct Args {
    /// The server to load; a fresh in-process one on a loopback port when absent.
    #[arg(long)]
    endpoint: Option<String>,
    /// Concurrent clients.
    #[arg(long, default_value_t = 50)]
    clients: usize,
    /// How long the clients run, in seconds (each finishes the scenario it is in).
    #[arg(long, default_value_t = 30)]
    seconds: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run(args))
}

async fn run(args: Args) -> ExitCode {
    let endpoint = match &args.endpoint {
        Some(endpoint) => endpoint.clone(),
        None => serve_fresh().await,
    };
    let client = scenario::client(&endpoint);
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let (tally, elapsed) = scenario::drive(&client, args.clients, deadline, "load").await;
    report(&args, &endpoint, &tally, elapsed);
    let lost = check_state(&client, &tally.created).await;
    let ok = tally.server_errors.is_empty() && tally.other_errors.is_empty() && lost.is_empty();
    for problem in tally
        .server_errors
        .iter()
        .chain(&tally.other_errors)
        .chain(&lost)
        .take(20)
    {
        eprintln!("load: {problem}");
    }
    println!("load: {}", if ok { "passed" } else { "FAILED" });
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Serves a fresh in-memory `Local` on a loopback port; its URL.
async fn serve_fresh() -> String {
    let local = local_services::Local::new(local_services::Settings::default()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(smithy_runtime::server::serve(
        local.gateway(),
        listener,
        std::future::pending(),
    ));
    format!("http://{address}")
}

fn report(args: &Args, endpoint: &str, tally: &Tally, elapsed: Duration) {
    let quantile = |q: f64| quantile(&tally.latencies, q);
    let requests = tally.latencies.len();
    let players: usize = tally.created.iter().map(|c| c.players.len()).sum();
    println!(
        "load: {} clients for {:.1} s against {endpoint}: {} scenarios, {requests} requests ({:.0} req/s), latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {} 5xx, {} unexpected errors; {} fleets, {} game sessions, {players} player sessions created",
        args.clients,
        elapsed.as_secs_f64(),
        tally.created.len(),
        requests as f64 / elapsed.as_secs_f64(),
        quantile(0.5),
        quantile(0.99),
        quantile(1.0),
        tally.server_errors.len(),
        tally.other_errors.len(),
        tally.created.len(),
        tally.created.len(),
    );
}
