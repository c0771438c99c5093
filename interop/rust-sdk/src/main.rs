//! aws-sdk-gamelift 1.137.0 against the local GameLift: create a fleet, wait for it to be
//! active, start a game session, wait for it, reserve player sessions until the session is
//! full, and find the session by search. Exits non-zero, saying what differed, on the first
//! surprise.
//!
//! ```text
//! cargo run --manifest-path interop/rust-sdk/Cargo.toml -- http://127.0.0.1:4566
//! ```

use std::process::ExitCode;

use aws_sdk_gamelift::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_gamelift::types::{
    Ec2InstanceType, FleetStatus, GameSessionStatus, RuntimeConfiguration, ServerProcess,
};
use aws_sdk_gamelift::Client;

type Outcome = Result<(), String>;

/// How many polls a status may take before the scenario gives up.
const MAX_POLLS: usize = 20;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let Some(endpoint) = std::env::args().nth(1) else {
        eprintln!("usage: gamelift-sdk-interop ENDPOINT_URL");
        return ExitCode::from(2);
    };
    let config = aws_sdk_gamelift::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-west-2"))
        .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "interop"))
        .endpoint_url(&endpoint)
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .build();
    let client = Client::from_conf(config);
    match scenario(&client).await {
        Ok(()) => {
            println!("aws-sdk-gamelift 1.137.0 scenario: passed against {endpoint}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("aws-sdk-gamelift 1.137.0 scenario: FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn scenario(client: &Client) -> Outcome {
    let fleet_id = active_fleet(client).await?;
    let session_id = active_session(client, &fleet_id).await?;
    player_sessions(client, &session_id).await?;
    search(client, &fleet_id, &session_id).await
}

/// Creates a fleet and polls it to ACTIVE, checking each documented status is seen in order.
async fn active_fleet(client: &Client) -> Result<String, String> {
    let created = client
        .create_fleet()
        .name("sdk-interop")
        .build_id("build-1111aaaa-22bb-33cc-44dd-5555eeee66ff")
        .ec2_instance_type(Ec2InstanceType::C4Large)
        .runtime_configuration(
            RuntimeConfiguration::builder()
                .server_processes(
                    ServerProcess::builder()
                        .launch_path("/local/game/server")
                        .concurrent_executions(1)
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .map_err(|e| format!("CreateFleet: {e:?}"))?;
    let attributes = created
        .fleet_attributes()
        .ok_or("CreateFleet: no FleetAttributes")?;
    let fleet_id = attributes
        .fleet_id()
        .ok_or("CreateFleet: no FleetId")?
        .to_owned();
    expect(
        "CreateFleet status",
        attributes.status(),
        Some(&FleetStatus::New),
    )?;
    let mut seen = Vec::new();
    for _ in 0..MAX_POLLS {
        let described = client
            .describe_fleet_attributes()
            .fleet_ids(&fleet_id)
            .send()
            .await
            .map_err(|e| format!("DescribeFleetAttributes: {e:?}"))?;
        let status = described
            .fleet_attributes()
            .first()
            .and_then(|f| f.status())
            .ok_or("DescribeFleetAttributes: no status")?
            .clone();
        seen.push(status.as_str().to_owned());
        if status == FleetStatus::Active {
            let seen: Vec<&str> = seen.iter().map(String::as_str).collect();
            let expected = [
                "DOWNLOADING",
                "VALIDATING",
                "BUILDING",
                "ACTIVATING",
                "ACTIVE",
            ];
            return expect("fleet statuses", seen.as_slice(), &expected[..]).map(|()| fleet_id);
        }
    }
    Err(format!("the fleet did not become ACTIVE: {seen:?}"))
}

/// Starts a game session for two players and polls it to ACTIVE.
async fn active_session(client: &Client, fleet_id: &str) -> Result<String, String> {
    let created = client
        .create_game_session()
        .fleet_id(fleet_id)
        .maximum_player_session_count(2)
        .name("sdk-interop-session")
        .send()
        .await
        .map_err(|e| format!("CreateGameSession: {e:?}"))?;
    let session = created
        .game_session()
        .ok_or("CreateGameSession: no GameSession")?;
    let session_id = session
        .game_session_id()
        .ok_or("CreateGameSession: no GameSessionId")?
        .to_owned();
    expect(
        "CreateGameSession status",
        session.status(),
        Some(&GameSessionStatus::Activating),
    )?;
    for _ in 0..MAX_POLLS {
        let described = client
            .describe_game_sessions()
            .game_session_id(&session_id)
            .send()
            .await
            .map_err(|e| format!("DescribeGameSessions: {e:?}"))?;
        let status = described.game_sessions().first().and_then(|s| s.status());
        if status == Some(&GameSessionStatus::Active) {
            return Ok(session_id);
        }
    }
    Err("the game session did not become ACTIVE".to_owned())
}

/// Fills the session's two slots, then checks a third player is refused as documented.
async fn player_sessions(client: &Client, session_id: &str) -> Outcome {
    let reserved = client
        .create_player_sessions()
        .game_session_id(session_id)
        .player_ids("player-1")
        .player_ids("player-2")
        .send()
        .await
        .map_err(|e| format!("CreatePlayerSessions: {e:?}"))?;
    expect(
        "reserved player sessions",
        reserved.player_sessions().len(),
        2,
    )?;
    let full = client
        .create_player_session()
        .game_session_id(session_id)
        .player_id("player-3")
        .send()
        .await;
    let code = full
        .err()
        .and_then(|e| e.into_service_error().meta().code().map(str::to_owned));
    expect(
        "a third player's error",
        code.as_deref(),
        Some("GameSessionFullException"),
    )?;
    let listed = client
        .describe_player_sessions()
        .game_session_id(session_id)
        .send()
        .await
        .map_err(|e| format!("DescribePlayerSessions: {e:?}"))?;
    let mut players: Vec<&str> = listed
        .player_sessions()
        .iter()
        .filter_map(|p| p.player_id())
        .collect();
    players.sort_unstable();
    expect(
        "players listed",
        players.as_slice(),
        &["player-1", "player-2"][..],
    )
}

/// The full session is found by name, and not among sessions with free slots.
async fn search(client: &Client, fleet_id: &str, session_id: &str) -> Outcome {
    let ids = |filter: &'static str| async move {
        let found = client
            .search_game_sessions()
            .fleet_id(fleet_id)
            .filter_expression(filter)
            .sort_expression("creationTimeMillis ASC")
            .send()
            .await
            .map_err(|e| format!("SearchGameSessions `{filter}`: {e:?}"))?;
        Ok::<Vec<String>, String>(
            found
                .game_sessions()
                .iter()
                .filter_map(|s| s.game_session_id().map(str::to_owned))
                .collect(),
        )
    };
    let by_name = ids("gameSessionName = 'sdk-interop-session'").await?;
    expect(
        "sessions found by name",
        by_name.as_slice(),
        &[session_id.to_owned()][..],
    )?;
    let open = ids("hasAvailablePlayerSessions = true").await?;
    expect("open sessions", open.len(), 0)
}

fn expect<T: PartialEq + std::fmt::Debug>(what: &str, got: T, wanted: T) -> Outcome {
    if got == wanted {
        Ok(())
    } else {
        Err(format!("{what}: expected {wanted:?}, got {got:?}"))
    }
}
