//! The in-memory GameSparks service.
//!
//! [`GameSparks`] implements `gamesparks::server::GameSparksServer` over its own store: every
//! operation runs as one synchronous change (or read) of [`State`], whose changed records are
//! saved before it answers.
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
//!   it, so it is part of the state only ([`Game::enable_termination_protection`], set with
//!   [`Runner::edit`](crate::Runner::edit)). `DeleteGame` of a
//!   protected game answers `ConflictException`; of a missing game, `ValidationException`
//!   (the operation has no `ResourceNotFoundException`).
//! * Configuration changes: see [`patch`] for the paths of `UpdateGameConfiguration` and
//!   [`import`] for the file `ImportGameConfiguration` reads.
//! * Extensions: [`extensions`] holds this server's catalog.
//! * Player connections: the API cannot open a connection, so a stage's connections are
//!   the ones its state holds ([`Stage::connections`]); see [`players`].
//! * Presigned URLs: see [`urls`]; nothing is served at them.
//! * Quotas: see [`quotas`]; a section's attributes nest at most
//!   [`config::MAX_SECTION_DEPTH`] levels deep, so that whatever is accepted can be read back.

mod answers;
pub mod config;
mod deployments;
mod earlier;
pub mod extensions;
mod games;
pub mod import;
mod jobs;
pub mod lifecycle;
pub mod patch;
pub mod players;
pub mod quotas;
mod server;
mod snapshots;
mod stages;
pub mod state;
mod tags;
pub mod urls;

pub use state::{
    CodeJob, Configuration, Deployment, Game, PlayerConnection, Snapshot, Stage, State,
};

use smithy_runtime::server::Router;

use crate::fault::Fault;
use crate::gateway::AuthError;
use crate::service::{Runner, Service};

/// The in-memory GameSparks service: implements `gamesparks::server::GameSparksServer`.
#[derive(Clone, Debug)]
pub struct GameSparks {
    run: Runner<State>,
}

impl Service for GameSparks {
    type State = State;
    const NAME: &'static str = "gamesparks";
    /// The largest `MaxResults` the model allows.
    const PAGE_SIZE: usize = 100;
    const AUTH_ERROR: AuthError = AuthError {
        code: "AccessDeniedException",
        status: 403,
    };

    fn new(run: Runner<State>) -> Self {
        GameSparks { run }
    }

    fn router(self) -> Router {
        gamesparks_api::server::router(self)
    }

    fn carry_over(state: &mut State, earlier: &serde_json::Value) -> Result<(), String> {
        earlier::carry_over(state, earlier)
    }
}

impl GameSparks {
    /// The runner of its operations: [`Runner::edit`] changes its state directly (a stage's
    /// player connections, a game's termination protection).
    pub fn runner(&self) -> &Runner<State> {
        &self.run
    }
}

/// The UTC time `secs` seconds after the epoch in RFC 3339, to the second:
/// `2022-03-23T12:34:56Z`.
///
/// # Errors
///
/// [`Fault::Internal`] for a time outside the years 0000 to 9999.
fn utc_seconds(secs: u64) -> Result<String, Fault> {
    let secs = i64::try_from(secs).unwrap_or(i64::MAX);
    smithy_runtime::DateTime::from_secs(secs)
        .fmt(smithy_runtime::datetime::Format::DateTime)
        .map_err(|e| Fault::Internal(format!("The time {secs} cannot be written: {e}.")))
}
