//! Every time-driven transition of GameSparks, in one place: the deletion of games and stages
//! (`DELETING`, then gone at the next read, with everything they hold), and the run of
//! deployments and code jobs (`PENDING`, `IN_PROGRESS`, `COMPLETED`), one [`Progress`] step per
//! read.

use super::state::{child_key, children_of, missing_game, missing_stage, State};
use crate::clock::{Clock, Progress};
use crate::fault::Fault;

/// The step of a deletion at which the resource is gone (step 0 is `DELETING`).
const GONE: usize = 1;

/// Moves `deletion` (if started) on for one read of its resource; `true` once it is gone.
fn advance_deletion(clock: &Clock, deletion: &mut Option<Progress>) -> bool {
    deletion
        .as_mut()
        .is_some_and(|progress| clock.advance(progress, GONE) == GONE)
}

/// Reads game `name`: moves its deletion on, and removes it (with all it holds) once gone.
///
/// # Errors
///
/// `ResourceNotFoundException`'s fault when there is no such game, or no longer.
pub(crate) fn observe_game(state: &mut State, clock: &Clock, name: &str) -> Result<(), Fault> {
    let game = state.games.get(name).ok_or_else(|| missing_game(name))?;
    if game.deletion.is_none() {
        return Ok(());
    }
    let gone = state
        .games
        .get_mut(name)
        .is_some_and(|game| advance_deletion(clock, &mut game.deletion));
    if gone {
        forget_game(state, name);
        return Err(missing_game(name));
    }
    Ok(())
}

/// Reads every game, as a list does: moves their deletions on and removes the ones gone.
pub(crate) fn observe_games(state: &mut State, clock: &Clock) {
    let deleting: Vec<String> = state
        .games
        .iter()
        .filter(|(_, game)| game.deletion.is_some())
        .map(|(name, _)| name.to_owned())
        .collect();
    for name in deleting {
        let _gone = observe_game(state, clock, &name);
    }
}

/// Removes game `name` and everything it holds.
fn forget_game(state: &mut State, name: &str) {
    let prefix = children_of(name);
    state.games.remove(name);
    state.configurations.remove(name);
    for table in [
        &mut state.snapshots as &mut dyn Forget,
        &mut state.jobs,
        &mut state.stages,
    ] {
        table.forget_prefixed(&prefix);
    }
}

/// Reads stage `stage` of game `game`: moves its deletion on, and removes it once gone.
///
/// # Errors
///
/// `ResourceNotFoundException`'s fault when there is no such game or stage, or no longer.
pub(crate) fn observe_stage(
    state: &mut State,
    clock: &Clock,
    game: &str,
    stage: &str,
) -> Result<(), Fault> {
    let key = child_key(game, stage);
    let record = state.stage_mut(game, stage)?;
    if advance_deletion(clock, &mut record.deletion) {
        state.stages.remove(&key);
        return Err(missing_stage(game, stage));
    }
    Ok(())
}

/// Reads every stage of game `game`: moves their deletions on and removes the ones gone.
pub(crate) fn observe_stages(state: &mut State, clock: &Clock, game: &str) {
    let deleting: Vec<String> = state
        .stages
        .prefixed(&children_of(game))
        .filter(|(_, stage)| stage.deletion.is_some())
        .map(|(_, stage)| stage.name.clone())
        .collect();
    for stage in deleting {
        let _gone = observe_stage(state, clock, game, &stage);
    }
}

/// A table whose records under a key prefix can be removed.
trait Forget {
    fn forget_prefixed(&mut self, prefix: &str);
}

impl<V: crate::store::Record> Forget for crate::store::Table<V> {
    fn forget_prefixed(&mut self, prefix: &str) {
        let keys: Vec<String> = self.prefixed(prefix).map(|(k, _)| k.to_owned()).collect();
        for key in keys {
            self.remove(&key);
        }
    }
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
