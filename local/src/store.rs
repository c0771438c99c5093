//! [`Store`]: the services' state behind one lock, optionally persisted to a file.
//!
//! With a file, the state is loaded when the store opens and written after every change:
//! to a temporary file beside it, flushed to disk, then renamed over it, so a crash leaves
//! either the old state or the new one. A file that cannot be read or parsed stops the
//! store from opening (and is left as it is).

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::de::DeserializeOwned;
use serde::Serialize;

/// State behind a lock, written to its file (if any) after every change.
pub struct Store<S> {
    state: Mutex<S>,
    file: Option<PathBuf>,
}

impl<S> fmt::Debug for Store<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").field("file", &self.file).finish()
    }
}

/// Why a state file could not be opened or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but could not be read.
    #[error("cannot read the state file {path}: {source}; check its permissions, or start without --state")]
    Read {
        /// The file.
        path: PathBuf,
        /// What reading it said.
        source: std::io::Error,
    },
    /// The file was read but is not a state this server wrote.
    #[error("the state file {path} is not valid state: {source}; it was left untouched: move it away or delete it to start empty")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What parsing it said.
        source: serde_json::Error,
    },
    /// Writing the file (or its temporary file) failed.
    #[error("cannot write the state file {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What writing said.
        source: std::io::Error,
    },
}

impl<S: Serialize + DeserializeOwned + Default> Store<S> {
    /// A store that lives in memory only, starting from `S::default()`.
    pub fn in_memory() -> Self {
        Store {
            state: Mutex::new(S::default()),
            file: None,
        }
    }

    /// A store persisted in `path`: loaded from it when it exists, empty otherwise (the file
    /// is created on the first change).
    ///
    /// # Errors
    ///
    /// When the file exists but cannot be read, or does not parse as state.
    pub fn open(path: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let path = path.into();
        let state = match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|source| StoreError::Corrupt {
                path: path.clone(),
                source,
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => S::default(),
            Err(source) => return Err(StoreError::Read { path, source }),
        };
        Ok(Store {
            state: Mutex::new(state),
            file: Some(path),
        })
    }

    /// Runs `f` on the state without changing it.
    pub fn read<R>(&self, f: impl FnOnce(&S) -> R) -> R {
        f(&self.lock())
    }

    /// Runs `f` on the state, then persists it (when the store has a file). A failed write
    /// is reported on stderr and does not fail the call: the state in memory is the truth,
    /// and the next change writes it again.
    pub fn write<R>(&self, f: impl FnOnce(&mut S) -> R) -> R {
        let mut state = self.lock();
        let answer = f(&mut state);
        if let Some(path) = &self.file {
            if let Err(e) = persist(path, &*state) {
                eprintln!("local-services: {e}");
            }
        }
        answer
    }

    fn lock(&self) -> MutexGuard<'_, S> {
        // A handler that panicked mid-change leaves the state as it got: still usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Writes `state` to `path` atomically: a temporary file in the same directory, synced, then
/// renamed over `path`.
fn persist<S: Serialize>(path: &Path, state: &S) -> Result<(), StoreError> {
    let failed = |source| StoreError::Write {
        path: path.to_owned(),
        source,
    };
    let bytes = serde_json::to_vec_pretty(state).map_err(|e| failed(e.into()))?;
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = PathBuf::from(temporary);
    let mut file = std::fs::File::create(&temporary).map_err(failed)?;
    file.write_all(&bytes).map_err(failed)?;
    file.sync_all().map_err(failed)?;
    drop(file);
    std::fs::rename(&temporary, path).map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    type Counts = BTreeMap<String, u32>;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "local-services-store-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a scratch directory");
        dir.join("state.json")
    }

    #[test]
    fn a_change_survives_reopening() {
        let path = scratch("reopen");
        let store = Store::<Counts>::open(&path).expect("a missing file opens empty");
        assert!(!path.exists(), "nothing is written before a change");
        store.write(|s| s.insert("fleets".into(), 3));
        drop(store);
        let reopened = Store::<Counts>::open(&path).expect("reopen");
        assert_eq!(reopened.read(|s| s.get("fleets").copied()), Some(3));
        assert!(!path.with_extension("json.tmp").exists());
    }

    #[test]
    fn a_corrupt_file_is_refused_and_left_alone() {
        let path = scratch("corrupt");
        std::fs::write(&path, b"{ not json").expect("write");
        let error = Store::<Counts>::open(&path).expect_err("corrupt state must not open");
        let message = error.to_string();
        assert!(message.contains("is not valid state"), "{message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert_eq!(std::fs::read(&path).expect("read"), b"{ not json");
    }

    #[test]
    fn an_unreadable_path_is_refused() {
        let path = scratch("dir");
        std::fs::create_dir_all(&path).expect("a directory where the file should be");
        let error = Store::<Counts>::open(&path).expect_err("a directory is not a state file");
        assert!(
            error.to_string().contains("cannot read the state file"),
            "{error}"
        );
    }
}
