//! The SQLite file under a journal folder: settings, the format version and the SQL (the tables
//! are in `schema`).

use super::schema;
use super::{JournalError, FORMAT_VERSION};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Records from this size on (screenshots) are written and read through SQLite's incremental
/// blob I/O, so SQLite never holds a second whole copy of one (examples/journal_memory.rs).
const STREAMED_BYTES: i64 = 64 * 1024;

/// The database file inside a journal folder.
pub const DB_FILE: &str = "journal.sqlite";
/// Files SQLite may keep beside the database.
pub const SIDE_FILES: [&str; 3] = ["journal.sqlite-wal", "journal.sqlite-shm", "journal.sqlite-journal"];

/// An open journal database.
pub struct Store {
    conn: Connection,
}

/// A key slot: `(id, blob)`.
pub type Slot = (Vec<u8>, Vec<u8>);

/// The database path of the journal in `dir`.
pub fn db_path(dir: &Path) -> PathBuf {
    dir.join(DB_FILE)
}

impl Store {
    /// Creates a new, empty journal database in `dir`; refuses if one is already there.
    pub fn create(dir: &Path) -> Result<Store, JournalError> {
        let path = db_path(dir);
        if path.exists() {
            return Err(JournalError::AlreadyExists(dir.display().to_string()));
        }
        create_private_dir(dir)?;
        drop(create_private_file(&path)?);
        let conn = connect(&path)?;
        let mut store = Store { conn };
        store.make_durable()?;
        store.write(|tx| {
            schema::create(tx)?;
            set_meta(tx, "format", &FORMAT_VERSION.to_be_bytes())
        })?;
        Ok(store)
    }

    /// Opens the journal database in `dir`, checking its format and tables' versions before writing
    /// anything, then upgrading older tables.
    pub fn open(dir: &Path) -> Result<Store, JournalError> {
        let path = db_path(dir);
        if !path.is_file() {
            return Err(JournalError::NotFound(format!("no journal in {}", dir.display())));
        }
        let conn = connect(&path)?;
        let format = meta(&conn, "format")
            .map_err(|_| JournalError::Database(format!("{} is not a Baken journal", path.display())))?
            .and_then(|bytes| <[u8; 4]>::try_from(bytes.as_slice()).ok())
            .map(u32::from_be_bytes)
            .ok_or_else(|| JournalError::Database(format!("{} has no format version", path.display())))?;
        if format != FORMAT_VERSION {
            return Err(JournalError::UnsupportedVersion { found: format, supported: FORMAT_VERSION });
        }
        let tables = schema::version(&conn)?;
        let mut store = Store { conn };
        store.make_durable()?;
        if tables < schema::VERSION {
            store.write(|tx| schema::upgrade_from(tx, tables))?;
        }
        Ok(store)
    }

    /// The connection, for reading.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one read transaction: it sees one state of the file, and reads many records
    /// faster than one transaction per record.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T, JournalError>) -> Result<T, JournalError> {
        let tx = self.conn.unchecked_transaction()?;
        f(&tx)
    }

    /// Runs `f` in one immediate transaction, committed durably only if `f` succeeds.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T, JournalError>) -> Result<T, JournalError> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Writes the write-ahead log back into the database file and truncates it, so that no old
    /// page image (deleted content, an old key slot) stays behind in the log. Called after every
    /// destructive change and on lock.
    pub fn checkpoint(&self) -> Result<(), JournalError> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Closes the connection, reporting any error.
    pub fn close(self) -> Result<(), JournalError> {
        self.conn.close().map_err(|(_, e)| e.into())
    }

    fn make_durable(&mut self) -> Result<(), JournalError> {
        let mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(JournalError::Database(format!("journal mode is {mode}, not WAL")));
        }
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        // A checkpoint that empties the log also cuts the file back, so old page images go.
        self.conn.pragma_update(None, "journal_size_limit", 0)?;
        Ok(())
    }
}

/// Opens a connection with the settings every journal connection needs, all before the first read:
/// deleted content overwritten, temporary data in memory only.
fn connect(path: &Path) -> Result<Connection, JournalError> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}

/// Creates a new file that only the app can read (mode 0600); refuses to overwrite one.
/// SQLite gives the database's side files the same mode.
pub fn create_private_file(path: &Path) -> Result<std::fs::File, JournalError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => JournalError::AlreadyExists(path.display().to_string()),
        _ => JournalError::io(format!("creating {}", path.display()))(e),
    })
}

fn create_private_dir(dir: &Path) -> Result<(), JournalError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(JournalError::io(format!("creating {}", dir.display())))
}

/// A setting from `meta`.
pub fn meta(conn: &Connection, key: &str) -> Result<Option<Vec<u8>>, JournalError> {
    Ok(conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| row.get(0)).optional()?)
}

/// Stores a setting in `meta`.
pub fn set_meta(conn: &Connection, key: &str, value: &[u8]) -> Result<(), JournalError> {
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", params![key, value])?;
    Ok(())
}

/// A number setting from `meta`, 0 when absent.
pub fn meta_u64(conn: &Connection, key: &str) -> Result<u64, JournalError> {
    Ok(meta(conn, key)?.and_then(|bytes| <[u8; 8]>::try_from(bytes.as_slice()).ok()).map_or(0, u64::from_be_bytes))
}

/// Stores a number setting in `meta`.
pub fn set_meta_u64(conn: &Connection, key: &str, value: u64) -> Result<(), JournalError> {
    set_meta(conn, key, &value.to_be_bytes())
}

/// The key slots of one kind, as `(id, blob)`, in id order.
pub fn slots(conn: &Connection, kind: i64) -> Result<Vec<Slot>, JournalError> {
    let mut statement = conn.prepare_cached("SELECT id, blob FROM slots WHERE kind = ?1 ORDER BY id")?;
    let rows = statement.query_map([kind], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Stores or replaces a key slot.
pub fn put_slot(conn: &Connection, id: &[u8], kind: i64, blob: &[u8]) -> Result<(), JournalError> {
    conn.execute("INSERT OR REPLACE INTO slots (id, kind, blob) VALUES (?1, ?2, ?3)", params![id, kind, blob])?;
    Ok(())
}

/// The blob of a record, if it exists.
pub fn record(conn: &Connection, id: i64) -> Result<Option<Vec<u8>>, JournalError> {
    let sql = "SELECT CASE WHEN length(blob) < ?2 THEN blob END, length(blob) FROM records WHERE id = ?1";
    let found: Option<(Option<Vec<u8>>, i64)> =
        conn.prepare_cached(sql)?.query_row(params![id, STREAMED_BYTES], |row| Ok((row.get(0)?, row.get(1)?))).optional()?;
    match found {
        None => Ok(None),
        Some((Some(blob), _)) => Ok(Some(blob)),
        Some((None, len)) => {
            let mut blob = Vec::with_capacity(usize::try_from(len).unwrap_or_default());
            conn.blob_open(rusqlite::MAIN_DB, "records", "blob", id, true)?.read_to_end(&mut blob).map_err(JournalError::io("reading a record"))?;
            Ok(Some(blob))
        }
    }
}

/// Whether a record exists.
pub fn has_record(conn: &Connection, id: i64) -> Result<bool, JournalError> {
    Ok(conn.prepare_cached("SELECT 1 FROM records WHERE id = ?1")?.exists([id])?)
}

/// Stores or replaces a record.
pub fn put_record(conn: &Connection, id: i64, blob: &[u8]) -> Result<(), JournalError> {
    let len = i64::try_from(blob.len()).map_err(|_| JournalError::TooLarge { what: "a record".into(), limit: i64::MAX as usize })?;
    if len < STREAMED_BYTES {
        conn.prepare_cached("INSERT OR REPLACE INTO records (id, blob) VALUES (?1, ?2)")?.execute(params![id, blob])?;
        return Ok(());
    }
    conn.prepare_cached("INSERT OR REPLACE INTO records (id, blob) VALUES (?1, zeroblob(?2))")?.execute(params![id, len])?;
    conn.blob_open(rusqlite::MAIN_DB, "records", "blob", id, false)?.write_all(blob).map_err(JournalError::io("writing a record"))
}

/// Deletes a record, if it exists.
pub fn delete_record(conn: &Connection, id: i64) -> Result<(), JournalError> {
    conn.prepare_cached("DELETE FROM records WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// Deletes the key slots of one kind.
pub fn delete_slots(conn: &Connection, kind: i64) -> Result<(), JournalError> {
    conn.execute("DELETE FROM slots WHERE kind = ?1", [kind])?;
    Ok(())
}

/// Destroys every key slot and key-related setting, overwriting them on disk (crypto-shredding).
pub fn destroy_keys(conn: &Connection) -> Result<(), JournalError> {
    conn.execute_batch("DELETE FROM slots; DELETE FROM meta WHERE key <> 'format';")?;
    Ok(())
}
