//! The journal database's tables and their version, kept in SQLite's `user_version`.
//!
//! Three tables. `records` holds every sealed record of every vault as `(id, blob)` and nothing
//! else: the ids are keyed hashes (the table's integer key, never an insertion order) and the
//! blobs padded ciphertext (see `records`), so no column tells which vault, entry or position a
//! row belongs to. `slots` holds the key slots, all of one length. `meta` holds only what is
//! needed before unlocking, in the clear: the format version, the file id, the passcode salt and
//! iteration count, whether a key store binds the passcodes, and the attempt counts with the
//! times of the last attempts.
//!
//! [`VERSION`] is the version of the tables, apart from the record format
//! ([`FORMAT_VERSION`](super::FORMAT_VERSION), bound into every seal): new tables or indices are an
//! upgrade in place when a file is opened ([`upgrade_from`]), while a new record format would mean
//! sealing every record again. An upgraded file has exactly the tables of a new one (tested below).

use super::JournalError;
use rusqlite::Connection;

/// The version of the tables that new files get and older ones are upgraded to.
pub(super) const VERSION: u32 = 1;

/// The tables of a new file, at [`VERSION`].
const SQL: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE slots (id BLOB PRIMARY KEY, kind INTEGER NOT NULL, blob BLOB NOT NULL);
CREATE TABLE records (id INTEGER PRIMARY KEY, blob BLOB NOT NULL);
";

/// The SQL that brings the tables from version `n` to `n + 1`, at index `n`. Version 0 is a file
/// from before the version was kept, which already has the tables of version 1.
const UPGRADES: [&str; VERSION as usize] = [""];

/// Creates the tables of a new file, in the caller's transaction.
pub(super) fn create(conn: &Connection) -> Result<(), JournalError> {
    conn.execute_batch(SQL)?;
    set_version(conn)
}

/// The tables' version of an open file; a file newer than this library is refused, unchanged.
pub(super) fn version(conn: &Connection) -> Result<u32, JournalError> {
    let version: u32 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version > VERSION {
        return Err(JournalError::UnsupportedVersion { found: version, supported: VERSION });
    }
    Ok(version)
}

/// Brings the tables from version `from` (as [`version`] gives it) to [`VERSION`], in the caller's
/// transaction.
pub(super) fn upgrade_from(conn: &Connection, from: u32) -> Result<(), JournalError> {
    for sql in &UPGRADES[from as usize..] {
        conn.execute_batch(sql)?;
    }
    set_version(conn)
}

fn set_version(conn: &Connection) -> Result<(), JournalError> {
    conn.pragma_update(None, "user_version", VERSION)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::store::{db_path, Store};
    use super::*;

    /// The tables of the oldest file this library upgrades (version 0, format 2), as released.
    const OLDEST: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE slots (id BLOB PRIMARY KEY, kind INTEGER NOT NULL, blob BLOB NOT NULL);
CREATE TABLE records (id INTEGER PRIMARY KEY, blob BLOB NOT NULL);
";

    /// Every table and index with its SQL, and the version.
    fn shape(conn: &Connection) -> (Vec<(String, String, Option<String>)>, u32) {
        let mut rows = conn.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").unwrap();
        let rows = rows.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?))).unwrap();
        let version = conn.query_row("PRAGMA user_version", [], |row| row.get(0)).unwrap();
        (rows.map(Result::unwrap).collect(), version)
    }

    #[test]
    fn an_upgraded_file_has_the_tables_of_a_new_one() {
        let fresh = Connection::open_in_memory().unwrap();
        create(&fresh).unwrap();
        let old = Connection::open_in_memory().unwrap();
        old.execute_batch(OLDEST).unwrap();
        assert_ne!(shape(&old), shape(&fresh), "the comparison sees the version");
        let from = version(&old).unwrap();
        assert_eq!(from, 0);
        let tx = old.unchecked_transaction().unwrap();
        upgrade_from(&tx, from).unwrap();
        tx.commit().unwrap();
        assert_eq!(shape(&old), shape(&fresh));
        assert_eq!(shape(&fresh).1, VERSION);
        assert_eq!(shape(&fresh).0.len(), 3 + 2, "three tables and the indices of the two text and blob keys");
    }

    #[test]
    fn opening_a_file_from_before_the_version_upgrades_it() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("journal");
        Store::create(&dir).unwrap().close().unwrap();
        Connection::open(db_path(&dir)).unwrap().pragma_update(None, "user_version", 0).unwrap();
        assert_eq!(version(Store::open(&dir).unwrap().conn()).unwrap(), VERSION);
        Connection::open(db_path(&dir)).unwrap().pragma_update(None, "user_version", VERSION + 1).unwrap();
        assert!(matches!(Store::open(&dir), Err(JournalError::UnsupportedVersion { .. })));
    }

    #[test]
    fn a_newer_file_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", VERSION + 1).unwrap();
        assert!(matches!(version(&conn), Err(JournalError::UnsupportedVersion { found, supported: VERSION }) if found == VERSION + 1));
    }
}
