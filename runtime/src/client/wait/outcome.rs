//! How a wait ends: [`Final`] (a success acceptor matched) or [`WaitError`].

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use crate::client::error::SdkError;

/// What the last attempt returned when a success acceptor matched: the output, or (for an
/// `errorType` or `success: false` success acceptor) the service error.
#[derive(Debug)]
pub enum Final<O, E> {
    /// The operation's output.
    Output(O),
    /// The service error.
    Error(E),
}

impl<O, E> Final<O, E> {
    /// The output, if the last attempt succeeded.
    pub fn output(&self) -> Option<&O> {
        match self {
            Final::Output(output) => Some(output),
            Final::Error(_) => None,
        }
    }

    /// The output, if the last attempt succeeded.
    pub fn into_output(self) -> Option<O> {
        match self {
            Final::Output(output) => Some(output),
            Final::Error(_) => None,
        }
    }

    /// The service error, if the last attempt returned one.
    pub fn error(&self) -> Option<&E> {
        match self {
            Final::Output(_) => None,
            Final::Error(error) => Some(error),
        }
    }

    /// The service error, if the last attempt returned one.
    pub fn into_error(self) -> Option<E> {
        match self {
            Final::Output(_) => None,
            Final::Error(error) => Some(error),
        }
    }
}

/// Why a wait ended without a success acceptor matching.
#[derive(Debug)]
pub enum WaitError<E> {
    /// A failure acceptor matched.
    Failed {
        /// The waiter's name.
        waiter: &'static str,
        /// The acceptor's index in [`Waiter::acceptors`](super::Waiter::acceptors).
        acceptor: usize,
        /// The acceptor's matcher, as [`Matcher`](super::Matcher)'s `Display` describes it.
        description: String,
        /// The attempts made, the last one included.
        attempts: u32,
    },
    /// The time ran out.
    TimedOut {
        /// The waiter's name.
        waiter: &'static str,
        /// The attempts made.
        attempts: u32,
        /// The time since the first attempt (at least the maximum wait).
        waited: Duration,
    },
    /// The operation failed in a way no acceptor matched (an unmatched service error) or that
    /// ends waiting at once (construction, transport, timeout, unreadable response).
    Operation {
        /// The waiter's name.
        waiter: &'static str,
        /// The attempts made, the failed one included (0 when the input did not build).
        attempts: u32,
        /// The call's error.
        source: SdkError<E>,
    },
}

impl<E> WaitError<E> {
    /// The name of the waiter that stopped.
    pub fn waiter(&self) -> &'static str {
        match self {
            WaitError::Failed { waiter, .. }
            | WaitError::TimedOut { waiter, .. }
            | WaitError::Operation { waiter, .. } => waiter,
        }
    }

    /// The number of attempts made.
    pub fn attempts(&self) -> u32 {
        match self {
            WaitError::Failed { attempts, .. }
            | WaitError::TimedOut { attempts, .. }
            | WaitError::Operation { attempts, .. } => *attempts,
        }
    }

    /// The operation's error, for [`WaitError::Operation`].
    pub fn as_operation_error(&self) -> Option<&SdkError<E>> {
        match self {
            WaitError::Operation { source, .. } => Some(source),
            WaitError::Failed { .. } | WaitError::TimedOut { .. } => None,
        }
    }

    /// The operation's error, for [`WaitError::Operation`].
    pub fn into_operation_error(self) -> Option<SdkError<E>> {
        match self {
            WaitError::Operation { source, .. } => Some(source),
            WaitError::Failed { .. } | WaitError::TimedOut { .. } => None,
        }
    }
}

/// `1 attempt`, `3 attempts`.
struct Attempts(u32);

impl fmt::Display for Attempts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.0 == 1 { "" } else { "s" };
        write!(f, "{} attempt{plural}", self.0)
    }
}

impl<E: fmt::Display> fmt::Display for WaitError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::Failed {
                waiter,
                acceptor,
                description,
                attempts,
            } => write!(
                f,
                "waiter `{waiter}` failed: acceptor {acceptor} matched ({description}) after {}",
                Attempts(*attempts)
            ),
            WaitError::TimedOut {
                waiter,
                attempts,
                waited,
            } => write!(
                f,
                "waiter `{waiter}` timed out after {} in {waited:?}",
                Attempts(*attempts)
            ),
            WaitError::Operation {
                waiter,
                attempts: 0,
                source,
            } => write!(
                f,
                "waiter `{waiter}` stopped on an error before its first attempt: {source}"
            ),
            WaitError::Operation {
                waiter,
                attempts,
                source,
            } => write!(
                f,
                "waiter `{waiter}` stopped on an error after {}: {source}",
                Attempts(*attempts)
            ),
        }
    }
}

impl<E: StdError + 'static> StdError for WaitError<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            WaitError::Operation { source, .. } => Some(source),
            WaitError::Failed { .. } | WaitError::TimedOut { .. } => None,
        }
    }
}
