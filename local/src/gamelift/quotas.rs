//! How much one account may create here. GameLift documents its quotas per Region and lets
//! accounts raise them, but the model gives no numbers; these are this server's own choice:
//! high enough for load tests (the interop load test creates thousands of fleets), low enough
//! that no client can grow the store without bound. Past one, the operation's limit error
//! (`LimitExceededException` where the model has it) says which quota it is.

/// Fleets per account.
pub const FLEETS: usize = 100_000;
/// Game sessions ever created on one fleet (terminated ones included).
pub const SESSIONS_PER_FLEET: usize = 10_000;
/// Player sessions ever created in one game session (timed-out ones included).
pub const PLAYERS_PER_SESSION: usize = 1_000;
/// Game session placements per account.
pub const PLACEMENTS: usize = 100_000;
/// Matchmaking tickets per account.
pub const TICKETS: usize = 100_000;
