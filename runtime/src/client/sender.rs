//! [`Sender`]: what a generated fluent builder holds to send its operation.

use std::fmt;
use std::marker::PhantomData;

use super::error::{ConstructionError, ConstructionErrorKind, SdkError};
use super::orchestrator::Handle;
use crate::operation::Operation;
use crate::BuildError;

/// Sends operation `O` through a [`Handle`]; generated fluent builders hold one and call
/// [`Sender::send`] with the result of building their input.
pub struct Sender<O> {
    handle: Handle,
    _op: PhantomData<fn() -> O>,
}

impl<O> Sender<O> {
    /// Sends through `handle`.
    pub fn new(handle: Handle) -> Self {
        Sender {
            handle,
            _op: PhantomData,
        }
    }

    /// The handle requests go through.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }
}

impl<O: Operation> Sender<O> {
    /// Runs the operation with `input`; a [`BuildError`] (required members unset) becomes
    /// [`SdkError::Construction`] without anything being sent.
    pub async fn send(
        self,
        input: Result<O::Input, BuildError>,
    ) -> Result<O::Output, SdkError<O::Error>> {
        let input = input.map_err(invalid_input::<O>)?;
        self.handle.call::<O>(input).await
    }
}

/// The error for an input of `O` that did not build: nothing is sent.
pub(crate) fn invalid_input<O: Operation>(e: BuildError) -> SdkError<O::Error> {
    SdkError::Construction(
        ConstructionError::new(
            ConstructionErrorKind::InvalidInput,
            format!("invalid {} input: {e}", O::NAME),
        )
        .with_source(e),
    )
}

impl<O> Clone for Sender<O> {
    fn clone(&self) -> Self {
        Sender::new(self.handle.clone())
    }
}

impl<O> fmt::Debug for Sender<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field("operation", &std::any::type_name::<O>())
            .field("handle", &self.handle)
            .finish()
    }
}
