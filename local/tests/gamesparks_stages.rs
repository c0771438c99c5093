//! GameSparks stages, tags by ARN and player connections through the generated client.

mod gamesparks_support;

use std::collections::BTreeMap;

use gamesparks_api::types::StageState;
use gamesparks_support::{
    client, connections, game, local, read_stage, service_error, stage, stages, tags, ROLE,
};
use local_services::gamesparks::PlayerConnection;

const OTHER_ROLE: &str = "arn:aws:iam::123456789012:role/GameSparksLive";

#[tokio::test(start_paused = true)]
async fn stages_are_created_read_listed_updated_and_deleted() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    let created = client
        .create_stage()
        .game_name("Racer")
        .stage_name("Dev")
        .role(ROLE)
        .description("Development")
        .set_tags(Some(BTreeMap::from([(
            "tier".to_owned(),
            "dev".to_owned(),
        )])))
        .send()
        .await
        .expect("CreateStage")
        .stage
        .expect("a stage");
    assert_eq!(
        created.arn.as_deref(),
        Some("arn:aws:gamesparks:us-west-2:123456789012:game/Racer/stage/Dev")
    );
    assert_eq!(created.role.as_deref(), Some(ROLE));
    assert_eq!(created.state, Some(StageState::Active));
    assert_eq!(
        created.log_group.as_deref(),
        Some("/aws/gamesparks/Racer/Dev")
    );
    let key = created.game_key.clone().expect("a game key");
    assert!((1..=44).contains(&key.len()), "{key}");

    let got = read_stage(&client, "Racer", "Dev").await;
    assert_eq!(got.as_ref(), Some(&created));

    let updated = client
        .update_stage()
        .game_name("Racer")
        .stage_name("Dev")
        .role(OTHER_ROLE)
        .send()
        .await
        .expect("UpdateStage")
        .stage
        .expect("a stage");
    assert_eq!(updated.role.as_deref(), Some(OTHER_ROLE));
    assert_eq!(updated.description.as_deref(), Some("Development"));
    assert_eq!(updated.game_key, created.game_key);

    stage(&client, "Racer", "Live").await;
    let listed = stages(&client, "Racer").await;
    let names: Vec<_> = listed.iter().filter_map(|s| s.name.as_deref()).collect();
    assert_eq!(names, ["Dev", "Live"]);
    assert_eq!(listed[0].game_key, created.game_key);

    client
        .delete_stage()
        .game_name("Racer")
        .stage_name("Dev")
        .send()
        .await
        .expect("DeleteStage");
    let get = client
        .get_stage()
        .game_name("Racer")
        .stage_name("Dev")
        .send()
        .await;
    let (code, message) = service_error(get);
    assert_eq!(code, "ResourceNotFoundException");
    assert_eq!(message, "Stage 'Dev' of game 'Racer' does not exist.");
    let listed = stages(&client, "Racer").await;
    let names: Vec<_> = listed.iter().filter_map(|s| s.name.as_deref()).collect();
    assert_eq!(names, ["Live"]);
}

#[tokio::test(start_paused = true)]
async fn stage_names_conflict_and_games_must_exist() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    stage(&client, "Racer", "Dev").await;
    let again = client
        .create_stage()
        .game_name("Racer")
        .stage_name("Dev")
        .role(ROLE)
        .send()
        .await;
    let (code, message) = service_error(again);
    assert_eq!(code, "ConflictException");
    assert_eq!(message, "Game 'Racer' already has a stage named 'Dev'.");

    let token = "create-stage-token-0123456789abcdef0123";
    let create_live = || {
        client
            .create_stage()
            .game_name("Racer")
            .stage_name("Live")
            .role(ROLE)
            .client_token(token)
            .send()
    };
    let live = create_live().await.expect("CreateStage");
    let retried = create_live().await.expect("the same request again");
    assert_eq!(retried.stage, live.stage);

    let orphan = client
        .create_stage()
        .game_name("Ghost")
        .stage_name("Dev")
        .role(ROLE)
        .send()
        .await;
    let (code, message) = service_error(orphan);
    assert_eq!(code, "ResourceNotFoundException");
    assert_eq!(message, "Game 'Ghost' does not exist.");

    let bad_role = client
        .create_stage()
        .game_name("Racer")
        .stage_name("Beta")
        .role("not-a-role-arn-at-all")
        .send()
        .await;
    let (code, _) = service_error(bad_role);
    assert_eq!(code, "ValidationException");
}

#[tokio::test(start_paused = true)]
async fn tags_round_trip_on_games_and_stages() {
    let local = local();
    let client = client(&local);
    let game_arn = game(&client, "Racer").await.arn.expect("an ARN");
    let stage_arn = stage(&client, "Racer", "Dev").await.arn.expect("an ARN");
    for arn in [&game_arn, &stage_arn] {
        let both = BTreeMap::from([
            ("team".to_owned(), "core".to_owned()),
            ("cost".to_owned(), "42".to_owned()),
        ]);
        client
            .tag_resource()
            .resource_arn(arn)
            .set_tags(Some(both.clone()))
            .send()
            .await
            .expect("TagResource");
        assert_eq!(tags(&client, arn).await, Some(both));
        client
            .untag_resource()
            .resource_arn(arn)
            .set_tag_keys(Some(vec!["cost".to_owned(), "absent".to_owned()]))
            .send()
            .await
            .expect("UntagResource");
        let left = BTreeMap::from([("team".to_owned(), "core".to_owned())]);
        assert_eq!(tags(&client, arn).await, Some(left));
    }
    let stage_tags = read_stage(&client, "Racer", "Dev")
        .await
        .and_then(|s| s.tags);
    assert_eq!(stage_tags.map(|t| t.len()), Some(1));

    let unknown = "arn:aws:gamesparks:us-west-2:123456789012:game/Ghost";
    let listed = client
        .list_tags_for_resource()
        .resource_arn(unknown)
        .send()
        .await;
    let (code, message) = service_error(listed);
    assert_eq!(code, "ResourceNotFoundException");
    assert!(message.contains(unknown), "{message}");

    let reserved = client
        .tag_resource()
        .resource_arn(&game_arn)
        .set_tags(Some(BTreeMap::from([(
            "aws:owner".to_owned(),
            "x".to_owned(),
        )])))
        .send()
        .await;
    let (code, _) = service_error(reserved);
    assert_eq!(code, "ValidationException");
}

#[tokio::test(start_paused = true)]
async fn players_connections_are_listed_and_closed() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    stage(&client, "Racer", "Dev").await;
    let status = connections(&client, "Racer", "Dev", "player-1").await;
    assert_eq!(status, Some(Vec::new()));

    local
        .gamesparks()
        .runner()
        .edit(|state| {
            let dev = state.stages.get_mut("Racer/Dev").expect("the stage");
            let connections = ["conn-a", "conn-b"].map(|id| PlayerConnection {
                id: id.to_owned(),
                created_millis: 1_700_000_000_000,
            });
            dev.connections
                .insert("player-1".to_owned(), connections.to_vec());
        })
        .await
        .expect("saved");
    let status = connections(&client, "Racer", "Dev", "player-1").await;
    let ids: Vec<_> = status
        .iter()
        .flatten()
        .filter_map(|c| c.id.clone())
        .collect();
    assert_eq!(ids, ["conn-a", "conn-b"]);

    let disconnected = client
        .disconnect_player()
        .game_name("Racer")
        .stage_name("Dev")
        .player_id("player-1")
        .send()
        .await
        .expect("DisconnectPlayer");
    assert_eq!(
        disconnected.disconnect_successes,
        Some(vec!["conn-a".to_owned(), "conn-b".to_owned()])
    );
    assert_eq!(disconnected.disconnect_failures, Some(Vec::new()));
    let status = connections(&client, "Racer", "Dev", "player-1").await;
    assert_eq!(status, Some(Vec::new()));

    let missing = client
        .disconnect_player()
        .game_name("Racer")
        .stage_name("Live")
        .player_id("player-1")
        .send()
        .await;
    let (code, message) = service_error(missing);
    assert_eq!(code, "ResourceNotFoundException");
    assert_eq!(message, "Stage 'Live' of game 'Racer' does not exist.");
}
