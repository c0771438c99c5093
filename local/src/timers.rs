//! [`Timers`]: deadlines of records that change on the wall clock (a reservation timing out),
//! so that each request looks only at those that are due.

use std::collections::BTreeSet;

/// Deadlines (Unix milliseconds) of records named by `K`. A deadline may be stale (the record
/// changed since): whoever handles a due one checks the record again.
#[derive(Debug)]
pub struct Timers<K> {
    due: BTreeSet<(u64, K)>,
}

impl<K: Ord> Default for Timers<K> {
    fn default() -> Self {
        Timers {
            due: BTreeSet::new(),
        }
    }
}

impl<K: Ord> Timers<K> {
    /// Remembers that `key` is due at `at`.
    pub fn add(&mut self, at: u64, key: K) {
        self.due.insert((at, key));
    }

    /// Takes out every key due at `now` or before, earliest first.
    pub fn take_due(&mut self, now: u64) -> Vec<K> {
        let mut due = Vec::new();
        while self.due.first().is_some_and(|(at, _)| *at <= now) {
            if let Some((_, key)) = self.due.pop_first() {
                due.push(key);
            }
        }
        due
    }

    /// Forgets every deadline.
    pub fn clear(&mut self) {
        self.due.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_is_due_is_taken() {
        let mut timers = Timers::default();
        timers.add(30, "c");
        timers.add(10, "a");
        timers.add(20, "b");
        assert_eq!(timers.take_due(20), ["a", "b"]);
        assert_eq!(timers.take_due(25), Vec::<&str>::new());
        assert_eq!(timers.take_due(99), ["c"]);
    }
}
