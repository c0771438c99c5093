//! GameSparks' operation errors from a [`Fault`]: each operation's `From<Fault>`.

use gamesparks_api::error;
use gamesparks_api::types;

use crate::fault::Fault;

/// Writes `From<Fault>` for operation errors: each row names the variant a
/// [`Fault::NotFound`], [`Fault::Conflict`] and [`Fault::LimitExceeded`] become (the
/// operation's own error where its model has one, else `ValidationException`).
/// [`Fault::InvalidRequest`] is always `ValidationException`; [`Fault::Internal`],
/// [`Fault::Unsaved`] (and GameLift's kinds, which never occur here) are
/// `InternalServerException`, a 500, which every operation has.
macro_rules! errors {
    ($($error:ident => ($not_found:ident, $conflict:ident, $quota:ident),)*) => {$(
        impl From<Fault> for error::$error {
            fn from(fault: Fault) -> Self {
                match fault {
                    Fault::NotFound(m) => Self::$not_found(types::$not_found::builder().message(m).build()),
                    Fault::Conflict(m) => Self::$conflict(types::$conflict::builder().message(m).build()),
                    Fault::LimitExceeded(m) => Self::$quota(types::$quota::builder().message(m).build()),
                    Fault::InvalidRequest(m) => Self::ValidationException(
                        types::ValidationException::builder().message(m).build(),
                    ),
                    other => Self::InternalServerException(
                        types::InternalServerException::builder()
                            .message(other.message())
                            .build(),
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
