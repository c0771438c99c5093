//! What the GameLift tests share: a client over an in-process service, and fleets and game
//! sessions brought to `ACTIVE` through the waiters.
#![allow(dead_code)]

use std::time::Duration;

use gamelift_api::client::Client;
use gamelift_api::types::{
    EC2InstanceType, FleetAttributes, GameProperty, GameSession, IpPermission, IpProtocol,
    RuntimeConfiguration, ServerProcess,
};
use local_services::{Local, Settings};
use smithy_runtime::client::{Config, Credentials, SdkError};

/// How long a test waits for a waiter (in paused tokio time: it costs nothing).
pub const WAIT: Duration = Duration::from_secs(3600);

/// The services, in memory, one status per poll.
pub fn local() -> Local {
    Local::new(Settings::default()).expect("an in-memory state always opens")
}

/// A GameLift client whose transport is `local`'s router.
pub fn client(local: &Local) -> Client {
    let config = Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET"))
        .http_client(local.gamelift_router())
        .build();
    Client::new(config)
}

/// A runtime configuration of one Linux server process run `processes` times.
pub fn runtime(processes: i32) -> RuntimeConfiguration {
    RuntimeConfiguration {
        server_processes: Some(vec![ServerProcess {
            launch_path: "/local/game/server".into(),
            parameters: Some("-port 33430".into()),
            concurrent_executions: processes,
        }]),
        max_concurrent_game_session_activations: None,
        game_session_activation_timeout_seconds: None,
    }
}

/// UDP ports 33430 to 33440 from anywhere.
pub fn udp_ports() -> IpPermission {
    IpPermission {
        from_port: 33430,
        to_port: 33440,
        ip_range: "0.0.0.0/0".into(),
        protocol: IpProtocol::Udp,
    }
}

/// A new fleet (status `NEW`) named `name` whose instance runs `processes` server processes.
pub async fn new_fleet(client: &Client, name: &str, processes: i32) -> FleetAttributes {
    client
        .create_fleet()
        .name(name)
        .build_id("build-1111aaaa-22bb-33cc-44dd-5555eeee66ff")
        .ec2_instance_type(EC2InstanceType::C4Large)
        .runtime_configuration(runtime(processes))
        .ec2_inbound_permissions(vec![udp_ports()])
        .send()
        .await
        .expect("create the fleet")
        .fleet_attributes
        .expect("the fleet's attributes")
}

/// A fleet brought to `ACTIVE` with the `FleetActive` waiter; returns its id.
pub async fn active_fleet(client: &Client, processes: i32) -> String {
    let fleet = new_fleet(client, "arena", processes).await;
    let id = fleet.fleet_id.expect("a fleet id");
    client
        .wait_until_fleet_active()
        .fleet_ids(vec![id.clone()])
        .wait(WAIT)
        .await
        .expect("the fleet becomes ACTIVE");
    id
}

/// A game session property.
pub fn property(key: &str, value: &str) -> GameProperty {
    GameProperty {
        key: key.into(),
        value: value.into(),
    }
}

/// A game session of at most `maximum` players on `fleet_id`, brought to `ACTIVE` with the
/// `GameSessionActive` waiter.
pub async fn active_session(client: &Client, fleet_id: &str, maximum: i32) -> GameSession {
    let created = client
        .create_game_session()
        .fleet_id(fleet_id)
        .maximum_player_session_count(maximum)
        .name("lobby")
        .send()
        .await
        .expect("create the game session")
        .game_session
        .expect("the game session");
    let id = created.game_session_id.expect("a game session id");
    client
        .wait_until_game_session_active()
        .game_session_id(id)
        .wait(WAIT)
        .await
        .expect("the game session becomes ACTIVE")
        .into_output()
        .and_then(|out| out.game_sessions)
        .and_then(|sessions| sessions.into_iter().next())
        .expect("the active game session")
}

/// The service error of a failed call.
pub fn service_error<E: std::fmt::Debug>(error: SdkError<E>) -> E {
    match error {
        SdkError::Service { error, .. } => error,
        other => panic!("expected a service error, got {other:?}"),
    }
}
