//! The server side: what generated `server` modules build on. A generated crate has a trait
//! with one async method per operation (each defaulting to a "not implemented" answer) and a
//! `router` function that turns any implementation into a [`Router`].
//!
//! A [`Router`] answers HTTP requests the way the service would, in every protocol the
//! service lists: it routes the request ([`crate::protocol::Protocol::route`]), decodes the
//! input, calls the handler and encodes its output or error, each in the protocol the request
//! came in. A malformed request gets the protocol's error response (400, 404, 406, 413, 415),
//! a handler that panics a 500 `InternalFailure`; the router keeps serving.
//!
//! Use it in-process as the client's HTTP transport (`Config::builder().http_client(router)`),
//! as a `tower::Service` for any body type, or over TCP with [`serve`].

mod context;
mod guard;
mod input;
mod router;
mod serve;
mod tower;

pub use context::RequestContext;
pub use guard::{BodyTimeout, TimedBody};
pub use router::{Claim, OperationName, Router, RouterBuilder, DEFAULT_BODY_LIMIT};
pub use serve::{serve, serve_with, ServeConfig, ServeRequest, ServeService};
pub use tower::{collect_body, BodyError};

use crate::{ErrorMetadata, UnhandledError};

/// The error a generated handler method answers with until it is implemented: HTTP 501,
/// code `NotImplemented`, a message naming the operation and the trait method to implement.
pub fn not_implemented<E: From<UnhandledError>>(operation: &str, method: &str) -> E {
    E::from(UnhandledError::new(
        ErrorMetadata::new()
            .with_code("NotImplemented")
            .with_message(format!(
                "{operation} is not implemented by this server: implement `{method}`"
            ))
            .with_status(501),
    ))
}
