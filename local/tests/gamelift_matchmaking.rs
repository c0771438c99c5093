//! GameLift FlexMatch: tickets from `QUEUED` to `COMPLETED` with a real game session, and
//! backfill.

mod gamelift_support;

use std::collections::BTreeMap;

use gamelift_api::client::Client;
use gamelift_api::error::{StartMatchBackfillError, StartMatchmakingError};
use gamelift_api::types::{
    AttributeValue, GameSessionStatus, MatchmakingConfigurationStatus as Status, Player,
};
use gamelift_support::{
    active_fleet, active_session, client, game_session, local, reserve_players, session_players,
    start_backfill, start_matchmaking, ticket, wait_for_match,
};

fn player(id: &str, team: &str) -> Player {
    Player::builder()
        .player_id(id)
        .set_player_attributes(Some(BTreeMap::from([(
            "skill".to_owned(),
            AttributeValue::builder().n(23.0).build(),
        )])))
        .team(team)
        .set_latency_in_ms(Some(BTreeMap::from([("us-west-2".to_owned(), 40)])))
        .build()
}

async fn status(client: &Client, ticket_id: &str) -> Status {
    ticket(client, ticket_id).await.status.expect("status")
}

#[tokio::test(start_paused = true)]
async fn a_ticket_steps_to_completed_with_connection_info() {
    let local = local();
    let client = client(&local);
    active_fleet(&client, 2).await;
    let started = start_matchmaking(
        &client,
        Some("ticket-1"),
        "arn:aws:gamelift:us-west-2:123456789012:matchmakingconfiguration/mm-2v2",
        vec![player("ann", "red"), player("bo", "blue")],
    )
    .await
    .expect("StartMatchmaking");
    assert_eq!(started.status, Some(Status::Queued));
    assert_eq!(started.configuration_name.as_deref(), Some("mm-2v2"));
    let mut seen = Vec::new();
    for _ in 0..4 {
        seen.push(status(&client, "ticket-1").await);
    }
    assert_eq!(
        seen,
        [
            Status::Searching,
            Status::Placing,
            Status::Completed,
            Status::Completed
        ]
    );
    let done = client
        .describe_matchmaking()
        .set_ticket_ids(Some(vec![
            "ticket-1".to_owned(),
            "no-such-ticket".to_owned(),
        ]))
        .send()
        .await
        .expect("describe")
        .ticket_list
        .expect("list");
    assert_eq!(done.len(), 1, "tickets that do not exist are left out");
    let info = done[0]
        .game_session_connection_info
        .clone()
        .expect("connection info");
    assert!(done[0].end_time.is_some());
    let arn = info.game_session_arn.clone().expect("arn");
    let session = game_session(&client, &arn).await;
    assert_eq!(session.status, Some(GameSessionStatus::Active));
    assert_eq!(session.maximum_player_session_count, Some(2));
    assert_eq!(session.current_player_session_count, Some(2));
    assert_eq!(info.ip_address, session.ip_address);
    assert_eq!(info.port, session.port);
    let data: serde_json::Value =
        serde_json::from_str(session.matchmaker_data.as_deref().expect("matchmaker data"))
            .expect("json");
    assert_eq!(
        data["matchmakingConfigurationArn"],
        "arn:aws:gamelift:us-west-2:123456789012:matchmakingconfiguration/mm-2v2"
    );
    assert_eq!(data["teams"][1]["name"], "blue");
    assert_eq!(data["teams"][1]["players"][0]["playerId"], "bo");

    let matched = info.matched_player_sessions.expect("matched players");
    let players: Vec<_> = matched.iter().map(|m| m.player_id.clone()).collect();
    assert_eq!(players, [Some("ann".to_owned()), Some("bo".to_owned())]);
    let seated = session_players(&client, &arn, None).await;
    let seated_ids: Vec<_> = seated.iter().map(|p| p.player_session_id.clone()).collect();
    let matched_ids: Vec<_> = matched
        .iter()
        .map(|m| m.player_session_id.clone())
        .collect();
    assert_eq!(seated_ids, matched_ids);
}

#[tokio::test(start_paused = true)]
async fn the_matchmaking_waiter_succeeds_once_a_fleet_can_host_the_match() {
    let local = local();
    let client = client(&local);
    let generated = start_matchmaking(&client, None, "mm-duel", vec![player("cy", "solo")])
        .await
        .expect("StartMatchmaking")
        .ticket_id
        .expect("a generated ticket id");
    assert_eq!(generated.len(), 36, "a UUID: {generated}");
    for _ in 0..4 {
        status(&client, &generated).await;
    }
    assert_eq!(
        status(&client, &generated).await,
        Status::Placing,
        "no fleet can host the match yet"
    );
    active_fleet(&client, 1).await;
    let done = wait_for_match(&client, &generated).await;
    assert_eq!(done[0].status, Some(Status::Completed));
    assert!(done[0].game_session_connection_info.is_some());

    let reused = start_matchmaking(
        &client,
        Some(&generated),
        "mm-duel",
        vec![player("dee", "solo")],
    )
    .await
    .expect_err("the ticket id is taken");
    assert!(matches!(
        reused,
        StartMatchmakingError::InvalidRequestException(_)
    ));
    let dee_twice = vec![player("dee", "a"), player("dee", "b")];
    let twice = start_matchmaking(&client, None, "mm-duel", dee_twice)
        .await
        .expect_err("a player twice");
    assert!(matches!(
        twice,
        StartMatchmakingError::InvalidRequestException(_)
    ));
    let nobody = start_matchmaking(&client, None, "mm-duel", Vec::new())
        .await
        .expect_err("no players");
    assert!(matches!(
        nobody,
        StartMatchmakingError::InvalidRequestException(_)
    ));
}

#[tokio::test(start_paused = true)]
async fn a_backfill_takes_in_an_unmatched_ticket() {
    let local = local();
    let client = client(&local);
    let fleet = active_fleet(&client, 2).await;
    let session = active_session(&client, &fleet, 4).await;
    let arn = session.game_session_id.clone().expect("arn");
    reserve_players(&client, &arn, ["ann", "bo"]).await;

    let stranger = start_backfill(&client, None, "mm-2v2", &arn, vec![player("zed", "red")])
        .await
        .expect_err("zed is not in the session");
    assert!(matches!(
        stranger,
        StartMatchBackfillError::InvalidRequestException(_)
    ));

    let in_session = vec![player("ann", "red"), player("bo", "blue")];
    let backfill = start_backfill(&client, Some("backfill-1"), "mm-2v2", &arn, in_session)
        .await
        .expect("StartMatchBackfill");
    assert_eq!(backfill.status, Some(Status::Queued));
    assert_eq!(status(&client, "backfill-1").await, Status::Searching);
    assert_eq!(
        status(&client, "backfill-1").await,
        Status::Searching,
        "no ticket to take in yet"
    );
    let cy_and_dee = vec![player("cy", "red"), player("dee", "blue")];
    start_matchmaking(&client, Some("newcomers"), "mm-2v2", cy_and_dee)
        .await
        .expect("StartMatchmaking");
    assert_eq!(status(&client, "backfill-1").await, Status::Placing);
    let newcomers = ticket(&client, "newcomers").await;
    assert_eq!(newcomers.status, Some(Status::Completed));
    let info = newcomers.game_session_connection_info.expect("info");
    assert_eq!(info.game_session_arn.as_deref(), Some(arn.as_str()));
    assert_eq!(info.matched_player_sessions.map(|m| m.len()), Some(2));

    let done = wait_for_match(&client, "backfill-1").await;
    let matched = done[0]
        .game_session_connection_info
        .clone()
        .and_then(|i| i.matched_player_sessions)
        .expect("matched");
    assert_eq!(matched.len(), 2);
    let session = game_session(&client, &arn).await;
    assert_eq!(session.current_player_session_count, Some(4));
    let data: serde_json::Value =
        serde_json::from_str(session.matchmaker_data.as_deref().expect("data")).expect("json");
    let red: Vec<_> = data["teams"][0]["players"]
        .as_array()
        .expect("players")
        .iter()
        .map(|p| p["playerId"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(red, ["ann", "cy"]);

    let ann = player("ann", "red");
    let replaced = start_backfill(
        &client,
        Some("backfill-2"),
        "mm-2v2",
        &arn,
        vec![ann.clone()],
    )
    .await
    .expect("StartMatchBackfill");
    assert_eq!(replaced.status, Some(Status::Queued));
    start_backfill(
        &client,
        Some("backfill-3"),
        "mm-2v2",
        &arn,
        vec![ann.clone()],
    )
    .await
    .expect("StartMatchBackfill");
    assert_eq!(
        status(&client, "backfill-2").await,
        Status::Cancelled,
        "a new backfill request replaces the earlier one"
    );
    let gone = format!("arn:aws:gamelift:us-west-2::gamesession/{fleet}/gone");
    let missing = start_backfill(&client, None, "mm-2v2", &gone, vec![ann])
        .await
        .expect_err("no such session");
    assert!(matches!(
        missing,
        StartMatchBackfillError::NotFoundException(_)
    ));
}
