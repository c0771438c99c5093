//! `CreateSnapshot`, `GetSnapshot`, `ListSnapshots`, `UpdateSnapshot`, `ExportSnapshot`.

use std::time::{SystemTime, UNIX_EPOCH};

use gamesparks_api::types::{
    CreateSnapshotRequest, CreateSnapshotResult, ExportSnapshotRequest, ExportSnapshotResult,
    GetSnapshotRequest, GetSnapshotResult, ListSnapshotsRequest, ListSnapshotsResult,
    SnapshotDetails, SnapshotSummary, UpdateSnapshotRequest, UpdateSnapshotResult,
};

use super::config::sections_out;
use super::failure::Failure;
use super::state::{Game, Snapshot, State};
use super::{page_by_key, urls, utc_seconds, Env};
use crate::clock::datetime;

/// `CreateSnapshot`: a copy of the game's current configuration, whose id is the time it
/// was taken (`Snapshot_2022-03-23T12:34:56.123456Z`, the model's form).
pub(crate) fn create(
    state: &mut State,
    env: Env<'_>,
    input: CreateSnapshotRequest,
) -> Result<CreateSnapshotResult, Failure> {
    let game = state.active_game_mut(&input.game_name)?;
    let (id, taken_millis) = new_id(game, env.clock.now())?;
    let snapshot = Snapshot {
        id: id.clone(),
        description: input.description,
        created_millis: taken_millis,
        last_updated_millis: taken_millis,
        sections: game.configuration.sections.clone(),
        jobs: Vec::new(),
    };
    let answer = details(&snapshot, None);
    game.snapshots.insert(id, snapshot);
    Ok(CreateSnapshotResult {
        snapshot: Some(answer),
    })
}

/// `GetSnapshot`: the snapshot, or only the sections `Sections` names.
pub(crate) fn get(state: &State, input: &GetSnapshotRequest) -> Result<GetSnapshotResult, Failure> {
    let snapshot = state.game(&input.game_name)?.snapshot(&input.snapshot_id)?;
    Ok(GetSnapshotResult {
        snapshot: Some(details(snapshot, input.sections.as_deref())),
    })
}

/// `ListSnapshots`: the game's snapshots, oldest first.
pub(crate) fn list(
    state: &State,
    input: &ListSnapshotsRequest,
) -> Result<ListSnapshotsResult, Failure> {
    let game = state.game(&input.game_name)?;
    let summaries = game
        .snapshots
        .iter()
        .map(|(id, snapshot)| (id.clone(), summary(snapshot)))
        .collect();
    let page = page_by_key(
        summaries,
        "snapshots",
        input.max_results,
        input.next_token.as_deref(),
    )?;
    Ok(ListSnapshotsResult {
        next_token: page.next_token,
        snapshots: Some(page.items),
    })
}

/// `UpdateSnapshot`: sets the description.
pub(crate) fn update(
    state: &mut State,
    env: Env<'_>,
    input: UpdateSnapshotRequest,
) -> Result<UpdateSnapshotResult, Failure> {
    let game = state.active_game_mut(&input.game_name)?;
    let snapshot = game.snapshot_mut(&input.snapshot_id)?;
    if input.description.is_some() {
        snapshot.description = input.description;
    }
    snapshot.last_updated_millis = env.now();
    Ok(UpdateSnapshotResult {
        snapshot: Some(details(snapshot, None)),
    })
}

/// `ExportSnapshot`: a fresh presigned URL of the snapshot's data (see [`urls`]).
pub(crate) fn export(
    state: &State,
    env: Env<'_>,
    input: &ExportSnapshotRequest,
) -> Result<ExportSnapshotResult, Failure> {
    let (game, id) = (&input.game_name, &input.snapshot_id);
    state.game(game)?.snapshot(id)?; // It must exist.
    Ok(ExportSnapshotResult {
        s3_url: Some(urls::snapshot_export(env.names, game, id, env.now())?),
    })
}

/// A snapshot id for a snapshot of `game` taken at `now` (a microsecond later for each id
/// the game already has), with the time it stands for in Unix milliseconds.
fn new_id(game: &Game, now: SystemTime) -> Result<(String, u64), Failure> {
    let since_epoch = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    let mut micros = u64::try_from(since_epoch.as_micros()).unwrap_or(u64::MAX);
    loop {
        let seconds = utc_seconds(micros / 1_000_000)?;
        let second = seconds.trim_end_matches('Z');
        let id = format!("Snapshot_{second}.{:06}Z", micros % 1_000_000);
        if !game.snapshots.contains_key(&id) {
            return Ok((id, micros / 1000));
        }
        micros = micros.saturating_add(1);
    }
}

fn details(snapshot: &Snapshot, filter: Option<&[String]>) -> SnapshotDetails {
    SnapshotDetails {
        created: Some(datetime(snapshot.created_millis)),
        description: snapshot.description.clone(),
        id: Some(snapshot.id.clone()),
        last_updated: Some(datetime(snapshot.last_updated_millis)),
        sections: Some(sections_out(&snapshot.sections, filter)),
    }
}

fn summary(snapshot: &Snapshot) -> SnapshotSummary {
    SnapshotSummary {
        created: Some(datetime(snapshot.created_millis)),
        description: snapshot.description.clone(),
        id: Some(snapshot.id.clone()),
        last_updated: Some(datetime(snapshot.last_updated_millis)),
    }
}
