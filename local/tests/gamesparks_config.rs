//! GameSparks game configuration and snapshots through the generated client: modifications,
//! imports, snapshots with section filters, export.

mod gamesparks_support;

use gamesparks_api::client::Client;
use gamesparks_api::types::{Operation, SectionModification};
use gamesparks_support::{
    client, game, import, local, service_error, snapshot, update_configuration, ECONOMY,
};
use smithy_runtime::serde_json::{json, Value};

fn change(
    operation: Operation,
    section: &str,
    path: &str,
    value: Option<Value>,
) -> SectionModification {
    SectionModification::builder()
        .operation(operation)
        .path(path.to_owned())
        .section(section.to_owned())
        .set_value(value)
        .build()
        .expect("every required member is set")
}

/// The attributes of each section of the game's configuration.
async fn sections(client: &Client, game: &str) -> Vec<(String, Value, i32)> {
    let configuration = client
        .get_game_configuration()
        .game_name(game)
        .send()
        .await
        .expect("GetGameConfiguration")
        .game_configuration
        .expect("a configuration");
    configuration
        .sections
        .unwrap_or_default()
        .into_iter()
        .map(|(key, section)| {
            assert_eq!(section.name.as_deref(), Some(key.as_str()));
            (
                key,
                section.attributes.unwrap_or_default(),
                section.size.unwrap_or(-1),
            )
        })
        .collect()
}

#[tokio::test(start_paused = true)]
async fn modifications_add_replace_and_remove() {
    let local = local();
    let client = client(&local);
    let created = game(&client, "Racer").await;
    assert_eq!(sections(&client, "Racer").await, []);

    let additions = vec![
        change(
            Operation::Add,
            "Economy",
            "/coins",
            Some(json!({"start": 10})),
        ),
        change(Operation::Add, "Economy", "/items", Some(json!(["sword"]))),
        change(Operation::Add, "Economy", "/items/-", Some(json!("shield"))),
        change(Operation::Add, "Lobby", "/size", Some(json!(8))),
    ];
    let updated = update_configuration(&client, "Racer", additions)
        .await
        .expect("UpdateGameConfiguration")
        .game_configuration
        .expect("a configuration");
    assert_eq!(updated.created, created.created);
    assert!(updated.last_updated >= created.created);
    let economy = json!({"coins": {"start": 10}, "items": ["sword", "shield"]});
    let economy_size = i32::try_from(economy.to_string().len()).expect("small");
    assert_eq!(
        sections(&client, "Racer").await,
        [
            ("Economy".to_owned(), economy, economy_size),
            ("Lobby".to_owned(), json!({"size": 8}), 10),
        ]
    );

    let changes = vec![
        change(
            Operation::Replace,
            "Economy",
            "/coins/start",
            Some(json!(25)),
        ),
        change(Operation::Remove, "Economy", "/items/0", None),
        change(Operation::Remove, "Lobby", "/size", None),
    ];
    update_configuration(&client, "Racer", changes)
        .await
        .expect("UpdateGameConfiguration");
    let now: Vec<(String, Value)> = sections(&client, "Racer")
        .await
        .into_iter()
        .map(|(name, attributes, _)| (name, attributes))
        .collect();
    assert_eq!(
        now,
        [
            (
                "Economy".to_owned(),
                json!({"coins": {"start": 25}, "items": ["shield"]})
            ),
            ("Lobby".to_owned(), json!({})),
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn a_bad_path_changes_nothing() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    import(&client, "Racer", ECONOMY).await.expect("imports");
    let before = sections(&client, "Racer").await;
    let bad_second = vec![
        change(Operation::Add, "Economy", "/gems", Some(json!(1))),
        change(
            Operation::Replace,
            "Economy",
            "/missing/deep",
            Some(json!(2)),
        ),
    ];
    let update = update_configuration(&client, "Racer", bad_second).await;
    let (code, message) = service_error(update);
    assert_eq!(code, "ValidationException");
    assert_eq!(
        message,
        "Modification 2 (REPLACE /missing/deep in section 'Economy'): the section's root: no member 'missing'"
    );
    assert_eq!(sections(&client, "Racer").await, before);

    let remove_lobby = vec![change(Operation::Remove, "Lobby", "/size", None)];
    let no_section = update_configuration(&client, "Racer", remove_lobby).await;
    let (code, message) = service_error(no_section);
    assert_eq!(code, "ValidationException");
    assert!(message.contains("no section 'Lobby'"), "{message}");

    let add_coins = vec![change(Operation::Add, "Economy", "/coins/", Some(json!(1)))];
    let trailing_slash = update_configuration(&client, "Racer", add_coins).await;
    let (code, _) = service_error(trailing_slash);
    assert_eq!(
        code, "ValidationException",
        "the model's pattern refuses it"
    );
}

#[tokio::test(start_paused = true)]
async fn imports_replace_the_configuration_or_say_what_is_wrong() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    import(&client, "Racer", ECONOMY).await.expect("imports");
    import(&client, "Racer", br#"{"Sections": {"Lobby": {"size": 4}}}"#)
        .await
        .expect("imports");
    let names: Vec<String> = sections(&client, "Racer")
        .await
        .into_iter()
        .map(|s| s.0)
        .collect();
    assert_eq!(names, ["Lobby"], "an import replaces every section");

    let (code, message) = import(&client, "Racer", b"{ this is not json")
        .await
        .expect_err("invalid");
    assert_eq!(code, "ValidationException");
    assert!(
        message.starts_with("The import file is not valid JSON"),
        "{message}"
    );
    let (code, message) = import(&client, "Racer", br#"{"Sections": {"Lobby": 4}}"#)
        .await
        .expect_err("not an object");
    assert_eq!(code, "ValidationException");
    assert_eq!(
        message,
        "The attributes of section 'Lobby' must be a JSON object, not a number."
    );
    let names: Vec<String> = sections(&client, "Racer")
        .await
        .into_iter()
        .map(|s| s.0)
        .collect();
    assert_eq!(names, ["Lobby"], "a failed import changes nothing");

    let (code, _) = import(&client, "Ghost", br#"{"Sections": {}}"#)
        .await
        .expect_err("no game");
    assert_eq!(code, "ResourceNotFoundException");
}

#[tokio::test(start_paused = true)]
async fn snapshots_copy_the_configuration_and_filter_sections() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    let file = br#"{"Sections": {"Economy": {"coins": 10}, "Lobby": {"size": 4}}}"#;
    import(&client, "Racer", file).await.expect("imports");
    let taken = client
        .create_snapshot()
        .game_name("Racer")
        .description("Before the sale")
        .send()
        .await
        .expect("CreateSnapshot")
        .snapshot
        .expect("a snapshot");
    let id = taken.id.clone().expect("an id");
    assert!(
        id.starts_with("Snapshot_") && id.ends_with('Z') && id.len() == 36,
        "{id}"
    );
    assert_eq!(taken.description.as_deref(), Some("Before the sale"));
    assert_eq!(taken.sections.as_ref().map(|s| s.len()), Some(2));

    import(
        &client,
        "Racer",
        br#"{"Sections": {"Economy": {"coins": 99}}}"#,
    )
    .await
    .expect("imports");
    let filtered = client
        .get_snapshot()
        .game_name("Racer")
        .snapshot_id(&id)
        .set_sections(Some(vec!["Economy".to_owned(), "Absent".to_owned()]))
        .send()
        .await
        .expect("GetSnapshot")
        .snapshot
        .expect("a snapshot");
    let sections = filtered.sections.expect("sections");
    let names: Vec<&String> = sections.keys().collect();
    assert_eq!(names, ["Economy"]);
    assert_eq!(sections["Economy"].attributes, Some(json!({"coins": 10})));

    let current = client
        .get_game_configuration()
        .game_name("Racer")
        .sections("Economy".to_owned())
        .send()
        .await
        .expect("GetGameConfiguration");
    let economy = current
        .game_configuration
        .and_then(|c| c.sections)
        .and_then(|s| s.get("Economy").and_then(|e| e.attributes.clone()));
    assert_eq!(economy, Some(json!({"coins": 99})));

    let updated = client
        .update_snapshot()
        .game_name("Racer")
        .snapshot_id(&id)
        .description("Before the big sale")
        .send()
        .await
        .expect("UpdateSnapshot")
        .snapshot
        .expect("a snapshot");
    assert_eq!(updated.description.as_deref(), Some("Before the big sale"));
    assert_eq!(updated.created, taken.created);

    let second = snapshot(&client, "Racer").await.id.expect("an id");
    assert!(second > id, "ids sort by time: {second} after {id}");
    let listed = client
        .list_snapshots()
        .game_name("Racer")
        .send()
        .await
        .expect("ListSnapshots");
    let ids: Vec<String> = listed
        .snapshots
        .into_iter()
        .flatten()
        .filter_map(|s| s.id)
        .collect();
    assert_eq!(ids, [id.clone(), second]);

    let missing = "Snapshot_2020-01-01T00:00:00.000000Z";
    let get = client
        .get_snapshot()
        .game_name("Racer")
        .snapshot_id(missing)
        .send()
        .await;
    let (code, message) = service_error(get);
    assert_eq!(code, "ResourceNotFoundException");
    assert_eq!(
        message,
        format!("Snapshot '{missing}' of game 'Racer' does not exist.")
    );
}

#[tokio::test(start_paused = true)]
async fn an_export_is_a_presigned_s3_url() {
    let local = local();
    let client = client(&local);
    game(&client, "Racer").await;
    let id = snapshot(&client, "Racer").await.id.expect("an id");
    let exported = client
        .export_snapshot()
        .game_name("Racer")
        .snapshot_id(&id)
        .send()
        .await
        .expect("ExportSnapshot");
    let url = exported.s3_url.expect("a URL");
    let prefix = format!(
        "https://gamesparks-snapshots-123456789012-us-west-2.s3.us-west-2.amazonaws.com/Racer/{id}.json?X-Amz-Date="
    );
    assert!(url.starts_with(&prefix), "{url}");
    assert!(url.ends_with("&X-Amz-Expires=600"), "{url}");

    let missing = "Snapshot_2020-01-01T00:00:00.000Z";
    let export = client
        .export_snapshot()
        .game_name("Racer")
        .snapshot_id(missing)
        .send()
        .await;
    let (code, _) = service_error(export);
    assert_eq!(code, "ResourceNotFoundException");
}
