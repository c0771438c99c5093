//! Requests per second of the fleet-to-player-session scenario (50 clients, loopback) through
//! the gateway, in memory and with the store, on an empty state and with 10,000 fleets
//! present, against the bare GameLift router in the same run; latency p50 and p99. Prints
//! figures; asserts nothing.
//!
//! ```text
//! cargo bench -p local-services --bench scenario_rps
//! cargo bench -p local-services --bench scenario_rps -- --seconds 10 --fleets 10000
//! ```

// A benchmark: a setup failure ends it with the message.
#![allow(clippy::unwrap_used)]

#[path = "../examples/support/scenario.rs"]
mod scenario;

use std::time::{Duration, Instant};

use clap::Parser;
use local_services::{Local, Settings};

/// The scenario's rate through each server.
#[derive(Debug, Parser)]
struct Args {
    /// Concurrent clients.
    #[arg(long, default_value_t = 50)]
    clients: usize,
    /// How long each measurement runs, in seconds.
    #[arg(long, default_value_t = 5)]
    seconds: u64,
    /// How many fleets the "full" states hold before they are measured.
    #[arg(long, default_value_t = 10_000)]
    fleets: usize,
    /// Accepted for `cargo bench`'s sake.
    #[arg(long, hide = true)]
    bench: bool,
}

/// One measurement.
struct Figures {
    rate: f64,
    p50: f64,
    p99: f64,
    failures: usize,
}

fn main() {
    let args = Args::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run(&args));
}

async fn run(args: &Args) {
    let scratch = std::env::temp_dir().join(format!("scenario-rps-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).unwrap();
    let memory = || Local::new(Settings::default()).unwrap();
    let stored = |name: &str| {
        Local::new(Settings {
            state_dir: Some(scratch.join(name)),
            ..Settings::default()
        })
        .unwrap()
    };
    println!(
        "scenario_rps: {} clients, {} s per measurement, full states hold {} fleets",
        args.clients, args.seconds, args.fleets
    );
    let reference = measure(args, "bare router, in memory, empty", &memory(), false, 0).await;
    let rows = [
        measure(args, "gateway, in memory, empty", &memory(), true, 0).await,
        measure(
            args,
            "gateway, in memory, full",
            &memory(),
            true,
            args.fleets,
        )
        .await,
        measure(args, "gateway, store, empty", &stored("empty"), true, 0).await,
        measure(
            args,
            "gateway, store, full",
            &stored("full"),
            true,
            args.fleets,
        )
        .await,
    ];
    let ratio = |a: &Figures, b: &Figures| a.rate / b.rate;
    println!(
        "scenario_rps: ratios: gateway/router {:.2}; full/empty in memory {:.2}, with the store {:.2}; store/memory empty {:.2}, full {:.2}",
        ratio(&rows[0], &reference),
        ratio(&rows[1], &rows[0]),
        ratio(&rows[3], &rows[2]),
        ratio(&rows[2], &rows[0]),
        ratio(&rows[3], &rows[1]),
    );
    for name in ["empty", "full"] {
        let bytes = dir_size(&scratch.join(name));
        println!("scenario_rps: the store's size on disk ({name}): {bytes} bytes");
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

/// Serves `local` (the gateway, or GameLift's router alone) on a loopback port, adds `fleets`
/// fleets, then runs the scenario for `args.seconds`; prints and returns the figures.
async fn measure(args: &Args, label: &str, local: &Local, gateway: bool, fleets: usize) -> Figures {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let shutdown = async {
        let _ = stopped.await;
    };
    let server = if gateway {
        tokio::spawn(smithy_runtime::server::serve(
            local.gateway(),
            listener,
            shutdown,
        ))
    } else {
        tokio::spawn(smithy_runtime::server::serve(
            local.gamelift_router(),
            listener,
            shutdown,
        ))
    };
    let client = scenario::client(&endpoint);
    fill(&client, args.clients, fleets).await;
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let (tally, elapsed) = scenario::drive(&client, args.clients, deadline, label).await;
    let _ = stop.send(());
    server.await.unwrap().unwrap();
    let figures = Figures {
        rate: tally.latencies.len() as f64 / elapsed.as_secs_f64(),
        p50: scenario::quantile(&tally.latencies, 0.5),
        p99: scenario::quantile(&tally.latencies, 0.99),
        failures: tally.server_errors.len() + tally.other_errors.len(),
    };
    println!(
        "scenario_rps: {label:<32} {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  {} failures",
        figures.rate, figures.p50, figures.p99, figures.failures
    );
    figures
}

/// Creates `fleets` fleets with `clients` concurrent clients.
async fn fill(client: &gamelift_api::client::Client, clients: usize, fleets: usize) {
    let per_client = fleets.div_ceil(clients.max(1));
    let workers: Vec<_> = (0..clients)
        .map(|n| {
            let client = client.clone();
            let count = per_client.min(fleets.saturating_sub(n * per_client));
            tokio::spawn(async move {
                for i in 0..count {
                    scenario::create_fleet(&client, &format!("filler-{n}-{i}"))
                        .send()
                        .await
                        .unwrap();
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
}

/// The bytes of the files in `dir`.
fn dir_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
