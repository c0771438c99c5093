//! [`Fault`]: why a request is refused, whatever the service. Each service turns it into the
//! modeled error of each of its operations (its `From<Fault>` impls).

use std::fmt;

/// A refused request: the kind of error and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// A parameter value, or a combination of them, is invalid (GameLift
    /// `InvalidRequestException`, GameSparks `ValidationException`).
    InvalidRequest(String),
    /// A referenced resource does not exist.
    NotFound(String),
    /// The request conflicts with the current state of a resource.
    Conflict(String),
    /// A limit is reached: a quota of the account, or of a resource (GameLift
    /// `LimitExceededException`, GameSparks `ServiceQuotaExceededException`).
    LimitExceeded(String),
    /// The server could not do what it should have been able to (a 500).
    Internal(String),
    /// The change could not be saved, so it was not made (a 500).
    Unsaved(String),
    /// GameLift `InvalidFleetStatusException`: the fleet's status does not allow the request.
    InvalidFleetStatus(String),
    /// GameLift `InvalidGameSessionStatusException`.
    InvalidGameSessionStatus(String),
    /// GameLift `GameSessionFullException`: not enough open player slots.
    GameSessionFull(String),
    /// GameLift `FleetCapacityExceededException`: no server process is free.
    FleetCapacityExceeded(String),
    /// GameLift `IdempotentParameterMismatchException`.
    IdempotentParameterMismatch(String),
}

impl Fault {
    /// The message of the error.
    pub fn message(&self) -> &str {
        match self {
            Fault::InvalidRequest(m)
            | Fault::NotFound(m)
            | Fault::Conflict(m)
            | Fault::LimitExceeded(m)
            | Fault::Internal(m)
            | Fault::Unsaved(m)
            | Fault::InvalidFleetStatus(m)
            | Fault::InvalidGameSessionStatus(m)
            | Fault::GameSessionFull(m)
            | Fault::FleetCapacityExceeded(m)
            | Fault::IdempotentParameterMismatch(m) => m,
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

/// A generated builder that refused its value: a bug of this service (a required member it
/// did not set), answered as an internal error rather than a panic.
impl From<smithy_runtime::BuildError> for Fault {
    fn from(error: smithy_runtime::BuildError) -> Self {
        Fault::Internal(format!("this service built an invalid value: {error}"))
    }
}
