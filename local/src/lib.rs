//! In-memory "local" implementations of AWS services, for tests.
//!
//! This crate will grow into in-memory stand-ins for the AWS GameLift and
//! GameSparks services, so that generated clients can be exercised in tests
//! without network access or AWS credentials.
//!
//! For now it holds one self-contained piece of GameLift: the filter and sort
//! expression language of the `SearchGameSessions` operation, in
//! [`gamelift::search`].

pub mod gamelift;
