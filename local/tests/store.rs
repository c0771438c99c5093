//! The store as its faults showed it: a change that cannot be saved is answered 500 in the
//! service's shape and not made; a request that changes nothing writes nothing; a state from a
//! newer version, or held by another server, is refused; what is accepted can be read back
//! after a restart, the deepest configuration included.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

mod gamelift_support;
mod gamesparks_support;

use std::path::{Path, PathBuf};

use gamesparks_api::types::{Operation, SectionModification};
use local_services::{Local, Settings};
use serde_json::{json, Value};
use smithy_runtime::client::{Config, Credentials, RetryConfig};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "local-services-store-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("state")
}

fn open(dir: &Path) -> Result<Local, local_services::StoreError> {
    Local::new(Settings {
        state_dir: Some(dir.to_owned()),
        ..Settings::default()
    })
}

/// A GameSparks client that does not retry: a 500 is seen, not retried away.
fn gamesparks(local: &Local) -> gamesparks_api::client::Client {
    let config = Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET"))
        .http_client(local.gamesparks_router())
        .retry_config(RetryConfig::disabled())
        .build();
    gamesparks_api::client::Client::new(config)
}

async fn game_names(client: &gamesparks_api::client::Client) -> Vec<String> {
    let listed = client.list_games().send().await.unwrap();
    listed
        .games
        .unwrap_or_default()
        .into_iter()
        .filter_map(|g| g.name)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_that_cannot_be_saved_answers_500_and_is_not_made() {
    let dir = scratch("unsaved");
    let local = open(&dir).unwrap();
    let client = gamesparks(&local);
    gamesparks_support::game(&client, "kept").await;
    // Another process holds the database's write lock: the next commit cannot happen.
    let other = rusqlite::Connection::open(dir.join("gamesparks.sqlite3")).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let refused = client.create_game().game_name("lost").send().await;
    let error = refused.unwrap_err();
    assert_eq!(error.status(), Some(500));
    assert_eq!(error.code(), Some("InternalServerException"));
    assert!(
        format!("{error:?}").contains("could not be saved"),
        "{error:?}"
    );
    // Memory is as it was: the game was not made, so it can be made once saving works.
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(game_names(&client).await, ["kept"]);
    gamesparks_support::game(&client, "lost").await;
    drop(client);
    drop(local);
    let reopened = open(&dir).unwrap();
    assert_eq!(game_names(&gamesparks(&reopened)).await, ["kept", "lost"]);
}

/// The number SQLite's `data_version` gives on `connection`: it changes when another
/// connection commits.
fn data_version(connection: &rusqlite::Connection) -> i64 {
    connection
        .query_row("PRAGMA data_version", [], |row| row.get(0))
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn a_request_that_changes_nothing_writes_nothing() {
    let dir = scratch("quiet");
    let local = open(&dir).unwrap();
    let client = gamelift_support::client(&local);
    let fleet = gamelift_support::active_fleet(&client, 1).await;
    let watcher = rusqlite::Connection::open(dir.join("gamelift.sqlite3")).unwrap();
    let before = data_version(&watcher);
    gamelift_support::fleet_attributes(&client, &fleet).await;
    assert_eq!(
        data_version(&watcher),
        before,
        "polling an ACTIVE fleet wrote"
    );
    gamelift_support::create_session(&client, &fleet, 2)
        .await
        .unwrap();
    assert_ne!(
        data_version(&watcher),
        before,
        "a new game session was not written"
    );
    let rows: i64 = watcher
        .query_row("SELECT count(*) FROM records", [], |row| row.get(0))
        .unwrap();
    assert_eq!(rows, 2, "one fleet and one game session");
}

#[test]
fn a_state_from_a_newer_version_is_refused_and_left_alone() {
    let dir = scratch("newer");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("gamelift.sqlite3");
    rusqlite::Connection::open(&file)
        .unwrap()
        .execute_batch("PRAGMA user_version = 9")
        .unwrap();
    let error = open(&dir).unwrap_err().to_string();
    assert!(
        error.contains("written by a newer local-services"),
        "{error}"
    );
    assert!(error.contains("layout 9"), "{error}");
    let version: i64 = rusqlite::Connection::open(&file)
        .unwrap()
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(version, 9);
}

#[test]
fn a_second_local_on_the_same_state_is_refused() {
    let dir = scratch("twice");
    let _first = open(&dir).unwrap();
    let error = open(&dir).unwrap_err().to_string();
    assert!(error.contains("is in use by another server"), "{error}");
    assert!(
        error.contains(&format!("pid {}", std::process::id())),
        "{error}"
    );
}

/// `{"a": {"a": … 1 …}}`, `levels` objects deep.
fn nested(levels: usize) -> Value {
    (0..levels).fold(json!(1), |inner, _| json!({ "a": inner }))
}

fn add(path: &str, value: Value) -> SectionModification {
    SectionModification::builder()
        .operation(Operation::Add)
        .path(path)
        .section("Deep")
        .value(value)
        .build()
        .expect("every required member is set")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_configuration_too_deep_to_read_back_is_refused_and_the_deepest_allowed_survives() {
    let dir = scratch("deep");
    let local = open(&dir).unwrap();
    let client = gamesparks(&local);
    gamesparks_support::game(&client, "Racer").await;
    // 124 levels: the request itself is readable, a response holding it would not be.
    let refused =
        gamesparks_support::update_configuration(&client, "Racer", vec![add("/x", nested(124))])
            .await;
    let (code, message) = gamesparks_support::service_error(refused);
    assert_eq!(code, "ValidationException");
    assert!(message.contains("at most 100"), "{message}");
    // Step by step past the limit: each request is small, the section is what grows.
    let deepest =
        gamesparks_support::update_configuration(&client, "Racer", vec![add("/x", nested(99))])
            .await;
    deepest.unwrap();
    let deeper_path = format!("/x{}", "/a".repeat(99));
    let one_more = gamesparks_support::update_configuration(
        &client,
        "Racer",
        vec![add(&deeper_path, json!({"b": 1}))],
    )
    .await;
    assert_eq!(
        gamesparks_support::service_error(one_more).0,
        "ValidationException"
    );
    drop(client);
    drop(local);
    let reopened = open(&dir).unwrap();
    let sections = gamesparks(&reopened)
        .get_game_configuration()
        .game_name("Racer")
        .send()
        .await
        .unwrap()
        .game_configuration
        .and_then(|c| c.sections)
        .unwrap();
    let attributes = sections["Deep"].attributes.clone().unwrap();
    assert_eq!(attributes, json!({ "x": nested(99) }));
}

#[tokio::test(start_paused = true)]
async fn the_state_file_of_an_earlier_version_is_carried_over() {
    let path = scratch("earlier");
    std::fs::write(&path, include_str!("fixtures/state-v0.json")).unwrap();
    let local = open(&path).unwrap();
    assert!(path.is_dir(), "the state is a directory now");
    let kept = std::fs::read_to_string(path.with_extension("v0.json")).unwrap();
    assert_eq!(kept, include_str!("fixtures/state-v0.json"));
    let gamelift = gamelift_support::client(&local);
    let fleets = gamelift.describe_fleet_attributes().send().await.unwrap();
    let fleet = &fleets.fleet_attributes.unwrap()[0];
    assert_eq!(fleet.name.as_deref(), Some("old-fleet"));
    let fleet_id = fleet.fleet_id.clone().unwrap();
    let sessions = gamelift_support::fleet_sessions(&gamelift, &fleet_id, None).await;
    let session = sessions[0].game_session_id.clone().unwrap();
    let mut players: Vec<String> = gamelift_support::session_players(&gamelift, &session, None)
        .await
        .into_iter()
        .filter_map(|p| p.player_id)
        .collect();
    players.sort();
    assert_eq!(players, ["ann", "bo"]);
    assert!(gamelift_support::placement(&gamelift, "old-placement")
        .await
        .placement_id
        .is_some());
    assert!(gamelift_support::ticket(&gamelift, "old-ticket")
        .await
        .ticket_id
        .is_some());
    let sparks = gamesparks(&local);
    assert_eq!(game_names(&sparks).await, ["Racer"]);
    let stage = gamesparks_support::read_stage(&sparks, "Racer", "Dev").await;
    assert_eq!(stage.and_then(|s| s.name).as_deref(), Some("Dev"));
    let snapshots = sparks
        .list_snapshots()
        .game_name("Racer")
        .send()
        .await
        .unwrap();
    let snapshot = snapshots.snapshots.unwrap()[0].id.clone().unwrap();
    let jobs = sparks
        .list_generated_code_jobs()
        .game_name("Racer")
        .snapshot_id(&snapshot)
        .send()
        .await
        .unwrap();
    assert_eq!(jobs.generated_code_jobs.unwrap().len(), 1);
    drop(gamelift);
    drop(sparks);
    drop(local);
    // Carried over once: the directory is read from now on.
    let reopened = open(&path).unwrap();
    assert_eq!(game_names(&gamesparks(&reopened)).await, ["Racer"]);
}
