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

use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Parser;
use gamelift_api::client::Client;
use gamelift_api::types::{
    EC2InstanceType, FleetStatus, GameSessionStatus, RuntimeConfiguration, ServerProcess,
};
use smithy_runtime::client::{Config, Credentials, RetryConfig, SdkError};

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

/// Players per game session: the scenario fills it, then checks one more is refused.
const PLAYERS: i32 = 4;
/// Polls a status may take before the scenario counts it as an error.
const MAX_POLLS: usize = 50;

/// What one scenario created: the fleet, the session and its player ids.
#[derive(Debug, Clone)]
struct Created {
    fleet_id: String,
    session_id: String,
    players: Vec<String>,
}

#[derive(Debug, Default)]
struct Tally {
    created: Vec<Created>,
    latencies: Vec<Duration>,
    server_errors: Vec<String>,
    other_errors: Vec<String>,
}

type Shared = Arc<Mutex<Tally>>;

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
    let config = Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET"))
        .endpoint_url(&endpoint)
        .retry_config(RetryConfig::disabled())
        .build();
    let client = Client::new(config);
    let tally: Shared = Arc::default();
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..args.clients)
        .map(|n| {
            let (client, tally) = (client.clone(), Arc::clone(&tally));
            tokio::spawn(async move {
                let mut round = 0;
                while Instant::now() < deadline {
                    scenario(&client, &tally, &format!("load-{n}-{round}")).await;
                    round += 1;
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
    let elapsed = started.elapsed();
    let tally = std::mem::take(&mut *tally.lock().unwrap());
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

/// Times one call, and files its error (a 5xx apart) unless `expected` says it was wanted.
async fn call<T, E: std::fmt::Debug>(
    tally: &Shared,
    what: &str,
    future: impl std::future::Future<Output = Result<T, SdkError<E>>>,
) -> Result<T, SdkError<E>> {
    let started = Instant::now();
    let answer = future.await;
    let elapsed = started.elapsed();
    let mut tally = tally.lock().unwrap();
    tally.latencies.push(elapsed);
    if let Err(error) = &answer {
        if error.status().is_some_and(|s| s >= 500) {
            tally.server_errors.push(format!("{what}: {error:?}"));
        }
    }
    answer
}

fn unexpected(tally: &Shared, what: &str, problem: impl std::fmt::Debug) {
    let line = format!("{what}: {problem:?}");
    let mut tally = tally.lock().unwrap();
    if !tally.server_errors.iter().any(|e| e.starts_with(what)) {
        tally.other_errors.push(line);
    }
}

/// CreateFleet, poll to ACTIVE, CreateGameSession, poll to ACTIVE, fill it with players,
/// one more refused, the players listed.
async fn scenario(client: &Client, tally: &Shared, name: &str) {
    let Some(fleet_id) = active_fleet(client, tally, name).await else {
        return;
    };
    let Some(session_id) = active_session(client, tally, &fleet_id, name).await else {
        return;
    };
    let players: Vec<String> = (0..PLAYERS).map(|i| format!("{name}-p{i}")).collect();
    let reserved = call(
        tally,
        "CreatePlayerSessions",
        client
            .create_player_sessions()
            .game_session_id(&session_id)
            .player_ids(players.clone())
            .send(),
    )
    .await;
    match reserved {
        Ok(out) if out.player_sessions.as_ref().map_or(0, Vec::len) == players.len() => {}
        other => return unexpected(tally, "CreatePlayerSessions", other),
    }
    let extra = call(
        tally,
        "CreatePlayerSession",
        client
            .create_player_session()
            .game_session_id(&session_id)
            .player_id(format!("{name}-extra"))
            .send(),
    )
    .await;
    if extra.as_ref().err().and_then(|e| e.code()) != Some("GameSessionFullException") {
        return unexpected(tally, "CreatePlayerSession on a full session", extra);
    }
    tally.lock().unwrap().created.push(Created {
        fleet_id,
        session_id,
        players,
    });
}

async fn active_fleet(client: &Client, tally: &Shared, name: &str) -> Option<String> {
    let created = call(
        tally,
        "CreateFleet",
        client
            .create_fleet()
            .name(name)
            .build_id("build-1111aaaa-22bb-33cc-44dd-5555eeee66ff")
            .ec2_instance_type(EC2InstanceType::C4Large)
            .runtime_configuration(
                RuntimeConfiguration::builder()
                    .server_processes(vec![ServerProcess {
                        launch_path: "/local/game/server".to_owned(),
                        parameters: None,
                        concurrent_executions: 1,
                    }])
                    .build(),
            )
            .send(),
    )
    .await;
    let fleet_id = match created.map(|o| o.fleet_attributes.and_then(|f| f.fleet_id)) {
        Ok(Some(id)) => id,
        other => {
            unexpected(tally, "CreateFleet", other);
            return None;
        }
    };
    for _ in 0..MAX_POLLS {
        let described = call(
            tally,
            "DescribeFleetAttributes",
            client
                .describe_fleet_attributes()
                .fleet_ids(vec![fleet_id.clone()])
                .send(),
        )
        .await;
        let status = match described {
            Ok(out) => out
                .fleet_attributes
                .and_then(|f| f.into_iter().next())
                .and_then(|f| f.status),
            Err(e) => {
                unexpected(tally, "DescribeFleetAttributes", e);
                return None;
            }
        };
        if status == Some(FleetStatus::Active) {
            return Some(fleet_id);
        }
    }
    unexpected(tally, "fleet", format!("{fleet_id} never became ACTIVE"));
    None
}

async fn active_session(
    client: &Client,
    tally: &Shared,
    fleet_id: &str,
    name: &str,
) -> Option<String> {
    let created = call(
        tally,
        "CreateGameSession",
        client
            .create_game_session()
            .fleet_id(fleet_id)
            .name(name)
            .maximum_player_session_count(PLAYERS)
            .send(),
    )
    .await;
    let session_id = match created.map(|o| o.game_session.and_then(|s| s.game_session_id)) {
        Ok(Some(id)) => id,
        other => {
            unexpected(tally, "CreateGameSession", other);
            return None;
        }
    };
    for _ in 0..MAX_POLLS {
        let described = call(
            tally,
            "DescribeGameSessions",
            client
                .describe_game_sessions()
                .game_session_id(&session_id)
                .send(),
        )
        .await;
        let status = match described {
            Ok(out) => out
                .game_sessions
                .and_then(|s| s.into_iter().next())
                .and_then(|s| s.status),
            Err(e) => {
                unexpected(tally, "DescribeGameSessions", e);
                return None;
            }
        };
        if status == Some(GameSessionStatus::Active) {
            return Some(session_id);
        }
    }
    unexpected(
        tally,
        "game session",
        format!("{session_id} never became ACTIVE"),
    );
    None
}

/// Every created fleet is ACTIVE, its session holds exactly the players reserved in it.
async fn check_state(client: &Client, created: &[Created]) -> Vec<String> {
    let mut lost = Vec::new();
    for c in created {
        let fleet = client
            .describe_fleet_attributes()
            .fleet_ids(vec![c.fleet_id.clone()])
            .send()
            .await;
        let status = fleet
            .ok()
            .and_then(|o| o.fleet_attributes)
            .and_then(|f| f.into_iter().next())
            .and_then(|f| f.status);
        if status != Some(FleetStatus::Active) {
            lost.push(format!("fleet {} is {status:?}, not ACTIVE", c.fleet_id));
        }
        let players = client
            .describe_player_sessions()
            .game_session_id(&c.session_id)
            .into_paginator()
            .send()
            .items()
            .try_collect()
            .await;
        let mut ids: Vec<String> = match players {
            Ok(sessions) => sessions.into_iter().filter_map(|p| p.player_id).collect(),
            Err(e) => {
                lost.push(format!("DescribePlayerSessions {}: {e:?}", c.session_id));
                continue;
            }
        };
        ids.sort();
        let mut expected = c.players.clone();
        expected.sort();
        if ids != expected {
            lost.push(format!(
                "session {} holds {ids:?}, not {expected:?}",
                c.session_id
            ));
        }
    }
    lost
}

fn report(args: &Args, endpoint: &str, tally: &Tally, elapsed: Duration) {
    let mut latencies = tally.latencies.clone();
    latencies.sort();
    let quantile = |q: f64| {
        let index = ((latencies.len() as f64 - 1.0) * q).round() as usize;
        latencies
            .get(index)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let requests = latencies.len();
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
