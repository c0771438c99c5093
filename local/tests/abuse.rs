//! Requests built to cost the server: a list far past its length limit is refused by its
//! length, in a short message; many violations are reported up to the cap.

// Test setup that cannot proceed panics with the failure.
#![allow(clippy::unwrap_used)]

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
