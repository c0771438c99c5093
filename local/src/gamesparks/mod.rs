//! The in-memory GameSparks service.
//!
//! [`GameSparks`] implements `gamesparks::server::GameSparksServer` over the shared store:
//! every operation runs as one synchronous change (or read) of [`State`], so the state is
//! persisted after each change and nothing is held across an `.await`.
//!
//! # Lifecycles
//!
//! Transitional statuses advance on the [`Clock`]: each read that returns a
//! resource (its `Get*` operation and the `List*` operation that lists it) first moves it on
//! one status (or, with [`Pace::RealTime`](crate::Pace::RealTime), to the status its age
//! says), then answers it.
//!
//! * A game or stage that is deleted is `DELETING`; the next read finds it gone
//!   (`ResourceNotFoundException`), together with everything it held. A game that is
//!   `DELETING` takes no more changes: its changing operations answer `ConflictException`,
//!   or `ValidationException` where the operation has no `ConflictException`.
//! * A stage deployment is `PENDING` when started, then `IN_PROGRESS`, then `COMPLETED` with
//!   a `DeploymentResult` of `SUCCESS`.
//! * A generated-code job is `PENDING` when started, then `IN_PROGRESS`, then `COMPLETED`
//!   with its `S3Url` and `ExpirationTime`.
//!
//! # Rules where the documentation is silent
//!
//! * Termination protection: neither `CreateGame` nor `UpdateGame` has a member that sets
//!   it, so it is part of the state only ([`Game::enable_termination_protection`], set in
//!   the state file or through [`Shared::store`](crate::Shared::store)). `DeleteGame` of a
//!   protected game answers `ConflictException`; of a missing game, `ValidationException`
//!   (the operation has no `ResourceNotFoundException`).
//! * Configuration changes: see [`patch`] for the paths of `UpdateGameConfiguration` and
//!   [`import`] for the file `ImportGameConfiguration` reads.
//! * Extensions: [`extensions`] holds this server's catalog.
//! * Player connections: the API cannot open a connection, so a stage's connections are
//!   the ones its state holds ([`Stage::connections`]); see [`players`].
//! * Presigned URLs: see [`urls`]; nothing is served at them.

mod config;
mod deployments;
pub mod extensions;
mod failure;
mod games;
pub mod import;
mod jobs;
mod lifecycle;
pub mod patch;
pub mod players;
mod server;
mod snapshots;
mod stages;
pub mod state;
mod tags;
pub mod urls;

pub use state::{
    CodeJob, Configuration, Deployment, Game, PlayerConnection, Snapshot, Stage, State,
};

use failure::Failure;

use crate::page::Page;
use crate::{Clock, Names, Shared};

/// The default size of a page of every `List*` operation: the largest `MaxResults` the
/// model allows.
const DEFAULT_PAGE_SIZE: usize = 100;

/// The page of `items` that `max_results` and `next_token` ask for, in the list `list`.
///
/// # Errors
///
/// [`Failure::Invalid`] for a token this server did not give out for `list`.
fn page<T>(
    items: Vec<T>,
    list: &str,
    max_results: Option<i32>,
    next_token: Option<&str>,
) -> Result<Page<T>, Failure> {
    crate::page::page(
        items,
        list,
        max_results.map(i64::from),
        next_token,
        DEFAULT_PAGE_SIZE,
    )
    .map_err(Failure::Invalid)
}

/// [`page`] for a list sorted by a unique key: the next page starts after the last key
/// returned, whatever was added or removed in between.
///
/// # Errors
///
/// [`Failure::Invalid`] for a token this server did not give out for `list`.
fn page_by_key<T>(
    items: Vec<(String, T)>,
    list: &str,
    max_results: Option<i32>,
    next_token: Option<&str>,
) -> Result<Page<T>, Failure> {
    crate::page::page_by_key(
        items,
        list,
        max_results.map(i64::from),
        next_token,
        DEFAULT_PAGE_SIZE,
    )
    .map_err(Failure::Invalid)
}

/// The UTC time `secs` seconds after the epoch in RFC 3339, to the second:
/// `2022-03-23T12:34:56Z`.
///
/// # Errors
///
/// [`Failure::Internal`] for a time outside the years 0000 to 9999.
fn utc_seconds(secs: u64) -> Result<String, Failure> {
    let secs = i64::try_from(secs).unwrap_or(i64::MAX);
    smithy_runtime::DateTime::from_secs(secs)
        .fmt(smithy_runtime::datetime::Format::DateTime)
        .map_err(|e| Failure::Internal(format!("The time {secs} cannot be written: {e}.")))
}

/// The in-memory GameSparks service: implements `gamesparks::server::GameSparksServer`.
#[derive(Clone, Debug)]
pub struct GameSparks {
    shared: Shared,
}

impl GameSparks {
    /// The service over `shared` state.
    pub fn new(shared: Shared) -> Self {
        GameSparks { shared }
    }

    /// Runs `change` on GameSparks' state, which is persisted afterwards.
    fn write<R>(&self, change: impl FnOnce(&mut State, Env<'_>) -> R) -> R {
        let env = self.env();
        self.shared
            .store
            .write(|state| change(&mut state.gamesparks, env))
    }

    /// Runs `look` on GameSparks' state without changing it.
    fn read<R>(&self, look: impl FnOnce(&State, Env<'_>) -> R) -> R {
        let env = self.env();
        self.shared.store.read(|state| look(&state.gamesparks, env))
    }

    fn env(&self) -> Env<'_> {
        Env {
            names: &self.shared.names,
            clock: &self.shared.clock,
        }
    }
}

/// What an operation sees besides the state: the names of resources and the clock.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Env<'a> {
    /// The account and region of ARNs.
    pub names: &'a Names,
    /// The clock statuses advance on and timestamps come from.
    pub clock: &'a Clock,
}

impl Env<'_> {
    /// The current time in Unix milliseconds.
    pub(crate) fn now(&self) -> u64 {
        self.clock.now_millis()
    }
}
