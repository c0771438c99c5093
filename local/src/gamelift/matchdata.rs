//! Matchmaker data: the JSON a matched game session carries in `MatchmakerData`, in the
//! documented "match data" form (match id, configuration ARN, teams with their players and
//! attributes).

use gamelift_api::types::{AttributeValue, Player};
use serde_json::{json, Map, Value};

/// The matchmaker data of match `match_id` made by configuration `configuration_arn` for
/// `players`, grouped into teams by their `Team` (in order of first appearance; players
/// without one form a team without a name).
pub(crate) fn matchmaker_data(
    match_id: &str,
    configuration_arn: &str,
    players: &[Player],
) -> String {
    let mut teams: Vec<(Option<&str>, Vec<Value>)> = Vec::new();
    for player in players {
        let team = player.team.as_deref();
        let entry = json!({
            "playerId": player.player_id,
            "attributes": attributes(player),
        });
        match teams.iter_mut().find(|(name, _)| *name == team) {
            Some((_, members)) => members.push(entry),
            None => teams.push((team, vec![entry])),
        }
    }
    let teams: Vec<Value> = teams
        .into_iter()
        .map(|(name, players)| {
            let mut team = Map::new();
            if let Some(name) = name {
                team.insert("name".into(), json!(name));
            }
            team.insert("players".into(), Value::Array(players));
            Value::Object(team)
        })
        .collect();
    json!({
        "matchId": match_id,
        "matchmakingConfigurationArn": configuration_arn,
        "teams": teams,
    })
    .to_string()
}

/// The match id recorded in matchmaker data, if it has one.
pub(crate) fn match_id(data: &str) -> Option<String> {
    let value: Value = serde_json::from_str(data).ok()?;
    value.get("matchId")?.as_str().map(str::to_owned)
}

/// A player's attributes, each as `{"attributeType": …, "valueAttribute": …}`.
fn attributes(player: &Player) -> Value {
    let attributes = player
        .player_attributes
        .iter()
        .flatten()
        .filter_map(|(key, value)| Some((key.clone(), attribute(value)?)))
        .collect();
    Value::Object(attributes)
}

/// One attribute; `None` for a value that sets none of its fields.
fn attribute(value: &AttributeValue) -> Option<Value> {
    let (kind, value) = if let Some(s) = &value.s {
        ("STRING", json!(s))
    } else if let Some(n) = value.n {
        ("DOUBLE", json!(n))
    } else if let Some(list) = &value.sl {
        ("STRING_LIST", json!(list))
    } else if let Some(map) = &value.sdm {
        ("STRING_DOUBLE_MAP", json!(map))
    } else {
        return None;
    };
    Some(json!({ "attributeType": kind, "valueAttribute": value }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn players_are_grouped_into_their_teams() {
        let player = |id: &str, team: Option<&str>| {
            Player::builder()
                .player_id(id)
                .set_player_attributes(Some(BTreeMap::from([(
                    "skill".to_owned(),
                    AttributeValue::builder().n(23.0).build(),
                )])))
                .set_team(team.map(str::to_owned))
                .build()
        };
        let data = matchmaker_data(
            "match-1",
            "arn:aws:gamelift:us-west-2:123456789012:matchmakingconfiguration/mm",
            &[
                player("a", Some("red")),
                player("b", Some("blue")),
                player("c", Some("red")),
            ],
        );
        let value: Value = serde_json::from_str(&data).expect("json");
        assert_eq!(value["teams"][0]["name"], "red");
        assert_eq!(value["teams"][0]["players"][1]["playerId"], "c");
        assert_eq!(
            value["teams"][1]["players"][0]["attributes"]["skill"],
            json!({"attributeType": "DOUBLE", "valueAttribute": 23.0})
        );
        assert_eq!(match_id(&data).as_deref(), Some("match-1"));
    }
}
