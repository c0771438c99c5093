//! The response bodies, built once from one list of game sessions.

use ciborium::Value as Cbor;
use smithy_runtime::bytes::Bytes;
use smithy_runtime::http;
use smithy_runtime::serde_json::{self, json, Value as Json};

/// Number of game sessions in the large response (the small one has the first of them).
pub const SESSIONS: usize = 100;

/// The fleet every session belongs to.
const FLEET_ID: &str = "fleet-1a2b3c4d-5678-90ab-cdef-1234567890ab";

/// The response's pagination token.
pub const NEXT_TOKEN: &str = "AAMA-EFRSURBSGlkbjR4bUx0cW1ZM0N2S0pGcHhPQTNiUHFiOWtXbFh4ZW5kLTI";

/// The request ID every response carries.
const REQUEST_ID: &str = "1b7f1c2a-6d8e-4f3a-9b0c-5e2d7a8f9c10";

/// One `GameSession`, with the members that exist both in `models/gamelift.json` and in
/// `aws_sdk_gamelift::types::GameSession` (so no `ComputeName`, which our model lacks).
pub struct Session {
    /// `GameSessionId`: the session's ARN.
    pub game_session_id: String,
    /// `Name`.
    pub name: String,
    /// `FleetArn`.
    pub fleet_arn: String,
    /// `CreationTime`: whole epoch seconds.
    pub creation_secs: i64,
    /// `CreationTime`: milliseconds past `creation_secs`, never 0.
    pub creation_millis: u32,
    /// `CurrentPlayerSessionCount`.
    pub current_players: i32,
    /// `MaximumPlayerSessionCount`.
    pub max_players: i32,
    /// `GameProperties`: two key/value pairs.
    pub game_properties: [(&'static str, String); 2],
    /// `IpAddress`.
    pub ip_address: String,
    /// `DnsName`.
    pub dns_name: String,
    /// `Port`.
    pub port: i32,
    /// `CreatorId`.
    pub creator_id: String,
    /// `GameSessionData`.
    pub game_session_data: String,
    /// `MatchmakerData`: a JSON document as text.
    pub matchmaker_data: String,
}

impl Session {
    /// `CreationTime` as fractional epoch seconds (`1700000000.123`).
    pub fn creation_time(&self) -> f64 {
        self.creation_secs as f64 + f64::from(self.creation_millis) / 1000.0
    }
}

/// The 100 sessions of the response.
pub fn sessions() -> Vec<Session> {
    (0..SESSIONS)
        .map(|i| {
            let n = u32::try_from(i).expect("fewer than 2^32 sessions");
            let octet = 10 + n;
            let player_id = format!("player-{:08x}", 0x5eed_0000_u32 + n * 7919);
            Session {
                game_session_id: format!(
                    "arn:aws:gamelift:us-west-2::gamesession/{FLEET_ID}/gsess-{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
                    0x9c3e_0000_u32 + n * 104_729,
                    (n * 31) % 0x1_0000,
                    (n * 17) % 0x1000,
                    (n * 13) % 0x1000,
                    0x00ab_cdef_0000_u64 + u64::from(n) * 65_537,
                ),
                name: format!("ranked-duel-{i:03}"),
                fleet_arn: format!(
                    "arn:aws:gamelift:us-west-2:123456789012:fleet/{FLEET_ID}"
                ),
                creation_secs: 1_700_000_000 + i64::from(n) * 61,
                creation_millis: (123 + 37 * n) % 1000,
                current_players: i32::try_from(n % 9).expect("small"),
                max_players: 8 + i32::try_from(n % 3).expect("small") * 4,
                game_properties: [
                    ("mode", if n % 2 == 0 { "ranked" } else { "casual" }.to_owned()),
                    ("map", format!("arena-{:02}", n % 12)),
                ],
                ip_address: format!("54.203.17.{octet}"),
                dns_name: format!(
                    "ec2-54-203-17-{octet}.us-west-2.compute.amazonaws.com"
                ),
                port: 7777 + i32::try_from(n % 50).expect("small"),
                creator_id: player_id.clone(),
                game_session_data: format!("seed={};region=us-west-2;ruleset=v3", 4_000 + n),
                matchmaker_data: format!(
                    r#"{{"matchId":"m-{n:06}","matchmakingConfigurationArn":"arn:aws:gamelift:us-west-2:123456789012:matchmakingconfiguration/ranked","teams":[{{"name":"red","players":[{{"playerId":"{player_id}","attributes":{{"skill":{{"attributeType":"NUMBER","valueAttribute":{}}}}}}}]}}]}}"#,
                    1_000 + n * 3,
                ),
            }
        })
        .collect()
}

/// The awsJson1_1 body: timestamps as epoch-seconds numbers.
pub fn json_body(sessions: &[Session]) -> Bytes {
    let sessions: Vec<Json> = sessions
        .iter()
        .map(|s| {
            json!({
                "GameSessionId": s.game_session_id,
                "Name": s.name,
                "FleetId": FLEET_ID,
                "FleetArn": s.fleet_arn,
                "CreationTime": s.creation_time(),
                "CurrentPlayerSessionCount": s.current_players,
                "MaximumPlayerSessionCount": s.max_players,
                "Status": "ACTIVE",
                "GameProperties": s.game_properties.iter()
                    .map(|(key, value)| json!({ "Key": key, "Value": value }))
                    .collect::<Vec<_>>(),
                "IpAddress": s.ip_address,
                "DnsName": s.dns_name,
                "Port": s.port,
                "PlayerSessionCreationPolicy": "ACCEPT_ALL",
                "CreatorId": s.creator_id,
                "GameSessionData": s.game_session_data,
                "MatchmakerData": s.matchmaker_data,
                "Location": "us-west-2",
            })
        })
        .collect();
    let body = json!({ "GameSessions": sessions, "NextToken": NEXT_TOKEN });
    Bytes::from(serde_json::to_vec(&body).expect("JSON encodes"))
}

/// The rpcv2Cbor body: keys are member names, timestamps are tag 1 around a float64.
pub fn cbor_body(sessions: &[Session]) -> Bytes {
    fn text(s: &str) -> Cbor {
        Cbor::Text(s.to_owned())
    }
    fn int(i: i32) -> Cbor {
        Cbor::Integer(i.into())
    }
    fn map(entries: Vec<(&str, Cbor)>) -> Cbor {
        Cbor::Map(entries.into_iter().map(|(k, v)| (text(k), v)).collect())
    }
    let records: Vec<Cbor> = sessions
        .iter()
        .map(|s| {
            map(vec![
                ("GameSessionId", text(&s.game_session_id)),
                ("Name", text(&s.name)),
                ("FleetId", text(FLEET_ID)),
                ("FleetArn", text(&s.fleet_arn)),
                (
                    "CreationTime",
                    Cbor::Tag(1, Box::new(Cbor::Float(s.creation_time()))),
                ),
                ("CurrentPlayerSessionCount", int(s.current_players)),
                ("MaximumPlayerSessionCount", int(s.max_players)),
                ("Status", text("ACTIVE")),
                (
                    "GameProperties",
                    Cbor::Array(
                        s.game_properties
                            .iter()
                            .map(|(key, value)| {
                                map(vec![("Key", text(key)), ("Value", text(value))])
                            })
                            .collect(),
                    ),
                ),
                ("IpAddress", text(&s.ip_address)),
                ("DnsName", text(&s.dns_name)),
                ("Port", int(s.port)),
                ("PlayerSessionCreationPolicy", text("ACCEPT_ALL")),
                ("CreatorId", text(&s.creator_id)),
                ("GameSessionData", text(&s.game_session_data)),
                ("MatchmakerData", text(&s.matchmaker_data)),
                ("Location", text("us-west-2")),
            ])
        })
        .collect();
    let body = map(vec![
        ("GameSessions", Cbor::Array(records)),
        ("NextToken", text(NEXT_TOKEN)),
    ]);
    let mut bytes = Vec::new();
    ciborium::into_writer(&body, &mut bytes).expect("CBOR encodes");
    // Every CreationTime must be tag 1 (0xc1) followed by a float64 (0xfb).
    let float64_timestamps = bytes.windows(2).filter(|w| *w == [0xc1, 0xfb]).count();
    assert_eq!(
        float64_timestamps,
        sessions.len(),
        "CreationTime is not tag 1 + float64"
    );
    Bytes::from(bytes)
}

/// The awsJson1_1 `200` response.
pub fn json_response(body: Bytes) -> http::Response<Bytes> {
    http::Response::builder()
        .status(200)
        .header("content-type", "application/x-amz-json-1.1")
        .header("content-length", body.len())
        .header("x-amzn-requestid", REQUEST_ID)
        .body(body)
        .expect("valid response")
}

/// The rpcv2Cbor `200` response.
pub fn cbor_response(body: Bytes) -> http::Response<Bytes> {
    http::Response::builder()
        .status(200)
        .header("content-type", "application/cbor")
        .header("smithy-protocol", "rpc-v2-cbor")
        .header("content-length", body.len())
        .header("x-amzn-requestid", REQUEST_ID)
        .body(body)
        .expect("valid response")
}
