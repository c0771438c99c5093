//! The fleet-to-player-session scenario that the `load` example and the `scenario_rps`
//! benchmark run: each client creates a fleet, polls it to `ACTIVE`, creates a game session,
//! polls it to `ACTIVE`, fills it with players and checks that one more is refused; every call
//! is timed and every failure filed.

// Shared by an example and a bench; each uses part of it.
#![allow(dead_code, clippy::unwrap_used)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gamelift_api::client::Client;
use gamelift_api::types::{
    EC2InstanceType, FleetStatus, GameSessionStatus, RuntimeConfiguration, ServerProcess,
};
use smithy_runtime::client::{Config, Credentials, RetryConfig, SdkError};

/// Players per game session: the scenario fills it, then checks one more is refused.
pub const PLAYERS: i32 = 4;
/// Polls a status may take before the scenario counts it as an error.
pub const MAX_POLLS: usize = 50;

/// What one scenario created: the fleet, the session and its player ids.
#[derive(Debug, Clone)]
pub struct Created {
    /// The fleet.
    pub fleet_id: String,
    /// The game session.
    pub session_id: String,
    /// The players seated in it.
    pub players: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Tally {
    /// What the finished scenarios created.
    pub created: Vec<Created>,
    /// How long each call took.
    pub latencies: Vec<Duration>,
    /// The 5xx answers.
    pub server_errors: Vec<String>,
    /// Every other unexpected outcome.
    pub other_errors: Vec<String>,
}

pub type Shared = Arc<Mutex<Tally>>;

/// A GameLift client for `endpoint` that does not retry (a server error is seen, not retried
/// away).
pub fn client(endpoint: &str) -> Client {
    let config = Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET"))
        .endpoint_url(endpoint)
        .retry_config(RetryConfig::disabled())
        .build();
    Client::new(config)
}

/// Runs the scenario with `clients` concurrent clients until `deadline` (each finishes the
/// scenario it is in); the tally, and how long it took.
pub async fn drive(
    client: &Client,
    clients: usize,
    deadline: Instant,
    prefix: &str,
) -> (Tally, Duration) {
    let tally: Shared = Arc::default();
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|n| {
            let (client, tally) = (client.clone(), Arc::clone(&tally));
            let prefix = prefix.to_owned();
            tokio::spawn(async move {
                let mut round = 0;
                while Instant::now() < deadline {
                    scenario(&client, &tally, &format!("{prefix}-{n}-{round}")).await;
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
    (tally, elapsed)
}

/// The `q` quantile of `latencies`, in milliseconds.
pub fn quantile(latencies: &[Duration], q: f64) -> f64 {
    let mut sorted = latencies.to_vec();
    sorted.sort();
    let index = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted.get(index).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// Times one call, and files its error (a 5xx apart) unless `expected` says it was wanted.
pub async fn call<T, E: std::fmt::Debug>(
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

pub fn unexpected(tally: &Shared, what: &str, problem: impl std::fmt::Debug) {
    let line = format!("{what}: {problem:?}");
    let mut tally = tally.lock().unwrap();
    if !tally.server_errors.iter().any(|e| e.starts_with(what)) {
        tally.other_errors.push(line);
    }
}

/// CreateFleet, poll to ACTIVE, CreateGameSession, poll to ACTIVE, fill it with players,
/// one more refused, the players listed.
pub async fn scenario(client: &Client, tally: &Shared, name: &str) {
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
            .set_player_ids(Some(players.clone()))
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

/// A `CreateFleet` request for a fleet named `name` of one Linux server process.
pub fn create_fleet(
    client: &Client,
    name: &str,
) -> gamelift_api::types::builders::CreateFleetInputBuilder<
    smithy_runtime::client::Sender<gamelift_api::operation::CreateFleet>,
> {
    client
        .create_fleet()
        .name(name)
        .build_id("build-1111aaaa-22bb-33cc-44dd-5555eeee66ff")
        .ec2_instance_type(EC2InstanceType::C4Large)
        .runtime_configuration(
            RuntimeConfiguration::builder()
                .set_server_processes(Some(vec![ServerProcess::builder()
                    .launch_path("/local/game/server")
                    .concurrent_executions(1)
                    .build()
                    .expect("every required member is set")]))
                .build(),
        )
}

pub async fn active_fleet(client: &Client, tally: &Shared, name: &str) -> Option<String> {
    let created = call(tally, "CreateFleet", create_fleet(client, name).send()).await;
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
                .fleet_ids(fleet_id.clone())
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

pub async fn active_session(
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
pub async fn check_state(client: &Client, created: &[Created]) -> Vec<String> {
    let mut lost = Vec::new();
    for c in created {
        let fleet = client
            .describe_fleet_attributes()
            .fleet_ids(c.fleet_id.clone())
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
