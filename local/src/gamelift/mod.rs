//! The in-memory GameLift service.
//!
//! [`GameLift`] implements every operation of `gamelift::server::GameLiftServer` over
//! [`State`], which lives in the shared store and is persisted after every request.
//!
//! # How statuses move
//!
//! - **Reads advance.** A `Describe*` or `Search*` call moves each resource it selects (the
//!   fleet, game sessions, placement or tickets named by the request, before status filters
//!   and paging) on by the [`Clock`]: one status per read with [`crate::Pace::PerPoll`].
//!   Fleets go `NEW`, `DOWNLOADING`, `VALIDATING`, `BUILDING`, `ACTIVATING`, `ACTIVE`; game
//!   sessions `ACTIVATING`, `ACTIVE`; placements `PENDING`, `FULFILLED`; matchmaking tickets
//!   `QUEUED`, `SEARCHING`, `PLACING`, `COMPLETED`.
//! - **Timeouts run on the wall clock**, checked at the start of every request: a `RESERVED`
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

mod fault;
mod fleet_setup;
mod fleets;
mod instances;
mod listing;
mod matchdata;
mod matchmaking;
mod placements;
mod players;
mod query;
pub mod search;
mod server;
mod sessions;
mod state;

use crate::clock::{datetime, Clock, Progress};
use crate::page::Page;
use crate::{Names, Shared};
use fault::Fault;

pub use state::State;

/// How long a placement may stay `PENDING`, and a matchmaking ticket unfinished, before it
/// times out: the default `TimeoutInSeconds` of a GameLift game session queue.
pub const QUEUE_TIMEOUT_SECONDS: u64 = 600;

/// The in-memory GameLift service: implements `gamelift::server::GameLiftServer`.
#[derive(Clone, Debug)]
pub struct GameLift {
    shared: Shared,
}

impl GameLift {
    /// The service over `shared` state.
    pub fn new(shared: Shared) -> Self {
        GameLift { shared }
    }
}

/// What an operation needs besides the state: the names of new resources, the clock, and the
/// time the request is handled at.
pub(crate) struct Ctx<'a> {
    /// The account and region of ARNs.
    pub(crate) names: &'a Names,
    /// The clock statuses advance on.
    pub(crate) clock: &'a Clock,
    /// The time of the request, in Unix milliseconds.
    pub(crate) now: u64,
}

impl Ctx<'_> {
    /// The time of the request, as a response timestamp.
    pub(crate) fn timestamp(&self) -> smithy_runtime::DateTime {
        datetime(self.now)
    }
}

/// How many items a page holds when the request sets no `Limit`.
const DEFAULT_PAGE: usize = 50;

/// The page of `items` a request's `Limit` and `NextToken` ask for; a bad token or limit is
/// an `InvalidRequestException`.
pub(crate) fn paged<T>(
    items: Vec<T>,
    list: &str,
    limit: Option<i32>,
    token: Option<&str>,
) -> Result<Page<T>, Fault> {
    crate::page::page(items, list, limit.map(i64::from), token, DEFAULT_PAGE)
        .map_err(Fault::InvalidRequest)
}

/// Like [`paged`], for a status-filtered list of records in the order they were created,
/// each with its index in the state (which only grows, so an index names a record for good):
/// the token names the last index returned, so a record whose status changes between two
/// requests (a read moves it on, a reservation times out) makes the next page neither skip
/// nor repeat another.
pub(crate) fn paged_in_order<T>(
    items: Vec<(usize, T)>,
    list: &str,
    limit: Option<i32>,
    token: Option<&str>,
) -> Result<Page<T>, Fault> {
    let keyed = items
        .into_iter()
        .map(|(index, item)| (format!("{index:012}"), item))
        .collect();
    crate::page::page_by_key(keyed, list, limit.map(i64::from), token, DEFAULT_PAGE)
        .map_err(Fault::InvalidRequest)
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
