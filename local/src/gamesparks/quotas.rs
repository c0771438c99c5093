//! How much one account may create here. The GameSparks model and documentation give no
//! numbers (the service never left preview); these are this server's own choice, to bound its
//! store. Past one, the operation's quota error (`ServiceQuotaExceededException` where the
//! model has it, else `ValidationException`) names it.

/// Games per account.
pub const GAMES: usize = 100;
/// Stages per game.
pub const STAGES_PER_GAME: usize = 20;
/// Snapshots per game.
pub const SNAPSHOTS_PER_GAME: usize = 100;
/// Deployments kept per stage.
pub const DEPLOYMENTS_PER_STAGE: usize = 100;
/// Code generation jobs per snapshot.
pub const JOBS_PER_SNAPSHOT: usize = 100;
