//! [`Store`]: a service's records in memory, and (with a directory) in an SQLite database
//! beside a lock file, one store per service.
//!
//! An operation runs under the store's lock on the records in memory; the records it changed,
//! and only those, are then written. A write is acknowledged only once it is on disk: the
//! request waits for the commit, and the commits of requests that arrive together share one
//! transaction and one sync. A change that cannot be written is undone in memory, with every
//! change made after it (which may depend on it), and those requests fail; no request that
//! read a change before it was saved is answered before it is.

mod disk;
pub mod earlier;
mod lock;
pub mod table;

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use tokio::sync::oneshot;

use disk::Disk;
use lock::Lock;
pub use table::{AnyTable, Change, Index, Record, Table, Write};

/// A service's records: its tables, and what is derived from them.
pub trait Tables: Default + Send + 'static {
    /// Every table of the state.
    fn tables(&mut self) -> Vec<&mut dyn AnyTable>;
    /// Rebuilds what is derived from the records (indexes, timers): after loading, and after
    /// changes were undone.
    fn rebuild(&mut self) {}
}

/// Why a store could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The directory or a file in it could not be created or opened.
    #[error("cannot use the state in {path}: {message}; check that its directory exists and is writable, or start without --state")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the system said.
        message: String,
    },
    /// The database is not one a local-services wrote, or a record does not read.
    #[error("the state file {path} is not valid state: {message}; it was left untouched: move it away or delete it to start empty")]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The database was written by a newer local-services.
    #[error("the state file {path} was written by a newer local-services (layout {version}; this one reads up to {}); run that version, or start with another --state", disk::SCHEMA_VERSION)]
    Newer {
        /// The database file.
        path: PathBuf,
        /// Its layout version.
        version: i64,
    },
    /// Another server holds the state.
    #[error("the state in {} is in use by another server ({holder}); stop it, or start this one with another --state", path.parent().map_or_else(|| path.display().to_string(), |p| p.display().to_string()))]
    InUse {
        /// The lock file.
        path: PathBuf,
        /// Who holds it, as it wrote in the lock file.
        holder: String,
    },
}

/// Why a change was not acknowledged: it could not be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsaved(pub String);

/// One service's records, in memory and, with a file, on disk.
pub struct Store<S: Tables> {
    core: Arc<Core<S>>,
    committer: Option<JoinHandle<()>>,
    file: Option<PathBuf>,
    _lock: Option<Lock>,
}

impl<S: Tables> std::fmt::Debug for Store<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("file", &self.file).finish()
    }
}

struct Core<S> {
    guarded: Mutex<Guarded<S>>,
    wake: Condvar,
}

struct Guarded<S> {
    state: S,
    persist: bool,
    /// Changes applied in memory and waiting for the committer, oldest first.
    pending: Vec<Entry>,
    /// Entries handed out and not yet settled (pending or being written).
    unsettled: usize,
    closing: bool,
}

/// The changes of one request, and where to tell it whether they were saved.
struct Entry {
    changes: Vec<Change>,
    done: oneshot::Sender<Result<(), Unsaved>>,
}

impl<S: Tables> Core<S> {
    fn lock(&self) -> MutexGuard<'_, Guarded<S>> {
        self.guarded.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<S: Tables> Store<S> {
    /// A store that lives in memory only.
    pub fn in_memory() -> Self {
        Store {
            core: Arc::new(Core {
                guarded: Mutex::new(Guarded {
                    state: S::default(),
                    persist: false,
                    pending: Vec::new(),
                    unsettled: 0,
                    closing: false,
                }),
                wake: Condvar::new(),
            }),
            committer: None,
            file: None,
            _lock: None,
        }
    }

    /// The store `name` in directory `dir` (created when its parent exists): `NAME.sqlite3`,
    /// locked by `NAME.lock`, into which `owner` is written for a second server to read.
    ///
    /// # Errors
    ///
    /// When the directory cannot be created, another server holds the store, or the database
    /// cannot be opened or read.
    pub fn open(dir: &Path, name: &str, owner: &str) -> Result<Self, StoreError> {
        Self::open_seeded(dir, name, owner, |_| Ok(()))
    }

    /// Like [`Store::open`], then `seed` adds records to the state it loaded (a state of an
    /// earlier layout being carried over), saved before the store is used.
    ///
    /// # Errors
    ///
    /// As [`Store::open`]'s, and [`StoreError::Corrupt`] with `seed`'s message when it fails.
    pub fn open_seeded(
        dir: &Path,
        name: &str,
        owner: &str,
        seed: impl FnOnce(&mut S) -> Result<(), String>,
    ) -> Result<Self, StoreError> {
        if !dir.is_dir() {
            std::fs::create_dir(dir).map_err(|e| StoreError::Io {
                path: dir.to_owned(),
                message: format!("the directory cannot be created ({e})"),
            })?;
        }
        let lock = Lock::take(&dir.join(format!("{name}.lock")), owner)?;
        let file = dir.join(format!("{name}.sqlite3"));
        let mut disk = Disk::open(&file)?;
        let mut state = S::default();
        disk.load(&mut state.tables())?;
        let corrupt = |message: String| StoreError::Corrupt {
            path: file.clone(),
            message,
        };
        seed(&mut state).map_err(corrupt)?;
        let seeded = drain(&mut state, true).map_err(|Unsaved(m)| corrupt(m))?;
        if !seeded.is_empty() {
            disk.write(seeded.iter())
                .map_err(|e| corrupt(format!("the records carried over cannot be saved: {e}")))?;
        }
        state.rebuild();
        let core = Arc::new(Core {
            guarded: Mutex::new(Guarded {
                state,
                persist: true,
                pending: Vec::new(),
                unsettled: 0,
                closing: false,
            }),
            wake: Condvar::new(),
        });
        let thread_core = Arc::clone(&core);
        let committer = std::thread::Builder::new()
            .name(format!("{name}-store"))
            .spawn(move || commit_loop(&thread_core, disk))
            .map_err(|e| StoreError::Io {
                path: file.clone(),
                message: format!("cannot start its writer thread ({e})"),
            })?;
        Ok(Store {
            core,
            committer: Some(committer),
            file: Some(file),
            _lock: Some(lock),
        })
    }

    /// The database file, when the store has one.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Runs `prelude` (kept whatever happens next), then `op`, on the state. When `op` fails,
    /// its changes are undone; when it panics, they are undone and the panic goes on. The
    /// answer comes once every change the request made or saw is saved.
    ///
    /// # Errors
    ///
    /// [`Unsaved`] when the changes could not be saved: they are undone in memory.
    pub async fn change<R, E>(
        &self,
        prelude: impl FnOnce(&mut S),
        op: impl FnOnce(&mut S) -> Result<R, E>,
    ) -> Result<Result<R, E>, Unsaved> {
        let (answer, saved) = self.apply(prelude, op)?;
        if let Some(saved) = saved {
            saved
                .await
                .unwrap_or_else(|_| Err(Unsaved("the store closed before saving".into())))?;
        }
        Ok(answer)
    }

    /// The synchronous part of [`Store::change`]: the answer, and the wait for its commit
    /// when there is one.
    #[allow(clippy::type_complexity)]
    fn apply<R, E>(
        &self,
        prelude: impl FnOnce(&mut S),
        op: impl FnOnce(&mut S) -> Result<R, E>,
    ) -> Result<(Result<R, E>, Option<oneshot::Receiver<Result<(), Unsaved>>>), Unsaved> {
        let mut guarded = self.core.lock();
        let persist = guarded.persist;
        prelude(&mut guarded.state);
        let mut changes = drain(&mut guarded.state, persist)?;
        let answer = std::panic::catch_unwind(AssertUnwindSafe(|| op(&mut guarded.state)));
        let made = drain(&mut guarded.state, persist);
        let answer = match (answer, made) {
            (Ok(Ok(value)), Ok(made)) => {
                changes.extend(made);
                Ok(value)
            }
            (Ok(Err(error)), Ok(made)) => {
                undo(&mut guarded.state, made);
                Err(error)
            }
            (Ok(_), Err(unsaved)) => {
                self.settle(guarded, changes);
                return Err(unsaved);
            }
            (Err(panic), made) => {
                undo(&mut guarded.state, made.unwrap_or_default());
                self.settle(guarded, changes);
                std::panic::resume_unwind(panic);
            }
        };
        Ok((answer, self.settle(guarded, changes)))
    }

    /// Queues `changes` for the committer; the wait for them (or for the changes before them
    /// that the request may have seen), or `None` when there is nothing to wait for.
    fn settle(
        &self,
        mut guarded: MutexGuard<'_, Guarded<S>>,
        changes: Vec<Change>,
    ) -> Option<oneshot::Receiver<Result<(), Unsaved>>> {
        if !guarded.persist || (changes.is_empty() && guarded.unsettled == 0) {
            return None;
        }
        let (done, saved) = oneshot::channel();
        guarded.pending.push(Entry { changes, done });
        guarded.unsettled += 1;
        drop(guarded);
        self.core.wake.notify_one();
        Some(saved)
    }
}

impl<S: Tables> Drop for Store<S> {
    /// Saves what is pending, then closes the file (and releases the lock).
    fn drop(&mut self) {
        self.core.lock().closing = true;
        self.core.wake.notify_all();
        if let Some(committer) = self.committer.take() {
            let _ = committer.join();
        }
    }
}

/// The changes every table of `state` has, serialized when `persist`.
fn drain<S: Tables>(state: &mut S, persist: bool) -> Result<Vec<Change>, Unsaved> {
    let mut changes = Vec::new();
    let mut failure = None;
    for table in state.tables() {
        match table.drain(persist) {
            Ok(made) => changes.extend(made),
            Err(e) => failure = Some(format!("a {} record cannot be saved: {e}", table.name())),
        }
    }
    match failure {
        None => Ok(changes),
        Some(message) => {
            undo(state, changes);
            state.rebuild();
            Err(Unsaved(message))
        }
    }
}

/// Undoes `changes` (made in this order) on `state`.
fn undo<S: Tables>(state: &mut S, changes: Vec<Change>) {
    for change in changes.into_iter().rev() {
        let mut tables = state.tables();
        if let Some(table) = tables.iter_mut().find(|t| t.name() == change.table) {
            table.restore(change);
        }
    }
}

/// The committer: writes what is pending, one transaction per turn, until the store closes.
fn commit_loop<S: Tables>(core: &Core<S>, mut disk: Disk) {
    loop {
        let batch = {
            let mut guarded = core.lock();
            while guarded.pending.is_empty() && !guarded.closing {
                guarded = core
                    .wake
                    .wait(guarded)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            if guarded.pending.is_empty() {
                return;
            }
            std::mem::take(&mut guarded.pending)
        };
        match disk.write(batch.iter().flat_map(|entry| entry.changes.iter())) {
            Ok(()) => {
                core.lock().unsettled -= batch.len();
                for entry in batch {
                    let _ = entry.done.send(Ok(()));
                }
            }
            Err(error) => fail(core, batch, &error.to_string()),
        }
    }
}

/// Undoes a batch that could not be written, with everything applied after it, and fails
/// their requests.
fn fail<S: Tables>(core: &Core<S>, batch: Vec<Entry>, error: &str) {
    let message = format!("the change could not be saved, so it was not made: {error}");
    tracing::error!(%error, "saving the state failed; the requests concerned answer 500");
    let mut guarded = core.lock();
    let later = std::mem::take(&mut guarded.pending);
    let mut all: Vec<Entry> = batch.into_iter().chain(later).collect();
    guarded.unsettled -= all.len();
    for entry in all.iter_mut().rev() {
        undo(&mut guarded.state, std::mem::take(&mut entry.changes));
    }
    guarded.state.rebuild();
    drop(guarded);
    for entry in all {
        let _ = entry.done.send(Err(Unsaved(message.clone())));
    }
}
