//! The interop scenarios with the generated crates, in-process: both clients share one
//! gateway as their transport, and wait with the generated waiters and list with the
//! generated paginators (on tokio's paused clock, so the waiters' delays cost nothing).

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use gamelift_api::types::{
    EC2InstanceType, FleetStatus, GameSessionPlacementState, GameSessionStatus,
    MatchmakingConfigurationStatus, Player, PlayerSessionStatus, RuntimeConfiguration,
    ServerProcess,
};
use gamesparks_api::types::{DeploymentState, GameState, ResultCode};
use local_services::{Local, Settings};
use smithy_runtime::client::Config;

const MAX_WAIT: Duration = Duration::from_secs(600);

fn clients() -> (gamelift_api::client::Client, gamesparks_api::client::Client) {
    let local = Local::new(Settings::default()).unwrap();
    let config = Config::builder()
        .region("us-west-2")
        .credentials(smithy_runtime::client::Credentials::new("AKID", "SECRET"))
        .http_client(local.gateway())
        .build();
    (
        gamelift_api::client::Client::new(config.clone()),
        gamesparks_api::client::Client::new(config),
    )
}

#[tokio::test(start_paused = true)]
async fn gamelift_fleet_to_players_search_placement_and_match() {
    let (gamelift, _) = clients();
    let processes = RuntimeConfiguration::builder()
        .set_server_processes(Some(vec![ServerProcess::builder()
            .launch_path("/local/game/server")
            .concurrent_executions(4)
            .build()
            .expect("every required member is set")]))
        .build();
    let fleet = gamelift
        .create_fleet()
        .name("in-process")
        .build_id("build-1111aaaa-22bb-33cc-44dd-5555eeee66ff")
        .ec2_instance_type(EC2InstanceType::C4Large)
        .runtime_configuration(processes)
        .send()
        .await
        .unwrap()
        .fleet_attributes
        .unwrap();
    assert_eq!(fleet.status, Some(FleetStatus::New));
    let fleet_id = fleet.fleet_id.unwrap();
    let active = gamelift
        .wait_until_fleet_active()
        .fleet_ids(fleet_id.clone())
        .wait(MAX_WAIT)
        .await
        .unwrap();
    let attributes = active.output().unwrap().fleet_attributes.clone().unwrap();
    assert_eq!(attributes[0].status, Some(FleetStatus::Active));

    let session = gamelift
        .create_game_session()
        .fleet_id(&fleet_id)
        .name("in-process session")
        .maximum_player_session_count(2)
        .send()
        .await
        .unwrap()
        .game_session
        .unwrap();
    let session_id = session.game_session_id.unwrap();
    gamelift
        .wait_until_game_session_active()
        .game_session_id(&session_id)
        .wait(MAX_WAIT)
        .await
        .unwrap();
    let reserved = gamelift
        .create_player_sessions()
        .game_session_id(&session_id)
        .set_player_ids(Some(vec!["p1".to_owned(), "p2".to_owned()]))
        .send()
        .await
        .unwrap()
        .player_sessions
        .unwrap();
    assert!(reserved
        .iter()
        .all(|p| p.status == Some(PlayerSessionStatus::Reserved)));
    let full = gamelift
        .create_player_session()
        .game_session_id(&session_id)
        .player_id("p3")
        .send()
        .await
        .unwrap_err();
    assert_eq!(full.code(), Some("GameSessionFullException"));
    let players = gamelift
        .describe_player_sessions()
        .game_session_id(&session_id)
        .into_paginator()
        .page_size(1)
        .send()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(players.len(), 2);

    let found = gamelift
        .search_game_sessions()
        .fleet_id(&fleet_id)
        .filter_expression(
            "gameSessionName = 'in-process session' AND hasAvailablePlayerSessions = false",
        )
        .send()
        .await
        .unwrap()
        .game_sessions
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].game_session_id.as_deref(),
        Some(session_id.as_str())
    );

    gamelift
        .start_game_session_placement()
        .placement_id("in-process-placement")
        .game_session_queue_name("queue")
        .maximum_player_session_count(4)
        .send()
        .await
        .unwrap();
    let placed = gamelift
        .wait_until_game_session_placement_fulfilled()
        .placement_id("in-process-placement")
        .wait(MAX_WAIT)
        .await
        .unwrap();
    let placement = placed
        .output()
        .unwrap()
        .game_session_placement
        .clone()
        .unwrap();
    assert_eq!(placement.status, Some(GameSessionPlacementState::Fulfilled));

    gamelift
        .start_matchmaking()
        .ticket_id("in-process-ticket")
        .configuration_name("config")
        .players(Player::builder().player_id("m1").build())
        .send()
        .await
        .unwrap();
    let matched = gamelift
        .wait_until_matchmaking_succeeded()
        .ticket_ids("in-process-ticket".to_owned())
        .wait(MAX_WAIT)
        .await
        .unwrap();
    let ticket = &matched.output().unwrap().ticket_list.clone().unwrap()[0];
    assert_eq!(
        ticket.status,
        Some(MatchmakingConfigurationStatus::Completed)
    );
    let info = ticket.game_session_connection_info.clone().unwrap();
    assert!(info.ip_address.is_some() && info.port.is_some(), "{info:?}");

    let sessions = gamelift
        .describe_game_sessions()
        .fleet_id(&fleet_id)
        .into_paginator()
        .page_size(1)
        .send()
        .items()
        .try_collect()
        .await
        .unwrap();
    let statuses: Vec<_> = sessions.iter().map(|s| s.status.clone()).collect();
    assert_eq!(statuses, vec![Some(GameSessionStatus::Active); 3]);
}

#[tokio::test(start_paused = true)]
async fn gamesparks_game_to_deployment_and_deletion() {
    let (_, gamesparks) = clients();
    gamesparks
        .create_game()
        .game_name("InProcess")
        .send()
        .await
        .unwrap();
    let active = gamesparks
        .wait_until_game_active()
        .game_name("InProcess")
        .wait(MAX_WAIT)
        .await
        .unwrap();
    let game = active.output().unwrap().game.clone().unwrap();
    assert_eq!(game.state, Some(GameState::Active));
    gamesparks
        .create_stage()
        .game_name("InProcess")
        .stage_name("dev")
        .role("arn:aws:iam::123456789012:role/stage")
        .send()
        .await
        .unwrap();
    let snapshot = gamesparks
        .create_snapshot()
        .game_name("InProcess")
        .send()
        .await
        .unwrap()
        .snapshot
        .unwrap()
        .id
        .unwrap();
    let deployment = gamesparks
        .start_stage_deployment()
        .game_name("InProcess")
        .stage_name("dev")
        .snapshot_id(&snapshot)
        .send()
        .await
        .unwrap()
        .stage_deployment
        .unwrap();
    assert_eq!(deployment.deployment_state, Some(DeploymentState::Pending));
    let done = gamesparks
        .wait_until_stage_deployment_completed()
        .game_name("InProcess")
        .stage_name("dev")
        .wait(MAX_WAIT)
        .await
        .unwrap();
    let deployed = done.output().unwrap().stage_deployment.clone().unwrap();
    assert_eq!(deployed.deployment_state, Some(DeploymentState::Completed));
    assert_eq!(
        deployed.deployment_result.and_then(|r| r.result_code),
        Some(ResultCode::Success)
    );
    let listed = gamesparks
        .list_stages()
        .game_name("InProcess")
        .into_paginator()
        .send()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);

    gamesparks
        .delete_game()
        .game_name("InProcess")
        .send()
        .await
        .unwrap();
    let gone = gamesparks
        .wait_until_game_deleted()
        .game_name("InProcess")
        .wait(MAX_WAIT)
        .await
        .unwrap();
    assert!(
        gone.output().is_none(),
        "the waiter succeeds on the not-found error"
    );
}
