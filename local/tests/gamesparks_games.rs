//! GameSparks games through the generated client: create, read, list, update, delete,
//! termination protection, pagination, and the state surviving a restart.

mod gamesparks_support;

use std::collections::BTreeMap;
use std::time::Duration;

use gamesparks_api::types::{DeploymentState, GameState, GeneratedCodeJobState, Generator};
use gamesparks_support::{
    client, delete_game, game, import, local, read_game, read_stage, service_error, snapshot,
    stage, start_code_job, start_deployment, ECONOMY,
};
use local_services::{Local, Pace, Settings};

const TOKEN: &str = "create-game-token-0123456789abcdef0123";

#[tokio::test(start_paused = true)]
async fn games_are_created_read_listed_and_updated() {
    let local = local();
    let client = client(&local);
    let tags = BTreeMap::from([("team".to_owned(), "core".to_owned())]);
    let created = client
        .create_game()
        .game_name("Racer")
        .description("A racing game")
        .set_tags(Some(tags.clone()))
        .send()
        .await
        .expect("CreateGame")
        .game
        .expect("a game");
    assert_eq!(
        created.arn.as_deref(),
        Some("arn:aws:gamesparks:us-west-2:123456789012:game/Racer")
    );
    assert_eq!(created.name.as_deref(), Some("Racer"));
    assert_eq!(created.description.as_deref(), Some("A racing game"));
    assert_eq!(created.state, Some(GameState::Active));
    assert_eq!(created.enable_termination_protection, Some(false));
    assert_eq!(created.tags.as_ref(), Some(&tags));
    assert!(created.created.is_some());
    assert_eq!(created.created, created.last_updated);

    let got = read_game(&client, "Racer").await;
    assert_eq!(got.as_ref(), Some(&created));

    let updated = client
        .update_game()
        .game_name("Racer")
        .description("A faster racing game")
        .send()
        .await
        .expect("UpdateGame")
        .game
        .expect("a game");
    assert_eq!(updated.description.as_deref(), Some("A faster racing game"));
    assert_eq!(updated.created, created.created);
    assert!(updated.last_updated >= created.last_updated);

    game(&client, "Puzzle").await;
    let listed = client.list_games().send().await.expect("ListGames");
    let games = listed.games.expect("games");
    let names: Vec<_> = games.iter().filter_map(|g| g.name.as_deref()).collect();
    assert_eq!(names, ["Puzzle", "Racer"]);
    assert_eq!(
        games[1].description.as_deref(),
        Some("A faster racing game")
    );
    assert_eq!(games[1].tags.as_ref(), Some(&tags));
    assert_eq!(games[0].tags, None);
    assert_eq!(listed.next_token, None);
}

#[tokio::test(start_paused = true)]
async fn a_taken_name_is_a_conflict_unless_the_client_token_repeats() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    let again = client.create_game().game_name("Racer").send().await;
    let (code, message) = service_error(again);
    assert_eq!(code, "ConflictException");
    assert!(message.contains("'Racer'"), "{message}");

    let first = client
        .create_game()
        .game_name("Puzzle")
        .client_token(TOKEN)
        .send()
        .await
        .expect("CreateGame");
    let retry = client
        .create_game()
        .game_name("Puzzle")
        .client_token(TOKEN)
        .description("ignored: the retry answers the game as created")
        .send()
        .await
        .expect("a retry with the same token");
    assert_eq!(retry.game, first.game);
}

#[tokio::test(start_paused = true)]
async fn a_deleted_game_is_gone_for_the_waiter() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    delete_game(&client, "Racer").await;
    let done = client
        .wait_until_game_deleted()
        .game_name("Racer")
        .wait(Duration::from_secs(300))
        .await
        .expect("the game goes");
    let error = done.error().expect("the waiter ends on the error");
    assert_eq!(
        smithy_runtime::ServiceError::code(error),
        Some("ResourceNotFoundException")
    );
    let (code, message) = service_error(client.get_game().game_name("Racer").send().await);
    assert_eq!(code, "ResourceNotFoundException");
    assert_eq!(message, "Game 'Racer' does not exist.");
    let listed = client.list_games().send().await.expect("ListGames");
    assert_eq!(listed.games, Some(Vec::new()));
}

#[tokio::test(start_paused = true)]
async fn a_deleting_game_takes_no_more_changes() {
    // Statuses last an hour here, so the game stays DELETING for the test.
    let local = Local::new(Settings {
        pace: Pace::RealTime {
            step: Duration::from_secs(3600),
        },
        ..Settings::default()
    })
    .expect("an in-memory state opens");
    let client = client(&local);
    game(&client, "Racer").await;
    delete_game(&client, "Racer").await;
    let got = read_game(&client, "Racer").await;
    assert_eq!(got.and_then(|g| g.state), Some(GameState::Deleting));

    let (code, message) = service_error(client.delete_game().game_name("Racer").send().await);
    assert_eq!(code, "ConflictException");
    assert_eq!(message, "Game 'Racer' is already being deleted.");
    let update = client
        .update_game()
        .game_name("Racer")
        .description("x")
        .send()
        .await;
    let (code, message) = service_error(update);
    assert_eq!(code, "ValidationException");
    assert!(message.contains("being deleted"), "{message}");
    let (code, _) = service_error(client.create_snapshot().game_name("Racer").send().await);
    assert_eq!(code, "ConflictException");
    let (code, _) = service_error(client.create_game().game_name("Racer").send().await);
    assert_eq!(code, "ConflictException");
}

#[tokio::test(start_paused = true)]
async fn a_protected_game_is_not_deleted() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    local
        .gamesparks()
        .runner()
        .edit(|state| {
            let racer = state.games.get_mut("Racer").expect("the game");
            racer.enable_termination_protection = true;
        })
        .await
        .expect("saved");
    let got = read_game(&client, "Racer").await;
    assert_eq!(
        got.and_then(|g| g.enable_termination_protection),
        Some(true)
    );

    let (code, message) = service_error(client.delete_game().game_name("Racer").send().await);
    assert_eq!(code, "ConflictException");
    assert_eq!(
        message,
        "Game 'Racer' has termination protection enabled, so it cannot be deleted."
    );
    let got = read_game(&client, "Racer").await;
    assert_eq!(got.and_then(|g| g.state), Some(GameState::Active));
}

#[tokio::test(start_paused = true)]
async fn missing_games_are_named() {
    let local = local();
    let client = client(&local);
    let (code, message) = service_error(client.delete_game().game_name("Ghost").send().await);
    assert_eq!(
        code, "ValidationException",
        "DeleteGame has no ResourceNotFoundException"
    );
    assert_eq!(message, "Game 'Ghost' does not exist.");
    let update = client
        .update_game()
        .game_name("Ghost")
        .description("x")
        .send()
        .await;
    let (code, message) = service_error(update);
    assert_eq!(code, "ResourceNotFoundException");
    assert_eq!(message, "Game 'Ghost' does not exist.");
    let (code, _) = service_error(client.list_stages().game_name("Ghost").send().await);
    assert_eq!(code, "ResourceNotFoundException");
}

#[tokio::test(start_paused = true)]
async fn games_page_through_the_paginator() {
    let local = local();
    let client = client(&local);
    let names: Vec<String> = (1..=7).map(|i| format!("Game{i}")).collect();
    for name in &names {
        game(&client, name).await;
    }
    let pages = client
        .list_games()
        .into_paginator()
        .page_size(3)
        .send()
        .try_collect()
        .await
        .expect("every page");
    let sizes: Vec<usize> = pages
        .iter()
        .map(|page| page.games.as_ref().map_or(0, Vec::len))
        .collect();
    assert_eq!(sizes, [3, 3, 1]);
    assert!(pages[2].next_token.is_none());

    let items = client
        .list_games()
        .into_paginator()
        .page_size(2)
        .send()
        .items()
        .try_collect()
        .await
        .expect("every game");
    let listed: Vec<String> = items.into_iter().filter_map(|g| g.name).collect();
    assert_eq!(listed, names);

    let bad = client.list_games().next_token("stages:1").send().await;
    let (code, message) = service_error(bad);
    assert_eq!(code, "ValidationException");
    assert!(message.contains("stages:1"), "{message}");
}

#[tokio::test(start_paused = true)]
async fn the_state_survives_a_restart() {
    let dir = std::env::temp_dir().join(format!("gamesparks-restart-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let settings = || Settings {
        state_dir: Some(dir.join("state")),
        ..Settings::default()
    };

    let first = Local::new(settings()).expect("a missing file opens empty");
    let client_before = client(&first);
    let created = game(&client_before, "Racer").await;
    let staged = stage(&client_before, "Racer", "Dev").await;
    import(&client_before, "Racer", ECONOMY)
        .await
        .expect("ImportGameConfiguration");
    let snapshot_id = snapshot(&client_before, "Racer").await.id.expect("an id");
    let deployment_id = start_deployment(&client_before, "Racer", "Dev", &snapshot_id)
        .await
        .deployment_id
        .expect("a deployment id");
    let unity = Generator::builder()
        .target_platform("Unity".to_owned())
        .build();
    let job_id = start_code_job(&client_before, "Racer", &snapshot_id, unity).await;
    drop(client_before);
    drop(first);

    let second = Local::new(settings()).expect("the state file opens");
    let client = client(&second);
    assert_eq!(read_game(&client, "Racer").await, Some(created));
    assert_eq!(read_stage(&client, "Racer", "Dev").await, Some(staged));
    let configuration = client
        .get_game_configuration()
        .game_name("Racer")
        .send()
        .await
        .expect("GetGameConfiguration")
        .game_configuration
        .and_then(|c| c.sections)
        .expect("sections");
    let economy = configuration
        .get("Economy")
        .and_then(|s| s.attributes.clone());
    assert_eq!(
        economy,
        Some(smithy_runtime::serde_json::json!({"coins": 10}))
    );
    // In-flight work carries on where it was: the next poll moves each on one status.
    let deployment = client
        .get_stage_deployment()
        .game_name("Racer")
        .stage_name("Dev")
        .deployment_id(&deployment_id)
        .send()
        .await
        .expect("GetStageDeployment")
        .stage_deployment
        .expect("the deployment");
    assert_eq!(
        deployment.deployment_state,
        Some(DeploymentState::InProgress)
    );
    let job = client
        .get_generated_code_job()
        .game_name("Racer")
        .snapshot_id(&snapshot_id)
        .job_id(&job_id)
        .send()
        .await
        .expect("GetGeneratedCodeJob")
        .generated_code_job
        .expect("the job");
    assert_eq!(job.status, Some(GeneratedCodeJobState::InProgress));
    let _ = std::fs::remove_dir_all(&dir);
}
