//! Strict reading, for servers: what a client must tolerate in a response (a union member
//! newer than its model, a date-time with a UTC offset) a server must refuse in a request.
//!
//! serde hands deserializers no context, so the mode is a thread-local flag that
//! [`strictly`] sets for the duration of one synchronous decode; the readers that differ
//! ([`read_unknown_member`], the date-time parser) consult it.

use std::cell::Cell;

use serde::de::{Error as _, IgnoredAny, MapAccess};

thread_local! {
    static STRICT: Cell<bool> = const { Cell::new(false) };
}

/// Runs `decode` with strict reading on this thread, and restores the previous mode after it
/// (also when it panics). Strict reading refuses a union member the model does not have and
/// a `date-time` timestamp with an offset other than `Z`.
pub fn strictly<R>(decode: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            STRICT.with(|strict| strict.set(self.0));
        }
    }
    let _restore = Restore(STRICT.with(|strict| strict.replace(true)));
    decode()
}

/// Whether this thread reads strictly (inside [`strictly`]).
pub(crate) fn is_strict() -> bool {
    STRICT.with(Cell::get)
}

/// Reads the value of union member `key`, which union `union` does not have: its name when
/// the value is set (the union's `Unknown` variant), `None` for `null`. Generated unions call
/// this for keys they do not know.
///
/// # Errors
///
/// Inside [`strictly`], always: `union `Choice` has no member `d``; else when the value is
/// not well formed.
pub fn read_unknown_member<'de, M: MapAccess<'de>>(
    union: &str,
    key: &str,
    map: &mut M,
) -> Result<Option<String>, M::Error> {
    if is_strict() {
        return Err(M::Error::custom(format_args!(
            "union `{union}` has no member `{key}`"
        )));
    }
    Ok(map
        .next_value::<Option<IgnoredAny>>()?
        .map(|_| key.to_owned()))
}
