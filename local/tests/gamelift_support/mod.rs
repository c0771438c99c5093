//! What the GameLift tests share: a client over an in-process service, fleets and game
//! sessions brought to `ACTIVE` through the waiters, and the calls the tests repeat.

// Each test binary uses part of this module.
#![allow(dead_code)]

use std::time::Duration;

use gamelift_api::client::Client;
use gamelift_api::error::{
    CreateGameSessionError, CreatePlayerSessionError, StartMatchBackfillError,
    StartMatchmakingError, StopGameSessionPlacementError,
};
use gamelift_api::operation::CreateFleet;
use gamelift_api::types::builders::CreateFleetInputBuilder;
use gamelift_api::types::{
    EC2InstanceType, FleetAttributes, GameProperty, GameSession, GameSessionPlacement, Instance,
    IpPermission, IpProtocol, MatchmakingTicket, Player, PlayerSession, RuntimeConfiguration,
    ServerProcess,
};
use local_services::{Local, Settings};
use smithy_runtime::client::{Config, Credentials, SdkError, Sender};

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
    RuntimeConfiguration::builder()
        .set_server_processes(Some(vec![ServerProcess::builder()
            .launch_path("/local/game/server")
            .parameters("-port 33430")
            .concurrent_executions(processes)
            .build()
            .expect("every required member is set")]))
        .build()
}

/// UDP ports 33430 to 33440 from anywhere.
pub fn udp_ports() -> IpPermission {
    IpPermission::builder()
        .from_port(33430)
        .to_port(33440)
        .ip_range("0.0.0.0/0")
        .protocol(IpProtocol::Udp)
        .build()
        .expect("every required member is set")
}

/// A new fleet (status `NEW`) named `name` whose instance runs `processes` server processes.
pub async fn new_fleet(client: &Client, name: &str, processes: i32) -> FleetAttributes {
    client
        .create_fleet()
        .name(name)
        .build_id("build-1111aaaa-22bb-33cc-44dd-5555eeee66ff")
        .ec2_instance_type(EC2InstanceType::C4Large)
        .runtime_configuration(runtime(processes))
        .ec2_inbound_permissions(udp_ports())
        .send()
        .await
        .expect("create the fleet")
        .fleet_attributes
        .expect("the fleet's attributes")
}

/// Sends a `CreateFleet` request the test has filled in; returns the new fleet's id.
pub async fn created_fleet_id(request: CreateFleetInputBuilder<Sender<CreateFleet>>) -> String {
    request
        .send()
        .await
        .expect("CreateFleet")
        .fleet_attributes
        .and_then(|attributes| attributes.fleet_id)
        .expect("a fleet id")
}

/// Waits with the `FleetActive` waiter until fleet `fleet_id` is `ACTIVE`.
pub async fn wait_for_fleet(client: &Client, fleet_id: &str) {
    client
        .wait_until_fleet_active()
        .fleet_ids(fleet_id.to_owned())
        .wait(WAIT)
        .await
        .expect("the fleet becomes ACTIVE");
}

/// A fleet brought to `ACTIVE` with the `FleetActive` waiter; returns its id.
pub async fn active_fleet(client: &Client, processes: i32) -> String {
    let fleet = new_fleet(client, "arena", processes).await;
    let id = fleet.fleet_id.expect("a fleet id");
    wait_for_fleet(client, &id).await;
    id
}

/// The attributes of fleet `fleet_id`, read with one `DescribeFleetAttributes` (each read moves
/// a new fleet on one status).
pub async fn fleet_attributes(client: &Client, fleet_id: &str) -> FleetAttributes {
    client
        .describe_fleet_attributes()
        .fleet_ids(fleet_id.to_owned())
        .send()
        .await
        .expect("DescribeFleetAttributes")
        .fleet_attributes
        .and_then(|attributes| attributes.into_iter().next())
        .expect("the fleet's attributes")
}

/// The instances of fleet `fleet_id`.
pub async fn instances(client: &Client, fleet_id: &str) -> Vec<Instance> {
    client
        .describe_instances()
        .fleet_id(fleet_id)
        .send()
        .await
        .expect("DescribeInstances")
        .instances
        .expect("a list of instances")
}

/// A game session property.
pub fn property(key: &str, value: &str) -> GameProperty {
    GameProperty::builder()
        .key(key)
        .value(value)
        .build()
        .expect("every required member is set")
}

/// Asks for a game session of at most `maximum` players on `fleet_id` (no other parameter);
/// answers the new session, `ACTIVATING`, or the service error.
pub async fn create_session(
    client: &Client,
    fleet_id: &str,
    maximum: i32,
) -> Result<GameSession, CreateGameSessionError> {
    client
        .create_game_session()
        .fleet_id(fleet_id)
        .maximum_player_session_count(maximum)
        .send()
        .await
        .map(|created| created.game_session.expect("the game session"))
        .map_err(service_error)
}

/// The id of a new game session of at most `maximum` players on `fleet_id`, still
/// `ACTIVATING`.
pub async fn activating_session_id(client: &Client, fleet_id: &str, maximum: i32) -> String {
    create_session(client, fleet_id, maximum)
        .await
        .expect("CreateGameSession")
        .game_session_id
        .expect("a game session id")
}

/// Waits with the `GameSessionActive` waiter until game session `id` is `ACTIVE`; returns the
/// sessions of the waiter's last read.
pub async fn wait_for_session(client: &Client, id: &str) -> Vec<GameSession> {
    client
        .wait_until_game_session_active()
        .game_session_id(id)
        .wait(WAIT)
        .await
        .expect("the game session becomes ACTIVE")
        .into_output()
        .and_then(|out| out.game_sessions)
        .expect("the game sessions")
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
    wait_for_session(client, &id)
        .await
        .into_iter()
        .next()
        .expect("the active game session")
}

/// Game session `id`, read with `DescribeGameSessions`.
pub async fn game_session(client: &Client, id: &str) -> GameSession {
    client
        .describe_game_sessions()
        .game_session_id(id)
        .send()
        .await
        .expect("DescribeGameSessions")
        .game_sessions
        .and_then(|sessions| sessions.into_iter().next())
        .expect("the game session")
}

/// The game sessions on `fleet_id`, of every status or of `status` only.
pub async fn fleet_sessions(
    client: &Client,
    fleet_id: &str,
    status: Option<&str>,
) -> Vec<GameSession> {
    client
        .describe_game_sessions()
        .fleet_id(fleet_id)
        .set_status_filter(status.map(str::to_owned))
        .send()
        .await
        .expect("DescribeGameSessions")
        .game_sessions
        .expect("a list of game sessions")
}

/// Reserves slots for `players` in game session `id` with one `CreatePlayerSessions`.
pub async fn reserve_players<P: Into<String>>(
    client: &Client,
    id: &str,
    players: impl IntoIterator<Item = P>,
) {
    client
        .create_player_sessions()
        .game_session_id(id)
        .set_player_ids(Some(
            players.into_iter().map(Into::into).collect::<Vec<String>>(),
        ))
        .send()
        .await
        .expect("CreatePlayerSessions");
}

/// Asks for a slot for `player` in game session `id` (no player data); answers the player
/// session or the service error.
pub async fn create_player(
    client: &Client,
    id: &str,
    player: &str,
) -> Result<PlayerSession, CreatePlayerSessionError> {
    client
        .create_player_session()
        .game_session_id(id)
        .player_id(player)
        .send()
        .await
        .map(|created| created.player_session.expect("the player session"))
        .map_err(service_error)
}

/// The player sessions in game session `id`, of every status or of `status` only.
pub async fn session_players(
    client: &Client,
    id: &str,
    status: Option<&str>,
) -> Vec<PlayerSession> {
    client
        .describe_player_sessions()
        .game_session_id(id)
        .set_player_session_status_filter(status.map(str::to_owned))
        .send()
        .await
        .expect("DescribePlayerSessions")
        .player_sessions
        .expect("a list of player sessions")
}

/// The player sessions of `player`, in every game session.
pub async fn player_sessions_of(client: &Client, player: &str) -> Vec<PlayerSession> {
    client
        .describe_player_sessions()
        .player_id(player)
        .send()
        .await
        .expect("DescribePlayerSessions")
        .player_sessions
        .expect("a list of player sessions")
}

/// Starts placement `placement_id` of a game session of at most `maximum` players on queue
/// `na-queue`, with no players or properties.
pub async fn start_placement(
    client: &Client,
    placement_id: &str,
    maximum: i32,
) -> GameSessionPlacement {
    client
        .start_game_session_placement()
        .placement_id(placement_id)
        .game_session_queue_name("na-queue")
        .maximum_player_session_count(maximum)
        .send()
        .await
        .expect("StartGameSessionPlacement")
        .game_session_placement
        .expect("the placement")
}

/// Placement `placement_id`, read with `DescribeGameSessionPlacement`.
pub async fn placement(client: &Client, placement_id: &str) -> GameSessionPlacement {
    client
        .describe_game_session_placement()
        .placement_id(placement_id)
        .send()
        .await
        .expect("DescribeGameSessionPlacement")
        .game_session_placement
        .expect("the placement")
}

/// Asks to stop placement `placement_id`; answers the stopped placement or the service error.
pub async fn stop_placement(
    client: &Client,
    placement_id: &str,
) -> Result<GameSessionPlacement, StopGameSessionPlacementError> {
    client
        .stop_game_session_placement()
        .placement_id(placement_id)
        .send()
        .await
        .map(|stopped| stopped.game_session_placement.expect("the placement"))
        .map_err(service_error)
}

/// Asks `configuration` to match `players`, with ticket `ticket_id` or a generated one; answers
/// the new ticket, `QUEUED`, or the service error.
pub async fn start_matchmaking(
    client: &Client,
    ticket_id: Option<&str>,
    configuration: &str,
    players: Vec<Player>,
) -> Result<MatchmakingTicket, StartMatchmakingError> {
    client
        .start_matchmaking()
        .set_ticket_id(ticket_id.map(str::to_owned))
        .configuration_name(configuration)
        .set_players(Some(players))
        .send()
        .await
        .map(|started| started.matchmaking_ticket.expect("the ticket"))
        .map_err(service_error)
}

/// Asks `configuration` to backfill game session `game_session_arn`, whose players are
/// `players`, with ticket `ticket_id` or a generated one; answers the new ticket or the service
/// error.
pub async fn start_backfill(
    client: &Client,
    ticket_id: Option<&str>,
    configuration: &str,
    game_session_arn: &str,
    players: Vec<Player>,
) -> Result<MatchmakingTicket, StartMatchBackfillError> {
    client
        .start_match_backfill()
        .set_ticket_id(ticket_id.map(str::to_owned))
        .configuration_name(configuration)
        .game_session_arn(game_session_arn)
        .set_players(Some(players))
        .send()
        .await
        .map(|started| started.matchmaking_ticket.expect("the ticket"))
        .map_err(service_error)
}

/// Matchmaking ticket `ticket_id`, read with `DescribeMatchmaking` (each read moves it on).
pub async fn ticket(client: &Client, ticket_id: &str) -> MatchmakingTicket {
    client
        .describe_matchmaking()
        .ticket_ids(ticket_id.to_owned())
        .send()
        .await
        .expect("DescribeMatchmaking")
        .ticket_list
        .and_then(|tickets| tickets.into_iter().next())
        .expect("the ticket")
}

/// Waits with the `MatchmakingSucceeded` waiter until ticket `ticket_id` is `COMPLETED`;
/// returns the tickets of the waiter's last read.
pub async fn wait_for_match(client: &Client, ticket_id: &str) -> Vec<MatchmakingTicket> {
    client
        .wait_until_matchmaking_succeeded()
        .ticket_ids(ticket_id.to_owned())
        .wait(WAIT)
        .await
        .expect("the ticket completes")
        .into_output()
        .and_then(|out| out.ticket_list)
        .expect("the tickets")
}

/// The service error of a failed call.
pub fn service_error<E: std::fmt::Debug>(error: SdkError<E>) -> E {
    match error {
        SdkError::Service { error, .. } => error,
        other => panic!("expected a service error, got {other:?}"),
    }
}
