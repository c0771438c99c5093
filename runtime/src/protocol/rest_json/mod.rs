//! restJson1 (SMITHY.md 6): `@http` routes, members bound to labels, query strings, headers,
//! the payload and the status code, the rest in a JSON body.

mod bind;
mod headers;
mod payload;
mod request;
mod response;
mod uri;

pub(crate) use bind::read_headers;
pub(crate) use request::{read_request, write_request};
pub(crate) use response::{read_response, write_response};
