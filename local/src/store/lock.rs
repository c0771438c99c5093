//! The lock that keeps a second server off a store: an advisory lock on `NAME.lock` beside the
//! database, which holds who has it, so that the second server can name the first.

use std::fs::{File, OpenOptions};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::Path;

use super::StoreError;

/// A held lock; released when dropped (and by the system when the process dies).
#[derive(Debug)]
pub(super) struct Lock {
    _file: File,
}

impl Lock {
    /// Takes the lock at `path`, writing `owner` (with this process's id) into it.
    pub(super) fn take(path: &Path, owner: &str) -> Result<Self, StoreError> {
        let io = |e: std::io::Error| StoreError::Io {
            path: path.to_owned(),
            message: e.to_string(),
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(StoreError::InUse {
                    path: path.to_owned(),
                    holder: holder.trim().to_owned(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
        file.set_len(0).map_err(io)?;
        file.rewind().map_err(io)?;
        let note = format!("local-services pid {} {owner}", std::process::id());
        file.write_all(note.trim_end().as_bytes()).map_err(io)?;
        Ok(Lock { _file: file })
    }
}
