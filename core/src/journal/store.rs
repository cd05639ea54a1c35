//! The SQLite file under a journal folder: settings, schema, format version and the row queries.
//!
//! In the clear are only random ids, an order number (`seq`) and sealed blobs; the `meta` table
//! also holds the passcode parameters and the failed-attempt counter, which must be readable
//! before anything is unlocked.

use super::{JournalError, FORMAT_VERSION};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::{Path, PathBuf};

/// The database file inside a journal folder.
pub const DB_FILE: &str = "journal.sqlite";
/// Files SQLite may keep beside the database.
pub const SIDE_FILES: [&str; 3] = ["journal.sqlite-wal", "journal.sqlite-shm", "journal.sqlite-journal"];

const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE slots (id BLOB PRIMARY KEY, kind INTEGER NOT NULL, blob BLOB NOT NULL);
CREATE TABLE revisions (seq INTEGER PRIMARY KEY, vault BLOB NOT NULL, entry BLOB NOT NULL, id BLOB NOT NULL UNIQUE, blob BLOB NOT NULL);
CREATE INDEX revisions_by_entry ON revisions (vault, entry);
CREATE TABLE attachments (id BLOB PRIMARY KEY, vault BLOB NOT NULL, entry BLOB NOT NULL, blob BLOB NOT NULL);
CREATE TABLE heads (vault BLOB PRIMARY KEY, blob BLOB NOT NULL);
CREATE TABLE plans (vault BLOB PRIMARY KEY, blob BLOB NOT NULL);
";

/// An open journal database.
pub struct Store {
    conn: Connection,
}

/// One stored row: its id, the entry it belongs to and the sealed blob.
pub struct Row {
    /// The random id of the row.
    pub id: Vec<u8>,
    /// The random id of the entry.
    pub entry: Vec<u8>,
    /// The sealed content.
    pub blob: Vec<u8>,
}

impl From<rusqlite::Error> for JournalError {
    fn from(e: rusqlite::Error) -> Self {
        JournalError::Storage(e.to_string())
    }
}

/// Two byte columns of a row: `(id, blob)` for slots, `(id, entry)` for attachments.
pub type Pair = (Vec<u8>, Vec<u8>);

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
            tx.execute_batch(SCHEMA)?;
            set_meta(tx, "format", &FORMAT_VERSION.to_be_bytes())
        })?;
        Ok(store)
    }

    /// Opens the journal database in `dir`, checking its format version before writing anything.
    pub fn open(dir: &Path) -> Result<Store, JournalError> {
        let path = db_path(dir);
        if !path.is_file() {
            return Err(JournalError::NotFound(format!("no journal in {}", dir.display())));
        }
        let conn = connect(&path)?;
        let format = meta(&conn, "format")
            .map_err(|_| JournalError::Storage(format!("{} is not a Baken journal", path.display())))?
            .and_then(|bytes| <[u8; 4]>::try_from(bytes.as_slice()).ok())
            .map(u32::from_be_bytes)
            .ok_or_else(|| JournalError::Storage(format!("{} has no format version", path.display())))?;
        if format != FORMAT_VERSION {
            return Err(JournalError::UnsupportedVersion { found: format, supported: FORMAT_VERSION });
        }
        let mut store = Store { conn };
        store.make_durable()?;
        Ok(store)
    }

    /// The connection, for reading.
    pub fn conn(&self) -> &Connection {
        &self.conn
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
            return Err(JournalError::Storage(format!("journal mode is {mode}, not WAL")));
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
        _ => JournalError::Io(format!("cannot create {}: {e}", path.display())),
    })
}

fn create_private_dir(dir: &Path) -> Result<(), JournalError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| JournalError::Io(format!("cannot create {}: {e}", dir.display())))
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
pub fn slots(conn: &Connection, kind: i64) -> Result<Vec<Pair>, JournalError> {
    let mut statement = conn.prepare_cached("SELECT id, blob FROM slots WHERE kind = ?1 ORDER BY id")?;
    let rows = statement.query_map([kind], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Stores or replaces a key slot.
pub fn put_slot(conn: &Connection, id: &[u8], kind: i64, blob: &[u8]) -> Result<(), JournalError> {
    conn.execute("INSERT OR REPLACE INTO slots (id, kind, blob) VALUES (?1, ?2, ?3)", params![id, kind, blob])?;
    Ok(())
}

/// The revisions of a vault in chain order; only those of `entry` when given.
pub fn revisions(conn: &Connection, vault: &[u8], entry: Option<&[u8]>) -> Result<Vec<Row>, JournalError> {
    let map = |row: &rusqlite::Row| Ok(Row { id: row.get(0)?, entry: row.get(1)?, blob: row.get(2)? });
    Ok(match entry {
        None => conn
            .prepare_cached("SELECT id, entry, blob FROM revisions WHERE vault = ?1 ORDER BY seq")?
            .query_map([vault], map)?
            .collect::<Result<_, _>>()?,
        Some(entry) => conn
            .prepare_cached("SELECT id, entry, blob FROM revisions WHERE vault = ?1 AND entry = ?2 ORDER BY seq")?
            .query_map([vault, entry], map)?
            .collect::<Result<_, _>>()?,
    })
}

/// Appends a revision at the end of the order.
pub fn insert_revision(conn: &Connection, vault: &[u8], row: &Row) -> Result<(), JournalError> {
    conn.prepare_cached("INSERT INTO revisions (vault, entry, id, blob) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![vault, row.entry, row.id, row.blob])?;
    Ok(())
}

/// Replaces the blob of a revision, keeping its place in the order.
pub fn replace_revision(conn: &Connection, id: &[u8], blob: &[u8]) -> Result<(), JournalError> {
    conn.execute("UPDATE revisions SET blob = ?2 WHERE id = ?1", params![id, blob])?;
    Ok(())
}

/// Stores an attachment.
pub fn insert_attachment(conn: &Connection, vault: &[u8], row: &Row) -> Result<(), JournalError> {
    conn.prepare_cached("INSERT INTO attachments (id, vault, entry, blob) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![row.id, vault, row.entry, row.blob])?;
    Ok(())
}

/// One attachment of a vault, if it exists.
pub fn attachment(conn: &Connection, vault: &[u8], id: &[u8]) -> Result<Option<Row>, JournalError> {
    Ok(conn
        .query_row("SELECT id, entry, blob FROM attachments WHERE vault = ?1 AND id = ?2", [vault, id], |row| {
            Ok(Row { id: row.get(0)?, entry: row.get(1)?, blob: row.get(2)? })
        })
        .optional()?)
}

/// Deletes the attachments of one entry.
pub fn delete_attachments(conn: &Connection, vault: &[u8], entry: &[u8]) -> Result<(), JournalError> {
    conn.execute("DELETE FROM attachments WHERE vault = ?1 AND entry = ?2", [vault, entry])?;
    Ok(())
}

/// A single sealed blob kept per vault in `table` (`heads` or `plans`).
pub fn vault_blob(conn: &Connection, table: VaultTable, vault: &[u8]) -> Result<Option<Vec<u8>>, JournalError> {
    let sql = format!("SELECT blob FROM {} WHERE vault = ?1", table.name());
    Ok(conn.prepare_cached(&sql)?.query_row([vault], |row| row.get(0)).optional()?)
}

/// Stores the single sealed blob of a vault in `table`.
pub fn put_vault_blob(conn: &Connection, table: VaultTable, vault: &[u8], blob: &[u8]) -> Result<(), JournalError> {
    let sql = format!("INSERT OR REPLACE INTO {} (vault, blob) VALUES (?1, ?2)", table.name());
    conn.prepare_cached(&sql)?.execute(params![vault, blob])?;
    Ok(())
}

/// The tables that hold one blob per vault.
#[derive(Debug, Clone, Copy)]
pub enum VaultTable {
    /// The sealed head of the chain.
    Heads,
    /// The sealed safety plan.
    Plans,
}

impl VaultTable {
    fn name(self) -> &'static str {
        match self {
            VaultTable::Heads => "heads",
            VaultTable::Plans => "plans",
        }
    }
}

/// Deletes the key slots of one kind.
pub fn delete_slots(conn: &Connection, kind: i64) -> Result<(), JournalError> {
    conn.execute("DELETE FROM slots WHERE kind = ?1", [kind])?;
    Ok(())
}

/// Deletes every record of one vault (a wiped decoy).
pub fn delete_vault(conn: &Connection, vault: &[u8]) -> Result<(), JournalError> {
    for table in ["revisions", "attachments", "heads", "plans"] {
        conn.execute(&format!("DELETE FROM {table} WHERE vault = ?1"), [vault])?;
    }
    Ok(())
}

/// Destroys every key slot and key-related setting, overwriting them on disk (crypto-shredding).
pub fn destroy_keys(conn: &Connection) -> Result<(), JournalError> {
    conn.execute_batch("DELETE FROM slots; DELETE FROM meta WHERE key <> 'format';")?;
    Ok(())
}
