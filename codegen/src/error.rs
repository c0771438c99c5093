//! Generator errors. Each names the shape (or file) concerned and says what to do.

use crate::model::{Diagnostics, ShapeId};

/// Why a crate could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The model did not load.
    #[error("{0}")]
    Model(#[from] Diagnostics),
    /// The requested shape is not a service.
    #[error("`{id}` is not a service shape in this model; services: {available}")]
    NotAService {
        /// What was asked for.
        id: ShapeId,
        /// The services the model has.
        available: String,
    },
    /// The model has no service to generate.
    #[error("the model has no service shape; a crate is generated per service")]
    NoService,
    /// The service uses no protocol this generator speaks.
    #[error("{service}: no supported protocol trait (found: {found}); supported: awsJson1_0, awsJson1_1, restJson1, rpcv2Cbor")]
    UnsupportedProtocol {
        /// The service.
        service: ShapeId,
        /// The protocol traits it has.
        found: String,
    },
    /// A member's `@jsonName` would key it differently in two protocols the service lists.
    #[error("{member} has @jsonName(\"{json_name}\"), which restJson1 uses and rpcv2Cbor does not, but {service} lists both protocols; one generated type cannot serve both: remove the @jsonName or one of the protocol traits")]
    JsonNameConflict {
        /// The service.
        service: ShapeId,
        /// The member (`ns#Shape$member`).
        member: String,
        /// Its `@jsonName`.
        json_name: String,
    },
    /// Two shapes would generate the same Rust name.
    #[error("{first} and {second} would both generate the Rust item `{ident}`; add a `rename` for one of them to the service shape")]
    NameCollision {
        /// The first shape.
        first: String,
        /// The second shape.
        second: String,
        /// The colliding identifier.
        ident: String,
    },
    /// Emitted tokens did not parse (a generator bug).
    #[error("generated tokens for `{path}` do not parse as Rust ({source}); this is a generator bug: the tokens are in the error's `dump`")]
    InvalidTokens {
        /// The output file.
        path: String,
        /// The parse error.
        source: syn::Error,
        /// The tokens, for debugging.
        dump: String,
    },
}
