//! Runtime support for the crates under `generated/`.
//!
//! The generated crates carry per-operation data (names, routes, shapes); the logic that
//! interprets that data is written once, here: the protocols (awsJson1_0, awsJson1_1,
//! restJson1 and rpcv2Cbor, in both directions), the client (transport, SigV4 signing,
//! retries) and the server (routing, the in-process transport, serving over TCP). Pagination
//! and waiters are not here yet; each lands together with the tests that exercise it.
//!
//! # Contents
//!
//! * Smithy value types: [`DateTime`] (timestamps, see [`datetime`] for the three wire
//!   formats), [`Blob`] (base64 on the wire), [`Document`] (arbitrary JSON) and [`Unit`] (a
//!   union member without data).
//! * [`endpoint`]: the Smithy rules engine: endpoints from a model's endpoint rule set, with
//!   the AWS partitions.
//! * [`client`] (feature `client`, on by default): the client side: [`client::Config`], credentials, endpoints, SigV4 signing,
//!   the HTTP transport, retries, and [`client::Handle`], which runs any [`Operation`].
//! * `server` (feature `server`): the server side: `server::Router`, which answers requests
//!   with handlers in every protocol of the service, as a `tower::Service`, an in-process
//!   `HttpClient`, or over TCP with `server::serve`.
//! * [`codec`]: the `serde_with` adapters (applied with `serde_with::As`, without its proc
//!   macro) and helpers that generated serde code names in
//!   its attributes (timestamp formats, non-finite floats, unions).
//! * [`error`]: [`BuildError`] for builders, [`ErrorMetadata`] and [`UnhandledError`] for
//!   service errors that the model does not describe.
//! * [`operation`]: the [`Operation`] trait generated crates implement per operation, a
//!   visitor over all of them, and [`ServiceError`] (code and message of any service error).
//! * [`REDACTED`]: what generated `Debug` impls print for `@sensitive` data.
//! * Re-exports of [`serde`], [`serde_json`] and [`serde_with`]: generated crates depend on
//!   this crate only, and name these as `::smithy_runtime::serde` and so on. [`http`] and
//!   [`bytes`] are re-exported for the message types of the protocols and transports.
//!
//! # Generated serde code
//!
//! ```
//! use smithy_runtime::DateTime;
//!
//! #[derive(::smithy_runtime::serde::Serialize, ::smithy_runtime::serde::Deserialize)]
//! #[serde(crate = "::smithy_runtime::serde")]
//! struct Game {
//!     #[serde(rename = "CreationTime", skip_serializing_if = "Option::is_none")]
//!     #[serde(with = "::smithy_runtime::serde_with::As::<Option<::smithy_runtime::codec::DateTimeFormat>>", default)]
//!     creation_time: Option<DateTime>,
//! }
//!
//! let game = Game { creation_time: Some(DateTime::from_secs(1_576_540_098)) };
//! let json = smithy_runtime::serde_json::to_string(&game).unwrap();
//! assert_eq!(json, r#"{"CreationTime":"2019-12-16T23:48:18Z"}"#);
//! ```

pub use bytes;
#[cfg(feature = "client")]
pub use futures_core;
pub use http;
pub use serde;
pub use serde_json;
pub use serde_with;

mod blob;
#[cfg(feature = "client")]
pub mod client;
pub mod codec;
pub mod datetime;
#[cfg(feature = "client")]
pub mod endpoint;
pub mod error;
pub mod operation;
pub mod protocol;
#[cfg(feature = "server")]
pub mod server;
mod unit;
#[cfg(feature = "server")]
pub mod validate;

pub use blob::{Blob, InvalidBase64};
pub use datetime::DateTime;
pub use error::{BuildError, ErrorMetadata, UnhandledError};
pub use operation::{Operation, OperationError, OperationVisitor, ServiceError};
pub use unit::Unit;

/// The version of this runtime crate, recorded by the generator in each generated crate.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A boxed, `Send` future borrowing from `'a`: what [`client::HttpClient`] and the server's
/// handlers return.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// A Smithy `document`: arbitrary JSON, carried verbatim by the JSON protocols.
pub type Document = serde_json::Value;

/// What generated `Debug` impls print in place of `@sensitive` data.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";
