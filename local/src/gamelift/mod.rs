//! Pieces of an in-memory AWS GameLift service.

pub mod search;
