//! GameLift state survives a restart, and the wall-clock timeouts apply to the state it finds.

mod gamelift_support;

use std::path::{Path, PathBuf};

use gamelift_api::types::{
    FleetStatus, GameSessionPlacementState, GameSessionStatus, PlayerSessionStatus,
};
use gamelift_support::{
    activating_session_id, active_fleet, active_session, create_player, created_fleet_id,
    fleet_attributes, game_session, placement, player_sessions_of, reserve_players,
    session_players, start_matchmaking, start_placement, ticket, wait_for_fleet, WAIT,
};
use local_services::{Local, Settings};
use smithy_runtime::DateTime;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "local-services-gamelift-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir.join("state")
}

fn open(path: &Path) -> Local {
    Local::new(Settings {
        state_dir: Some(path.to_owned()),
        ..Settings::default()
    })
    .expect("the state opens")
}

/// A time `seconds` before `time`.
fn earlier(time: Option<&DateTime>, seconds: i64) -> Option<DateTime> {
    let millis = time.map_or(0, |t| {
        t.secs() * 1000 + i64::from(t.subsec_nanos() / 1_000_000)
    });
    Some(DateTime::from_millis(millis - seconds * 1000))
}

/// Moves the creation of every game and player session `created` seconds into the past, and
/// the start of every placement and ticket `started` seconds; saved, then the server closed.
async fn age(local: Local, created: i64, started: i64) {
    local
        .gamelift()
        .runner()
        .edit(|state| {
            let keys: Vec<String> = state.players.iter().map(|(k, _)| k.to_owned()).collect();
            for key in keys {
                let player = state.players.get_mut(&key).expect("a player session");
                player.creation_time = earlier(player.creation_time.as_ref(), created);
            }
            let keys: Vec<String> = state.sessions.iter().map(|(k, _)| k.to_owned()).collect();
            for key in keys {
                let session = &mut state.sessions.get_mut(&key).expect("a session").session;
                session.creation_time = earlier(session.creation_time.as_ref(), created);
            }
            let keys: Vec<String> = state.placements.iter().map(|(k, _)| k.to_owned()).collect();
            for key in keys {
                let placement = &mut state.placements.get_mut(&key).expect("one").placement;
                placement.start_time = earlier(placement.start_time.as_ref(), started);
            }
            let keys: Vec<String> = state.tickets.iter().map(|(k, _)| k.to_owned()).collect();
            for key in keys {
                let ticket = &mut state.tickets.get_mut(&key).expect("a ticket").ticket;
                ticket.start_time = earlier(ticket.start_time.as_ref(), started);
            }
        })
        .await
        .expect("saved");
}

#[tokio::test(start_paused = true)]
async fn fleets_sessions_and_players_survive_a_restart() {
    let path = scratch("survive");
    let local = open(&path);
    let client = gamelift_support::client(&local);
    let fleet = active_fleet(&client, 2).await;
    let session = active_session(&client, &fleet, 4).await;
    let id = session.game_session_id.clone().expect("id");
    let player = create_player(&client, &id, "ann")
        .await
        .expect("CreatePlayerSession");
    let half_way = created_fleet_id(
        client
            .create_fleet()
            .name("half way")
            .build_id("build-2")
            .ec2_instance_type(gamelift_api::types::EC2InstanceType::T2Micro)
            .server_launch_path("/local/game/legacy"),
    )
    .await;
    // One read moves the new fleet on from NEW.
    fleet_attributes(&client, &half_way).await;
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
    let restored = game_session(&client, &id).await;
    assert_eq!(restored.status, Some(GameSessionStatus::Active));
    assert_eq!(restored.current_player_session_count, Some(1));
    assert_eq!(restored.creation_time, session.creation_time);
    let players = player_sessions_of(&client, "ann").await;
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
    // The session is full, so the placement stays pending: the one server process is busy.
    reserve_players(&client, &id, ["ann", "bo"]).await;
    start_placement(&client, "stuck", 2).await;
    let dee = gamelift_api::types::Player::builder()
        .player_id("dee")
        .build();
    start_matchmaking(&client, Some("unplaced"), "mm", vec![dee])
        .await
        .expect("queued");
    drop(client);
    age(local, 61, 601).await;
    let local = open(&path);
    let client = gamelift_support::client(&local);
    let players = session_players(&client, &id, None).await;
    assert!(players.iter().all(|p| {
        p.status == Some(PlayerSessionStatus::Timedout) && p.termination_time.is_some()
    }));
    create_player(&client, &id, "cy")
        .await
        .expect("the timed-out reservations freed their slots");
    let waited = client
        .wait_until_game_session_placement_fulfilled()
        .placement_id("stuck")
        .wait(WAIT)
        .await
        .expect_err("the placement timed out");
    let last = placement(&client, "stuck").await;
    assert_eq!(last.status, Some(GameSessionPlacementState::TimedOut));
    assert_eq!(waited.attempts(), 1);
    let unplaced = ticket(&client, "unplaced").await;
    assert_eq!(
        unplaced.status,
        Some(gamelift_api::types::MatchmakingConfigurationStatus::TimedOut)
    );
    assert!(unplaced.status_message.is_some() && unplaced.end_time.is_some());
}

#[tokio::test(start_paused = true)]
async fn a_session_still_activating_past_its_timeout_is_terminated() {
    let path = scratch("activation");
    let local = open(&path);
    let client = gamelift_support::client(&local);
    let mut runtime = gamelift_support::runtime(1);
    runtime.game_session_activation_timeout_seconds = Some(30);
    let fleet = created_fleet_id(
        client
            .create_fleet()
            .name("slow")
            .build_id("build-3")
            .ec2_instance_type(gamelift_api::types::EC2InstanceType::C4Large)
            .runtime_configuration(runtime),
    )
    .await;
    wait_for_fleet(&client, &fleet).await;
    let id = activating_session_id(&client, &fleet, 2).await;
    drop(client);
    age(local, 31, 0).await;
    let local = open(&path);
    let client = gamelift_support::client(&local);
    let waited = client
        .wait_until_game_session_active()
        .game_session_id(&id)
        .wait(WAIT)
        .await
        .expect_err("TERMINATED fails the waiter");
    assert_eq!(waited.attempts(), 1);
    let session = game_session(&client, &id).await;
    assert_eq!(session.status, Some(GameSessionStatus::Terminated));
    assert!(session.termination_time.is_some());
    active_session(&client, &fleet, 2).await;
}
