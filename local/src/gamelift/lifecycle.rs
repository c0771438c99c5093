//! Every time-driven transition of GameLift, in one place:
//!
//! - **Reads advance** ([`advance_fleet`], [`advance_session`], [`walk`]): a `Describe*` call
//!   moves what it selects on by the [`Clock`](crate::Clock).
//! - **Timeouts run on the wall clock** ([`tick`], before every request): a `RESERVED` player
//!   session becomes `TIMEDOUT` after 60 seconds; an `ACTIVATING` game session becomes
//!   `TERMINATED` once its fleet's `GameSessionActivationTimeoutSeconds` has passed; a
//!   `PENDING` placement and an unfinished ticket become `TIMED_OUT` after
//!   [`QUEUE_TIMEOUT_SECONDS`]. Each record with a deadline is in [`State::timers`], so a
//!   request looks only at the records that are due.

use gamelift_api::types::{
    FleetStatus, GameSessionPlacementState, GameSessionStatus, InstanceStatus,
    MatchmakingConfigurationStatus as TicketStatus, PlayerSessionStatus,
};

use super::millis_of;
use super::state::{Due, Fleet, Session, State};
use crate::clock::{datetime, Clock, Progress};
use crate::service::Cx;
use crate::store::{AnyTable, Tables};

/// How long a placement may stay `PENDING`, and a matchmaking ticket unfinished, before it
/// times out: the default `TimeoutInSeconds` of a GameLift game session queue.
pub const QUEUE_TIMEOUT_SECONDS: u64 = 600;

/// How long a `RESERVED` player session waits for its player to connect: 60 seconds, as
/// documented. Players never connect to this service's game servers, so every reservation
/// ends `TIMEDOUT` once it has passed.
pub const RESERVATION_TIMEOUT_MILLIS: u64 = 60_000;

/// The statuses a new fleet goes through, in order; the last is final.
const FLEET_LIFECYCLE: [FleetStatus; 6] = [
    FleetStatus::New,
    FleetStatus::Downloading,
    FleetStatus::Validating,
    FleetStatus::Building,
    FleetStatus::Activating,
    FleetStatus::Active,
];

/// A game session's lifecycle: `ACTIVATING` (0), then `ACTIVE` (1).
const SESSION_ACTIVE: usize = 1;

impl Tables for State {
    fn tables(&mut self) -> Vec<&mut dyn AnyTable> {
        vec![
            &mut self.fleets,
            &mut self.sessions,
            &mut self.players,
            &mut self.placements,
            &mut self.tickets,
        ]
    }

    fn rebuild(&mut self) {
        self.reindex();
        self.timers.clear();
        let mut due = Vec::new();
        due.extend(
            self.players
                .iter()
                .map(|(k, _)| Due::Reservation(k.to_owned())),
        );
        due.extend(
            self.sessions
                .iter()
                .map(|(k, _)| Due::Activation(k.to_owned())),
        );
        due.extend(
            self.placements
                .iter()
                .map(|(k, _)| Due::Placement(k.to_owned())),
        );
        due.extend(self.tickets.iter().map(|(k, _)| Due::Ticket(k.to_owned())));
        for key in due {
            watch(self, key);
        }
    }
}

/// Moves the fleet one read on through its lifecycle; its instance is `ACTIVE` with it.
pub(crate) fn advance_fleet(fleet: &mut Fleet, clock: &Clock) {
    let step = clock.advance(&mut fleet.progress, FLEET_LIFECYCLE.len() - 1);
    let status = FLEET_LIFECYCLE
        .get(step)
        .cloned()
        .unwrap_or(FleetStatus::Active);
    if fleet.attributes.status.as_ref() == Some(&status) {
        return;
    }
    fleet.instance.status = Some(if status == FleetStatus::Active {
        InstanceStatus::Active
    } else {
        InstanceStatus::Pending
    });
    fleet.attributes.status = Some(status);
}

/// Moves an `ACTIVATING` session one read on.
pub(crate) fn advance_session(record: &mut Session, clock: &Clock) {
    if record.session.status == Some(GameSessionStatus::Activating)
        && clock.advance(&mut record.progress, SESSION_ACTIVE) == SESSION_ACTIVE
    {
        record.session.status = Some(GameSessionStatus::Active);
    }
}

/// Moves `progress` towards the status the clock says, one status at a time: `enter(k)` makes
/// the move into status `k` and says whether it could be made. A move that cannot be made
/// (no fleet to host a game session, say) leaves the resource where it is, to try again at
/// the next read.
pub(crate) fn walk(
    clock: &Clock,
    progress: &mut Progress,
    last: usize,
    mut enter: impl FnMut(usize) -> bool,
) {
    let mut target = *progress;
    clock.advance(&mut target, last);
    while progress.step < target.step {
        if !enter(progress.step + 1) {
            return;
        }
        progress.step += 1;
    }
    *progress = target;
}

/// Applies the wall-clock timeouts due at `cx.now`.
pub(crate) fn tick(state: &mut State, cx: &Cx<'_>) {
    for key in state.timers.take_due(cx.now) {
        match deadline(state, &key) {
            Some(at) if at <= cx.now => expire(state, &key, at),
            Some(at) => state.timers.add(at, key),
            None => {}
        }
    }
}

/// Files the record `key` names under its deadline, if it has one now.
pub(crate) fn watch(state: &mut State, key: Due) {
    if let Some(at) = deadline(state, &key) {
        state.timers.add(at, key);
    }
}

/// When the record `key` names times out, if it is in a status that does.
fn deadline(state: &State, key: &Due) -> Option<u64> {
    match key {
        Due::Reservation(id) => {
            let player = state.players.get(id)?;
            (player.status == Some(PlayerSessionStatus::Reserved)).then(|| {
                let created = player.creation_time.as_ref().map_or(0, millis_of);
                created.saturating_add(RESERVATION_TIMEOUT_MILLIS)
            })
        }
        Due::Activation(id) => {
            let record = state.sessions.get(id)?;
            if record.session.status != Some(GameSessionStatus::Activating) {
                return None;
            }
            let fleet = state.fleets.get(record.fleet_id())?;
            let timeout = fleet
                .runtime
                .as_ref()?
                .game_session_activation_timeout_seconds?;
            let timeout = u64::try_from(timeout).ok()?;
            let created = record.session.creation_time.as_ref().map_or(0, millis_of);
            Some(created.saturating_add(timeout.saturating_mul(1000)))
        }
        Due::Placement(id) => {
            let placement = &state.placements.get(id)?.placement;
            (placement.status == Some(GameSessionPlacementState::Pending)).then(|| {
                let started = placement.start_time.as_ref().map_or(0, millis_of);
                started.saturating_add(QUEUE_TIMEOUT_SECONDS * 1000)
            })
        }
        Due::Ticket(id) => {
            let ticket = &state.tickets.get(id)?.ticket;
            (!finished(ticket.status.as_ref())).then(|| {
                let started = ticket.start_time.as_ref().map_or(0, millis_of);
                started.saturating_add(QUEUE_TIMEOUT_SECONDS * 1000)
            })
        }
    }
}

/// Whether a ticket in `status` has stopped being processed.
pub(crate) fn finished(status: Option<&TicketStatus>) -> bool {
    matches!(
        status,
        Some(
            TicketStatus::Completed
                | TicketStatus::Failed
                | TicketStatus::Cancelled
                | TicketStatus::TimedOut
        )
    )
}

/// Times the record `key` names out, as of its deadline `at`.
fn expire(state: &mut State, key: &Due, at: u64) {
    let ended = Some(datetime(at));
    match key {
        Due::Reservation(id) => {
            if let Some(player) = state.players.get_mut(id) {
                player.status = Some(PlayerSessionStatus::Timedout);
                player.termination_time = ended;
            }
        }
        Due::Activation(id) => {
            if let Some(record) = state.sessions.get_mut(id) {
                record.session.status = Some(GameSessionStatus::Terminated);
                record.session.termination_time = ended;
            }
        }
        Due::Placement(id) => {
            if let Some(record) = state.placements.get_mut(id) {
                record.placement.status = Some(GameSessionPlacementState::TimedOut);
                record.placement.end_time = ended;
            }
        }
        Due::Ticket(id) => {
            if let Some(record) = state.tickets.get_mut(id) {
                record.ticket.status = Some(TicketStatus::TimedOut);
                record.ticket.end_time = ended;
                record.ticket.status_message = Some(format!(
                    "no match was completed within {QUEUE_TIMEOUT_SECONDS} seconds"
                ));
            }
        }
    }
}
