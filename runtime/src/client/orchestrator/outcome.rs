//! How an attempt ended: the [`Failure`] of one that did not succeed, turned into the call's
//! [`SdkError`], and the decoded output of one that did.

use std::time::Duration;

use bytes::Bytes;

use super::super::error::{
    ConstructionError, ConstructionErrorKind, MalformedResponse, SdkError, TimeoutError,
    TimeoutKind,
};
use super::super::retry::RetryKind;
use super::super::transport::TransportError;
use crate::operation::OutputMetadata as _;
use crate::operation::{Operation, OperationError};
use crate::protocol::{request_id, ErrorResponse, Protocol, Slot};
use crate::ErrorMetadata;

/// What ended an attempt that did not succeed.
pub(super) enum Failure {
    Service {
        status: u16,
        response: ErrorResponse,
        headers: http::HeaderMap,
    },
    Transport(TransportError),
    Timeout(Duration),
}

/// The status and request id of an attempt's answer, when there was one.
pub(super) fn attempt_outcome(
    sent: &Result<http::Response<Bytes>, (Failure, Option<RetryKind>)>,
) -> (Option<u16>, Option<String>) {
    match sent {
        Ok(response) => (
            Some(response.status().as_u16()),
            request_id(response.headers()),
        ),
        Err((
            Failure::Service {
                status, response, ..
            },
            _,
        )) => (Some(*status), response.request_id.clone()),
        Err(_) => (None, None),
    }
}

impl Failure {
    /// Why the attempt failed, for the retry event.
    pub(super) fn reason(&self) -> &'static str {
        match self {
            Failure::Service { .. } => "the service answered with a retryable error",
            Failure::Transport(_) => "the connection failed",
            Failure::Timeout(_) => "the attempt timed out",
        }
    }

    pub(super) fn into_sdk_error<O: Operation>(self, attempts: u32) -> SdkError<O::Error> {
        match self {
            Failure::Service {
                status,
                response,
                headers,
            } => {
                let mut meta = ErrorMetadata::new();
                if let Some(code) = &response.code {
                    meta = meta.with_code(code.clone());
                }
                if let Some(message) = &response.message {
                    meta = meta.with_message(message.clone());
                }
                if let Some(request_id) = &response.request_id {
                    meta = meta.with_request_id(request_id.clone());
                }
                let error =
                    O::Error::from_response(response.code.as_deref(), response.members, meta);
                SdkError::Service {
                    error,
                    status,
                    request_id: response.request_id,
                    headers,
                }
            }
            Failure::Transport(error) => SdkError::Transport(error),
            Failure::Timeout(limit) => {
                SdkError::Timeout(TimeoutError::new(TimeoutKind::Attempt, limit, attempts))
            }
        }
    }
}

pub(super) fn decode_output<O: Operation>(
    protocol: &dyn Protocol,
    response: &http::Response<Bytes>,
) -> Result<O::Output, SdkError<O::Error>> {
    let malformed = |source: Box<dyn std::error::Error + Send + Sync>| {
        SdkError::Response(MalformedResponse::new(
            response.status().as_u16(),
            response.headers().clone(),
            response.body().clone(),
            source,
        ))
    };
    let mut output = Slot::<O::Output>::new();
    protocol
        .read_response(O::SERVICE, O::SPEC, response, &mut output)
        .map_err(|e| malformed(Box::new(e)))?;
    let mut output = output
        .take()
        .ok_or_else(|| malformed("the protocol decoded no output".into()))?;
    output
        .metadata_mut()
        .set_request_id(request_id(response.headers()));
    Ok(output)
}

pub(super) fn construction<E>(
    kind: ConstructionErrorKind,
    message: impl Into<String>,
) -> SdkError<E> {
    SdkError::Construction(ConstructionError::new(kind, message))
}
