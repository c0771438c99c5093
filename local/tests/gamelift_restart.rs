//! GameLift state survives a restart, and the wall-clock timeouts apply to the state it finds.

mod gamelift_support;

use std::path::{Path, PathBuf};

use gamelift_api::types::{
    FleetStatus, GameSessionPlacementState, GameSessionStatus, PlayerSessionStatus,
};
use gamelift_support::{active_fleet, active_session, WAIT};
use local_services::{Local, Settings};
use serde_json::Value;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "local-services-gamelift-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir.join("state.json")
}

fn open(path: &Path) -> Local {
    Local::new(Settings {
        state_file: Some(path.to_owned()),
        ..Settings::default()
    })
    .expect("the state file opens")
}

/// Moves every `field` timestamp in the state file `seconds` into the past.
fn age(path: &Path, field: &str, seconds: f64) {
    fn walk(value: &mut Value, field: &str, seconds: f64) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map.iter_mut() {
                    match inner.as_f64() {
                        Some(time) if key == field => *inner = Value::from(time - seconds),
                        _ => walk(inner, field, seconds),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| walk(v, field, seconds)),
            _ => {}
        }
    }
    let mut state: Value =
        serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json");
    walk(&mut state, field, seconds);
    std::fs::write(path, serde_json::to_vec(&state).expect("json")).expect("write");
}

#[tokio::test(start_paused = true)]
async fn fleets_sessions_and_players_survive_a_restart() {
    let path = scratch("survive");
    let local = open(&path);
    let client = gamelift_support::client(&local);
    let fleet = active_fleet(&client, 2).await;
    let session = active_session(&client, &fleet, 4).await;
    let id = session.game_session_id.clone().expect("id");
    let player = client
        .create_player_session()
        .game_session_id(&id)
        .player_id("ann")
        .send()
        .await
        .expect("player")
        .player_session
        .expect("player session");
    let half_way = client
        .create_fleet()
        .name("half way")
        .build_id("build-2")
        .ec2_instance_type(gamelift_api::types::EC2InstanceType::T2Micro)
        .server_launch_path("/local/game/legacy")
        .send()
        .await
        .expect("create")
        .fleet_attributes
        .and_then(|a| a.fleet_id)
        .expect("id");
    client
        .describe_fleet_attributes()
        .fleet_ids(vec![half_way.clone()])
        .send()
        .await
        .expect("one poll");
    drop(client);
    drop(local);

    let local = open(&path);
    let client = gamelift_support::client(&local);
    let fleets = client
        .describe_fleet_attributes()
        .send()
        .await
        .expect("describe")
        .fleet_attributes
        .expect("list");
    let statuses: Vec<_> = fleets.iter().map(|f| f.status.clone()).collect();
    assert_eq!(
        statuses,
        [Some(FleetStatus::Active), Some(FleetStatus::Validating)],
        "the second fleet goes on from where it was"
    );
    let sessions = client
        .describe_game_sessions()
        .game_session_id(&id)
        .send()
        .await
        .expect("describe")
        .game_sessions
        .expect("list");
    assert_eq!(sessions[0].status, Some(GameSessionStatus::Active));
    assert_eq!(sessions[0].current_player_session_count, Some(1));
    assert_eq!(sessions[0].creation_time, session.creation_time);
    let players = client
        .describe_player_sessions()
        .player_id("ann")
        .send()
        .await
        .expect("describe")
        .player_sessions
        .expect("list");
    assert_eq!(players, [player]);
}

#[tokio::test(start_paused = true)]
async fn reservations_and_placements_time_out_on_the_wall_clock() {
    let path = scratch("timeouts");
    let local = open(&path);
    let client = gamelift_support::client(&local);
    let fleet = active_fleet(&client, 1).await;
    let id = active_session(&client, &fleet, 2)
        .await
        .game_session_id
        .expect("id");
    client
        .create_player_sessions()
        .game_session_id(&id)
        .player_ids(vec!["ann".to_owned(), "bo".to_owned()])
        .send()
        .await
        .expect("the session is full");
    client
        .start_game_session_placement()
        .placement_id("stuck")
        .game_session_queue_name("na-queue")
        .maximum_player_session_count(2)
        .send()
        .await
        .expect("pending: the one server process is busy");
    client
        .start_matchmaking()
        .ticket_id("unplaced")
        .configuration_name("mm")
        .players(vec![gamelift_api::types::Player {
            player_id: Some("dee".into()),
            player_attributes: None,
            team: None,
            latency_in_ms: None,
        }])
        .send()
        .await
        .expect("queued");
    drop(client);
    drop(local);

    age(&path, "CreationTime", 61.0);
    age(&path, "StartTime", 601.0);
    let local = open(&path);
    let client = gamelift_support::client(&local);
    let players = client
        .describe_player_sessions()
        .game_session_id(&id)
        .send()
        .await
        .expect("describe")
        .player_sessions
        .expect("list");
    assert!(players.iter().all(|p| {
        p.status == Some(PlayerSessionStatus::Timedout) && p.termination_time.is_some()
    }));
    client
        .create_player_session()
        .game_session_id(&id)
        .player_id("cy")
        .send()
        .await
        .expect("the timed-out reservations freed their slots");
    let waited = client
        .wait_until_game_session_placement_fulfilled()
        .placement_id("stuck")
        .wait(WAIT)
        .await
        .expect_err("the placement timed out");
    let last = client
        .describe_game_session_placement()
        .placement_id("stuck")
        .send()
        .await
        .expect("describe")
        .game_session_placement
        .expect("placement");
    assert_eq!(last.status, Some(GameSessionPlacementState::TimedOut));
    assert_eq!(waited.attempts(), 1);
    let ticket = client
        .describe_matchmaking()
        .ticket_ids(vec!["unplaced".to_owned()])
        .send()
        .await
        .expect("describe")
        .ticket_list
        .expect("list")
        .remove(0);
    assert_eq!(
        ticket.status,
        Some(gamelift_api::types::MatchmakingConfigurationStatus::TimedOut)
    );
    assert!(ticket.status_message.is_some() && ticket.end_time.is_some());
}

#[tokio::test(start_paused = true)]
async fn a_session_still_activating_past_its_timeout_is_terminated() {
    let path = scratch("activation");
    let local = open(&path);
    let client = gamelift_support::client(&local);
    let mut runtime = gamelift_support::runtime(1);
    runtime.game_session_activation_timeout_seconds = Some(30);
    let fleet = client
        .create_fleet()
        .name("slow")
        .build_id("build-3")
        .ec2_instance_type(gamelift_api::types::EC2InstanceType::C4Large)
        .runtime_configuration(runtime)
        .send()
        .await
        .expect("create")
        .fleet_attributes
        .and_then(|a| a.fleet_id)
        .expect("id");
    client
        .wait_until_fleet_active()
        .fleet_ids(vec![fleet.clone()])
        .wait(WAIT)
        .await
        .expect("active");
    let id = client
        .create_game_session()
        .fleet_id(&fleet)
        .maximum_player_session_count(2)
        .send()
        .await
        .expect("create")
        .game_session
        .and_then(|s| s.game_session_id)
        .expect("id");
    drop(client);
    drop(local);

    age(&path, "CreationTime", 31.0);
    let local = open(&path);
    let client = gamelift_support::client(&local);
    let waited = client
        .wait_until_game_session_active()
        .game_session_id(&id)
        .wait(WAIT)
        .await
        .expect_err("TERMINATED fails the waiter");
    assert_eq!(waited.attempts(), 1);
    let session = client
        .describe_game_sessions()
        .game_session_id(&id)
        .send()
        .await
        .expect("describe")
        .game_sessions
        .expect("list")
        .remove(0);
    assert_eq!(session.status, Some(GameSessionStatus::Terminated));
    assert!(session.termination_time.is_some());
    active_session(&client, &fleet, 2).await;
}
