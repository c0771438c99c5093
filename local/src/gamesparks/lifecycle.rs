//! The statuses transitional resources move through, one [`Progress`] step each: the
//! deletion of games and stages, and the run of deployments and code jobs.

use std::collections::BTreeMap;

use super::failure::Failure;
use super::state::{Game, Stage};
use crate::clock::Progress;
use crate::Clock;

/// The step of a deletion at which the resource is gone (step 0 is `DELETING`).
const GONE: usize = 1;

/// Moves `deletion` (if started) on for one read of its resource; `true` once it is gone.
fn advance_deletion(clock: &Clock, deletion: &mut Option<Progress>) -> bool {
    deletion
        .as_mut()
        .is_some_and(|progress| clock.advance(progress, GONE) == GONE)
}

/// A resource that can be deleted: it is `DELETING`, then gone.
pub(crate) trait Deletable {
    /// Where its deletion is, once started.
    fn deletion(&mut self) -> &mut Option<Progress>;
}

impl Deletable for Game {
    fn deletion(&mut self) -> &mut Option<Progress> {
        &mut self.deletion
    }
}

impl Deletable for Stage {
    fn deletion(&mut self) -> &mut Option<Progress> {
        &mut self.deletion
    }
}

/// Reads the item `key` of `items`: moves its deletion on, and removes it once it is gone.
///
/// # Errors
///
/// `missing()` when there is no such item, or no longer.
pub(crate) fn observe<'a, T: Deletable>(
    items: &'a mut BTreeMap<String, T>,
    clock: &Clock,
    key: &str,
    missing: impl FnOnce() -> Failure,
) -> Result<&'a mut T, Failure> {
    let gone = match items.get_mut(key) {
        Some(item) => advance_deletion(clock, item.deletion()),
        None => return Err(missing()),
    };
    if gone {
        items.remove(key);
    }
    items.get_mut(key).ok_or_else(missing)
}

/// Reads every item of `items`, as a list does: moves their deletions on and removes the
/// ones that are gone.
pub(crate) fn observe_all<T: Deletable>(items: &mut BTreeMap<String, T>, clock: &Clock) {
    items.retain(|_, item| !advance_deletion(clock, item.deletion()));
}

/// Where a deployment or a code job is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Run {
    /// Started, not yet running.
    Pending,
    /// Running.
    InProgress,
    /// Done.
    Completed,
}

impl Run {
    const LAST: usize = 2;

    /// The status `progress` is at.
    pub(crate) fn of(progress: &Progress) -> Run {
        match progress.step {
            0 => Run::Pending,
            1 => Run::InProgress,
            _ => Run::Completed,
        }
    }

    /// Moves `progress` on for one read; the status it is then at.
    pub(crate) fn advance(clock: &Clock, progress: &mut Progress) -> Run {
        clock.advance(progress, Self::LAST);
        Run::of(progress)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_complete_on_the_second_read_and_stay_completed() {
        let clock = Clock::default();
        let mut progress = clock.start();
        assert_eq!(Run::of(&progress), Run::Pending);
        let reads: Vec<Run> = (0..3)
            .map(|_| Run::advance(&clock, &mut progress))
            .collect();
        assert_eq!(reads, [Run::InProgress, Run::Completed, Run::Completed]);
    }

    #[test]
    fn a_deleted_item_is_gone_on_the_next_read() {
        let clock = Clock::default();
        let mut deletion = None;
        assert!(!advance_deletion(&clock, &mut deletion));
        deletion = Some(clock.start());
        assert!(advance_deletion(&clock, &mut deletion));
    }
}
