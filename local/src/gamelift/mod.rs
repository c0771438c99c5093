//! The in-memory GameLift service.
//!
//! [`GameLift`] implements every operation of `gamelift::server::GameLiftServer` over
//! [`State`], its own store's records; each request saves the records it changed.
//!
//! # How statuses move
//!
//! - **Reads advance.** A `Describe*` or `Search*` call moves each resource it selects (the
//!   fleet, game sessions, placement or tickets named by the request, before status filters
//!   and paging) on by the [`Clock`]: one status per read with [`crate::Pace::PerPoll`].
//!   Fleets go `NEW`, `DOWNLOADING`, `VALIDATING`, `BUILDING`, `ACTIVATING`, `ACTIVE`; game
//!   sessions `ACTIVATING`, `ACTIVE`; placements `PENDING`, `FULFILLED`; matchmaking tickets
//!   `QUEUED`, `SEARCHING`, `PLACING`, `COMPLETED`.
//! - **Timeouts run on the wall clock**, applied at the start of every request
//!   ([`lifecycle`]): a `RESERVED`
//!   player session becomes `TIMEDOUT` after 60 seconds (players never connect here); an
//!   `ACTIVATING` game session becomes `TERMINATED` once its fleet's
//!   `GameSessionActivationTimeoutSeconds` has passed; a `PENDING` placement becomes
//!   `TIMED_OUT`, and an unfinished ticket `TIMED_OUT`, after [`QUEUE_TIMEOUT_SECONDS`].
//!
//! # Rules where the model has no resource
//!
//! - **Hosting.** A fleet runs one instance (the documented target capacity of a new fleet)
//!   with as many server processes as its runtime configuration's `ConcurrentExecutions` add
//!   up to (one for a legacy `ServerLaunchPath`); each process hosts one game session at a
//!   time, on port `FromPort` of the fleet's first inbound permission plus the process's index
//!   (wrapped into that range; 7777 plus the index without permissions). The instance is
//!   `PENDING` until its fleet is `ACTIVE`, then `ACTIVE`; its DNS name is GameLift's
//!   (`<id>.<region>.amazongamelift.com`) on a fleet with a generated TLS certificate, else
//!   EC2's (`ec2-<ip>.<region>.compute.amazonaws.com`).
//! - **Aliases** cannot be created in this model, so an `AliasId` never resolves: it is
//!   answered with `NotFoundException`.
//! - **Queues** are not modeled: any `GameSessionQueueName` is accepted, and every queue's
//!   destinations are all of the account's fleets in the order they were created. A placement
//!   goes to the first `ACTIVE` fleet with a free server process.
//! - **Matchmaking configurations** are not modeled: any `ConfigurationName` is accepted. A
//!   ticket's players form a match by themselves (no player acceptance), placed like a
//!   placement in a game session for exactly those players. A backfill ticket takes in the
//!   oldest unmatched (`QUEUED` or `SEARCHING`) ticket of the same configuration whose players
//!   fit into the game session's open slots. A match's game session holds exactly the
//!   matched players (`MaximumPlayerSessionCount` is their number).
//!
//! # Rules where the documentation is silent
//!
//! - A game session from a placement or a match starts `ACTIVE` (the placement or ticket
//!   waited for its activation); one from `CreateGameSession` starts `ACTIVATING`. A
//!   placement's `GameSessionId` and `GameSessionArn` are both the session's ARN, the id every
//!   other operation takes.
//! - A repeated `IdempotencyToken` with the same parameters returns the session it created;
//!   with other parameters, or a legacy `GameSessionId` that already names a session on the
//!   fleet, it is an `IdempotentParameterMismatchException`.
//! - The fleet's `ResourceCreationLimitPolicy` applies when it sets both numbers and the
//!   request has a `CreatorId`; past the limit, `LimitExceededException`.
//! - A player holds at most one slot in a game session (`InvalidRequestException` otherwise);
//!   a `DENY_ALL` session refuses players with `InvalidGameSessionStatusException`; lowering
//!   `MaximumPlayerSessionCount` below the players seated is a `ConflictException`.
//! - Exactly one of the documented alternatives selects game sessions (`GameSessionId`,
//!   `FleetId`, `AliasId`) and player sessions (`PlayerSessionId`, `GameSessionId`,
//!   `PlayerId`); none or several is an `InvalidRequestException`. Status filters apply to
//!   every selection; lists come oldest first (search too, without a sort expression) in pages
//!   of 50 unless a `Limit` says otherwise.
//! - **Quotas** ([`quotas`]): the model has no documented numbers; this server's are chosen to
//!   bound its store while leaving room for load tests.

mod answers;
mod earlier;
mod fleet_setup;
mod fleets;
mod instances;
pub mod lifecycle;
mod listing;
mod matchdata;
mod matchmaking;
mod placements;
mod players;
mod query;
pub mod quotas;
pub mod search;
mod server;
mod sessions;
pub mod state;

use smithy_runtime::server::Router;

use crate::fault::Fault;
use crate::gateway::AuthError;
use crate::page::Page;
use crate::service::{Cx, Runner, Service};

pub use lifecycle::QUEUE_TIMEOUT_SECONDS;
pub use state::State;

/// The in-memory GameLift service: implements `gamelift::server::GameLiftServer`.
#[derive(Clone, Debug)]
pub struct GameLift {
    run: Runner<State>,
}

impl Service for GameLift {
    type State = State;
    const NAME: &'static str = "gamelift";
    const PAGE_SIZE: usize = 50;
    const AUTH_ERROR: AuthError = AuthError {
        code: "UnauthorizedException",
        status: 400,
    };

    fn new(run: Runner<State>) -> Self {
        GameLift { run }
    }

    fn router(self) -> Router {
        gamelift_api::server::router(self)
    }

    fn tick(state: &mut State, cx: &Cx<'_>) {
        lifecycle::tick(state, cx);
    }

    fn carry_over(state: &mut State, earlier: &serde_json::Value) -> Result<(), String> {
        earlier::carry_over(state, earlier)
    }
}

impl GameLift {
    /// The runner of its operations: [`Runner::edit`] changes its state directly.
    pub fn runner(&self) -> &Runner<State> {
        &self.run
    }
}

/// Like [`Cx::page`], for a status-filtered list of records in the order they were created,
/// each with its creation number (which names a record for good): the token names the last
/// number returned, so a record whose status changes between two requests (a read moves it
/// on, a reservation times out) makes the next page neither skip nor repeat another.
pub(crate) fn paged_in_order<T>(
    cx: &Cx<'_>,
    items: Vec<(u64, T)>,
    list: &str,
    limit: Option<i32>,
    token: Option<&str>,
) -> Result<Page<T>, Fault> {
    let keyed = items
        .into_iter()
        .map(|(seq, item)| (format!("{seq:012}"), item))
        .collect();
    cx.page_by_key(keyed, list, limit, token)
}

/// The status a status filter (`StatusFilter`, `PlayerSessionStatusFilter`) names, in any
/// case: one of `values`, the statuses of `T`.
pub(crate) fn status_filter<T: for<'a> From<&'a str>>(
    text: Option<&str>,
    parameter: &str,
    values: &[&str],
) -> Result<Option<T>, Fault> {
    let Some(text) = text else {
        return Ok(None);
    };
    let status = text.to_ascii_uppercase();
    if !values.contains(&status.as_str()) {
        return Err(Fault::InvalidRequest(format!(
            "{parameter} `{text}` is not a status: use one of {}",
            values.join(", ")
        )));
    }
    Ok(Some(T::from(status.as_str())))
}

/// `time` in Unix milliseconds (0 before the epoch).
pub(crate) fn millis_of(time: &smithy_runtime::DateTime) -> u64 {
    let secs = u64::try_from(time.secs()).unwrap_or(0);
    secs.saturating_mul(1000)
        .saturating_add(u64::from(time.subsec_nanos() / 1_000_000))
}
