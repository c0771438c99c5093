//! Waiters (`smithy.waiters#waitable`): an operation called again and again until its
//! response shows that a resource reached the state waited for.
//!
//! Generated code describes each waiter as a static [`Waiter`] (its delays and its
//! [`Acceptor`]s) and gives its `wait_until_*` builder a [`Wait`]. The loop lives here:
//!
//! - every attempt calls the operation with the same input;
//! - an error that is not the service's own (the request could not be built or sent, it timed
//!   out, or its response could not be read) ends the wait at once
//!   ([`WaitError::Operation`]); a service error or an output goes to the acceptors;
//! - the acceptors are tried in order and the first that matches decides: `success` ends the
//!   wait with the response ([`Final`]), `failure` with [`WaitError::Failed`], `retry` polls
//!   again;
//! - when none matches, a service error ends the wait ([`WaitError::Operation`]) and an output
//!   polls again;
//! - before polling again, the wait ends with [`WaitError::TimedOut`] once `max_wait` has
//!   passed since the first attempt; otherwise it sleeps for [`retry_delay`], which is cut so
//!   that the last attempt happens at the deadline, never after it.
//!
//! Sleeps and the deadline follow tokio's clock, so waits run under
//! `#[tokio::test(start_paused = true)]` without waiting.

mod backoff;
mod outcome;
mod spec;
#[cfg(test)]
mod tests;

use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;
use smithy_jmespath::Expression;
use tokio::time::{sleep, Instant};

use super::error::SdkError;
use super::orchestrator::Handle;
use super::sender::invalid_input;
use crate::operation::{Operation, ServiceError};
use crate::BuildError;

pub use backoff::retry_delay;
pub use outcome::{Final, WaitError};
pub use spec::{Acceptor, AcceptorState, Comparator, Matcher, Waiter};

/// Waits on operation `O` with one [`Waiter`]: generated `wait_until_*` builders hold one (as
/// fluent builders hold a [`Sender`](super::Sender)) and call [`Wait::wait`] with the result of
/// building their input.
pub struct Wait<O> {
    handle: Handle,
    waiter: &'static Waiter,
    _op: PhantomData<fn() -> O>,
}

impl<O> Wait<O> {
    /// Waits with `waiter`, calling through `handle`.
    pub fn new(handle: Handle, waiter: &'static Waiter) -> Self {
        Wait {
            handle,
            waiter,
            _op: PhantomData,
        }
    }

    /// The waiter.
    pub fn waiter(&self) -> &'static Waiter {
        self.waiter
    }

    /// The handle requests go through.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }
}

impl<O: Operation> Wait<O> {
    /// Polls until an acceptor decides or `max_wait` runs out.
    ///
    /// Calls the operation with `input` (a [`BuildError`] ends the wait before anything is
    /// sent) and hands each response to the acceptors; see the [module documentation](self)
    /// for the loop. Every call goes through the handle's own retries and timeouts first.
    ///
    /// # Errors
    ///
    /// [`WaitError::Failed`] when a failure acceptor matched, [`WaitError::TimedOut`] when
    /// `max_wait` ran out, and [`WaitError::Operation`] when a call failed in a way no
    /// acceptor matched or that ends the wait at once.
    pub async fn wait(
        self,
        input: Result<O::Input, BuildError>,
        max_wait: Duration,
    ) -> Result<Final<O::Output, O::Error>, WaitError<O::Error>> {
        let waiter = self.waiter;
        let operation_error = |attempts, source| WaitError::Operation {
            waiter: waiter.name,
            attempts,
            source,
        };
        let input = input.map_err(|e| operation_error(0, invalid_input::<O>(e)))?;
        let paths = parse_paths(waiter.acceptors);
        let mut rng = fastrand::Rng::new();
        let start = Instant::now();
        let mut attempts = 0;
        loop {
            attempts += 1;
            let result = self.handle.call::<O>(input.clone()).await;
            let polled: Option<Result<&O::Output, &O::Error>> = match &result {
                Ok(output) => Some(Ok(output)),
                Err(SdkError::Service { error, .. }) => Some(Err(error)),
                // Only service errors reach the acceptors.
                Err(_) => None,
            };
            let decision =
                polled.and_then(|polled| first_match(waiter.acceptors, &paths, &input, polled));
            match decision {
                Some((_, AcceptorState::Success)) => {
                    return match result {
                        Ok(output) => Ok(Final::Output(output)),
                        Err(SdkError::Service { error, .. }) => Ok(Final::Error(error)),
                        Err(source) => Err(operation_error(attempts, source)),
                    };
                }
                Some((acceptor, AcceptorState::Failure)) => {
                    let description = waiter
                        .acceptors
                        .get(acceptor)
                        .map(|a| a.matcher.to_string())
                        .unwrap_or_default();
                    return Err(WaitError::Failed {
                        waiter: waiter.name,
                        acceptor,
                        description,
                        attempts,
                    });
                }
                Some((_, AcceptorState::Retry)) => {}
                None => {
                    // An error no acceptor matched is a failure; an output polls again.
                    if let Err(source) = result {
                        return Err(operation_error(attempts, source));
                    }
                }
            }

            let elapsed = start.elapsed();
            if elapsed >= max_wait {
                return Err(WaitError::TimedOut {
                    waiter: waiter.name,
                    attempts,
                    waited: elapsed,
                });
            }
            let delay = retry_delay(
                attempts,
                waiter.min_delay,
                waiter.max_delay,
                max_wait - elapsed,
                &mut rng,
            );
            sleep(delay).await;
        }
    }
}

impl<O> Clone for Wait<O> {
    fn clone(&self) -> Self {
        Wait::new(self.handle.clone(), self.waiter)
    }
}

impl<O> fmt::Debug for Wait<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Wait")
            .field("operation", &std::any::type_name::<O>())
            .field("waiter", &self.waiter.name)
            .field("handle", &self.handle)
            .finish()
    }
}

/// The acceptors' parsed paths, by acceptor: `None` for a matcher without a path, and for a
/// path that does not parse (the generator rejects those), which therefore never matches.
fn parse_paths(acceptors: &[Acceptor]) -> Vec<Option<Expression>> {
    acceptors
        .iter()
        .map(|acceptor| {
            acceptor
                .matcher
                .path()
                .and_then(|path| smithy_jmespath::parse(path).ok())
        })
        .collect()
}

/// The first of `acceptors` that matches the response `polled` to `input` (an output or a
/// service error): its index and state. `paths` are the acceptors' parsed paths.
fn first_match<I, T, E>(
    acceptors: &[Acceptor],
    paths: &[Option<Expression>],
    input: &I,
    polled: Result<&T, &E>,
) -> Option<(usize, AcceptorState)>
where
    I: Serialize,
    T: Serialize,
    E: ServiceError,
{
    // The JSON roots, made when a matcher first needs them; `Some(None)` when serializing
    // failed (then no path matches).
    let mut output_root: Option<Option<Value>> = None;
    let mut input_output_root: Option<Option<Value>> = None;
    acceptors
        .iter()
        .zip(paths)
        .enumerate()
        .find_map(|(index, (acceptor, path))| {
            let matched = match (&acceptor.matcher, polled) {
                (Matcher::Success(success), _) => *success == polled.is_ok(),
                (Matcher::ErrorType(name), Err(error)) => error.code() == Some(error_name(name)),
                (Matcher::ErrorType(_), Ok(_)) => false,
                (Matcher::Output { .. } | Matcher::InputOutput { .. }, Err(_)) => false,
                (
                    Matcher::Output {
                        expected,
                        comparator,
                        ..
                    },
                    Ok(output),
                ) => {
                    let root = output_root.get_or_insert_with(|| serde_json::to_value(output).ok());
                    path_matches(path.as_ref(), root.as_ref(), *comparator, expected)
                }
                (
                    Matcher::InputOutput {
                        expected,
                        comparator,
                        ..
                    },
                    Ok(output),
                ) => {
                    let root = input_output_root.get_or_insert_with(|| {
                        let mut root = serde_json::Map::new();
                        root.insert("input".to_owned(), serde_json::to_value(input).ok()?);
                        root.insert("output".to_owned(), serde_json::to_value(output).ok()?);
                        Some(Value::Object(root))
                    });
                    path_matches(path.as_ref(), root.as_ref(), *comparator, expected)
                }
            };
            matched.then_some((index, acceptor.state))
        })
}

/// The name part of an `errorType` (`NotFound` of `com.example#NotFound`).
fn error_name(error_type: &str) -> &str {
    error_type
        .rsplit_once('#')
        .map_or(error_type, |(_, name)| name)
}

/// Whether `path` evaluated on `root` compares equal to `expected`; never when the path did
/// not parse, the root could not be made, or the evaluation fails.
fn path_matches(
    path: Option<&Expression>,
    root: Option<&Value>,
    comparator: Comparator,
    expected: &str,
) -> bool {
    let (Some(path), Some(root)) = (path, root) else {
        return false;
    };
    path.search(root)
        .is_ok_and(|result| comparator.matches(&result, expected))
}
