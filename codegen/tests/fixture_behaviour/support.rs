//! What the fixture crates' behaviour tests share (copied into each crate as
//! `tests/support/mod.rs`; a behaviour test declares `mod support;` to use it).

use std::future::Future;
use std::task::{Context, Poll, Waker};

/// Runs a future that never waits on a timer or I/O (a scripted transport answers at once).
pub fn run<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}
