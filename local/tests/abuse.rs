//! Requests built to cost the server: a list far past its length limit is refused by its
//! length, in a short message; many violations are reported up to the cap; resources past the
//! account's quotas are refused with the service's limit error.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

mod gamesparks_support;

use bytes::Bytes;
use local_services::{Local, Settings};

async fn create_player_sessions(local: &Local, player_ids: Vec<&str>) -> (u16, String) {
    let body = serde_json::json!({ "GameSessionId": "gsess-1", "PlayerIds": player_ids });
    let request = http::Request::builder()
        .method("POST")
        .uri("/")
        .header("x-amz-target", "GameLift.CreatePlayerSessions")
        .header("content-type", "application/x-amz-json-1.1")
        .body(Bytes::from(body.to_string()))
        .unwrap();
    let response = local.gateway().handle(request).await;
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    let message = body["message"]
        .as_str()
        .or(body["Message"].as_str())
        .unwrap();
    (response.status().as_u16(), message.to_owned())
}

#[tokio::test]
async fn a_list_far_past_its_limit_is_refused_by_its_length_alone() {
    let local = Local::new(Settings::default()).unwrap();
    let (status, message) = create_player_sessions(&local, vec![""; 1_000_000]).await;
    assert_eq!(status, 400);
    assert!(
        message.contains("Value with length 1000000 at '/PlayerIds'"),
        "{message}"
    );
    assert!(
        message.len() < 1_000,
        "{} bytes: {}",
        message.len(),
        &message[..200]
    );
}

#[tokio::test]
async fn violations_past_the_cap_are_counted_not_listed() {
    let local = Local::new(Settings::default()).unwrap();
    let (status, message) = create_player_sessions(&local, vec![""; 25]).await;
    assert_eq!(status, 400);
    assert!(
        message.starts_with("More than 20 validation errors detected"),
        "{message}"
    );
    assert_eq!(
        message.matches("failed to satisfy constraint").count(),
        20,
        "{message}"
    );
}

#[tokio::test(start_paused = true)]
async fn games_and_stages_past_their_quotas_are_refused_with_the_limit_error() {
    use local_services::gamesparks::quotas;
    let local = Local::new(Settings::default()).unwrap();
    let client = gamesparks_support::client(&local);
    for n in 0..quotas::GAMES {
        gamesparks_support::game(&client, &format!("game-{n}")).await;
    }
    let (code, message) =
        gamesparks_support::service_error(client.create_game().game_name("one-more").send().await);
    assert_eq!(code, "ServiceQuotaExceededException");
    assert!(message.contains(&quotas::GAMES.to_string()), "{message}");
    for n in 0..quotas::STAGES_PER_GAME {
        gamesparks_support::stage(&client, "game-0", &format!("stage-{n}")).await;
    }
    let one_more = client
        .create_stage()
        .game_name("game-0")
        .stage_name("one-more")
        .role(gamesparks_support::ROLE)
        .send()
        .await;
    let (code, message) = gamesparks_support::service_error(one_more);
    assert_eq!(code, "ValidationException");
    assert!(message.contains("the most a game can have"), "{message}");
}
