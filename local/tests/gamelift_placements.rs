//! GameLift game session placements: fulfilled on an active fleet with the desired player
//! sessions, pending without one, stopped, and their ids.

mod gamelift_support;

use gamelift_api::client::Client;
use gamelift_api::error::{
    DescribeGameSessionPlacementError, StartGameSessionPlacementError,
    StopGameSessionPlacementError,
};
use gamelift_api::types::{
    DesiredPlayerSession, GameSessionPlacementState, GameSessionStatus, PlayerLatency,
    PlayerSessionStatus,
};
use gamelift_support::{
    active_fleet, client, game_session, local, new_fleet, placement, property, service_error,
    start_placement, stop_placement, WAIT,
};

fn desired(player: &str) -> DesiredPlayerSession {
    DesiredPlayerSession::builder()
        .player_id(player)
        .player_data(format!("{player}'s loadout"))
        .build()
}

async fn start(client: &Client, id: &str) -> Result<(), StartGameSessionPlacementError> {
    client
        .start_game_session_placement()
        .placement_id(id)
        .game_session_queue_name("na-queue")
        .maximum_player_session_count(4)
        .game_session_name("placed")
        .set_game_properties(Some(vec![property("mode", "duel")]))
        .set_desired_player_sessions(Some(vec![desired("ann"), desired("bo")]))
        .player_latencies(
            PlayerLatency::builder()
                .player_id("ann")
                .region_identifier("us-west-2")
                .latency_in_milliseconds(42.0)
                .build(),
        )
        .game_session_data("seed=7")
        .send()
        .await
        .map(|_| ())
        .map_err(service_error)
}

#[tokio::test(start_paused = true)]
async fn a_placement_is_fulfilled_with_its_players_on_an_active_fleet() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 2).await;
    let started = start_placement(&client, "placement-1", 4).await;
    assert_eq!(started.status, Some(GameSessionPlacementState::Pending));
    assert!(started.start_time.is_some() && started.end_time.is_none());
    assert_eq!(started.game_session_arn, None);

    start(&client, "placement-2").await.expect("start");
    let placed = client
        .wait_until_game_session_placement_fulfilled()
        .placement_id("placement-2")
        .wait(WAIT)
        .await
        .expect("fulfilled")
        .into_output()
        .and_then(|o| o.game_session_placement)
        .expect("placement");
    assert_eq!(placed.status, Some(GameSessionPlacementState::Fulfilled));
    assert_eq!(placed.game_session_region.as_deref(), Some("us-west-2"));
    assert_eq!(placed.game_session_queue_name.as_deref(), Some("na-queue"));
    assert!(placed.end_time.is_some());
    let arn = placed.game_session_arn.clone().expect("arn");
    assert_eq!(placed.game_session_id.as_deref(), Some(arn.as_str()));
    assert!(arn.contains(&format!("gamesession/{fleet}/")), "{arn}");

    let session = game_session(&client, &arn).await;
    assert_eq!(session.status, Some(GameSessionStatus::Active));
    assert_eq!(session.name.as_deref(), Some("placed"));
    assert_eq!(
        session.game_properties,
        Some(vec![property("mode", "duel")])
    );
    assert_eq!(session.game_session_data.as_deref(), Some("seed=7"));
    assert_eq!(session.current_player_session_count, Some(2));
    assert_eq!(placed.ip_address, session.ip_address);
    assert_eq!(placed.dns_name, session.dns_name);
    assert_eq!(placed.port, session.port);

    let placed_players = placed.placed_player_sessions.expect("placed players");
    assert_eq!(placed_players.len(), 2);
    let ann = client
        .describe_player_sessions()
        .player_session_id(placed_players[0].player_session_id.clone().expect("id"))
        .send()
        .await
        .expect("describe")
        .player_sessions
        .expect("list")
        .remove(0);
    assert_eq!(ann.player_id.as_deref(), Some("ann"));
    assert_eq!(ann.player_data.as_deref(), Some("ann's loadout"));
    assert_eq!(ann.status, Some(PlayerSessionStatus::Reserved));
    assert_eq!(ann.game_session_id.as_deref(), Some(arn.as_str()));
}

#[tokio::test(start_paused = true)]
async fn without_an_active_fleet_a_placement_stays_pending_until_stopped() {
    let local = local();
    let client = client(&local);
    new_fleet(&client, "not yet", 1).await;
    start(&client, "waiting").await.expect("start");
    for _ in 0..3 {
        let pending = placement(&client, "waiting").await;
        assert_eq!(pending.status, Some(GameSessionPlacementState::Pending));
    }
    let stopped = stop_placement(&client, "waiting")
        .await
        .expect("StopGameSessionPlacement");
    assert_eq!(stopped.status, Some(GameSessionPlacementState::Cancelled));
    assert!(stopped.end_time.is_some());

    let waited = client
        .wait_until_game_session_placement_fulfilled()
        .placement_id("waiting")
        .wait(WAIT)
        .await
        .expect_err("a cancelled placement is a failure for the waiter");
    assert_eq!(waited.attempts(), 1);

    let again = stop_placement(&client, "waiting")
        .await
        .expect_err("only PENDING placements stop");
    match again {
        StopGameSessionPlacementError::InvalidRequestException(e) => {
            assert!(e.message.unwrap_or_default().contains("CANCELLED"));
        }
        other => panic!("expected InvalidRequestException, got {other:?}"),
    }
    start(&client, "waiting")
        .await
        .expect("a cancelled placement's id can be reused");
}

#[tokio::test(start_paused = true)]
async fn placement_ids_are_unique_and_players_must_fit() {
    let local = local();
    let client = client(&local);
    active_fleet(&client, 1).await;
    start(&client, "once").await.expect("start");
    let twice = start(&client, "once").await.expect_err("the id is in use");
    assert!(matches!(
        twice,
        StartGameSessionPlacementError::InvalidRequestException(_)
    ));
    let crowded = client
        .start_game_session_placement()
        .placement_id("crowded")
        .game_session_queue_name("na-queue")
        .maximum_player_session_count(1)
        .set_desired_player_sessions(Some(vec![desired("ann"), desired("bo")]))
        .send()
        .await
        .expect_err("two players for one slot");
    assert!(matches!(
        service_error(crowded),
        StartGameSessionPlacementError::InvalidRequestException(_)
    ));
    let missing = client
        .describe_game_session_placement()
        .placement_id("nowhere")
        .send()
        .await
        .expect_err("no such placement");
    assert!(matches!(
        service_error(missing),
        DescribeGameSessionPlacementError::NotFoundException(_)
    ));
    let stop_missing = stop_placement(&client, "nowhere")
        .await
        .expect_err("no such placement");
    assert!(matches!(
        stop_missing,
        StopGameSessionPlacementError::NotFoundException(_)
    ));
}
