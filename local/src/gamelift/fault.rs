//! [`Fault`]: why a request is refused, independent of the operation; each operation's error
//! type takes it in through `From`, as the modeled error of the same name.

use std::fmt;

/// A refused request: the kind of the modeled error and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Fault {
    /// `InvalidRequestException`: a parameter value, or a combination of them, is invalid.
    InvalidRequest(String),
    /// `NotFoundException`: a referenced resource does not exist.
    NotFound(String),
    /// `InvalidFleetStatusException`: the fleet's status does not allow the request.
    InvalidFleetStatus(String),
    /// `InvalidGameSessionStatusException`: the game session's state does not allow it.
    InvalidGameSessionStatus(String),
    /// `GameSessionFullException`: not enough open player slots.
    GameSessionFull(String),
    /// `FleetCapacityExceededException`: no server process is free to host a game session.
    FleetCapacityExceeded(String),
    /// `IdempotentParameterMismatchException`: a custom id or token already names a session.
    IdempotentParameterMismatch(String),
    /// `LimitExceededException`: a limit (the fleet's resource creation limit) is reached.
    LimitExceeded(String),
    /// `ConflictException`: the request conflicts with the resource's current state.
    Conflict(String),
}

impl Fault {
    /// The message of the error.
    pub(crate) fn message(&self) -> &str {
        match self {
            Fault::InvalidRequest(m)
            | Fault::NotFound(m)
            | Fault::InvalidFleetStatus(m)
            | Fault::InvalidGameSessionStatus(m)
            | Fault::GameSessionFull(m)
            | Fault::FleetCapacityExceeded(m)
            | Fault::IdempotentParameterMismatch(m)
            | Fault::LimitExceeded(m)
            | Fault::Conflict(m) => m,
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

/// `From<Fault>` for each operation's error: the listed faults become the modeled errors;
/// any other would be a bug of this service, answered as `InternalServiceException`.
macro_rules! answers {
    ($($error:ident { $($fault:ident => $exception:ident),* $(,)? })*) => {$(
        impl From<Fault> for gamelift_api::error::$error {
            fn from(fault: Fault) -> Self {
                match fault {
                    $(Fault::$fault(message) => Self::$exception(
                        gamelift_api::types::$exception { message: Some(message) },
                    ),)*
                    #[allow(unreachable_patterns)]
                    other => Self::InternalServiceException(
                        gamelift_api::types::InternalServiceException {
                            message: Some(format!(
                                "this service refused the request with an error the \
                                 operation does not model: {other}"
                            )),
                        },
                    ),
                }
            }
        }
    )*};
}

answers! {
    CreateFleetError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException, Conflict => ConflictException, LimitExceeded => LimitExceededException }
    CreateGameSessionError {
        InvalidRequest => InvalidRequestException,
        NotFound => NotFoundException,
        Conflict => ConflictException,
        InvalidFleetStatus => InvalidFleetStatusException,
        FleetCapacityExceeded => FleetCapacityExceededException,
        IdempotentParameterMismatch => IdempotentParameterMismatchException,
        LimitExceeded => LimitExceededException,
    }
    CreatePlayerSessionError {
        InvalidRequest => InvalidRequestException,
        NotFound => NotFoundException,
        InvalidGameSessionStatus => InvalidGameSessionStatusException,
        GameSessionFull => GameSessionFullException,
    }
    CreatePlayerSessionsError {
        InvalidRequest => InvalidRequestException,
        NotFound => NotFoundException,
        InvalidGameSessionStatus => InvalidGameSessionStatusException,
        GameSessionFull => GameSessionFullException,
    }
    DescribeFleetAttributesError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException }
    DescribeGameSessionDetailsError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException }
    DescribeGameSessionPlacementError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException }
    DescribeGameSessionsError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException }
    DescribeInstancesError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException }
    DescribeMatchmakingError { InvalidRequest => InvalidRequestException }
    DescribePlayerSessionsError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException }
    SearchGameSessionsError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException }
    StartGameSessionPlacementError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException }
    StartMatchBackfillError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException }
    StartMatchmakingError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException }
    StopGameSessionPlacementError { InvalidRequest => InvalidRequestException, NotFound => NotFoundException }
    UpdateGameSessionError {
        InvalidRequest => InvalidRequestException,
        NotFound => NotFoundException,
        Conflict => ConflictException,
        InvalidGameSessionStatus => InvalidGameSessionStatusException,
    }
}
