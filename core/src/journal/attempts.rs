//! The persisted failed-attempt counter and its growing delay.
//!
//! The first [`FREE_ATTEMPTS`] wrong passcodes cost nothing; after that each try must wait
//! 30 s, 60 s, 120 s, ... up to an hour. The counter lives in the database so closing the app does
//! not reset it. It slows guessing in the app; it cannot stop someone who copies the files (the
//! device secret of the key store is what protects those).

use super::store;
use super::JournalError;
use rusqlite::Connection;

/// Wrong passcodes allowed before the delay starts.
pub const FREE_ATTEMPTS: u64 = 5;
const FIRST_DELAY_SECONDS: u64 = 30;
const MAX_DELAY_SECONDS: u64 = 3600;
const FAILURES: &str = "failed_attempts";
const LAST_FAILURE: &str = "last_failed_at";

/// The wait, in seconds, required after `failures` wrong passcodes in a row.
pub fn delay_after(failures: u64) -> u64 {
    match failures.checked_sub(FREE_ATTEMPTS) {
        None => 0,
        Some(extra) => FIRST_DELAY_SECONDS.saturating_mul(1 << extra.min(16)).min(MAX_DELAY_SECONDS),
    }
}

/// Seconds until another try is allowed at `now` (Unix seconds); a clock set back does not shorten it.
pub fn wait(conn: &Connection, now: u64) -> Result<u64, JournalError> {
    let delay = delay_after(store::meta_u64(conn, FAILURES)?);
    let elapsed = now.saturating_sub(store::meta_u64(conn, LAST_FAILURE)?);
    Ok(delay.saturating_sub(elapsed))
}

/// Counts one more wrong passcode at `now`.
pub fn record_failure(conn: &Connection, now: u64) -> Result<(), JournalError> {
    let failures = store::meta_u64(conn, FAILURES)?;
    store::set_meta_u64(conn, FAILURES, failures.saturating_add(1))?;
    store::set_meta_u64(conn, LAST_FAILURE, now)
}

/// Forgets earlier wrong passcodes after a right one.
pub fn reset(conn: &Connection) -> Result<(), JournalError> {
    if store::meta_u64(conn, FAILURES)? > 0 {
        store::set_meta_u64(conn, FAILURES, 0)?;
    }
    Ok(())
}

/// The current Unix time in seconds.
pub fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::delay_after;

    #[test]
    fn the_delay_grows_after_the_free_attempts_and_is_capped() {
        assert_eq!((0..5).map(delay_after).max(), Some(0));
        assert_eq!(delay_after(5), 30);
        assert_eq!(delay_after(6), 60);
        assert_eq!(delay_after(50), 3600);
        assert_eq!(delay_after(u64::MAX), 3600);
    }
}
