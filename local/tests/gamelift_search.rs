//! GameLift `SearchGameSessions`: filter and sort expressions over a fleet's active sessions.

mod gamelift_support;

use gamelift_api::client::Client;
use gamelift_api::error::SearchGameSessionsError;
use gamelift_api::types::GameSession;
use gamelift_support::{
    active_fleet, client, local, property, reserve_players, service_error, wait_for_session,
};

/// An active session named `name`, in mode `mode`, for `maximum` players with `players` in it.
async fn session(
    client: &Client,
    fleet: &str,
    name: &str,
    mode: &str,
    maximum: i32,
    players: usize,
) -> String {
    let id = client
        .create_game_session()
        .fleet_id(fleet)
        .name(name)
        .maximum_player_session_count(maximum)
        .set_game_properties(Some(vec![property("gameMode", mode)]))
        .send()
        .await
        .expect("create")
        .game_session
        .and_then(|s| s.game_session_id)
        .expect("id");
    wait_for_session(client, &id).await;
    if players > 0 {
        reserve_players(client, &id, (0..players).map(|n| format!("{name}-{n}"))).await;
    }
    id
}

fn names(sessions: &[GameSession]) -> Vec<&str> {
    sessions
        .iter()
        .map(|s| s.name.as_deref().unwrap_or_default())
        .collect()
}

#[tokio::test(start_paused = true)]
async fn search_filters_and_sorts_the_active_sessions() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 10).await;
    session(&client, &fleet, "Matt's Awesome Game 1", "brawl", 10, 3).await;
    session(&client, &fleet, "small brawl", "brawl", 4, 4).await;
    session(&client, &fleet, "big ctf", "ctf", 12, 1).await;
    session(&client, &fleet, "huge brawl", "brawl", 20, 0).await;
    client
        .create_game_session()
        .fleet_id(&fleet)
        .name("still activating")
        .maximum_player_session_count(30)
        .set_game_properties(Some(vec![property("gameMode", "brawl")]))
        .send()
        .await
        .expect("create");

    let open_brawls = client
        .search_game_sessions()
        .fleet_id(&fleet)
        .filter_expression(
            "gameSessionProperties.gameMode = 'brawl' AND hasAvailablePlayerSessions=true \
             AND maximumSessions >= 10",
        )
        .sort_expression("playerSessionCount DESC")
        .send()
        .await
        .expect("search")
        .game_sessions
        .expect("list");
    assert_eq!(
        names(&open_brawls),
        ["Matt's Awesome Game 1", "huge brawl", "still activating"],
        "the search read activated the last session"
    );
    assert_eq!(open_brawls[0].current_player_session_count, Some(3));

    let by_name = client
        .search_game_sessions()
        .fleet_id(&fleet)
        .filter_expression("gameSessionName = 'Matt\\'s Awesome Game 1'")
        .send()
        .await
        .expect("search")
        .game_sessions
        .expect("list");
    assert_eq!(names(&by_name), ["Matt's Awesome Game 1"]);

    let oldest_first = client
        .search_game_sessions()
        .fleet_id(&fleet)
        .filter_expression("NOT gameSessionProperties.gameMode = 'brawl'")
        .sort_expression("creationTimeMillis ASC")
        .send()
        .await
        .expect("search")
        .game_sessions
        .expect("list");
    assert_eq!(names(&oldest_first), ["big ctf"]);
}

#[tokio::test(start_paused = true)]
async fn a_bad_expression_says_where_it_is_wrong() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 1).await;
    let message = |error| match service_error(error) {
        SearchGameSessionsError::InvalidRequestException(e) => e.message.unwrap_or_default(),
        other => panic!("expected InvalidRequestException, got {other:?}"),
    };
    let filter = client
        .search_game_sessions()
        .fleet_id(&fleet)
        .filter_expression("maximumSessions >= 'ten'")
        .send()
        .await
        .expect_err("a string for a number");
    let text = message(filter);
    assert!(
        text.starts_with("filter expression error at position"),
        "{text}"
    );
    assert!(text.contains("maximumSessions"), "{text}");
    let sort = client
        .search_game_sessions()
        .fleet_id(&fleet)
        .sort_expression("playerSessionCount")
        .send()
        .await
        .expect_err("no order");
    let text = message(sort);
    assert!(
        text.starts_with("sort expression error at position 18"),
        "{text}"
    );
    let alias = client
        .search_game_sessions()
        .alias_id("alias-1")
        .send()
        .await
        .expect_err("no alias resolves");
    assert!(matches!(
        service_error(alias),
        SearchGameSessionsError::NotFoundException(_)
    ));
    let neither = client
        .search_game_sessions()
        .send()
        .await
        .expect_err("a fleet or an alias is needed");
    assert!(matches!(
        service_error(neither),
        SearchGameSessionsError::InvalidRequestException(_)
    ));
}

#[tokio::test(start_paused = true)]
async fn search_pages_hold_at_most_twenty_sessions() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 30).await;
    for n in 0..25 {
        session(&client, &fleet, &format!("room {n:02}"), "brawl", 4, 0).await;
    }
    let first = client
        .search_game_sessions()
        .fleet_id(&fleet)
        .limit(50)
        .sort_expression("gameSessionName DESC")
        .send()
        .await
        .expect("search");
    assert_eq!(first.game_sessions.as_ref().map(Vec::len), Some(20));
    assert_eq!(
        first.game_sessions.as_ref().map(|s| names(s)[0].to_owned()),
        Some("room 24".to_owned())
    );
    let all = client
        .search_game_sessions()
        .fleet_id(&fleet)
        .sort_expression("gameSessionName ASC")
        .into_paginator()
        .page_size(10)
        .send()
        .items()
        .try_collect()
        .await
        .expect("items");
    assert_eq!(all.len(), 25);
    assert_eq!(names(&all)[24], "room 24");
}
