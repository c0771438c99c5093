//! GameSparks' part of an earlier local-services' state file (layout 0): each game held its
//! configuration, snapshots (with their code jobs) and stages.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::state::{child_key, CodeJob, Configuration, Game, Snapshot, Stage, State};

#[derive(Deserialize, Default)]
#[serde(default)]
struct Earlier {
    games: BTreeMap<String, EarlierGame>,
}

#[derive(Deserialize)]
struct EarlierGame {
    #[serde(flatten)]
    game: Game,
    configuration: Configuration,
    #[serde(default)]
    snapshots: BTreeMap<String, EarlierSnapshot>,
    #[serde(default)]
    stages: BTreeMap<String, Stage>,
}

#[derive(Deserialize)]
struct EarlierSnapshot {
    #[serde(flatten)]
    snapshot: Snapshot,
    #[serde(default)]
    jobs: Vec<CodeJob>,
}

/// Adds the records of `file["gamesparks"]` to `state`.
pub(crate) fn carry_over(state: &mut State, file: &serde_json::Value) -> Result<(), String> {
    let Some(part) = file.get("gamesparks") else {
        return Ok(());
    };
    let earlier = Earlier::deserialize(part).map_err(|e| format!("its GameSparks state: {e}"))?;
    for (name, game) in earlier.games {
        for (id, snapshot) in game.snapshots {
            if !snapshot.jobs.is_empty() {
                state.jobs.insert(child_key(&name, &id), snapshot.jobs);
            }
            state
                .snapshots
                .insert(child_key(&name, &id), snapshot.snapshot);
        }
        for (stage_name, stage) in game.stages {
            state.stages.insert(child_key(&name, &stage_name), stage);
        }
        state
            .configurations
            .insert(name.clone(), game.configuration);
        state.games.insert(name, game.game);
    }
    Ok(())
}
