//! Regression tests for defects found in review: each fails without its fix. (The
//! signature-check one is with the other signature tests, in `src/auth.rs`.)

mod gamelift_support;
mod gamesparks_support;

use gamelift_api::error::UpdateGameSessionError;
use gamelift_api::types::{DesiredPlayerSession, GameSessionPlacementState};

/// A refused `UpdateGameSession` changes nothing: not even the members checked before the one
/// that is refused.
#[tokio::test(start_paused = true)]
async fn a_refused_game_session_update_changes_nothing() {
    use gamelift_support::{active_fleet, client, game_session, local, property, wait_for_session};
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 1).await;
    let properties = |prefix: &str| -> Vec<_> {
        (0..10)
            .map(|i| property(&format!("{prefix}{i}"), "v"))
            .collect()
    };
    let session = client
        .create_game_session()
        .fleet_id(&fleet)
        .maximum_player_session_count(10)
        .name("lobby")
        .set_game_properties(Some(properties("old")))
        .send()
        .await
        .expect("CreateGameSession")
        .game_session
        .expect("a session");
    let id = session.game_session_id.expect("an id");
    wait_for_session(&client, &id).await;
    // 10 properties and 10 new ones: more than the 16 a session holds.
    let too_many = properties("new");
    let refused = client
        .update_game_session()
        .game_session_id(&id)
        .maximum_player_session_count(4)
        .name("renamed")
        .set_game_properties(Some(too_many))
        .send()
        .await;
    let error = gamelift_support::service_error(refused.expect_err("17 properties are too many"));
    assert!(
        matches!(error, UpdateGameSessionError::InvalidRequestException(_)),
        "{error:?}"
    );
    let after = game_session(&client, &id).await;
    assert_eq!(after.maximum_player_session_count, Some(10));
    assert_eq!(after.name.as_deref(), Some("lobby"));
}

/// Reusing the id of a cancelled placement in a request that is refused leaves the cancelled
/// placement as it was.
#[tokio::test(start_paused = true)]
async fn a_refused_placement_does_not_drop_the_cancelled_one_with_its_id() {
    use gamelift_support::{client, local, placement, start_placement, stop_placement};
    let local = local();
    let client = client(&local);
    start_placement(&client, "p-1", 4).await;
    stop_placement(&client, "p-1").await.expect("stop");
    let player = |id: &str| DesiredPlayerSession::builder().player_id(id).build();
    let refused = client
        .start_game_session_placement()
        .placement_id("p-1")
        .game_session_queue_name("na-queue")
        .maximum_player_session_count(4)
        .set_desired_player_sessions(Some(vec![player("a"), player("a")]))
        .send()
        .await;
    assert!(refused.is_err(), "a player listed twice is refused");
    let kept = placement(&client, "p-1").await;
    assert_eq!(kept.status, Some(GameSessionPlacementState::Cancelled));
}

/// A game deleted between two pages of `ListGames` does not make the next page skip a game.
#[tokio::test(start_paused = true)]
async fn games_deleted_between_pages_do_not_skip_others() {
    use gamesparks_support::{client, delete_game, game, local};
    let local = local();
    let client = client(&local);
    for name in ["A", "B", "C"] {
        game(&client, name).await;
    }
    let first = client
        .list_games()
        .max_results(1)
        .send()
        .await
        .expect("first page");
    let names = |games: Option<Vec<gamesparks_api::types::GameSummary>>| -> Vec<String> {
        games
            .unwrap_or_default()
            .into_iter()
            .filter_map(|g| g.name)
            .collect()
    };
    assert_eq!(names(first.games), ["A"]);
    delete_game(&client, "A").await;
    let mut rest = Vec::new();
    let mut token = first.next_token;
    while let Some(next) = token {
        let page = client
            .list_games()
            .max_results(1)
            .next_token(next)
            .send()
            .await
            .expect("next page");
        rest.extend(names(page.games));
        token = page.next_token;
    }
    assert_eq!(rest, ["B", "C"]);
}

/// A state file whose inbound permission spans the whole `i32` range does not make hosting a
/// game session overflow.
#[tokio::test(start_paused = true)]
async fn a_loaded_port_range_of_any_width_hosts_sessions() {
    use gamelift_support::{active_fleet, client, create_session, local};
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 1).await;
    local
        .gamelift()
        .runner()
        .edit(|state| {
            let record = state.fleets.get_mut(&fleet).expect("the fleet");
            let permission = &mut record.permissions[0];
            permission.from_port = i32::MIN;
            permission.to_port = i32::MAX;
        })
        .await
        .expect("saved");
    let session = create_session(&client, &fleet, 2).await.expect("hosted");
    assert_eq!(session.port, Some(i32::MIN));
}

/// A game whose deletion has run its course frees its name for `CreateGame`, even when no read
/// came in between to see it gone.
#[tokio::test(start_paused = true)]
async fn a_finished_deletion_frees_the_name_without_a_read() {
    use gamesparks_support::{client, delete_game, game};
    let local = local_services::Local::new(local_services::Settings {
        pace: local_services::Pace::RealTime {
            step: std::time::Duration::from_secs(60),
        },
        ..local_services::Settings::default()
    })
    .expect("an in-memory state opens");
    let client = client(&local);
    game(&client, "Racer").await;
    delete_game(&client, "Racer").await;
    // The deletion started long ago (the clock is the wall clock).
    local
        .gamesparks()
        .runner()
        .edit(|state| {
            let racer = state.games.get_mut("Racer").expect("the game");
            if let Some(deletion) = racer.deletion.as_mut() {
                deletion.since_millis = 0;
            }
        })
        .await
        .expect("saved");
    let again = client.create_game().game_name("Racer").send().await;
    let state = again.expect("the name is free").game.and_then(|g| g.state);
    assert_eq!(state, Some(gamesparks_api::types::GameState::Active));
}

/// A player session that leaves the status filter between two pages (its reservation timed
/// out) does not make the next page skip another player.
#[tokio::test(start_paused = true)]
async fn player_pages_skip_nobody_when_a_reservation_times_out_between_them() {
    use gamelift_api::types::PlayerSessionStatus;
    use gamelift_support::{active_fleet, active_session, client, local, reserve_players};
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 1).await;
    let session = active_session(&client, &fleet, 3)
        .await
        .game_session_id
        .expect("an id");
    reserve_players(&client, &session, ["p1", "p2", "p3"]).await;
    let page = |token: Option<String>| {
        client
            .describe_player_sessions()
            .game_session_id(&session)
            .player_session_status_filter("RESERVED")
            .limit(1)
            .set_next_token(token)
            .send()
    };
    let first = page(None).await.expect("page 1");
    let names: Vec<_> = first
        .player_sessions
        .iter()
        .flatten()
        .filter_map(|p| p.player_id.clone())
        .collect();
    assert_eq!(names, ["p1"]);
    // p1's reservation is now older than the 60-second timeout.
    let p1 = first.player_sessions.as_ref().expect("a page")[0]
        .player_session_id
        .clone()
        .expect("an id");
    local
        .gamelift()
        .runner()
        .edit(|state| {
            let player = state.players.get_mut(&p1).expect("p1");
            player.creation_time = Some(smithy_runtime::DateTime::from_millis(0));
        })
        .await
        .expect("saved");
    let second = page(first.next_token).await.expect("page 2");
    let players = second.player_sessions.unwrap_or_default();
    let names: Vec<_> = players.iter().filter_map(|p| p.player_id.clone()).collect();
    assert_eq!(names, ["p2"]);
    assert_eq!(players[0].status, Some(PlayerSessionStatus::Reserved));
}
