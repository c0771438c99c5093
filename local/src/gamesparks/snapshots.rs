//! `CreateSnapshot`, `GetSnapshot`, `ListSnapshots`, `UpdateSnapshot`, `ExportSnapshot`.

use std::time::{SystemTime, UNIX_EPOCH};

use gamesparks_api::types::{
    CreateSnapshotRequest, CreateSnapshotResult, ExportSnapshotRequest, ExportSnapshotResult,
    GetSnapshotRequest, GetSnapshotResult, ListSnapshotsRequest, ListSnapshotsResult,
    SnapshotDetails, SnapshotSummary, UpdateSnapshotRequest, UpdateSnapshotResult,
};

use super::config::{current_sections, sections_out};
use super::state::{child_key, children_of, Snapshot, State};
use super::{quotas, urls, utc_seconds};
use crate::clock::datetime;
use crate::fault::Fault;
use crate::service::Cx;

/// `CreateSnapshot`: a copy of the game's current configuration, whose id is the time it
/// was taken (`Snapshot_2022-03-23T12:34:56.123456Z`, the model's form).
pub(crate) fn create(
    state: &mut State,
    cx: &Cx<'_>,
    input: CreateSnapshotRequest,
) -> Result<CreateSnapshotResult, Fault> {
    let game = state.active_game(&input.game_name)?.name.clone();
    if State::count_children(&state.snapshots, &game) >= quotas::SNAPSHOTS_PER_GAME {
        return Err(Fault::LimitExceeded(format!(
            "Game '{game}' has {} snapshots, the most a game can have.",
            quotas::SNAPSHOTS_PER_GAME
        )));
    }
    let (id, taken_millis) = new_id(state, &game, cx.clock.now())?;
    let snapshot = Snapshot {
        id: id.clone(),
        description: input.description,
        created_millis: taken_millis,
        last_updated_millis: taken_millis,
        sections: current_sections(state, &game),
    };
    let answer = details(&snapshot, None);
    state.snapshots.insert(child_key(&game, &id), snapshot);
    Ok(CreateSnapshotResult::builder().snapshot(answer).build())
}

/// `GetSnapshot`: the snapshot, or only the sections `Sections` names.
pub(crate) fn get(state: &State, input: &GetSnapshotRequest) -> Result<GetSnapshotResult, Fault> {
    let snapshot = state.snapshot(&input.game_name, &input.snapshot_id)?;
    Ok(GetSnapshotResult::builder()
        .snapshot(details(snapshot, input.sections.as_deref()))
        .build())
}

/// `ListSnapshots`: the game's snapshots, oldest first.
pub(crate) fn list(
    state: &State,
    cx: &Cx<'_>,
    input: &ListSnapshotsRequest,
) -> Result<ListSnapshotsResult, Fault> {
    let game = &state.game(&input.game_name)?.name;
    let summaries = state
        .snapshots
        .prefixed(&children_of(game))
        .map(|(_, snapshot)| (snapshot.id.clone(), summary(snapshot)))
        .collect();
    let page = cx.page_by_key(
        summaries,
        "snapshots",
        input.max_results,
        input.next_token.as_deref(),
    )?;
    Ok(ListSnapshotsResult::builder()
        .set_next_token(page.next_token)
        .set_snapshots(Some(page.items))
        .build())
}

/// `UpdateSnapshot`: sets the description.
pub(crate) fn update(
    state: &mut State,
    cx: &Cx<'_>,
    input: UpdateSnapshotRequest,
) -> Result<UpdateSnapshotResult, Fault> {
    state.active_game(&input.game_name)?;
    let snapshot = state.snapshot_mut(&input.game_name, &input.snapshot_id)?;
    if input.description.is_some() {
        snapshot.description = input.description;
    }
    snapshot.last_updated_millis = cx.now;
    Ok(UpdateSnapshotResult::builder()
        .snapshot(details(snapshot, None))
        .build())
}

/// `ExportSnapshot`: a fresh presigned URL of the snapshot's data (see [`urls`]).
pub(crate) fn export(
    state: &State,
    cx: &Cx<'_>,
    input: &ExportSnapshotRequest,
) -> Result<ExportSnapshotResult, Fault> {
    let (game, id) = (&input.game_name, &input.snapshot_id);
    state.snapshot(game, id)?; // It must exist.
    Ok(ExportSnapshotResult::builder()
        .s3_url(urls::snapshot_export(cx.names, game, id, cx.now)?)
        .build())
}

/// A snapshot id for a snapshot of `game` taken at `now` (a microsecond later for each id
/// the game already has), with the time it stands for in Unix milliseconds.
fn new_id(state: &State, game: &str, now: SystemTime) -> Result<(String, u64), Fault> {
    let since_epoch = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    let mut micros = u64::try_from(since_epoch.as_micros()).unwrap_or(u64::MAX);
    loop {
        let seconds = utc_seconds(micros / 1_000_000)?;
        let second = seconds.trim_end_matches('Z');
        let id = format!("Snapshot_{second}.{:06}Z", micros % 1_000_000);
        if !state.snapshots.contains_key(&child_key(game, &id)) {
            return Ok((id, micros / 1000));
        }
        micros = micros.saturating_add(1);
    }
}

fn details(snapshot: &Snapshot, filter: Option<&[String]>) -> SnapshotDetails {
    SnapshotDetails::builder()
        .created(datetime(snapshot.created_millis))
        .set_description(snapshot.description.clone())
        .id(snapshot.id.clone())
        .last_updated(datetime(snapshot.last_updated_millis))
        .set_sections(Some(sections_out(&snapshot.sections, filter)))
        .build()
}

fn summary(snapshot: &Snapshot) -> SnapshotSummary {
    SnapshotSummary::builder()
        .created(datetime(snapshot.created_millis))
        .set_description(snapshot.description.clone())
        .id(snapshot.id.clone())
        .last_updated(datetime(snapshot.last_updated_millis))
        .build()
}
