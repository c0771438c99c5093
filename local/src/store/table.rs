//! [`Table`]: the records of one kind, by key, in memory, with the changes of the operation in
//! progress tracked so that they can be saved ([`AnyTable::drain`]) or undone
//! ([`AnyTable::restore`]).

use std::any::Any;
use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// What a table holds: a record that can be saved as JSON and compared with what it was.
pub trait Record: Clone + PartialEq + Serialize + DeserializeOwned + Send + 'static {}

impl<T: Clone + PartialEq + Serialize + DeserializeOwned + Send + 'static> Record for T {}

/// A record and its creation number (which orders a table's records by creation).
#[derive(Clone, Debug, PartialEq)]
struct Row<V> {
    seq: u64,
    value: V,
}

/// The records of one kind, by key: looked up by key, listed in key order or in the order
/// they were created. Every change goes through [`Table::get_mut`], [`Table::insert`] or
/// [`Table::remove`], which keep what the record was before the operation.
#[derive(Debug)]
pub struct Table<V> {
    name: &'static str,
    rows: BTreeMap<String, Row<V>>,
    order: BTreeMap<u64, String>,
    next_seq: u64,
    /// What each record changed by the current operation was before it (`None`: absent).
    before: BTreeMap<String, Option<Row<V>>>,
}

/// One record an operation changed: how to save it, and how to undo it.
pub struct Change {
    /// The table's name.
    pub table: &'static str,
    /// The record's key.
    pub key: String,
    /// What to write.
    pub write: Write,
    /// What the record was before, for [`AnyTable::restore`].
    undo: Box<dyn Any + Send>,
}

impl std::fmt::Debug for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Change")
            .field("table", &self.table)
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

/// How a changed record is saved.
#[derive(Debug)]
pub enum Write {
    /// Store `doc` (the record as JSON) with its creation number.
    Put {
        /// The creation number.
        seq: u64,
        /// The record as JSON.
        doc: Vec<u8>,
    },
    /// Delete the record.
    Delete,
    /// Nothing: the store keeps no file.
    Unsaved,
}

/// A [`Table`] of any record type, as the store sees it.
pub trait AnyTable: Send {
    /// The table's name, as saved.
    fn name(&self) -> &'static str;
    /// The records the current operation changed (left out: those it changed back), serialized
    /// when `persist`; the table then forgets what they were before.
    ///
    /// # Errors
    ///
    /// When a record cannot be written as JSON.
    fn drain(&mut self, persist: bool) -> Result<Vec<Change>, serde_json::Error>;
    /// Puts back what `change`'s record was before it.
    fn restore(&mut self, change: Change);
    /// Adds a saved record.
    ///
    /// # Errors
    ///
    /// When `doc` is not a record of this table.
    fn load(&mut self, key: String, seq: u64, doc: &[u8]) -> Result<(), serde_json::Error>;
}

impl<V: Record> Table<V> {
    /// An empty table saved as `name`.
    pub fn new(name: &'static str) -> Self {
        Table {
            name,
            rows: BTreeMap::new(),
            order: BTreeMap::new(),
            next_seq: 1,
            before: BTreeMap::new(),
        }
    }

    /// The record `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.rows.get(key).map(|row| &row.value)
    }

    /// Whether there is a record `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.rows.contains_key(key)
    }

    /// The creation number of record `key`.
    pub fn seq(&self, key: &str) -> Option<u64> {
        self.rows.get(key).map(|row| row.seq)
    }

    /// How many records there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The record `key`, to change.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        let row = self.rows.get_mut(key)?;
        if !self.before.contains_key(key) {
            self.before.insert(key.to_owned(), Some(row.clone()));
        }
        Some(&mut row.value)
    }

    /// Sets record `key` to `value` (a new record is numbered after every other); its creation
    /// number.
    pub fn insert(&mut self, key: String, value: V) -> u64 {
        let old = self.rows.get(&key).cloned();
        let seq = old.as_ref().map_or(self.next_seq, |row| row.seq);
        self.next_seq = self.next_seq.max(seq + 1);
        self.before.entry(key.clone()).or_insert(old);
        self.order.insert(seq, key.clone());
        self.rows.insert(key, Row { seq, value });
        seq
    }

    /// Removes record `key`; what it was.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        let row = self.rows.remove(key)?;
        self.order.remove(&row.seq);
        self.before
            .entry(key.to_owned())
            .or_insert_with(|| Some(row.clone()));
        Some(row.value)
    }

    /// Every record, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.rows.iter().map(|(k, row)| (k.as_str(), &row.value))
    }

    /// The records whose key starts with `prefix`, in key order.
    pub fn prefixed<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a V)> {
        self.rows
            .range::<str, _>((
                std::ops::Bound::Included(prefix),
                std::ops::Bound::Unbounded,
            ))
            .take_while(move |(k, _)| k.starts_with(prefix))
            .map(|(k, row)| (k.as_str(), &row.value))
    }

    /// Every record with its creation number, oldest first.
    pub fn in_order(&self) -> impl Iterator<Item = (u64, &str, &V)> {
        self.order.iter().filter_map(|(seq, key)| {
            let row = self.rows.get(key)?;
            Some((*seq, key.as_str(), &row.value))
        })
    }

    /// The records created after number `seq`, oldest first.
    pub fn in_order_after(&self, seq: u64) -> impl Iterator<Item = (u64, &str, &V)> {
        self.order
            .range(seq.saturating_add(1)..)
            .filter_map(|(seq, key)| Some((*seq, key.as_str(), &self.rows.get(key)?.value)))
    }
}

impl<V: Record> AnyTable for Table<V> {
    fn name(&self) -> &'static str {
        self.name
    }

    fn drain(&mut self, persist: bool) -> Result<Vec<Change>, serde_json::Error> {
        let mut changes = Vec::new();
        for (key, before) in std::mem::take(&mut self.before) {
            let now = self.rows.get(&key);
            if before.as_ref() == now {
                continue;
            }
            let write = match (persist, now) {
                (false, _) => Write::Unsaved,
                (true, Some(row)) => Write::Put {
                    seq: row.seq,
                    doc: serde_json::to_vec(&row.value)?,
                },
                (true, None) => Write::Delete,
            };
            changes.push(Change {
                table: self.name,
                key,
                write,
                undo: Box::new(before),
            });
        }
        Ok(changes)
    }

    fn restore(&mut self, change: Change) {
        let Ok(before) = change.undo.downcast::<Option<Row<V>>>() else {
            return;
        };
        if let Some(now) = self.rows.remove(&change.key) {
            self.order.remove(&now.seq);
        }
        if let Some(row) = *before {
            self.order.insert(row.seq, change.key.clone());
            self.rows.insert(change.key, row);
        }
    }

    fn load(&mut self, key: String, seq: u64, doc: &[u8]) -> Result<(), serde_json::Error> {
        let value = serde_json::from_slice(doc)?;
        self.next_seq = self.next_seq.max(seq + 1);
        self.order.insert(seq, key.clone());
        self.rows.insert(key, Row { seq, value });
        Ok(())
    }
}

/// Keys of one table grouped by another attribute (the game sessions of a fleet), each group
/// in creation order. Only ever added to: a key whose record is gone, or numbered differently
/// now, is skipped by [`Index::keys`]'s caller checking [`Table::seq`].
#[derive(Debug, Default)]
pub struct Index {
    groups: BTreeMap<String, BTreeMap<u64, String>>,
}

impl Index {
    /// Files record `key` (creation number `seq`) under `group`.
    pub fn add(&mut self, group: &str, seq: u64, key: &str) {
        self.groups
            .entry(group.to_owned())
            .or_default()
            .insert(seq, key.to_owned());
    }

    /// The keys of `table` filed under `group` that still name the record filed, oldest first.
    pub fn keys<'a, V: Record>(
        &'a self,
        table: &'a Table<V>,
        group: &str,
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.groups
            .get(group)
            .into_iter()
            .flatten()
            .filter(|(seq, key)| table.seq(key) == Some(**seq))
            .map(|(_, key)| key.as_str())
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.groups.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_drained_once_and_undone_exactly() {
        let mut table = Table::<u32>::new("t");
        table.insert("a".into(), 1);
        let created = table.drain(true).expect("drain");
        assert_eq!(created.len(), 1);
        assert!(matches!(created[0].write, Write::Put { seq: 1, .. }));
        assert!(table.drain(true).expect("drain").is_empty());
        // A change made and changed back is no change.
        *table.get_mut("a").expect("a") = 2;
        *table.get_mut("a").expect("a") = 1;
        assert!(table.drain(true).expect("drain").is_empty());
        // A change and a removal, undone in reverse order.
        *table.get_mut("a").expect("a") = 5;
        table.insert("b".into(), 7);
        let changes = table.drain(true).expect("drain");
        for change in changes.into_iter().rev() {
            table.restore(change);
        }
        assert_eq!(table.get("a"), Some(&1));
        assert_eq!(table.get("b"), None);
        table.remove("a");
        let removed = table.drain(false).expect("drain");
        assert!(matches!(removed[0].write, Write::Unsaved));
        table.restore(removed.into_iter().next().expect("one"));
        assert_eq!(
            table
                .in_order()
                .map(|(s, k, v)| (s, k, *v))
                .collect::<Vec<_>>(),
            [(1, "a", 1)]
        );
    }

    #[test]
    fn an_index_skips_keys_whose_record_is_gone() {
        let mut table = Table::<u32>::new("t");
        let mut index = Index::default();
        let seq = table.insert("x".into(), 1);
        index.add("g", seq, "x");
        let seq = table.insert("y".into(), 2);
        index.add("g", seq, "y");
        table.remove("x");
        assert_eq!(index.keys(&table, "g").collect::<Vec<_>>(), ["y"]);
    }
}
