//! Time for status transitions: [`Clock`] moves a resource's [`Progress`] along its
//! lifecycle, one status per poll (the default, so waiters finish at once) or by real time.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// How transitional statuses advance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// Each time a resource in a transitional status is read (a `Describe*` or `Get*` that
    /// returns it), it moves one status on. A waiter's polls see every status in turn.
    PerPoll,
    /// Each transitional status lasts `step` of wall-clock time, like a real service does.
    RealTime {
        /// How long each transitional status lasts.
        step: Duration,
    },
}

/// The clock the services read: its [`Pace`] and the wall clock for timestamps.
#[derive(Clone, Debug)]
pub struct Clock {
    pace: Pace,
}

/// Where a resource is in its lifecycle: the index of its current status and when it got
/// there (Unix milliseconds). Stored with the resource, so it persists with the state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Index of the current status in the lifecycle.
    pub step: usize,
    /// When the resource entered the current status, in Unix milliseconds.
    pub since_millis: u64,
}

impl Clock {
    /// A clock that advances at `pace`.
    pub fn new(pace: Pace) -> Self {
        Clock { pace }
    }

    /// The current time, for timestamps in responses.
    pub fn now(&self) -> SystemTime {
        SystemTime::now()
    }

    /// The current time in Unix milliseconds.
    pub fn now_millis(&self) -> u64 {
        millis(self.now())
    }

    /// The progress of a resource that has just entered the first status of its lifecycle.
    pub fn start(&self) -> Progress {
        Progress {
            step: 0,
            since_millis: self.now_millis(),
        }
    }

    /// Moves `progress` on for one read of the resource, through a lifecycle whose last status
    /// is index `last` (final: it never moves past it). Returns the new step.
    ///
    /// With [`Pace::PerPoll`] a read moves one status on; with [`Pace::RealTime`] the
    /// resource is at the status its age says.
    pub fn advance(&self, progress: &mut Progress, last: usize) -> usize {
        if progress.step >= last {
            return progress.step;
        }
        match self.pace {
            Pace::PerPoll => {
                progress.step += 1;
                progress.since_millis = self.now_millis();
            }
            Pace::RealTime { step } => {
                let step_millis = u64::try_from(step.as_millis()).unwrap_or(u64::MAX).max(1);
                let now = self.now_millis();
                let elapsed = now.saturating_sub(progress.since_millis);
                let moves = usize::try_from(elapsed / step_millis).unwrap_or(usize::MAX);
                let moves = moves.min(last - progress.step);
                if moves > 0 {
                    progress.step += moves;
                    let spent = step_millis.saturating_mul(moves as u64);
                    progress.since_millis = progress.since_millis.saturating_add(spent);
                }
            }
        }
        progress.step
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::new(Pace::PerPoll)
    }
}

/// `time` in Unix milliseconds (0 before the epoch).
pub fn millis(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The runtime's timestamp type for Unix milliseconds.
pub fn datetime(millis: u64) -> smithy_runtime::DateTime {
    smithy_runtime::DateTime::from_millis(i64::try_from(millis).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_poll_moves_one_status_per_read_and_stops_at_the_last() {
        let clock = Clock::new(Pace::PerPoll);
        let mut progress = clock.start();
        let steps: Vec<usize> = (0..5).map(|_| clock.advance(&mut progress, 3)).collect();
        assert_eq!(steps, [1, 2, 3, 3, 3]);
    }

    #[test]
    fn real_time_moves_by_age() {
        let clock = Clock::new(Pace::RealTime {
            step: Duration::from_secs(10),
        });
        let now = clock.now_millis();
        let mut young = Progress {
            step: 0,
            since_millis: now - 5_000,
        };
        assert_eq!(clock.advance(&mut young, 5), 0);
        let mut old = Progress {
            step: 0,
            since_millis: now - 25_000,
        };
        assert_eq!(clock.advance(&mut old, 5), 2);
        assert_eq!(old.since_millis, now - 5_000);
        let mut ancient = Progress {
            step: 1,
            since_millis: 0,
        };
        assert_eq!(clock.advance(&mut ancient, 5), 5);
    }
}
