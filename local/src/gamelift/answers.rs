//! GameLift's operation errors from a [`Fault`]: the faults each operation models become its
//! modeled errors; any other (a failure to save included) is its `InternalServiceException`,
//! a 500.

use crate::fault::Fault;

/// `From<Fault>` for each operation's error: the listed faults become the modeled errors;
/// any other (an unsaved change, a bug of this service) is `InternalServiceException`.
macro_rules! answers {
    ($($error:ident { $($fault:ident => $exception:ident),* $(,)? })*) => {$(
        impl From<Fault> for gamelift_api::error::$error {
            fn from(fault: Fault) -> Self {
                match fault {
                    $(Fault::$fault(message) => Self::$exception(
                        gamelift_api::types::$exception::builder().message(message).build(),
                    ),)*
                    #[allow(unreachable_patterns)]
                    Fault::Internal(message) | Fault::Unsaved(message) => {
                        Self::InternalServiceException(
                            gamelift_api::types::InternalServiceException::builder()
                                .message(message)
                                .build(),
                        )
                    }
                    #[allow(unreachable_patterns)]
                    other => Self::InternalServiceException(
                        gamelift_api::types::InternalServiceException::builder()
                            .message(format!(
                                "this service refused the request with an error the \
                                 operation does not model: {other}"
                            ))
                            .build(),
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
