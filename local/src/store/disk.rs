//! The file of a store: an SQLite database (through rusqlite's bundled SQLite) with one table,
//! `records`, of JSON documents by table name and key, in WAL mode with full sync, so that a
//! committed transaction is on disk and one transaction commits many requests' records at
//! once. The write-ahead log is cut back to 4 MiB after each checkpoint.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags};

use super::table::{AnyTable, Change, Write};
use super::StoreError;

/// The layout this build writes and reads, kept in SQLite's `user_version`: 0 is a new file,
/// 1 the `records` table (a rowid table: records of a kilobyte or more pack into pages far
/// better than in a `WITHOUT ROWID` table). A later layout adds a step to [`migrate`] and
/// reads every earlier one.
pub(super) const SCHEMA_VERSION: i64 = 1;

/// How long a write waits for another process that holds the database (a user's `sqlite3`
/// session, say) before it fails; the request then answers a 5xx.
const BUSY_TIMEOUT_MS: u64 = 2_000;

/// An open store file.
pub(super) struct Disk {
    connection: Connection,
    path: PathBuf,
}

impl Disk {
    /// Opens (creating) the database at `path` and brings it to [`SCHEMA_VERSION`].
    pub(super) fn open(path: &Path) -> Result<Self, StoreError> {
        let corrupt = |e: rusqlite::Error| StoreError::Corrupt {
            path: path.to_owned(),
            message: e.to_string(),
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection = Connection::open_with_flags(path, flags).map_err(|e| StoreError::Io {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        connection
            .busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))
            .map_err(corrupt)?;
        let version: i64 = connection
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(corrupt)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: path.to_owned(),
                version,
            });
        }
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
                 PRAGMA journal_size_limit = 4194304;",
            )
            .map_err(corrupt)?;
        migrate(&connection, version).map_err(corrupt)?;
        Ok(Disk {
            connection,
            path: path.to_owned(),
        })
    }

    /// Loads every saved record into the table of its name.
    pub(super) fn load(&self, tables: &mut [&mut dyn AnyTable]) -> Result<(), StoreError> {
        let corrupt = |message: String| StoreError::Corrupt {
            path: self.path.clone(),
            message,
        };
        let mut statement = self
            .connection
            .prepare("SELECT tbl, key, seq, doc FROM records ORDER BY tbl, seq")
            .map_err(|e| corrupt(e.to_string()))?;
        let mut rows = statement.query([]).map_err(|e| corrupt(e.to_string()))?;
        while let Some(row) = rows.next().map_err(|e| corrupt(e.to_string()))? {
            let read = || -> rusqlite::Result<(String, String, i64, Vec<u8>)> {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            };
            let (name, key, seq, doc) = read().map_err(|e| corrupt(e.to_string()))?;
            let table = tables
                .iter_mut()
                .find(|t| t.name() == name)
                .ok_or_else(|| corrupt(format!("it has records of an unknown kind `{name}`")))?;
            let seq = u64::try_from(seq).unwrap_or(0);
            table
                .load(key.clone(), seq, &doc)
                .map_err(|e| corrupt(format!("the {name} record `{key}` does not read: {e}")))?;
        }
        Ok(())
    }

    /// Writes `changes` in one transaction, committed (synced) before it returns.
    pub(super) fn write<'c>(
        &mut self,
        changes: impl Iterator<Item = &'c Change>,
    ) -> rusqlite::Result<()> {
        let transaction = self.connection.transaction()?;
        {
            let mut put = transaction.prepare_cached(
                "INSERT OR REPLACE INTO records (tbl, key, seq, doc) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut delete =
                transaction.prepare_cached("DELETE FROM records WHERE tbl = ?1 AND key = ?2")?;
            for change in changes {
                match &change.write {
                    Write::Put { seq, doc } => {
                        let seq = i64::try_from(*seq).unwrap_or(i64::MAX);
                        put.execute(params![change.table, change.key, seq, doc])?;
                    }
                    Write::Delete => {
                        delete.execute(params![change.table, change.key])?;
                    }
                    Write::Unsaved => {}
                }
            }
        }
        transaction.commit()
    }
}

/// Brings a database at layout `version` to [`SCHEMA_VERSION`], one step at a time.
fn migrate(connection: &Connection, version: i64) -> rusqlite::Result<()> {
    if version < 1 {
        connection.execute_batch(
            "BEGIN;
             CREATE TABLE IF NOT EXISTS records (
                 tbl TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, doc BLOB NOT NULL,
                 PRIMARY KEY (tbl, key)
             );
             PRAGMA user_version = 1;
             COMMIT;",
        )?;
    }
    Ok(())
}
