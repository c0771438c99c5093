//! GameLift FlexMatch: tickets from `QUEUED` to `COMPLETED` with a real game session, and
//! backfill.

mod gamelift_support;

use std::collections::BTreeMap;

use gamelift_api::client::Client;
use gamelift_api::error::{StartMatchBackfillError, StartMatchmakingError};
use gamelift_api::types::{
    AttributeValue, GameSessionStatus, MatchmakingConfigurationStatus as Status, Player,
};
use gamelift_support::{active_fleet, active_session, client, local, service_error, WAIT};

fn player(id: &str, team: &str) -> Player {
    Player {
        player_id: Some(id.into()),
        player_attributes: Some(BTreeMap::from([(
            "skill".to_owned(),
            AttributeValue {
                s: None,
                n: Some(23.0),
                sl: None,
                sdm: None,
            },
        )])),
        team: Some(team.into()),
        latency_in_ms: Some(BTreeMap::from([("us-west-2".to_owned(), 40)])),
    }
}

async fn status(client: &Client, ticket: &str) -> Status {
    client
        .describe_matchmaking()
        .ticket_ids(vec![ticket.to_owned()])
        .send()
        .await
        .expect("describe")
        .ticket_list
        .and_then(|list| list.into_iter().next())
        .and_then(|t| t.status)
        .expect("status")
}

#[tokio::test(start_paused = true)]
async fn a_ticket_steps_to_completed_with_connection_info() {
    let local = local();
    let client = client(&local);
    active_fleet(&client, 2).await;
    let ticket = client
        .start_matchmaking()
        .ticket_id("ticket-1")
        .configuration_name(
            "arn:aws:gamelift:us-west-2:123456789012:matchmakingconfiguration/mm-2v2",
        )
        .players(vec![player("ann", "red"), player("bo", "blue")])
        .send()
        .await
        .expect("start")
        .matchmaking_ticket
        .expect("ticket");
    assert_eq!(ticket.status, Some(Status::Queued));
    assert_eq!(ticket.configuration_name.as_deref(), Some("mm-2v2"));
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
        .ticket_ids(vec!["ticket-1".to_owned(), "no-such-ticket".to_owned()])
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
    let session = client
        .describe_game_sessions()
        .game_session_id(&arn)
        .send()
        .await
        .expect("describe")
        .game_sessions
        .expect("list")
        .remove(0);
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
    let seated = client
        .describe_player_sessions()
        .game_session_id(&arn)
        .send()
        .await
        .expect("describe")
        .player_sessions
        .expect("list");
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
    let generated = client
        .start_matchmaking()
        .configuration_name("mm-duel")
        .players(vec![player("cy", "solo")])
        .send()
        .await
        .expect("start")
        .matchmaking_ticket
        .and_then(|t| t.ticket_id)
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
    let done = client
        .wait_until_matchmaking_succeeded()
        .ticket_ids(vec![generated.clone()])
        .wait(WAIT)
        .await
        .expect("completed")
        .into_output()
        .and_then(|o| o.ticket_list)
        .expect("tickets");
    assert_eq!(done[0].status, Some(Status::Completed));
    assert!(done[0].game_session_connection_info.is_some());

    let reused = client
        .start_matchmaking()
        .ticket_id(&generated)
        .configuration_name("mm-duel")
        .players(vec![player("dee", "solo")])
        .send()
        .await
        .expect_err("the ticket id is taken");
    assert!(matches!(
        service_error(reused),
        StartMatchmakingError::InvalidRequestException(_)
    ));
    let twice = client
        .start_matchmaking()
        .configuration_name("mm-duel")
        .players(vec![player("dee", "a"), player("dee", "b")])
        .send()
        .await
        .expect_err("a player twice");
    assert!(matches!(
        service_error(twice),
        StartMatchmakingError::InvalidRequestException(_)
    ));
    let nobody = client
        .start_matchmaking()
        .configuration_name("mm-duel")
        .players(Vec::new())
        .send()
        .await
        .expect_err("no players");
    assert!(matches!(
        service_error(nobody),
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
    client
        .create_player_sessions()
        .game_session_id(&arn)
        .player_ids(vec!["ann".to_owned(), "bo".to_owned()])
        .send()
        .await
        .expect("two players");

    let stranger = client
        .start_match_backfill()
        .configuration_name("mm-2v2")
        .game_session_arn(&arn)
        .players(vec![player("zed", "red")])
        .send()
        .await
        .expect_err("zed is not in the session");
    assert!(matches!(
        service_error(stranger),
        StartMatchBackfillError::InvalidRequestException(_)
    ));

    let backfill = client
        .start_match_backfill()
        .ticket_id("backfill-1")
        .configuration_name("mm-2v2")
        .game_session_arn(&arn)
        .players(vec![player("ann", "red"), player("bo", "blue")])
        .send()
        .await
        .expect("backfill")
        .matchmaking_ticket
        .expect("ticket");
    assert_eq!(backfill.status, Some(Status::Queued));
    assert_eq!(status(&client, "backfill-1").await, Status::Searching);
    assert_eq!(
        status(&client, "backfill-1").await,
        Status::Searching,
        "no ticket to take in yet"
    );
    client
        .start_matchmaking()
        .ticket_id("newcomers")
        .configuration_name("mm-2v2")
        .players(vec![player("cy", "red"), player("dee", "blue")])
        .send()
        .await
        .expect("start");
    assert_eq!(status(&client, "backfill-1").await, Status::Placing);
    let newcomers = client
        .describe_matchmaking()
        .ticket_ids(vec!["newcomers".to_owned()])
        .send()
        .await
        .expect("describe")
        .ticket_list
        .expect("list")
        .remove(0);
    assert_eq!(newcomers.status, Some(Status::Completed));
    let info = newcomers.game_session_connection_info.expect("info");
    assert_eq!(info.game_session_arn.as_deref(), Some(arn.as_str()));
    assert_eq!(info.matched_player_sessions.map(|m| m.len()), Some(2));

    let done = client
        .wait_until_matchmaking_succeeded()
        .ticket_ids(vec!["backfill-1".to_owned()])
        .wait(WAIT)
        .await
        .expect("completed")
        .into_output()
        .and_then(|o| o.ticket_list)
        .expect("list");
    let matched = done[0]
        .game_session_connection_info
        .clone()
        .and_then(|i| i.matched_player_sessions)
        .expect("matched");
    assert_eq!(matched.len(), 2);
    let session = client
        .describe_game_sessions()
        .game_session_id(&arn)
        .send()
        .await
        .expect("describe")
        .game_sessions
        .expect("list")
        .remove(0);
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

    let replaced = client
        .start_match_backfill()
        .ticket_id("backfill-2")
        .configuration_name("mm-2v2")
        .game_session_arn(&arn)
        .players(vec![player("ann", "red")])
        .send()
        .await
        .expect("backfill");
    assert_eq!(
        replaced.matchmaking_ticket.and_then(|t| t.status),
        Some(Status::Queued)
    );
    client
        .start_match_backfill()
        .ticket_id("backfill-3")
        .configuration_name("mm-2v2")
        .game_session_arn(&arn)
        .players(vec![player("ann", "red")])
        .send()
        .await
        .expect("backfill");
    assert_eq!(
        status(&client, "backfill-2").await,
        Status::Cancelled,
        "a new backfill request replaces the earlier one"
    );
    let missing = client
        .start_match_backfill()
        .configuration_name("mm-2v2")
        .game_session_arn(format!(
            "arn:aws:gamelift:us-west-2::gamesession/{fleet}/gone"
        ))
        .players(vec![player("ann", "red")])
        .send()
        .await
        .expect_err("no such session");
    assert!(matches!(
        service_error(missing),
        StartMatchBackfillError::NotFoundException(_)
    ));
}
