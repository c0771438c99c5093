//! GameLift player sessions: reserving slots up to the maximum, the creation policy, the
//! batch call's all-or-nothing, describing by session, game session or player, concurrency.

mod gamelift_support;

use std::collections::BTreeMap;

use gamelift_api::error::{
    CreatePlayerSessionError, CreatePlayerSessionsError, DescribePlayerSessionsError,
};
use gamelift_api::types::{PlayerSessionCreationPolicy, PlayerSessionStatus};
use gamelift_support::{
    activating_session_id, active_fleet, active_session, client, create_player, fleet_attributes,
    game_session, local, new_fleet, player_sessions_of, reserve_players, service_error,
    session_players,
};

#[tokio::test(start_paused = true)]
async fn player_slots_fill_up_to_the_maximum() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 1).await;
    let session = active_session(&client, &fleet, 3).await;
    let id = session.game_session_id.clone().expect("id");
    for n in 0..3 {
        let player = client
            .create_player_session()
            .game_session_id(&id)
            .player_id(format!("player-{n}"))
            .player_data(format!("rank {n}"))
            .send()
            .await
            .expect("a free slot")
            .player_session
            .expect("player session");
        assert_eq!(player.status, Some(PlayerSessionStatus::Reserved));
        assert!(player
            .player_session_id
            .as_deref()
            .is_some_and(|p| p.starts_with("psess-")));
        assert_eq!(player.game_session_id.as_deref(), Some(id.as_str()));
        assert_eq!(player.fleet_id.as_deref(), Some(fleet.as_str()));
        assert_eq!(player.ip_address, session.ip_address);
        assert_eq!(player.dns_name, session.dns_name);
        assert_eq!(player.port, session.port);
        assert_eq!(player.player_data, Some(format!("rank {n}")));
    }
    let full = create_player(&client, &id, "late")
        .await
        .expect_err("no slot left");
    assert!(matches!(
        full,
        CreatePlayerSessionError::GameSessionFullException(_)
    ));
    let counted = game_session(&client, &id).await;
    assert_eq!(counted.current_player_session_count, Some(3));
}

#[tokio::test(start_paused = true)]
async fn a_batch_reserves_all_its_players_or_none() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 1).await;
    let id = active_session(&client, &fleet, 4)
        .await
        .game_session_id
        .expect("id");
    let players = |ids: &[&str]| ids.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
    let created = client
        .create_player_sessions()
        .game_session_id(&id)
        .set_player_ids(Some(players(&["a", "b", "c"])))
        .set_player_data_map(Some(BTreeMap::from([
            ("a".to_owned(), "likes maps".to_owned()),
            ("stranger".to_owned(), "ignored".to_owned()),
        ])))
        .send()
        .await
        .expect("three slots")
        .player_sessions
        .expect("list");
    let data: Vec<_> = created.iter().map(|p| p.player_data.clone()).collect();
    assert_eq!(data, [Some("likes maps".to_owned()), None, None]);

    let too_many = client
        .create_player_sessions()
        .game_session_id(&id)
        .set_player_ids(Some(players(&["d", "e"])))
        .send()
        .await
        .expect_err("one slot is left");
    assert!(matches!(
        service_error(too_many),
        CreatePlayerSessionsError::GameSessionFullException(_)
    ));
    let in_session = session_players(&client, &id, None).await;
    assert_eq!(in_session.len(), 3, "the refused batch reserved nothing");

    let twice = client
        .create_player_sessions()
        .game_session_id(&id)
        .set_player_ids(Some(players(&["d", "d"])))
        .send()
        .await
        .expect_err("a player twice");
    assert!(matches!(
        service_error(twice),
        CreatePlayerSessionsError::InvalidRequestException(_)
    ));
    let again = create_player(&client, &id, "a")
        .await
        .expect_err("a already holds a slot");
    assert!(matches!(
        again,
        CreatePlayerSessionError::InvalidRequestException(_)
    ));
}

#[tokio::test(start_paused = true)]
async fn players_need_an_active_session_that_accepts_them() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 2).await;
    let activating = activating_session_id(&client, &fleet, 4).await;
    let early = create_player(&client, &activating, "eager")
        .await
        .expect_err("still ACTIVATING");
    assert!(matches!(
        early,
        CreatePlayerSessionError::InvalidGameSessionStatusException(_)
    ));

    let id = active_session(&client, &fleet, 4)
        .await
        .game_session_id
        .expect("id");
    client
        .update_game_session()
        .game_session_id(&id)
        .player_session_creation_policy(PlayerSessionCreationPolicy::DenyAll)
        .send()
        .await
        .expect("close the session");
    let denied = create_player(&client, &id, "denied")
        .await
        .expect_err("DENY_ALL");
    match denied {
        CreatePlayerSessionError::InvalidGameSessionStatusException(e) => {
            assert!(e.message.unwrap_or_default().contains("DENY_ALL"));
        }
        other => panic!("expected InvalidGameSessionStatusException, got {other:?}"),
    }
    let gone = format!("arn:aws:gamelift:us-west-2::gamesession/{fleet}/gone");
    let missing = create_player(&client, &gone, "lost")
        .await
        .expect_err("no such game session");
    assert!(matches!(
        missing,
        CreatePlayerSessionError::NotFoundException(_)
    ));
}

#[tokio::test(start_paused = true)]
async fn player_sessions_are_described_one_way_at_a_time() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 2).await;
    let first = active_session(&client, &fleet, 10)
        .await
        .game_session_id
        .expect("id");
    let second = active_session(&client, &fleet, 10)
        .await
        .game_session_id
        .expect("id");
    let mut ids = Vec::new();
    for session in [&first, &second] {
        let player = create_player(&client, session, "roamer")
            .await
            .expect("CreatePlayerSession");
        ids.push(player.player_session_id.expect("id"));
    }
    reserve_players(&client, &first, (0..5).map(|n| format!("p{n}"))).await;

    let of_player = player_sessions_of(&client, "roamer").await;
    let found: Vec<_> = of_player
        .iter()
        .map(|p| p.player_session_id.clone())
        .collect();
    assert_eq!(found, ids.iter().cloned().map(Some).collect::<Vec<_>>());

    let one = client
        .describe_player_sessions()
        .player_session_id(&ids[1])
        .limit(1)
        .send()
        .await
        .expect("by id")
        .player_sessions
        .expect("list");
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].game_session_id.as_deref(), Some(second.as_str()));

    let reserved = session_players(&client, &first, Some("RESERVED")).await;
    assert_eq!(reserved.len(), 6);
    let active = session_players(&client, &first, Some("ACTIVE")).await;
    assert!(active.is_empty(), "no player connects to this service");

    let pages = client
        .describe_player_sessions()
        .game_session_id(&first)
        .into_paginator()
        .page_size(4)
        .send()
        .try_collect()
        .await
        .expect("pages");
    let sizes: Vec<_> = pages
        .iter()
        .map(|p| p.player_sessions.as_ref().map_or(0, Vec::len))
        .collect();
    assert_eq!(sizes, [4, 2]);

    let both = client
        .describe_player_sessions()
        .game_session_id(&first)
        .player_id("roamer")
        .send()
        .await
        .expect_err("two ways at once");
    assert!(matches!(
        service_error(both),
        DescribePlayerSessionsError::InvalidRequestException(_)
    ));
    let none = client
        .describe_player_sessions()
        .send()
        .await
        .expect_err("no way at all");
    assert!(matches!(
        service_error(none),
        DescribePlayerSessionsError::InvalidRequestException(_)
    ));
    let bad_filter = client
        .describe_player_sessions()
        .player_id("roamer")
        .player_session_status_filter("GONE")
        .send()
        .await
        .expect_err("no such status");
    assert!(matches!(
        service_error(bad_filter),
        DescribePlayerSessionsError::InvalidRequestException(_)
    ));
    let unknown = client
        .describe_player_sessions()
        .player_session_id("psess-00000000-0000-0000-0000-000000000000")
        .send()
        .await
        .expect_err("no such player session");
    assert!(matches!(
        service_error(unknown),
        DescribePlayerSessionsError::NotFoundException(_)
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_reservations_fill_exactly_the_open_slots() {
    // A multi-threaded runtime cannot pause time, so this test polls instead of waiting.
    let local = local();
    let client = client(&local);
    let fleet = new_fleet(&client, "arena", 1).await.fleet_id.expect("id");
    for _ in 0..5 {
        fleet_attributes(&client, &fleet).await;
    }
    // The fleet is ACTIVE after five polls, and one poll activates the session.
    let id = activating_session_id(&client, &fleet, 7).await;
    game_session(&client, &id).await;
    let tasks: Vec<_> = (0..20)
        .map(|n| {
            let client = client.clone();
            let id = id.clone();
            tokio::spawn(async move {
                client
                    .create_player_session()
                    .game_session_id(id)
                    .player_id(format!("racer-{n}"))
                    .send()
                    .await
            })
        })
        .collect();
    let mut reserved = 0;
    let mut full = 0;
    for task in tasks {
        match task.await.expect("the task runs") {
            Ok(_) => reserved += 1,
            Err(error) => match service_error(error) {
                CreatePlayerSessionError::GameSessionFullException(_) => full += 1,
                other => panic!("unexpected {other:?}"),
            },
        }
    }
    assert_eq!((reserved, full), (7, 13));
    let seated = session_players(&client, &id, None).await;
    assert_eq!(seated.len(), 7);
}
