//! [`Failure`]: why an operation was refused, and its translation into each operation's
//! modeled errors.

use gamesparks_api::error;
use gamesparks_api::types;

/// Why an operation was refused, with the message the caller reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    /// A game, stage, snapshot, deployment, job, extension or ARN named in the request does
    /// not exist.
    NotFound(String),
    /// The request conflicts with the current state of a resource: a name already taken, a
    /// resource being deleted, a protected game, a reused client token.
    Conflict(String),
    /// A parameter is invalid in a way the model's constraints do not catch.
    Invalid(String),
    /// The change would make a resource exceed a quota.
    Quota(String),
    /// The server could not do what it should have been able to.
    Internal(String),
}

/// `Game 'name' does not exist.`
pub(crate) fn missing_game(game: &str) -> Failure {
    Failure::NotFound(format!("Game '{game}' does not exist."))
}

/// `Stage 'stage' of game 'game' does not exist.`
pub(crate) fn missing_stage(game: &str, stage: &str) -> Failure {
    Failure::NotFound(format!("Stage '{stage}' of game '{game}' does not exist."))
}

/// `Snapshot 'id' of game 'game' does not exist.`
pub(crate) fn missing_snapshot(game: &str, snapshot: &str) -> Failure {
    Failure::NotFound(format!(
        "Snapshot '{snapshot}' of game '{game}' does not exist."
    ))
}

/// `Game 'name' is being deleted.`
pub(crate) fn game_deleting(game: &str) -> Failure {
    Failure::Conflict(format!(
        "Game '{game}' is being deleted; it takes no more changes."
    ))
}

/// Writes `From<Failure>` for operation errors: each row names the variant a
/// [`Failure::NotFound`], [`Failure::Conflict`] and [`Failure::Quota`] become (the
/// operation's own error where its model has one, else `ValidationException`).
/// [`Failure::Invalid`] is always `ValidationException` and [`Failure::Internal`]
/// `InternalServerException`, which every operation has.
macro_rules! errors {
    ($($error:ident => ($not_found:ident, $conflict:ident, $quota:ident),)*) => {$(
        impl From<Failure> for error::$error {
            fn from(failure: Failure) -> Self {
                match failure {
                    Failure::NotFound(m) => Self::$not_found(types::$not_found { message: Some(m) }),
                    Failure::Conflict(m) => Self::$conflict(types::$conflict { message: Some(m) }),
                    Failure::Quota(m) => Self::$quota(types::$quota { message: Some(m) }),
                    Failure::Invalid(m) => {
                        Self::ValidationException(types::ValidationException { message: Some(m) })
                    }
                    Failure::Internal(m) => Self::InternalServerException(
                        types::InternalServerException { message: Some(m) },
                    ),
                }
            }
        }
    )*};
}

errors! {
    CreateGameError => (ValidationException, ConflictException, ServiceQuotaExceededException),
    CreateSnapshotError => (ResourceNotFoundException, ConflictException, ValidationException),
    CreateStageError => (ResourceNotFoundException, ConflictException, ValidationException),
    DeleteGameError => (ValidationException, ConflictException, ValidationException),
    DeleteStageError => (ResourceNotFoundException, ConflictException, ValidationException),
    DisconnectPlayerError => (ResourceNotFoundException, ValidationException, ValidationException),
    ExportSnapshotError => (ResourceNotFoundException, ValidationException, ValidationException),
    GetExtensionError => (ResourceNotFoundException, ValidationException, ValidationException),
    GetExtensionVersionError => (ResourceNotFoundException, ValidationException, ValidationException),
    GetGameError => (ResourceNotFoundException, ValidationException, ValidationException),
    GetGameConfigurationError => (ResourceNotFoundException, ValidationException, ValidationException),
    GetGeneratedCodeJobError => (ResourceNotFoundException, ValidationException, ValidationException),
    GetPlayerConnectionStatusError => (ResourceNotFoundException, ValidationException, ValidationException),
    GetSnapshotError => (ResourceNotFoundException, ValidationException, ValidationException),
    GetStageError => (ResourceNotFoundException, ValidationException, ValidationException),
    GetStageDeploymentError => (ResourceNotFoundException, ValidationException, ValidationException),
    ImportGameConfigurationError => (ResourceNotFoundException, ValidationException, ServiceQuotaExceededException),
    ListExtensionVersionsError => (ResourceNotFoundException, ValidationException, ValidationException),
    ListExtensionsError => (ValidationException, ValidationException, ValidationException),
    ListGamesError => (ValidationException, ValidationException, ValidationException),
    ListGeneratedCodeJobsError => (ResourceNotFoundException, ValidationException, ValidationException),
    ListSnapshotsError => (ResourceNotFoundException, ValidationException, ValidationException),
    ListStageDeploymentsError => (ResourceNotFoundException, ValidationException, ValidationException),
    ListStagesError => (ResourceNotFoundException, ValidationException, ValidationException),
    ListTagsForResourceError => (ResourceNotFoundException, ValidationException, ValidationException),
    StartGeneratedCodeJobError => (ResourceNotFoundException, ValidationException, ValidationException),
    StartStageDeploymentError => (ResourceNotFoundException, ConflictException, ValidationException),
    TagResourceError => (ResourceNotFoundException, ValidationException, ValidationException),
    UntagResourceError => (ResourceNotFoundException, ValidationException, ValidationException),
    UpdateGameError => (ResourceNotFoundException, ValidationException, ValidationException),
    UpdateGameConfigurationError => (ResourceNotFoundException, ValidationException, ServiceQuotaExceededException),
    UpdateSnapshotError => (ResourceNotFoundException, ValidationException, ValidationException),
    UpdateStageError => (ResourceNotFoundException, ValidationException, ValidationException),
}
